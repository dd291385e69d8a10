"""Numbers that are no counts: the second day of a span of days written after one month
("over February 6 and 7", "May 3-5") is a date, and a number after a comparative of age
("children younger than four", "anyone older than 65") is an age."""

from __future__ import annotations

from tests.unit.text.conftest import claims_of


def values(text: str) -> list[float]:
    return [c.value for c in claims_of(text)]


def test_the_second_day_after_a_month_is_a_date() -> None:
    text = (
        "Crews collected 2,938 dead fish at four sites over February 6 and 7, most of them minnows."
    )
    assert values(text) == [2938, 4]


def test_a_span_of_days_with_a_dash_is_a_date() -> None:
    assert values("Inspectors visited 12 farms on May 3-5.") == [12]


def test_a_count_after_the_two_days_is_still_read() -> None:
    text = "Between March 3 and 10, 40 people died in the district."
    assert values(text) == [40]


def test_a_number_after_younger_than_is_an_age() -> None:
    text = "The ministry counted 2,194 cases, more than half of them in children younger than four."
    assert values(text) == [2194]


def test_a_number_after_older_than_is_an_age() -> None:
    assert values("Patients older than 65 made up 300 of the cases.") == [300]
