"""A ", when ..." clause after a named event tells what happened in that event: its numbers
are the event's ("the 2005 riots, when nearly 2,900 people were arrested"), not the main
clause subject's, and no tracked figure of the story takes them."""

from __future__ import annotations

from monitor.text.figures import FigureSpec, Topic, bind_all
from tests.unit.text.conftest import claims_of, frame

ARRESTS = FigureSpec(
    name="arrests",
    label="People arrested across France in the riots",
    units=("people", "arrests"),
    context=("France", "nationwide"),
    about=("arrested", "arrests"),
)


def test_a_when_clause_counts_for_the_event_before_it() -> None:
    text = "The unrest revived memories of the 2005 riots, when nearly 2,900 people were arrested."
    assert frame(text, 2900).scope == "the 2005 riots"


def test_the_events_count_binds_to_no_figure_of_the_story() -> None:
    text = "The unrest revived memories of the 2005 riots, when nearly 2,900 people were arrested."
    claim = claims_of(text)[0]
    bindings = bind_all([ARRESTS], claim, None, Topic("France riots: 667 arrested nationwide"))
    assert not any(b.bound for b in bindings)


def test_a_when_clause_after_a_date_keeps_the_running_scope() -> None:
    text = "In Texas the toll rose to 40 on Monday, when 12 more bodies were found."
    assert frame(text, 12).scope != "Monday"
