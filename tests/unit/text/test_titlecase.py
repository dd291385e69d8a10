"""Title Case headlines read as sentences: common words lowercased, names and offsets kept."""

from __future__ import annotations

import pytest

from monitor.text.claims import extract_claims
from monitor.text.titlecase import is_title_case, sentence_case


@pytest.mark.parametrize(
    ("headline", "cased"),
    [
        (
            "Death Toll In Mexico Earthquake Rises Above 200 As Search Continues",
            "Death toll in Mexico earthquake rises above 200 as search continues",
        ),
        (
            "Measles Outbreak Grows To 73 Confirmed Cases In Clark County",
            "Measles outbreak grows to 73 confirmed cases in Clark County",
        ),
        ("New Zealand Quake Toll Rises To 75", "New Zealand quake toll rises to 75"),
    ],
)
def test_a_title_case_headline_is_sentence_cased(headline: str, cased: str) -> None:
    assert sentence_case(headline) == cased
    assert len(sentence_case(headline)) == len(headline)


@pytest.mark.parametrize(
    "text",
    [
        "Officials said 40 died in the flooding on Monday.",
        "UN SAYS 40 DEAD",
        "Floods Kill 40",
    ],
)
def test_other_text_is_left_alone(text: str) -> None:
    assert not is_title_case(text) or len(text.split()) < 4
    assert sentence_case(text) == text


def test_a_title_case_headlines_claim_keeps_the_words_as_written() -> None:
    [claim] = extract_claims("Death Toll In Mexico Earthquake Rises Above 200 As Search Continues")
    assert (claim.value, claim.unit, claim.scope) == (200, "deaths", "Mexico")
    assert claim.text == "Above 200"
    assert claim.sentence.startswith("Death Toll In Mexico")


def test_a_place_in_the_counted_noun_phrase_scopes_it() -> None:
    [claim] = extract_claims("Health officials have now confirmed 71 Clark County residents.")
    assert claim.scope == "Clark County"


def test_a_count_in_a_clause_about_an_older_dated_event_is_past() -> None:
    [claim] = extract_claims("The toll is now higher than the 2018 fires, which killed 85.")
    assert (claim.time, claim.time_ref) == ("past", "2018")


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("In April 2013, Toyota recalled 3.4 million vehicles.", "past"),
        ("On March 3, 2019, the storm killed 23 people in Alabama.", "past"),
        # the date an event began is not the time of its count
        ("The war, which began on April 15, 2023, has killed 14,000 people.", "current"),
    ],
)
def test_a_dated_month_sets_the_time(text: str, time: str) -> None:
    [claim] = extract_claims(text)
    assert claim.time == time


@pytest.mark.parametrize(
    ("headline", "scope"),
    [
        ("France Riots: 667 Arrested On Third Night Of Unrest", "France"),
        ("Drones Kill 4 In Odesa Overnight As Air Raid Alerts Sound", "Odesa"),
    ],
)
def test_ordinals_and_periods_in_a_headline_are_never_part_of_a_name(
    headline: str, scope: str
) -> None:
    found = extract_claims(headline)[0].scope or ""
    assert found.startswith(scope)
    assert "night" not in found.lower()


@pytest.mark.parametrize(
    ("headline", "cased"),
    [
        (
            "Flood Evacuees Top 9,000 As River Crests In Northern Province",
            "Flood evacuees top 9,000",
        ),
        (
            "Hungary Detainees Pass 1,200 As Protests Go On",
            "Hungary detainees pass 1,200",
        ),
    ],
)
def test_a_less_common_plural_before_a_counts_verb_is_its_subject(
    headline: str, cased: str
) -> None:
    assert sentence_case(headline).startswith(cased)
    (claim,) = extract_claims(headline)
    assert claim.unit.split()[-1] in ("evacuees", "detainees")


def test_adverbs_and_pronouns_of_a_headline_are_lowercased() -> None:
    assert sentence_case("Brazil Dam Deaths Pass 100; 238 Still Missing").endswith(
        "238 still missing"
    )
    assert "of them" in sentence_case("90 Divers, 50 Of Them Foreign, Join Thai Cave Rescue")
