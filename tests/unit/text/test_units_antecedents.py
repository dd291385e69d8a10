"""Counted units a bare number takes from its own sentence: an apposition after its noun
("the week's arrests, 212, ..."), a colon list placed name by name after a clause naming what
is counted, and "N of them" referring back to the nearest plural noun."""

from __future__ import annotations

import pytest

from monitor.text.claims import extract_claims
from tests.unit.text.conftest import claims_of, frame


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("More than a third of the week's arrests, 212, were made in the northern suburbs.",
         212, "arrests"),
        ("The ferry's passengers, 318, were all accounted for by nightfall.", 318, "passengers"),
        ("Only a fraction of the reported infections — 64 — were confirmed by laboratory tests.",
         64, "infections"),
    ],
)  # fmt: skip
def test_a_number_set_off_by_commas_after_its_noun_counts_that_noun(
    text: str, value: float, unit: str
) -> None:
    assert frame(text, value).unit == unit


def test_a_colon_list_counts_the_noun_of_the_clause_before_it_place_by_place() -> None:
    text = (
        "Most of the planned store closures are in the Midwest: 41 in Ohio, 27 in Michigan"
        " and 12 in Indiana."
    )
    found = [(c.value, c.unit, c.scope) for c in claims_of(text)]
    assert found == [
        (41, "store closures", "Ohio"),
        (27, "store closures", "Michigan"),
        (12, "store closures", "Indiana"),
    ]


def test_people_apposed_by_more_than_a_lifetime_are_counted() -> None:
    assert frame("The pupils, 140, were moved to a gym nearby.", 140).unit == "pupils"


def test_n_of_them_refers_back_to_the_nearest_plural_noun() -> None:
    text = (
        "Ballots postmarked by Friday will still be counted, the board said; it received about"
        " 9,000 of them on Monday alone."
    )
    assert frame(text, 9_000).unit == "ballots"


@pytest.mark.parametrize(
    "text",
    [
        "Temperatures across the region: 41 in Tucson and 39 in Yuma.",  # a measure list
        "Two years, 2019 and 2020, saw no outbreaks at all.",  # years set off by commas
        "The prices, 45, were the highest of the season.",  # a price, not a count
        "Schedule for the week: 9 in the morning at Central Park, then noon.",
        "Key dates for the inquiry: 12 in March and 14 in April.",  # days of months
        "Her sons, 12, were unhurt in the crash.",  # a person's apposed age
        "The company's shares, 12, fell sharply.",  # stock, not a count
    ],
)
def test_measures_years_and_times_take_no_antecedent(text: str) -> None:
    assert extract_claims(text) == []
