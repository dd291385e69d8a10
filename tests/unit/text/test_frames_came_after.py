"""An event placed a span of time before the one a sentence is about ("The collapse came five
months after a fire killed 112 workers") is an earlier event: its counts are past. A time
clause opening the sentence ("Three years after the quake struck, 2,000 people remain
homeless") dates the present, not an earlier event."""

from __future__ import annotations

from tests.unit.text.conftest import frame


def test_counts_of_an_event_the_story_came_after_are_past() -> None:
    text = (
        "The blast came two years after a fire at a nearby depot killed 49 people, and six"
        " years after a warehouse collapse there left 17 dead."
    )
    assert frame(text, 49).time == "past"
    assert frame(text, 17).time == "past"


def test_an_opening_time_clause_dates_the_present() -> None:
    text = "Three years after the quake struck, 2,000 people remain homeless."
    assert frame(text, 2000).time == "current"
