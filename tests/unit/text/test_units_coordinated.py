"""Counted nouns, sentence by sentence: two modifiers joined by "and"/"or" before the counted
noun belong to one phrase ("73 leased and owned buildings" counts buildings), while a plural
noun before "and" is itself the counted noun ("25 women and children" counts women)."""

from __future__ import annotations

import pytest

from monitor.text.claims import extract_claims


def _unit(text: str, value: float) -> str:
    return next(c.unit for c in extract_claims(text) if c.value == value)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("UPS will close 73 leased and owned buildings by June.", 73,
         "leased and owned buildings"),
        ("They hired 40 full-time and part-time workers.", 40, "full-time and part-time workers"),
        ("About 20 Democratic and Republican senators signed the letter.", 20,
         "Democratic and Republican senators"),
    ],
)  # fmt: skip
def test_modifiers_joined_by_and_count_the_noun_after_them(
    text: str, value: float, unit: str
) -> None:
    assert _unit(text, value) == unit


def test_a_coordinated_phrase_does_not_borrow_the_unit_of_an_earlier_number() -> None:
    text = "UPS will cut about 20,000 positions and close 73 leased and owned buildings by June."
    assert _unit(text, 73) == "leased and owned buildings"
    assert _unit(text, 20000) == "positions"


def test_a_plural_noun_before_and_is_the_counted_noun() -> None:
    assert _unit("The dead include 25 women and children.", 25) == "women"


def test_a_nominal_before_and_is_the_counted_noun() -> None:
    assert _unit("The landslide left 300 dead and missing.", 300) == "dead"
