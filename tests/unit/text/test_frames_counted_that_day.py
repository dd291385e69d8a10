"""A count whose own phrase points at the single day or night it was made ("38 deaths
reported that day", "22 patients died there the same day", "72 rescued that day", "674
people on Monday night alone") is that day's increment, and so are the places' shares of
such a whole or of a lead naming new ones ("Of the 38 deaths reported that day, 37 were in
Hubei", "Of the new admissions, 741 were in Dhaka"). A running total beside them stays a
total; a lead without a new whole still gives totals and parts."""

from __future__ import annotations

from tests.unit.text.conftest import kinds


def test_a_whole_reported_that_day_and_its_place_shares_are_increments() -> None:
    text = "Of the 38 deaths reported that day, 37 were in Hubei and one in Sichuan."
    assert kinds(text, 38, 37, 1) == ["new", "new", "new"]


def test_died_there_the_same_day_is_the_days_count() -> None:
    text = (
        "In Wuhan, 892 new infections were confirmed on Monday, lifting the city's total "
        "to 1,590, and 22 patients died there the same day."
    )
    assert kinds(text, 892, 1_590, 22) == ["new", "total", "new"]


def test_an_included_count_made_that_day_is_no_part_but_the_days_increment() -> None:
    text = "By Friday 2,431 people had been pulled out alive, including 72 rescued that day."
    assert kinds(text, 2_431, 72) == ["total", "new"]


def test_one_night_set_apart_is_an_increment() -> None:
    text = "Dallas police said they arrested 674 people on Monday night alone."
    assert kinds(text, 674) == ["new"]


def test_place_shares_of_new_admissions_are_increments() -> None:
    text = (
        "Another 1,424 dengue patients were admitted to hospitals in the 24 hours to Sunday. "
        "Of the new admissions, 741 were in Dhaka and 683 were outside the capital."
    )
    assert kinds(text, 741, 683) == ["new", "new"]


def test_a_lead_without_a_new_whole_still_gives_parts_and_totals() -> None:
    text = "Of the 121 patients, 90 were children and 12 were in Lubbock County."
    assert kinds(text, 121, 90, 12) == ["total", "part", "total"]
