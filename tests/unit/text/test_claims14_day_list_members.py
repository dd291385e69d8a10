"""A bare number after a comma that is the next member of a day-by-day list ("28 bodies on
Monday, 36 on Tuesday") counts the noun of the count before it; a number after a comma that
restates a total at a day ("The total ..., 608 on Friday, ...") is no new count."""

from __future__ import annotations

from tests.unit.text.conftest import claims_of, frame


def test_the_middle_member_of_a_day_list_is_read() -> None:
    text = "Divers found 28 bodies on Monday, 36 on Tuesday and 38 on Wednesday."
    assert [c.value for c in claims_of(text)] == [28, 36, 38]
    assert frame(text, 36).unit == "bodies"


def test_the_middle_member_of_a_day_list_of_people_is_an_increment_too() -> None:
    text = (
        "More than 2,000 people arrived on Monday, 5,000 on Tuesday and nearly 3,000 on Wednesday."
    )
    assert frame(text, 5000).kind == "new"


def test_an_appositive_restating_a_total_at_a_day_is_still_no_count() -> None:
    text = "The total across the three countries, 608 on Friday, was expected to climb."
    assert [c.value for c in claims_of(text)] == [3]
