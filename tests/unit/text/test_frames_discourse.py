"""Claim frames that need more than the number's own words: counted-noun subjects,
definite descriptions, place counts, gapped lists, and the role a clause gives a number."""

from __future__ import annotations

import pytest

from monitor.text.claims import Claim, extract_claims


def frame(text: str, value: float) -> Claim:
    """The claim with this value in the last sentence that has claims."""
    found = extract_claims(text)
    last = max((c.sentence_index for c in found), default=-1)
    matches = [c for c in found if c.sentence_index == last and c.value == value]
    assert len(matches) == 1, found
    return matches[0]


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier", "scope"),
    [
        ("The number of people killed by the Hilo flood has risen to 27, the county said.", 27,
         "people", None, "Hilo"),
        ("The number of people confirmed dead in Tripoli climbed past 900 on Monday.", 900,
         "people", "more than", "Tripoli"),
        ("The number of homes destroyed in the Kona fires has climbed past 2,000.", 2000,
         "homes", "more than", None),
    ],
)
def test_a_counted_noun_subject_gives_the_unit(
    text: str, value: float, unit: str, qualifier: str | None, scope: str | None
) -> None:
    claim = frame(text, value)
    assert claim.unit.split()[-1] == unit
    assert claim.qualifier == qualifier
    assert claim.kind == "total"
    if scope is not None:
        assert claim.scope == scope


def test_the_value_after_up_from_the_is_the_previous_one() -> None:
    claim = frame("The toll in Hilo rose to 30, up from the 22 counted on Sunday.", 22)
    assert claim.kind == "previous"


def test_an_initial_figure_is_the_previous_one() -> None:
    claim = frame("The number of people missing in Ohio has fallen to 12 from an initial 40.", 40)
    assert claim.kind == "previous"
