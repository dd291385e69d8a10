"""Sentence splitting: abbreviations, decimals, quotes, hard line breaks, offsets."""

from __future__ import annotations

import pytest

from monitor.text.sentences import split_sentences


def texts(text: str) -> list[str]:
    """The sentence texts of a text."""
    return [s.text for s in split_sentences(text)]


def test_plain_sentences_split_at_terminal_punctuation() -> None:
    assert texts("Shells were sent. Were they used? Nobody knows!") == [
        "Shells were sent.",
        "Were they used?",
        "Nobody knows!",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Gen. Kim met Mr. Putin in Vladivostok.",
        "The U.S. and the U.K. condemned the deal.",
        "The briefing began at 9 a.m. local time.",
        "The singer welcomed baby No. 3 this week.",
        "Output rose to 1.2 million shells.",
        "The statement came on Oct. 26 in Washington.",
        "Harry S. Truman signed it.",
    ],
)
def test_abbreviations_initials_and_decimals_do_not_end_a_sentence(sentence: str) -> None:
    assert texts(sentence) == [sentence]


def test_a_dotted_acronym_followed_by_a_sentence_opener_ends_the_sentence() -> None:
    assert texts("Pyongyang denied claims made by the U.S. The agency disagreed.") == [
        "Pyongyang denied claims made by the U.S.",
        "The agency disagreed.",
    ]


def test_closing_quotes_stay_with_their_sentence() -> None:
    text = 'He said: "We sent them all." Then he left. "Did you?" she asked.'
    assert texts(text) == ['He said: "We sent them all."', "Then he left.", '"Did you?" she asked.']


def test_newlines_are_hard_breaks() -> None:
    assert texts("Related\nNorth Korea sent shells\n\nMore stories") == [
        "Related",
        "North Korea sent shells",
        "More stories",
    ]


def test_offsets_index_into_the_original_text() -> None:
    text = "  First one.   Second one here.\nThird line"
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n \n") == []
