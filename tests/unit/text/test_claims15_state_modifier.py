"""A state word before a modifier and a plural noun modifies them: "2,938 dead aquatic animals"
counts animals; "41 dead" and "41 dead and 12 injured" still count the dead."""

from __future__ import annotations

from tests.unit.text.conftest import frame


def test_dead_before_a_modified_plural_counts_the_plural() -> None:
    text = "Contractors collected 2,938 dead aquatic animals at four sites."
    assert frame(text, 2938).unit == "dead aquatic animals"


def test_a_bare_dead_still_counts_the_dead() -> None:
    assert frame("The storm left 41 dead and 12 injured.", 41).unit == "dead"


def test_dead_before_a_verb_still_counts_the_dead() -> None:
    assert frame("Police said 12 dead were found near the river banks.", 12).unit == "dead"
