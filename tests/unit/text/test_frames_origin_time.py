"""Claim frames, sentence by sentence: where counted people came from and went to, a running
count "since" an earlier period, and a genus initial that is no place name."""

from __future__ import annotations

import pytest

from monitor.text.claims import extract_claims
from tests.unit.text.conftest import frame

# --- origin and destination -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        # a host country holding the counted people: "from X" is where they came from
        ("Poland has so far welcomed 2.3 million refugees from Ukraine.", 2_300_000, "Poland"),
        ("Moldova has taken in 371,104 refugees from Ukraine, the agency said.", 371_104,
         "Moldova"),
        # entering a place: the place entered is the count's
        ("More than 3 million refugees have entered Poland from Ukraine.", 3_000_000, "Poland"),
        # leaving a place: the place left is the count's
        ("A total of 2,808,792 refugees have left Ukraine for neighbouring countries since the "
         "start of the war.", 2_808_792, "Ukraine"),
        # a relative clause of departure on the counted noun
        ("Over 3 million have entered Poland, out of the 5.3 million refugees who have left "
         "Ukraine since the war began.", 5_300_000, "Ukraine"),
        # but "from X" stays the count's own place when no place holds them
        ("Of the 102 people charged, 49 were from Merseyside and four from Lancashire.", 49,
         "Merseyside"),
        ("Police arrested 120 people from Southport on Tuesday.", 120, "Southport"),
    ],
)  # fmt: skip
def test_origin_and_destination_scope(text: str, value: float, scope: str) -> None:
    assert frame(text, value).scope == scope


# --- time: a running count since an earlier period is current --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "In Malawi, more than 1,700 people have died of cholera since last year.",
        "Since last year, the outbreak has killed 1,700 people in Malawi.",
        "The outbreak has sickened 420 people in the county since the previous season ended.",
    ],
)
def test_a_count_since_an_earlier_period_is_current(text: str) -> None:
    value = 420 if "420" in text else 1700
    assert frame(text, value).time == "current"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Last year, 82 people died of cholera in Malawi.", 82),
        ("Cases have doubled since last year, when 40 people died.", 40),
    ],
)
def test_a_count_placed_in_the_earlier_period_is_still_past(text: str, value: float) -> None:
    assert frame(text, value).time == "past"


# --- a genus initial is no name ---------------------------------------------------------------


def test_a_genus_initial_is_not_read_as_a_place() -> None:
    claim = frame(
        "The number of people sickened in the E. coli outbreak linked to McDonald's has "
        "risen to 75, the CDC said.",
        75,
    )
    assert claim.scope is not None
    assert "McDonald's" in claim.scope
    assert claim.scope != "the E"


@pytest.mark.parametrize(
    "text",
    [
        "The fire has killed 80 people, surpassing the 1960 tsunami that killed 61.",
        "The blaze has killed 80 people, overtaking a 1960 tsunami that killed 61 on the island.",
        "The blaze has killed 80 people, the deadliest in state history, surpassing a 1960 "
        "tsunami that killed 61.",
    ],
)
def test_a_comparison_after_the_number_dates_only_the_other_events_number(text: str) -> None:
    times = {c.value: c.time for c in extract_claims(text)}
    assert times == {80: "current", 61: "past"}


def test_at_the_time_after_a_comma_still_dates_the_number() -> None:
    text = "Meta had cut 11,000 jobs in 2022, about 13 percent of its staff at the time."
    claims = extract_claims(text)
    assert [c.time for c in claims if c.value == 11000] == ["past"]


# --- time: a named season or holiday of a year is an earlier period ---------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A five-day strike before Christmas 2024 closed around 170 stores.", 170),
        ("The walkout at Easter 2019 shut 40 stores for a day.", 40),
        # a which-clause whose antecedent is dated that way
        ("It is larger than the strike before Christmas 2024, which closed about 170 stores.",
         170),
    ],
)  # fmt: skip
def test_a_named_period_of_a_year_is_past(text: str, value: float) -> None:
    assert frame(text, value).time == "past"


def test_a_running_count_since_a_named_period_of_a_year_stays_current() -> None:
    text = "The strike has closed 170 stores since Christmas 2024."
    assert frame(text, 170).time == "current"


@pytest.mark.parametrize(
    "text",
    [
        "In the summer of 2022, some 40 stores closed during a strike.",
        "During winter 2023 the walkout shut 40 stores.",
    ],
)
def test_a_season_of_a_year_is_past(text: str) -> None:
    assert frame(text, 40).time == "past"


def test_a_named_event_of_a_year_is_not_a_season() -> None:
    text = "More than 10,000 athletes competed at Paris 2024 on Friday."
    assert frame(text, 10_000).time == "current"
