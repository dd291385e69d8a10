"""Parts of a whole the sentence picks out without "of them" (issue #12, round claims13):

- the rest of a whole: "the remaining 74 people", "the other 20 bodies";
- a count said to be among a whole named without a number: "were among the missing" (not
  "among those killed when ...", which counts an event of its own);
- a list of men, women or children apposed by a comma to a count of people breaks it down:
  "420 protesters had been arrested, 347 men and 73 women" (not when the list has a verb of
  its own: "..., 12 children were hurt").
"""

from __future__ import annotations

from tests.unit.text.conftest import frame, kinds


def test_the_rest_of_a_whole_is_a_part() -> None:
    text = "The remaining 74 people are missing and must be presumed dead, Cundy told reporters."
    assert frame(text, 74).kind == "part"
    text = "Three victims had been identified, officials said, as DNA tests were run on the other 20 bodies."
    assert frame(text, 20).kind == "part"


def test_a_count_among_a_named_whole_is_a_part() -> None:
    text = "She said six members of her family who lived on the 22nd floor were among the missing."
    assert frame(text, 6).kind == "part"


def test_among_those_killed_in_an_event_of_its_own_stays_a_total() -> None:
    text = (
        "Four Greek rescuers were among those killed when their vehicle collided with a car on "
        "the road to Derna."
    )
    assert frame(text, 4).kind == "total"


def test_men_and_women_apposed_to_a_count_of_people_break_it_down() -> None:
    text = (
        "By Aug. 5, 420 protesters had been arrested in Hong Kong, 347 men and 73 women aged "
        "14 to 76, a police spokeswoman said."
    )
    assert kinds(text, 420, 347, 73) == ["total", "part", "part"]


def test_a_list_with_a_verb_of_its_own_is_no_breakdown() -> None:
    assert frame("The blast killed 40 people on Monday, 12 children were hurt.", 12).kind == "total"


def test_men_and_women_without_a_whole_are_totals() -> None:
    assert kinds("Police arrested 30 men and 12 women in the raid.", 30, 12) == ["total", "total"]
