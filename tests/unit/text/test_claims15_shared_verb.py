"""A counted phrase joined by ", and" with no verb of its own is one more object of the
clause's verb, not a clause of its own: the about and exclude terms of a figure are read in
the whole clause ("the order covered about 10,000 people in the town, seasonal workers
included, and 15,000 visitors in the park": both were evacuated). With a verb of its own
(", and 12 were injured") the phrase is a clause and the terms before it are not its."""

from __future__ import annotations

from monitor.text.figure_scope import clause_span
from monitor.text.figures import FigureSpec, bind_all
from tests.unit.text.conftest import frame

EVACUATED = FigureSpec(
    "evacuated", "People evacuated from the park", ("people", "visitors"), ("the park", "Jasper"),
    about=("evacuated", "evacuation", "order"),
)  # fmt: skip


def clause(text: str, value: float) -> str:
    claim = frame(text, value)
    begin, end = clause_span(claim)
    return claim.sentence[begin:end]


def test_a_verbless_counted_phrase_after_and_shares_the_clause() -> None:
    text = (
        "The evacuation order covered about 10,000 people in the town, seasonal workers"
        " included, and 15,000 visitors in the park."
    )
    assert "evacuation order" in clause(text, 15000)
    assert [b.figure for b in bind_all([EVACUATED], frame(text, 15000)) if b.bound] == ["evacuated"]


def test_a_counted_phrase_with_its_own_verb_is_its_own_clause() -> None:
    text = (
        "The evacuation order covered about 10,000 people in the park, and 12 visitors were hurt."
    )
    assert "evacuation" not in clause(text, 12)


def test_a_phrase_opening_with_no_number_is_its_own_clause() -> None:
    text = "The order covered 10,000 people in the park, and officials said roads were shut."
    assert "order" in clause(text, 10000)
