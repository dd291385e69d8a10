"""Counted nouns on "-men" compare singular: "servicemen" is "serviceman", so a figure
counting servicemen binds "2,317 servicemen" (monitor.text.figure_words.singular)."""

from __future__ import annotations

import pytest

from monitor.text.claims import extract_claims
from monitor.text.figure_words import singular
from monitor.text.figures import FigureSpec, bind


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


def test_a_servicemen_figure_binds_a_count_of_servicemen() -> None:
    spec = FigureSpec.from_mapping(
        {
            "name": "soldiers",
            "units": ["servicemen", "soldiers"],
            "context": ["Nagorno-Karabakh", "Armenia"],
            "about": ["killed", "died"],
        }
    )
    sentence = (
        "Armenia's health ministry said the bodies of 2,317 servicemen killed in the fighting "
        "over Nagorno-Karabakh had been examined."
    )
    claim = next(c for c in extract_claims(sentence) if c.text == "2,317")
    assert bind(spec, claim).bound
