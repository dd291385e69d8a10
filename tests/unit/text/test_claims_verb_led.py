"""Counts whose noun is named by a verb phrase or a bracket, verbal qualifiers, and speakers
given with an appositive name."""

from __future__ import annotations

from monitor.text.claims import Claim, extract_claims


def only(text: str, value: float) -> Claim:
    matches = [c for c in extract_claims(text) if c.value == value]
    assert len(matches) == 1, extract_claims(text)
    return matches[0]


def test_a_verbal_qualifier_is_more_than_and_names_the_count() -> None:
    claim = only("Philippines flood death toll tops 150 as rain continues", 150)
    assert (claim.qualifier, claim.unit, claim.lower) == ("more than", "deaths", 150)


def test_passed_and_exceeded_are_more_than() -> None:
    assert only("Confirmed cases have now passed 2,000 in the region.", 2000).qualifier == (
        "more than"
    )
    assert only("The number of arrests exceeded 700 by Sunday.", 700).qualifier == "more than"


def test_a_modal_verb_leads_to_the_count() -> None:
    claim = only("The mayor said the toll could ultimately reach 4,000.", 4000)
    assert claim.unit == "deaths"


def test_a_population_is_counted_and_before_the_war_is_past() -> None:
    claim = only("Gaza had a population of about 2.1 million before the war.", 2_100_000)
    assert (claim.unit, claim.time) == ("population", "past")


def test_an_appositive_name_is_kept_with_the_speakers_title() -> None:
    claim = only("The governor, Maura Healey, said 300 families had been moved.", 300)
    assert claim.attribution is not None and "Maura Healey" in claim.attribution


def test_according_to_is_not_part_of_the_source() -> None:
    claim = only("The city had 46,000 residents, according to census estimates for 2020.", 46000)
    assert claim.attribution == "census"


def test_volumes_and_model_numbers_are_not_counts() -> None:
    text = "The two reservoirs held about 9 million cubic metres of water, and the plant builds the Model 3."
    assert [c.value for c in extract_claims(text)] == [2]


def test_the_number_of_people_sickened_or_made_ill_leads_to_the_count() -> None:
    assert only("The number of people sickened rose to 75.", 75).unit == "people"
    assert only("The number of people infected has reached 300, officials said.", 300).unit == (
        "people"
    )
    made_sick = only(
        "The number of people made sick after eating at the chain's restaurants nationwide "
        "has climbed to 90.",
        90,
    )
    assert (made_sick.unit, made_sick.kind) == ("people", "total")


def test_a_date_naming_the_event_does_not_break_the_verb_led_toll() -> None:
    claim = only(
        "The death toll in Ishikawa Prefecture from the Jan. 1 earthquake grew to 126 on "
        "Saturday, the prefectural government announced.",
        126,
    )
    assert (claim.unit, claim.kind, claim.scope) == ("deaths", "total", "Ishikawa Prefecture")
    claim = only(
        "The number of people killed by the January 1 earthquake in Ishikawa Prefecture has "
        "risen to 161, while 103 people are still missing.",
        161,
    )
    assert (claim.unit, claim.kind) == ("people", "total")


def test_the_day_of_the_date_is_never_taken_for_the_count() -> None:
    values = [c.value for c in extract_claims("The toll from the Oct. 29 crush rose to 154.")]
    assert values == [154]
