"""Kinds, sentence by sentence: a definite number the sentence says was given earlier ("the
334 reported in the morning", "the 19 deaths announced earlier") is a previous value, not the
count the sentence states; an indefinite count reported earlier in a window stays a total."""

from __future__ import annotations

import pytest

from monitor.text.claims import extract_claims


def _kind(text: str, value: float) -> str:
    return next(c.kind for c in extract_claims(text) if c.value == value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The toll has gone up to 210, a figure well below the 334 reported in the morning, "
         "which had counted body parts.", 334),
        ("Police now say 25 died, more than the 19 deaths announced earlier in the day.", 19),
        ("The ministry counts 61 cases, up on the 55 cases given previously.", 55),
    ],
)  # fmt: skip
def test_a_definite_number_given_earlier_is_a_previous_value(text: str, value: float) -> None:
    assert _kind(text, value) == "previous"


def test_the_count_the_sentence_states_stays_a_total() -> None:
    text = "The toll has gone up to 210, a figure well below the 334 reported in the morning."
    assert _kind(text, 210) == "total"


def test_an_indefinite_count_reported_earlier_is_still_a_total() -> None:
    assert _kind("Officials said 40 deaths were reported earlier in the week.", 40) == "total"
