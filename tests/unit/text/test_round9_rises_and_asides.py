"""Counts told by their rise and counts told with where the counted are (docs/SPEC.md §6): "the
number of X has (more than) doubled (in a week) to N" and "the number of people displaced within
Sudan has risen to N" give N as the count; a verbless aside after a number saying where the
counted are ("..., either within the country or abroad") belongs to the number's own phrase,
so an `exclude` term in it keeps the number from a figure that counts only one of those places."""

from __future__ import annotations

import pytest

from monitor.text.claims import extract_claims
from monitor.text.figures import FigureSpec, bind
from tests.unit.text.conftest import frame

DISPLACED = FigureSpec(
    name="sudan-displaced",
    label="People internally displaced within Sudan",
    units=("people",),
    context=("Sudan",),
    about=("displaced", "forced from their homes"),
    exclude=("abroad", "neighbouring countries"),
)


@pytest.mark.parametrize(
    "text",
    [
        "The number of people displaced within Sudan has doubled to 700,000, the IOM said.",
        "The number of people displaced within Sudan has more than doubled to 700,000.",
        "The number of people displaced within Sudan has risen in a week to 700,000.",
        "The number of people displaced by the fighting within Sudan has more than doubled in"
        " a week to more than 700,000, IOM spokesman Paul Dillon said.",
    ],
)
def test_a_count_told_by_its_rise_is_the_number_it_rose_to(text: str) -> None:
    claim = frame(text, 700_000)
    assert (claim.unit, claim.kind, claim.time) == ("people", "total", "current")
    assert bind(DISPLACED, claim).bound


def test_a_where_aside_after_the_number_belongs_to_its_phrase() -> None:
    text = (
        "More than three million people have been forced from their homes by the war in Sudan,"
        " either within the country or abroad, an IOM spokeswoman said on Wednesday."
    )
    (claim,) = [c for c in extract_claims(text) if c.value == 3_000_000]
    binding = bind(DISPLACED, claim)
    assert not binding.bound and "abroad" in binding.reason


def test_a_clause_after_the_aside_is_still_its_own() -> None:
    text = (
        "About 2.4 million people are displaced inside Sudan, both in camps and with host"
        " families, and 740,000 have fled abroad."
    )
    (claim,) = [c for c in extract_claims(text) if c.value == 2_400_000]
    assert bind(DISPLACED, claim).bound


STRIKE = FigureSpec(
    name="uaw-strike-workers",
    label="UAW members on strike",
    units=("workers", "members"),
    context=("UAW", "the union", "the strike"),
    about=("strike", "walked out"),
)


def test_a_running_total_after_a_plants_own_count_is_not_the_plants() -> None:
    text = (
        "About 6,800 workers at Stellantis' Sterling Heights Assembly Plant, which builds the"
        " Ram 1500 pickup, walked out on Monday, the union's third expansion in three weeks,"
        " bringing the number of members on strike to about 40,000."
    )
    assert frame(text, 6_800).scope == "Stellantis"
    total = frame(text, 40_000)
    assert total.scope != "Sterling Heights Assembly Plant"
    assert bind(STRIKE, total).bound


def test_a_running_total_after_more_of_the_same_whole_keeps_its_scope() -> None:
    text = (
        "Six more people have died in the listeria outbreak tied to Boar's Head deli meats,"
        " bringing the death toll to nine, the CDC said on Wednesday."
    )
    assert frame(text, 9).scope == frame(text, 6).scope
