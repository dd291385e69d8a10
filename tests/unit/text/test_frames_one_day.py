"""Claim kinds, sentence by sentence: a clause that counts day by day ("More than 2,000 people
arrived on Monday, 5,000 on Tuesday and nearly 3,000 on Wednesday") gives each day's count as
that day's increment. One day alone says nothing of the sort — "A quake killed at least 144
people on Friday" is the event's toll, "Police arrested 27 people on Saturday" may be the first
count of all — nor does a clause with a running count or "more" ("27 people on Saturday and
dozens more on Sunday": the first day's is the base)."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame, kinds


def test_counts_listed_day_by_day_are_each_new() -> None:
    text = (
        "More than 2,000 people arrived across the country on Monday, 5,000 on Tuesday and"
        " nearly 3,000 on Wednesday."
    )
    assert kinds(text, 2000, 3000) == ["new", "new"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A magnitude 7.7 earthquake killed at least 144 people in Myanmar on Friday.", 144),
        ("Los Angeles police arrested 27 people on Saturday as protests spread.", 27),
        ("Police arrested 27 people on Saturday and dozens more on Sunday.", 27),
        ("By Sunday 300 people had been detained, up from 100 on Friday.", 300),
        ("At least 156 people were killed on Sunday when bombs tore through churches.", 156),
    ],
)  # fmt: skip
def test_one_day_or_a_running_count_is_no_days_increment(text: str, value: float) -> None:
    assert frame(text, value).kind == "total"
