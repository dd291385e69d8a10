"""Verb-led counts and kinds, sentence by sentence: a relative clause on the counted noun that
says what the count had been ("The toll, which had stood at 334, was lowered to 210") gives
the previous value; the main clause gives the count."""

from __future__ import annotations

import pytest

from monitor.text.claims import extract_claims


@pytest.mark.parametrize(
    ("text", "earlier", "now"),
    [
        ("The toll, which had stood at 334, was lowered to 210 after a review.", 334, 210),
        ("The number of cases, which had reached 90 by Friday, rose to 124 on Monday.", 90, 124),
    ],
)
def test_what_the_count_had_been_is_its_previous_value(
    text: str, earlier: float, now: float
) -> None:
    kinds = {c.value: c.kind for c in extract_claims(text)}
    assert kinds == {earlier: "previous", now: "total"}


def test_a_relative_clause_in_the_simple_past_still_gives_the_count() -> None:
    text = "The death toll, which rose to 57 on Tuesday, is expected to climb."
    assert [(c.value, c.kind, c.unit) for c in extract_claims(text)] == [(57, "total", "deaths")]


def test_which_had_been_on_another_noun_is_no_previous_value() -> None:
    text = "The village, which had been home to 300 people, was destroyed."
    assert [c.kind for c in extract_claims(text)] == ["total"]
