"""A count placed in a span of time before an event named by a noun ("in the days before the
jailbreak") is past: it tells what happened before the story's event, not its running count.
A span leading into the story's own event told with its verb ("in the weeks before the rites
began") stays current, as does a span of hours counting up to a report."""

from __future__ import annotations

from tests.unit.text.conftest import frame


def test_a_count_in_the_days_before_a_named_event_is_past() -> None:
    text = "Gangs had killed four police officers in the days before the jailbreak."
    assert frame(text, 4).time == "past"


def test_a_count_in_the_weeks_leading_up_to_a_named_event_is_past() -> None:
    text = "Police arrested 300 people in the weeks leading up to the election."
    assert frame(text, 300).time == "past"


def test_the_weeks_before_the_storys_own_event_began_stay_current() -> None:
    text = (
        "Saudi authorities expelled 20,000 pilgrims from Mecca in the weeks before the rites began."
    )
    assert frame(text, 20000).time == "current"


def test_a_span_of_hours_before_a_report_stays_current() -> None:
    assert frame("In the 24 hours before the update, 10 people died.", 10).time == "current"
