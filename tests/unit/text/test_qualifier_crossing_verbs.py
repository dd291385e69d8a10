"""Verbs of passing a mark are "more than" in every tense: "crossed 2,000", "crosses 500",
"surpasses 400", "exceeds 90", "passes 900", and the count keeps its verb-led noun."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The death toll crossed 2,000 on Monday, officials said.", 2000, "deaths"),
        ("Flood deaths in the province crossed 1,100 on Wednesday.", 1100, "deaths"),
        ("Confirmed cases in the state surpasses 400, officials said.", 400, "cases"),
        ("Quake toll passes 900 as rescuers reach remote villages", 900, "deaths"),
        ("Measles cases in the county exceeds 90 as schools close", 90, "cases"),
    ],
)
def test_passing_a_mark_is_more_than(text: str, value: int, unit: str) -> None:
    claim = frame(text, value)
    assert claim.qualifier == "more than"
    assert claim.lower == value and claim.upper is None
    assert claim.unit.endswith(unit)
