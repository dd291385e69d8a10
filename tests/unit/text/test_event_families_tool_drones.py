"""A drone used as a tool ("an underwater drone joined the search", "police drones") names no
attack, so a search count after a sinking stays the sinking's; a drone strike still names one."""

from __future__ import annotations

from monitor.text.claims import extract_claims
from monitor.text.event_types import event_families
from monitor.text.figures import FigureSpec, bind

MISSING = FigureSpec(
    name="ferry-missing",
    label="People missing after the Lake Toba ferry sinking (June 2018)",
    units=("people", "passengers"),
    context=("Lake Toba",),
    about=("missing",),
)


def test_an_underwater_drone_names_no_attack() -> None:
    assert event_families("Divers and an underwater drone joined the search.") == frozenset()
    assert event_families("Police drones and surveillance drones watched the crowd.") == frozenset()


def test_a_drone_strike_still_names_an_attack() -> None:
    assert "violence" in event_families("A drone strike hit the convoy.")
    assert "violence" in event_families("Drones attacked the port overnight.")


def test_a_search_with_a_drone_keeps_the_sinkings_missing_count() -> None:
    text = (
        "Divers and an underwater drone joined the search on Wednesday for at least 192 people "
        "missing after the overcrowded ferry went down on Lake Toba."
    )
    claim = next(c for c in extract_claims(text) if c.value == 192)
    assert bind(MISSING, claim).bound
