"""Whose the counted things are, from the number's own noun phrase (docs/SPEC.md §6): a
possessive before the number, a name among the counted noun's modifiers, a group's "of"
complement; a place written after the noun still wins, and a very common capitalised word
opening the sentence names nothing."""

from __future__ import annotations

import pytest

from monitor.text.claims import Claim, extract_claims


def only(text: str, value: float) -> Claim:
    matches = [c for c in extract_claims(text) if c.value == value]
    assert len(matches) == 1, extract_claims(text)
    return matches[0]


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("On Friday the union's 12,000 strikers went back to work.", 12000, "the union"),
        ("The 31 Oregon cases included residents of Lane and Linn counties.", 31, "Oregon"),
        ("Organisers said 900 NUJ members joined the walkout.", 900, "NUJ"),
        ("About 8,000 members of the Teamsters walked off the job.", 8000, "Teamsters"),
        # a place written after the counted noun is its scope
        ("Measles cases in Ohio top 90 as the outbreak spreads.", 90, "Ohio"),
    ],
)
def test_the_numbers_own_phrase_names_its_owner(text: str, value: float, scope: str) -> None:
    assert only(text, value).scope == scope


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Police said 41 DNA samples had been taken from relatives.", 41),
        ("Some 215 Pakistani soldiers were among the dead.", 215),
        ("Fire authorities said about 35,000 batteries had been stored there.", 35000),
    ],
)
def test_a_common_acronym_a_demonym_or_a_common_opener_is_no_owner(text: str, value: float) -> None:
    assert only(text, value).scope is None
