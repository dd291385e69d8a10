"""Claim scopes, sentence by sentence: a time adverb opening a clause without a comma ("So far
the country has ...") does not hide the clause's subject, and a definite place noun that owns
the count ("the country has 12 cases") is its scope."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("So far the country has one confirmed case, the health minister told reporters.", 1,
         "the country"),
        ("To date the state has 40 deaths, the governor said.", 40, "the state"),
        ("So far Uganda has one confirmed case, the minister said.", 1, "Uganda"),
        ("Now Ohio has 40 cases, officials said.", 40, "Ohio"),
    ],
)  # fmt: skip
def test_the_subject_after_a_bare_time_adverb_is_the_scope(
    text: str, value: float, scope: str
) -> None:
    assert frame(text, value).scope == scope


def test_a_lead_phrase_closed_by_a_comma_is_still_skipped() -> None:
    assert frame("So far this year, Ohio has recorded 40 cases.", 40).scope == "Ohio"


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("On Tuesday Amazon said it would cut about 14,000 corporate jobs.", 14000, "Amazon"),
        ("Earlier Amazon said it would cut about 14,000 jobs.", 14000, "Amazon"),
        ("Meanwhile Ohio has 40 cases, officials said.", 40, "Ohio"),
    ],
)  # fmt: skip
def test_a_day_or_sequence_adverb_without_a_comma_does_not_hide_the_subject(
    text: str, value: float, scope: str
) -> None:
    assert frame(text, value).scope == scope


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("Hours earlier Amazon itself said it would cut about 14,000 corporate jobs.", 14000,
         "Amazon"),
        ("Amazon itself said it would cut about 14,000 corporate jobs.", 14000, "Amazon"),
        ("Florida itself recorded 12 deaths, the state said.", 12, "Florida"),
    ],
)  # fmt: skip
def test_an_intensifying_itself_between_subject_and_verb_keeps_the_subject(
    text: str, value: float, scope: str
) -> None:
    assert frame(text, value).scope == scope
