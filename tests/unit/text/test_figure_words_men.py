"""Counted nouns on "-men" compare singular: "servicemen" is "serviceman", so a figure
counting servicemen binds "2,317 servicemen" (monitor.text.figure_words.singular)."""

from __future__ import annotations

import pytest

from monitor.text.figure_words import singular


@pytest.mark.parametrize(
    ("plural", "single"),
    [
        ("servicemen", "serviceman"),
        ("gunmen", "gunman"),
        ("firemen", "fireman"),
        ("policemen", "policeman"),
        ("militiamen", "militiaman"),
        ("women", "woman"),
    ],
)
def test_men_plurals_are_singular(plural: str, single: str) -> None:
    assert singular(plural) == single
    assert singular(single) == single


@pytest.mark.parametrize("word", ["specimen", "abdomen", "regimen", "omen", "Yemen", "amen"])
def test_words_on_men_that_are_no_plural(word: str) -> None:
    assert singular(word) == word.casefold()
