"""An "its" in a number's phrase refers to the nearest named owner before it
(monitor/text/its_owner.py)."""

from __future__ import annotations

from monitor.text.claims import extract_claims
from monitor.text.its_owner import its_owner


def _scope(text: str, number: str) -> str | None:
    return next(c.scope for c in extract_claims(text) if c.text == number)


def test_its_refers_to_the_nearest_named_possessor() -> None:
    text = "Oracle's move followed Intel's plan to trim its 124,000 staff by a fifth."
    assert _scope(text, "124,000") == "Intel"


def test_an_owner_named_in_an_earlier_clause_still_owns_the_phrase() -> None:
    text = "Equity's walkout, which ran for five weeks, ended when its 51,000 members voted."
    assert _scope(text, "51,000") == "Equity"


def test_a_place_is_never_read_as_the_owner_here() -> None:
    text = "Chile's miners marched after its 3,000 contractors were dismissed."
    assert its_owner(text, 0, text.index("3,000")) is None


def test_without_its_there_is_no_owner() -> None:
    text = "Nokia's rivals hired 4,000 engineers."
    assert its_owner(text, 0, text.index("4,000")) is None
