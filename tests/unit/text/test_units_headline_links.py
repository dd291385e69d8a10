"""Headlines without a verb, or with one only people do: "Provincial toll at 492" counts
deaths, "Quake deaths near 3,000" counts deaths, "As 40,000 walk out" counts people."""

from __future__ import annotations

import pytest

from monitor.text.claims import extract_claims
from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Landslides bury villages in the north; regional toll at 318", 318, "deaths"),
        ("Cholera cases nearing 12,000 in the camps", 12_000, "cholera cases"),
        ("Flood Deaths Near 1,900 As Rains Return", 1_900, "flood deaths"),
    ],
)  # fmt: skip
def test_a_verbless_headline_links_its_count_by_at_or_near(
    text: str, value: float, unit: str
) -> None:
    assert frame(text, value).unit.lower() == unit


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Rail Strike Enters Second Week As 38,000 Stay Off The Job", 38_000),
        ("Police said about 6,000 marched to the parliament on Saturday.", 6_000),
        ("Nurses' walkout spreads as 12,000 walk out in three more provinces", 12_000),
    ],
)
def test_a_bare_number_doing_what_only_people_do_counts_people(text: str, value: float) -> None:
    assert frame(text, value).unit == "people"


def test_n_more_die_in_a_headline_counts_people_anew() -> None:
    claim = frame("Heatwave grips the south as 31 more die; hospitals overwhelmed", 31)
    assert (claim.unit, claim.kind) == ("people", "new")


@pytest.mark.parametrize(
    "text",
    [
        "The toll at 3 p.m. was unchanged, officials said.",
        "A boy aged 12 fled from the scene, police said.",
        "Ticket prices near $300 for the final.",
    ],
)
def test_times_ages_and_money_stay_uncounted(text: str) -> None:
    assert extract_claims(text) == []


def test_a_verbless_link_needs_the_count_noun_right_before_it() -> None:
    # "the count of the dead stands at": the verb links, the "of" phrase keeps its own words
    text = "About 300 people were hurt, while the ministry's count of the dead stands at 1,210."
    assert frame(text, 1_210).unit == "people"
