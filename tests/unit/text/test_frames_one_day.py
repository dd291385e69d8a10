"""Claim kinds, sentence by sentence: a count of what happened on one named day, said as a
simple past in the number's own segment ("Police detained 364 people across Belarus on
Sunday", "774 people were detained at Sunday's march", "More than 2,000 people arrived on
Monday, 5,000 on Tuesday and nearly 3,000 on Wednesday"), is that day's increment. A running
count is not ("By Sunday 300 people had been detained", "The number of people arrested rose
past 1,000 on Thursday"), nor a report's day ("officials said on Sunday"), nor a group's
size ("a team of 45 rescuers arrived on Wednesday")."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame, kinds


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Police detained 364 people across Belarus on Sunday.", 364),
        ("The ministry said 317 people were detained across the country on Sunday.", 317),
        ("In Minsk alone 774 people were detained at Sunday's march, the ministry said.", 774),
        ("Clashes on Sunday killed at least 98 people.", 98),
    ],
)  # fmt: skip
def test_a_days_count_is_new(text: str, value: float) -> None:
    assert frame(text, value).kind == "new"


def test_counts_listed_day_by_day_are_each_new() -> None:
    text = (
        "More than 2,000 people arrived on Monday, 5,000 on Tuesday and nearly 3,000 on Wednesday."
    )
    assert kinds(text, 2000, 3000) == ["new", "new"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("By Sunday 300 people had been detained.", 300),
        ("The number of people arrested nationwide rose past 1,000 on Thursday.", 1000),
        ("Officials said on Sunday that 300 people died in the floods.", 300),
        ("An Egyptian team of 45 rescuers arrived by land on Wednesday.", 45),
    ],
)  # fmt: skip
def test_a_running_count_or_a_reports_day_is_no_days_count(text: str, value: float) -> None:
    assert frame(text, value).kind == "total"
