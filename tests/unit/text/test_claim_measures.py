"""Measure claims (docs/SPEC.md §6, stop 29): a figure counted in pounds, tonnes or barrels
takes the amounts of that unit as claims, framed like counts; other figures see nothing new."""

from __future__ import annotations

from monitor.text.claim_measures import measure_symbol, measure_symbols
from monitor.text.claims import Claim, extract_claims, extract_report
from monitor.text.figure_words import unit_matches

POUNDS = frozenset({"lb"})


def measured(text: str, measures: frozenset[str] = POUNDS) -> list[Claim]:
    return [c for c in extract_report(text, measures).claims if c.measure is not None]


def test_a_figures_unit_names_a_measure_by_any_of_its_spellings() -> None:
    assert {measure_symbol(u) for u in ("pounds", "lbs", "lb", "pound")} == {"lb"}
    assert {measure_symbol(u) for u in ("tonnes", "tons", "metric tons", "tonne")} == {"t"}
    assert measure_symbols(["barrels", "gallons", "litres", "liters", "kilograms"]) == {
        "bbl",
        "gal",
        "l",
        "kg",
    }


def test_counts_lengths_and_rainfall_name_no_measure() -> None:
    assert measure_symbols(["people", "recalls", "cases", "millimetres", "miles", "mm"]) == set()


def test_without_a_measure_figure_an_amount_by_weight_is_no_claim() -> None:
    text = "Tyson Foods is recalling 69,093 pounds of frozen chicken strips, the agency said."
    assert extract_claims(text) == []
    assert extract_report(text).claims == []


def test_a_recall_in_pounds_is_a_current_total_in_lb() -> None:
    (claim,) = measured("Tyson Foods is recalling 69,093 pounds of frozen chicken strips.")
    assert (claim.value, claim.unit, claim.measure) == (69093, "pounds", "lb")
    assert (claim.kind, claim.time, claim.scope) == ("total", "current", "Tyson Foods")
    assert claim.to_dict()["measure"] == "lb"


def test_an_expanded_recall_is_the_total_it_reached() -> None:
    (claim,) = measured(
        "Tyson Foods has expanded its recall of chicken strips to 11,829,517 pounds, "
        "the department said on Saturday."
    )
    assert (claim.value, claim.kind, claim.time) == (11829517, "total", "current")


def test_an_additional_amount_is_an_increment_and_the_total_it_brings_is_the_total() -> None:
    found = measured(
        "The agency expanded the recall to include an additional 67,000 pounds of meat "
        "products, bringing the total to about 72,000 pounds."
    )
    assert [(c.value, c.kind) for c in found] == [(67000, "new"), (72000, "total")]


def test_another_amount_is_an_increment() -> None:
    (claim,) = measured("Tyson is recalling another 12 million pounds of chicken strips.")
    assert (claim.value, claim.kind) == (12_000_000, "new")


def test_up_from_is_the_previous_value() -> None:
    found = measured("The recall now covers 3,000 pounds of beef, up from 1,200 pounds.")
    assert [(c.value, c.kind) for c in found] == [(3000, "total"), (1200, "previous")]


def test_lbs_and_pounds_are_one_unit() -> None:
    (claim,) = measured("The company is recalling about 5,100 lbs of ground beef.")
    assert (claim.value, claim.unit, claim.measure, claim.qualifier) == (5100, "lbs", "lb", "about")


def test_only_the_asked_measure_is_offered() -> None:
    text = "The tanker spilled 2,000 tonnes of oil and 500 barrels of diesel near the port."
    assert [(c.value, c.measure) for c in measured(text, frozenset({"t"}))] == [(2000, "t")]
    assert [(c.value, c.measure) for c in measured(text, frozenset({"bbl"}))] == [(500, "bbl")]


def test_a_measure_hands_no_counted_noun_to_the_next_sentence() -> None:
    text = "The firm recalled 4,000 pounds of chicken. Officials said 12 were sick."
    plain = [(c.value, c.unit) for c in extract_report(text).claims]
    asked = [(c.value, c.unit) for c in extract_report(text, POUNDS).claims if not c.measure]
    assert asked == plain


def test_a_measure_claim_matches_only_a_figure_unit_of_its_own_symbol() -> None:
    (claim,) = measured("Tyson Foods is recalling 69,093 pounds of frozen chicken strips.")
    assert unit_matches(claim, ["lbs"])
    assert unit_matches(claim, ["pounds", "recalls"])
    assert not unit_matches(claim, ["kilograms"])  # never converted
    assert not unit_matches(claim, ["strips"])


def test_a_count_still_binds_a_figure_that_mixes_a_measure_and_a_count() -> None:
    (claim,) = [c for c in extract_report("Officials said 12 people were sick.", POUNDS).claims]
    assert claim.measure is None
    assert unit_matches(claim, ["pounds", "people"])
    assert not unit_matches(claim, ["pounds"])
