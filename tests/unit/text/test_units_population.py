"""Counted units, sentence by sentence: a place described by its size ("a town of 25,000")
counts its inhabitants — the unit is `population`, never a count a figure tracks."""

from __future__ import annotations

import pytest

from monitor.text.figures import FigureSpec, bind
from tests.unit.text.conftest import frame

MISSING = FigureSpec(
    "missing", "People missing after the floods", ("people", "missing"), ("Kerrville",),
    about=("missing",),
)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Many of the missing lived in Kerrville, a town of 25,000 that flooded overnight.", 25_000),
        ("The island nation of about 300,000 has recorded 12 deaths.", 300_000),
        ("A city of some 2 million, Kharkiv lost power again on Friday.", 2_000_000),
        ("Rescuers reached the mountain village of roughly 800 by helicopter.", 800),
    ],
)  # fmt: skip
def test_a_place_of_n_counts_its_population(text: str, value: float) -> None:
    assert frame(text, value).unit == "population"


def test_a_population_never_binds_to_a_count_of_people() -> None:
    text = "Most of the missing are from Kerrville, a town of 25,000 where the river rose first."
    assert not bind(MISSING, frame(text, 25_000)).bound


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The town of Kerrville has 40 people still missing.", 40, "people"),
        ("A convoy of 30 trucks reached the city.", 30, "trucks"),
    ],
)
def test_a_counted_noun_after_the_number_is_still_its_unit(
    text: str, value: float, unit: str
) -> None:
    assert frame(text, value).unit == unit
