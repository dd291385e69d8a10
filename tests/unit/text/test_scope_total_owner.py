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
