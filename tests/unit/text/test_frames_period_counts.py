"""A count for one week or one day is an increment, not the running total: written right
after its number ("30 in the first week", "two cases were confirmed in the week to 5 May"), or
set on the subject that did it ("Fighting on Monday killed at least 40 people")."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import claims_of, frame, kinds


def test_counts_for_numbered_weeks_are_increments() -> None:
    text = (
        "Two cases were confirmed in the week to 5 May, after 30 in the first week of the"
        " outbreak and 12 in the second."
    )
    assert kinds(text, 2, 30, 12) == ["new", "new", "new"]


def test_a_day_set_on_the_subject_makes_an_increment() -> None:
    text = "Fighting across Sudan on Monday killed at least 40 people, pushing the toll to 900."
    assert kinds(text, 40, 900) == ["new", "total"]


@pytest.mark.parametrize(
    "text",
    [
        # a week naming when an estimate was made, not what was counted in it
        "An estimate in the first week had put the number of people unaccounted for at 600.",
        # a date the total was reached on
        "The toll rose to 300 on Sunday, officials said.",
    ],
)
def test_a_total_dated_by_a_week_or_day_stays_a_total(text: str) -> None:
    assert claims_of(text)[0].kind == "total"


def test_the_next_sentence_inherits_the_increments_noun() -> None:
    text = "Fighting on Monday killed at least 40 people, including 3 medics. Later 20 more died."
    assert frame(text, 20).unit != "medics"
