"""A company's headcount or workforce is a count of its own; an adverb of extent after a bare
number ("worldwide") leaves the verb's people."""

from __future__ import annotations

import pytest

from monitor.text.claims import extract_claims
from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The retailer's headcount fell to 41,300 by March, from 45,900 a year before.",
         41_300, "headcount"),
        ("The retailer's headcount fell to 41,300 by March, from 45,900 a year before.",
         45_900, "headcount"),
        ("The carmaker's workforce stood at 8,200 at the end of the quarter.", 8_200,
         "workforce"),
    ],
)  # fmt: skip
def test_a_headcount_or_workforce_counts_itself(text: str, value: float, unit: str) -> None:
    assert frame(text, value).unit == unit


def test_an_adverb_of_extent_keeps_the_verbs_people() -> None:
    text = "The strain has spread faster than the 2009 flu, which infected 3,100 nationwide."
    assert frame(text, 3_100).unit == "people"


@pytest.mark.parametrize(
    "text",
    [
        "The bank will cut 4 percent of its staff by June.",
        "The central bank cut its rate by 0.25 points on Tuesday.",
    ],
)
def test_shares_and_rates_cut_are_no_count(text: str) -> None:
    assert extract_claims(text) == []


def test_a_workforce_smaller_by_a_number_gives_no_size() -> None:
    text = "The carmaker's workforce is about 6,000 smaller than it was a year ago."
    assert extract_claims(text) == []
