"""A headline's long words are found in one pass: the same words as filtering every word.

`is_title_case` counts the words of three characters or more by their first letters;
`_LONG_WORD_INITIAL` finds the first letter of exactly the words of `_WORD` that are that long
(a shorter word, and each of its tails, fails it).
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.text import titlecase

_DEV = Path(__file__).resolve().parents[2] / "data/claims"


def _filtered(text: str) -> list[str]:
    """The first letter of each word of three characters or more."""
    return [w[0] for w in titlecase._WORD.findall(text) if len(w) >= 3]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aB-'’ ,.1ſé", max_size=40))
def test_the_initials_are_those_of_the_words_of_three_characters_or_more(text: str) -> None:
    assert titlecase._LONG_WORD_INITIAL.findall(text) == _filtered(text)


def test_every_development_sentence_gives_the_same_initials() -> None:
    for path in (_DEV / "sentences.jsonl", _DEV / "dev/sentences.jsonl"):
        for line in path.read_text().splitlines():
            if line.strip():
                text = json.loads(line)["text"]
                assert titlecase._LONG_WORD_INITIAL.findall(text) == _filtered(text), text


def test_a_title_case_headline_is_still_recognised() -> None:
    assert titlecase.is_title_case("Death Toll In Mexico Earthquake Rises Above 200")
    assert not titlecase.is_title_case("The death toll in the Mexico earthquake rose to 200")
    assert not titlecase.is_title_case("A-B Is Up")  # too few words of three letters or more


def _share_test(text: str) -> bool:
    """The Title Case test as first written: the long words themselves, counted one by one."""
    words = [w for w in titlecase._WORD.findall(text) if len(w) >= 3]
    if len(words) < 4:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= 0.7 * len(words) and not text.isupper()


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aB-'’ ,.1ſéZ", max_size=60))
def test_the_title_case_test_reads_the_initials_as_it_read_the_words(text: str) -> None:
    assert titlecase.is_title_case(text) == _share_test(text)
