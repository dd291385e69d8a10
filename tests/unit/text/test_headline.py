"""A Title Case headline splits into clauses of its own and tells names from capitalised common
words by the gazetteer and the word-frequency prior, not by its capitals."""

from __future__ import annotations

import pytest

from monitor.text.headline import (
    clause_span,
    clause_spans,
    is_common_phrase,
    is_headline,
    is_name_word,
    names,
    past_reference,
)


def _clauses(text: str) -> list[str]:
    return [text[a:b] for a, b in clause_spans(text)]


def test_a_title_case_line_is_a_headline_and_a_sentence_is_not() -> None:
    assert is_headline("Hamas Frees 24 Hostages As Israel Releases 39 Prisoners")
    assert not is_headline("Hamas freed 24 hostages as Israel released 39 prisoners.")


@pytest.mark.parametrize(
    ("headline", "clauses"),
    [
        (
            "Hamas Frees 24 Hostages As Israel Releases 39 Prisoners On First Day Of Truce",
            ["Hamas Frees 24 Hostages", "Israel Releases 39 Prisoners On First Day Of Truce"],
        ),
        (
            "Thai Cave Rescue: Four Boys Brought Out As Nine Remain Trapped",
            ["Thai Cave Rescue", "Four Boys Brought Out", "Nine Remain Trapped"],
        ),
        (
            "Live Updates: Beirut Blast — 78 Dead, Thousands Injured",
            ["Live Updates", "Beirut Blast", "78 Dead, Thousands Injured"],
        ),
        (
            "Brumadinho Toll Rises To 58; Over 300 Still Unaccounted For",
            ["Brumadinho Toll Rises To 58", "Over 300 Still Unaccounted For"],
        ),
    ],
)
def test_a_headline_splits_at_its_clause_words_and_marks(headline: str, clauses: list[str]) -> None:
    assert _clauses(headline) == clauses


def test_a_comma_does_not_end_a_headline_clause() -> None:
    text = "Salesforce To Cut 10% Of Staff, About 8,000 Jobs, And Shrink Offices"
    assert _clauses(text) == [text]


def test_a_times_colon_and_a_numbers_comma_do_not_split() -> None:
    assert _clauses("Toll Rises To 2,681 By 10:30") == ["Toll Rises To 2,681 By 10:30"]


def test_each_number_has_its_own_clause() -> None:
    text = "Vale Lists 250 Missing As Brazil Dam Death Toll Reaches 34"
    a, b = clause_span(text, text.index("34"))
    assert text[a:b] == "Brazil Dam Death Toll Reaches 34"


@pytest.mark.parametrize("word", ["Morocco", "Itaewon", "Jassy", "Brumadinho", "Thai", "AWS"])
def test_places_adjectives_rare_words_and_acronyms_are_names(word: str) -> None:
    assert is_name_word(word)


@pytest.mark.parametrize("word", ["Crush", "Stampede", "Site", "Not", "When", "LIVE", "Sweeping"])
def test_common_words_are_no_names_whatever_their_capitals(word: str) -> None:
    assert not is_name_word(word)


def test_a_possessive_name_is_a_name() -> None:
    assert is_name_word("Chile's")


def test_a_phrase_of_common_words_is_common_inside_a_headline() -> None:
    assert is_common_phrase("Halloween Crush")
    assert is_common_phrase("Them Foreign")
    assert not is_common_phrase("Seoul's Itaewon")


def test_at_the_opening_only_a_shout_or_an_event_noun_is_common() -> None:
    assert not is_common_phrase("Amazon", opening=True)  # a brand may open a headline
    assert is_common_phrase("Derailment", opening=True)
    assert is_common_phrase("LIVE", opening=True)
    assert is_common_phrase("Forensic Service", opening=True)


def test_the_names_of_a_headline_are_runs_holding_a_name_word() -> None:
    text = "At Least 146 Dead In Halloween Crush In Seoul's Itaewon"
    assert [text[a:b] for a, b in names(text)] == ["Seoul's Itaewon"]


def test_verbs_end_a_name_run() -> None:
    text = "Powerful Earthquake Strikes Morocco, Killing At Least 296"
    assert [text[a:b] for a, b in names(text)] == ["Morocco"]


def test_a_name_after_since_is_another_events() -> None:
    text = "Indonesia's Worst Stadium Disaster Since Lima In 1964, When 328 Died"
    assert past_reference(text, text.index("Lima"))
    assert not past_reference(text, 0)
