"""A possessive owning the running count a number is brought or put to ("taking Rwanda's
total to 62", "put the country's death toll at 935") scopes that number to the owner, not to
the clause's speaker or the sentence's subject."""

from __future__ import annotations

from tests.unit.text.conftest import scopes


def test_taking_a_places_total_to_a_number() -> None:
    text = "Four more cases were reported in the week to 17 October, taking Rwanda's total to 62."
    assert scopes(text, 62) == ["Rwanda"]


def test_putting_a_possessed_toll_at_a_number_is_not_the_speakers() -> None:
    text = "By the ceasefire, Iranian authorities put the country's death toll at 935."
    assert scopes(text, 935) != ["Iranian"]


def test_a_possessive_far_from_the_number_does_not_own_it() -> None:
    text = "Texas's health department said on Friday that 40 cases had been confirmed in Ohio."
    assert scopes(text, 40) == ["Ohio"]


def test_a_period_owning_the_running_count_is_no_scope() -> None:
    # "the year's toll" says when the count was counted, not whose count it is: the place of
    # the clause (or, without one, the sentences before) still scopes the number.
    text = "In July, 204 people died of dengue in Bangladesh, bringing the year's toll to 1,705."
    assert scopes(text, 1705) == ["Bangladesh"]
    assert scopes("Officials reported 12 more deaths, bringing the week's total to 340.", 340) == [
        None
    ]
    assert scopes("Another 204 died in July, taking this year's toll to 1,705.", 1705) == [None]
