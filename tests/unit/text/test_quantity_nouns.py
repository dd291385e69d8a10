"""Counts whose counted noun does not stand right after the number (monitor/text/quantity_nouns.py):
partitives, ellipsis, a bare subject, "of them NOUNs" and "scores of", by the labelling rules of
tests/data/quantities/README.md; never a date, score, clock time or hyphenated compound."""

from __future__ import annotations

import pytest

from monitor.text.quantities import extract_quantities
from monitor.text.quantity_nouns import Counted, noun_elsewhere_counts

Row = tuple[str, float, str, str | None]


def counts(text: str) -> list[Row]:
    """(text, value, unit, qualifier) of each count, in reading order."""
    return [
        (q.text, q.value, q.unit, q.qualifier)
        for q in extract_quantities(text)
        if q.kind == "count"
    ]


# --- partitive: "N of his M NOUNs" counts the noun of the "of" phrase -----------------------------


def test_a_number_of_a_possessive_phrase_counts_its_plural_noun() -> None:
    assert counts("Ferguson scored with three of his four attempts.") == [
        ("three", 3, "attempt", None),
        ("four", 4, "attempt", None),
    ]


def test_one_of_the_numbered_noun_counts_that_noun() -> None:
    assert counts("Only one of the 242 people aboard survived.")[0] == ("one", 1, "people", None)


# --- ellipsis: a bare number takes the noun of the count just before it ------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Haaland set up one goal and scored three, the last a penalty.", ("three", 3, "goal")),
        (
            "The Socialists took 66 seats and the Democrats 49, on 41% of the vote.",
            ("49", 49, "seat"),
        ),
        (
            "Meta announced 10,000 more cuts, on top of the 11,000 it made in November.",
            ("11,000", 11000, "cut"),
        ),
    ],
)
def test_a_bare_number_after_a_count_counts_the_same_noun(
    text: str, expected: tuple[str, float, str]
) -> None:
    assert (*expected, None) in counts(text)


def _elsewhere(text: str, counted: str, unit: str, other: str = "") -> list[str]:
    """What the module alone reads in `text`, given the count `counted` of `unit` before it and
    another amount `other` already read."""
    start = text.index(counted)
    span = (start, start + len(counted))
    taken = [span] + ([(text.index(other), text.index(other) + len(other))] if other else [])
    found = noun_elsewhere_counts(text, taken, [Counted(*span, unit)])
    return [text[a.start : a.end] for a in found]


def test_no_unit_is_carried_across_another_number() -> None:
    assert (
        _elsewhere("They sold 12 shirts, 5% more than in May, and 30 overall.", "12", "shirt", "5%")
        == []
    )


def test_no_unit_is_carried_into_the_next_sentence() -> None:
    assert _elsewhere("They sold 12 shirts. The rest went to 40.", "12", "shirt") == []


def test_a_date_after_a_count_is_no_count() -> None:
    assert [c[0] for c in counts("The 12 ministers meet again on December 4.")] == ["12"]


def test_a_score_or_clock_time_after_a_count_is_no_count() -> None:
    assert counts("Two players scored as City won 3-1 at 2:30.") == [("Two", 2, "player", None)]


# --- a bare subject counts the plural noun the sentence named ---------------------------------


def test_a_bare_subject_counts_the_named_plural_and_its_gapped_partner() -> None:
    assert counts("The victims were aged 14 to 18; 14 were male and six female.") == [
        ("14", 14, "victim", None),
        ("six", 6, "victim", None),
    ]


def test_a_hyphenated_compound_is_no_count() -> None:
    assert counts("The next meeting of the 23-nation group is in March.") == []


# --- "N of them NOUNs": the noun after "of them" is counted ------------------------------------


def test_of_them_names_the_counted_noun() -> None:
    found = counts(
        "It had 224 people on board, 217 of them passengers, and more than 20 of them were children."
    )
    assert found == [
        ("224", 224, "person", None),
        ("217", 217, "passenger", None),
        ("more than 20", 20, "child", "more than"),
    ]


# --- "scores of": a vague count of 40 to 199 ----------------------------------------------------


def test_scores_of_a_plural_noun_is_a_vague_count() -> None:
    [q] = [
        q
        for q in extract_quantities("Scores of rescuers searched the jungle.")
        if q.kind == "count"
    ]
    assert (q.text, q.value, q.lower, q.upper, q.qualifier, q.unit) == (
        "Scores",
        40,
        40,
        199,
        "vague",
        "rescuer",
    )


def test_a_nouns_scores_are_no_count() -> None:
    assert counts("Their test scores of pupils fell.") == []


# --- "one" before a noun ending in -ly ----------------------------------------------------------


def test_one_family_counts_the_family() -> None:
    assert counts("One family lost 16 members in the crash.") == [
        ("One", 1, "family", None),
        ("16", 16, "member", None),
    ]


def test_an_appositive_number_after_a_comma_takes_no_noun() -> None:
    text = "The total across the three countries, 608 on Friday, was expected to climb."
    assert _elsewhere(text, "three", "country") == []


def test_a_nouns_age_postmodifier_is_no_count() -> None:
    assert _elsewhere("It involved 153 children under 18.", "153", "child") == []


def test_a_named_number_takes_no_noun() -> None:
    assert _elsewhere("It employs 22,000 people and builds the Model 3.", "22,000", "person") == []


def test_a_partitive_of_a_singular_noun_counts_nothing() -> None:
    assert (
        _elsewhere("It has 30 members. Article 5 of the treaty commits them.", "30", "member") == []
    )


def test_a_day_before_its_month_is_no_count() -> None:
    assert _elsewhere("Two further cases came on 23 and 24 October.", "Two", "case") == []


def test_a_difference_after_a_comma_counts_the_noun_it_compares_with() -> None:
    found = extract_quantities("The bank cut 4,000 jobs, 1,500 more than it had planned.")
    assert [(q.text, q.value, q.unit) for q in found] == [
        ("4,000", 4000, "job"),
        ("1,500", 1500, "job"),
    ]
