"""A subject's own earlier action told in an aside before a number ("..., four months after it
cut 11,000 jobs, bringing ...") dates that number in the earlier period (docs/SPEC.md §6: past),
while the running total after it stays current; and another source's count of the same thing
("..., while the council's validated count stood at 48") is about what the sentence's first
clause counts, so the figure's `about` term may come from there."""

from __future__ import annotations

from monitor.text.claims import extract_claims
from monitor.text.figures import FigureSpec, bind
from tests.unit.text.conftest import frame

CUTS = (
    "Meta said on Tuesday it would lay off another 10,000 employees, four months after it cut"
    " 11,000 jobs, bringing the number of jobs it is eliminating to about 21,000."
)


def test_the_subjects_earlier_action_in_an_aside_is_past() -> None:
    assert frame(CUTS, 11_000).time == "past"
    assert frame("The company cut 500 jobs, weeks after it laid off 1,000 workers.", 1000).time == (
        "past"
    )


def test_the_running_total_and_the_news_after_the_aside_stay_current() -> None:
    assert (frame(CUTS, 21_000).kind, frame(CUTS, 21_000).time) == ("total", "current")
    assert frame("The company cut 500 jobs, weeks after it laid off 1,000 workers.", 500).time == (
        "current"
    )


def test_an_opening_time_clause_is_not_an_aside() -> None:
    text = "Three years after the quake struck, 2,000 people remain homeless."
    assert frame(text, 2000).time == "current"


TOLL = FigureSpec(
    name="paeng-storm-deaths",
    label="People killed by Storm Paeng in the Philippines",
    units=("deaths", "toll", "people"),
    context=("NDRRMC", "the Philippines"),
    about=("killed", "deaths", "toll"),
)


def test_another_sources_count_of_the_toll_is_about_the_toll() -> None:
    text = (
        "Unverified reports from rescuers put the toll at 55, while the NDRRMC's validated"
        " count stood at 48."
    )
    (claim,) = [c for c in extract_claims(text) if c.value == 48]
    assert bind(TOLL, claim).bound


def test_a_count_of_something_named_is_not_carried() -> None:
    text = (
        "The toll rose to 55, while the count of houses destroyed reached 480 in the NDRRMC area."
    )
    found = [c for c in extract_claims(text) if c.value == 480]
    assert all(not bind(TOLL, c).bound for c in found)
