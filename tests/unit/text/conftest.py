"""What the claim-frame tests share: the claims of a text, read the way a test states them.

A test names a number of its text by value. The claim it means is the one with that value in
the last sentence of the text that has claims; the sentences before it are its context.
"""

from __future__ import annotations

from monitor.text.claims import Claim, extract_claims


def claims_of(text: str) -> list[Claim]:
    """The claims of the last sentence of a text that has any (earlier sentences are context)."""
    found = extract_claims(text)
    last = max((c.sentence_index for c in found), default=-1)
    return [c for c in found if c.sentence_index == last]


def frames(text: str, value: float) -> list[Claim]:
    """Every claim of that last sentence with this value, in the order they are written."""
    return [c for c in claims_of(text) if c.value == value]


def frame(text: str, value: float) -> Claim:
    """The one claim of that last sentence with this value."""
    matches = frames(text, value)
    assert len(matches) == 1, claims_of(text)
    return matches[0]


def scopes(text: str, *values: float) -> list[str | None]:
    """The scope of the claim of each value, in the order the values are given."""
    return [frame(text, value).scope for value in values]


def kinds(text: str, *values: float) -> list[str]:
    """The kind of the claim of each value, in the order the values are given."""
    return [frame(text, value).kind for value in values]
