"""A place after "near" is a reference place ("a village near Lisbon") unless it directly
follows the number as that number's own place in a list ("and 20,000 near the Bridge fire"):
then it is the number's scope, and a sub-place's count binds to no county-wide figure."""

from __future__ import annotations

from monitor.text.claims import extract_claims
from monitor.text.figure_scope import scope_of

COUNTY = ["Orange County", "the county"]


def _scope(text: str, value: float) -> str | None:
    claim = next(c for c in extract_claims(text) if c.value == value)
    return scope_of(claim, COUNTY)[0]


def test_a_list_members_own_near_place_is_its_scope() -> None:
    text = (
        "More than 50,000 residents of Orange County were under orders, about 30,000 of them"
        " around the Airport fire and 20,000 near the Bridge fire."
    )
    assert _scope(text, 20000) == "the Bridge"


def test_a_place_near_another_noun_stays_a_reference() -> None:
    assert _scope("Rescuers reached 40 people in a village near Lisbon.", 40) is None
