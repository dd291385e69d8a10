"""A definite site a count is held at is the count's scope: a hotel, a resort or a park after
"in", and a hotel, mine, prison or camp after "at" ("18 people confirmed dead at the hotel",
"15,000 visitors in the park"). A count led by "the number of <noun> <fate>" counts that noun
("cut the number of people missing at the hotel to 11"), and "the number missing" after a
count of the dead counts the missing, not the dead."""

from __future__ import annotations

from tests.unit.text.conftest import frame, scopes


def test_a_hotel_after_at_is_a_scope() -> None:
    text = "With 18 people confirmed dead at the hotel by Wednesday, 11 remained missing."
    assert scopes(text, 18, 11) == ["the hotel", "the hotel"]


def test_a_park_after_in_is_the_second_count_s_own_scope() -> None:
    text = "The order covered about 10,000 people in the town and 15,000 visitors in the park."
    assert scopes(text, 10000, 15000) == ["the town", "the park"]


def test_a_common_place_after_at_is_still_no_scope() -> None:
    text = "Officials at the meeting said 40 people were hurt."
    assert frame(text, 40).scope is None


def test_the_number_of_people_missing_counts_people() -> None:
    text = (
        "Nine more bodies were found on Tuesday. The recoveries cut the number of people"
        " missing at the hotel to 11."
    )
    assert frame(text, 11).unit == "people"
    assert frame(text, 11).scope == "the hotel"


def test_the_number_missing_after_bodies_counts_the_missing() -> None:
    text = "Nine more bodies were found on Tuesday. The number missing fell to 11."
    assert frame(text, 11).unit == "missing"


def test_the_number_killed_after_a_toll_still_counts_the_deaths() -> None:
    text = "The toll rose to 30 on Monday. The number killed in Gaza rose to 23."
    assert frame(text, 23).unit == "deaths"
