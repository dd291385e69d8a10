"""An event noun dated by the year right after it ("the outbreak in 2023", "the floods of
2018") names an earlier event: its numbers are past and that event's, bound to no figure of
the story."""

from __future__ import annotations

from monitor.text.figure_scope import past_event
from tests.unit.text.conftest import frame


def test_an_event_dated_after_its_noun_is_the_time_reference() -> None:
    text = "Uganda's outbreak in 2022, by comparison, recorded 164 confirmed cases."
    claim = frame(text, 164)
    assert (claim.time, claim.time_ref) == ("past", "outbreak in 2022")
    assert past_event(claim) == "outbreak in 2022"


def test_a_bare_year_stays_a_period_without_an_event() -> None:
    claim = frame("The company employed 124,800 people in 2023.", 124800)
    assert claim.time == "past"
    assert past_event(claim) is None
