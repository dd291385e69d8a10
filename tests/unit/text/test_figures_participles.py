"""Exclude terms read as a careful user wrote them (docs/SPEC.md §6): a participle names who
something happened to, not who did it, and a clause with its own subject after the number is
not the number's; end-to-end through the extractor."""

from __future__ import annotations

from monitor.text.figure_words import find_word
from monitor.text.figures import FigureSpec, bind
from tests.unit.text.conftest import frame

SHIPWRECK_DEAD = FigureSpec(
    "wreck-dead", "People killed in the shipwreck off Cutro", ("deaths", "bodies", "people"),
    ("Cutro", "Steccato di Cutro"), about=("died", "dead", "toll", "bodies"),
    exclude=("missing", "rescued", "survivors"),
)  # fmt: skip


def test_a_participle_does_not_match_the_agent_noun() -> None:
    assert find_word("Rescuers have recovered 59 bodies", ("rescued",)) is None
    assert find_word("80 people were rescued alive", ("rescued",)) == "rescued"
    # a term that is no participle still takes its other forms, the agent noun among them
    assert find_word("The killers fled", ("kill",)) == "killers"


def test_the_rescuers_who_found_the_dead_do_not_exclude_them() -> None:
    text = "Rescuers have recovered 59 bodies from a boat that broke apart off Steccato di Cutro."
    assert bind(SHIPWRECK_DEAD, frame(text, 59)).bound


def test_an_after_clause_with_its_own_subject_does_not_exclude_the_number() -> None:
    text = (
        "The death toll from the shipwreck off Steccato di Cutro rose to 62 on Monday after "
        "rescue crews recovered three more bodies."
    )
    assert bind(SHIPWRECK_DEAD, frame(text, 62)).bound


def test_an_excluded_word_in_the_numbers_own_clause_still_excludes_it() -> None:
    text = "Officials in Cutro said 80 people were rescued alive from the water."
    assert bind(SHIPWRECK_DEAD, frame(text, 80)).reason == "excluded: 'rescued'"
