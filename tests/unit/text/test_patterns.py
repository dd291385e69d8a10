"""A prefix-tree alternation matches exactly what the flat, longest-first alternation does."""

from __future__ import annotations

import re

import pytest

from monitor.text.numbers import _QUALIFIER_OF
from monitor.text.patterns import alternation

_WORD_LISTS = [
    ["at least", "at most", "almost", "about", "a", "an", "approx."],
    list(_QUALIFIER_OF),
    ["Sept", "Sep", "September", "Mar", "March", "May"],
    ["up from", "up", "upwards of", "down from"],
]
_TEXTS = [
    "at least 5, at  most 7, almost 9 and about 10 or approx. 12 and a dozen, an estimated 40",
    "Just under 300 people, well over 40 and a little more than 7; slightly fewer than 9.",
    "On 5 Sept 2023, in September, by Mar. 3 and in May the toll was up from 9 upwards of 12",
    "AT LEAST 3 At Most 4 ALMOST 5 Up From 6 down  from 7 sep 8",
]
_CONTINUATIONS = ["", r"\b", r"\s+\d", r"(?:\s+\d+)?\b\.?"]


def _found(pattern: str, flags: int, text: str) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group()) for m in re.finditer(pattern, text, flags)]


@pytest.mark.parametrize("words", _WORD_LISTS)
@pytest.mark.parametrize("after", _CONTINUATIONS)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_the_tree_matches_what_the_flat_alternation_matches(
    words: list[str], after: str, flags: int
) -> None:
    flat = "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )
    matched = 0
    for text in _TEXTS:
        expected = _found(rf"(?:{flat}){after}", flags, text)
        assert _found(rf"(?:{alternation(words)}){after}", flags, text) == expected
        matched += len(expected)
    assert matched  # the texts do exercise the words


def test_words_sharing_a_prefix_share_one_branch_and_the_longer_is_tried_first() -> None:
    assert alternation(["at", "at least", "almost"]) == r"(?:a(?:t(?:\s+least)?|lmost))"
    found = re.match(alternation(["at", "at least"]), "at least 5")
    assert found is not None and found.group() == "at least"


def test_a_look_ahead_rejects_other_first_characters_at_once() -> None:
    assert alternation(["nearly", "about"]) == "(?=[an])(?:(?:nearly|about))"
