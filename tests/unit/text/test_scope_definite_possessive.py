"""Claim scopes, sentence by sentence: a possessive opening a number's own noun phrase owns the
count whether it is a name ("Acme's 900 workers") or a definite noun ("the union's roughly
4,000 members"), ahead of a place the clause names for something else; a period's possessive
("the week's 300 arrests") says when, not whose."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("The talks ended when the union's roughly 4,000 members won a deal on pay.", 4000,
         "the union"),
        ("The strike closed every site after the guild's 2,500 members walked out of talks.",
         2500, "the guild"),
    ],
)  # fmt: skip
def test_a_definite_possessive_owns_the_count(text: str, value: float, scope: str) -> None:
    assert frame(text, value).scope == scope


def test_a_periods_possessive_is_not_an_owner() -> None:
    assert frame("The week's 300 arrests in Leeds were the most in years.", 300).scope == "Leeds"
