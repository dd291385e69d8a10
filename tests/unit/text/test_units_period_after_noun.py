"""Verb-led counts, sentence by sentence: a period between the counted noun and its verb ("the
death toll this year rose to 48", "the number of jobs cut so far this year ... to 48,000") does
not hide the count; a past period ("last year") still makes it past."""

from __future__ import annotations

import pytest

from monitor.text.claims import extract_claims


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("That brings the death toll this year to 48.", 48, "deaths"),
        ("The death toll so far this year stands at 48.", 48, "deaths"),
        ("The number of deaths this year rose to 48.", 48, "deaths"),
        ("That takes the total number of jobs cut this year to 48,000.", 48000, "jobs"),
        ("The number of jobs cut this year has grown to 48,000.", 48000, "jobs"),
        ("The number of people killed so far stands at 210.", 210, "people"),
        ("The death toll to date is 48, officials said.", 48, "deaths"),
    ],
)
def test_a_period_after_the_counted_noun_keeps_the_count(
    text: str, value: float, unit: str
) -> None:
    found = [(c.value, c.unit, c.time) for c in extract_claims(text)]
    assert found == [(value, unit, "current")]


def test_a_past_period_after_the_counted_noun_makes_the_count_past() -> None:
    found = [(c.value, c.time) for c in extract_claims("The death toll last year stood at 30.")]
    assert found == [(30, "past")]
