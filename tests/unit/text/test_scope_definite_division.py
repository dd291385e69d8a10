"""Claim scopes, sentence by sentence: "the province" / "the state" / "the county" stands for
a name in the sentence only when that name can be such a division; a name the gazetteer knows
only as a city ("Karachi", "Houston") is a place inside it, so the definite noun keeps its own
count ("Another 309 people died across the province, 301 of them in Karachi")."""

from __future__ import annotations

from tests.unit.text.conftest import scopes


def test_a_city_is_no_province_it_lies_in() -> None:
    text = "Another 309 people died across the province on Monday, 301 of them in Karachi."
    assert scopes(text, 309, 301) == ["the province", "Karachi"]


def test_a_city_is_no_state_it_lies_in() -> None:
    text = "Dozens of people died across the state, 30 of them in Houston."
    assert scopes(text, 30) == ["Houston"]
    assert scopes(text, 24) == ["the state"]
