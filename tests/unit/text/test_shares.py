"""Shares of a population, sentence by sentence: the whole a share or part is taken of, when
it is a population, counts no figure, and the part taken of it counts what its predicate
says; a whole whose noun phrase says what happened to it is a count of its own."""

from __future__ import annotations

import pytest

from monitor.text.figures import FigureSpec, bind
from tests.unit.text.conftest import frame

FLED = FigureSpec(
    "fled", "People who fled the enclave", ("people", "residents", "villagers", "Armenians", "refugees"),
    ("Armenia", "the enclave"), about=("fled", "left", "crossed"),
)  # fmt: skip
CUTS = FigureSpec(
    "cuts", "Jobs the retailer will cut", ("jobs", "employees", "workers", "staff"),
    ("Shopmart",), about=("cut", "cuts", "lay off", "laid off"),
)  # fmt: skip
DEAD = FigureSpec(
    "dead", "People killed in the collapse", ("people", "victims", "dead"), ("Surfside",),
    about=("killed", "dead", "victims", "identified"),
)  # fmt: skip


@pytest.mark.parametrize(
    ("spec", "text", "value"),
    [
        (CUTS, "The cuts come to about 8 percent of Shopmart's roughly 90,000 office staff.",
         90_000),
        (CUTS, "Shopmart will lay off more than half of its 4,000 workers, the union said.", 4_000),
        (FLED, "Armenia said 61,000 of the enclave's estimated 120,000 residents had fled.",
         120_000),
        (FLED, "Officials said a third of the enclave's 90,000 ethnic Armenians had left.", 90_000),
    ],
)  # fmt: skip
def test_the_population_a_share_is_taken_of_binds_no_figure(
    spec: FigureSpec, text: str, value: float
) -> None:
    assert (
        bind(spec, frame(text, value)).reason == "the population a share is taken of, not a count"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Armenia said 61,000 of the enclave's estimated 120,000 residents had fled.",
        "Yerevan said 7,500 of the 9,000 villagers had now left the enclave for Armenia.",
    ],
)
def test_the_part_taken_of_a_population_counts_its_predicate(text: str) -> None:
    counted = frame(text, 61_000 if "61,000" in text else 7_500)
    assert counted.kind == "total"
    assert bind(FLED, counted).bound


@pytest.mark.parametrize(
    ("text", "part", "whole"),
    [
        ("Police in Surfside have identified 74 of the 97 victims so far.", 74, 97),
        ("In Surfside 85 of the 95 people killed have been named.", 85, 95),
    ],
)
def test_a_whole_that_is_itself_the_count_still_binds(text: str, part: float, whole: float) -> None:
    assert frame(text, part).kind == "part"
    assert bind(DEAD, frame(text, whole)).bound
