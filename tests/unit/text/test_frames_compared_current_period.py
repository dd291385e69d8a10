"""Kinds, sentence by sentence: after "compared with", a number given for the current period
("700,000 in 2023, compared with 1.2 million this year") is the current total set against an
earlier period, not a previous value; without a period it stays the value compared against."""

from __future__ import annotations

from monitor.text.claims import extract_claims


def _frames(text: str) -> list[tuple[float, str, str]]:
    return [(c.value, c.kind, c.time) for c in extract_claims(text)]


def test_a_current_period_after_compared_with_is_the_current_total() -> None:
    text = "About 700,000 people were displaced in 2023, compared with 1.2 million this year."
    assert _frames(text) == [(700000, "total", "past"), (1200000, "total", "current")]


def test_so_far_after_compared_with_is_the_current_total() -> None:
    text = "There were 31 cases in all of 2023, compared with 40 so far."
    assert _frames(text)[-1] == (40, "total", "current")


def test_a_number_compared_against_with_no_period_is_a_previous_value() -> None:
    assert _frames("There are 40 cases, compared with 31 last week.") == [
        (40, "total", "current"),
        (31, "previous", "current"),
    ]
