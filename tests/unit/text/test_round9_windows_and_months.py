"""A running total led to its new value stays a total whatever window dates the rise ("The
death toll increased by 10 to 261 in the 24 hours to Tuesday"), while a count for one calendar
month of a running count is that month's increment (docs/SPEC.md §6: `new`) in a month-by-month
account ("359 people died in October, 274 in November") or as the month the count is given with
("September was the deadliest month, with 396 deaths"); a single dated action keeps its count."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame, kinds


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The death toll increased by 10 to 261 in the 24 hours to Tuesday morning.", 261),
        ("The death toll increased to 261 in the 24 hours to Tuesday morning.", 261),
        ("The number of deaths rose by 18 to 416 in the 24 hours to Monday morning.", 416),
        ("The toll reached 500 in October.", 500),
        ("The death toll rose to 500 in October.", 500),
    ],
)
def test_a_running_total_dated_by_a_window_or_month_stays_a_total(text: str, value: float) -> None:
    assert frame(text, value).kind == "total"


@pytest.mark.parametrize(
    "text",
    [
        "The number of new cases rose to 500 in the past 24 hours.",
        "The daily toll rose to 500 in the past 24 hours.",
        "Hospitals admitted 500 patients in the 24 hours to Sunday.",
    ],
)
def test_a_window_count_is_still_an_increment(text: str) -> None:
    assert frame(text, 500).kind == "new"


def test_counts_for_named_months_are_increments() -> None:
    text = "After 396 deaths in September, 359 people died in October, 274 in November and 83 in December."
    assert kinds(text, 396, 359, 274, 83) == ["new", "new", "new", "new"]


def test_a_month_the_count_is_given_with_makes_an_increment() -> None:
    assert frame(
        "September was the deadliest month of the outbreak, with 396 deaths.", 396
    ).kind == ("new")
    text = "July was the worst month on record, with 43,854 hospital admissions and 204 deaths."
    assert frame(text, 204).kind == "new"


def test_a_single_dated_action_keeps_its_count() -> None:
    text = "Meta laid off 11,000 workers in November and will lay off another 10,000."
    assert kinds(text, 11_000, 10_000) == ["total", "new"]


def test_a_date_or_a_dated_month_is_not_a_months_count() -> None:
    assert frame("500 people were killed on October 7.", 500).kind == "total"
    assert frame("The outbreak that began in September has killed 396 people.", 396).kind == (
        "total"
    )
