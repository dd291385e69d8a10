"""A speaker named by a long title after the number (", the head of the search and rescue
agency in Medan said") is still the attribution, so the place in it is the source's, not the
count's."""

from __future__ import annotations

from monitor.text.attribution import find_attribution
from monitor.text.claims import extract_claims
from monitor.text.figures import FigureSpec, bind

SENTENCE = (
    "At least 128 passengers were missing on Tuesday after the ferry sank on Lake Toba, the head "
    "of the search and rescue agency in Medan said after a coordination meeting."
)
MISSING = FigureSpec(
    name="ferry-missing",
    label="People missing after the Lake Toba ferry sinking",
    units=("people", "passengers"),
    context=("Lake Toba", "the ferry"),
    about=("missing",),
)


def test_a_ten_word_speaker_is_the_attribution() -> None:
    assert find_attribution(SENTENCE) == "the head of the search and rescue agency in Medan"


def test_the_speakers_place_is_the_source_not_the_scope() -> None:
    claim = next(c for c in extract_claims(SENTENCE) if c.value == 128)
    found = bind(MISSING, claim)
    assert found.bound
    assert "Medan is the source" in found.reason


def test_a_short_speaker_is_still_found() -> None:
    assert find_attribution("Six people died, police said.") == "police"
