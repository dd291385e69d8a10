"""A verbless aside after the number naming who most of the counted are ("290, most of them
students, were still missing") does not end the number's phrase: the predicate after it is
the number's, so its exclude and about terms are read there (docs/SPEC.md §6)."""

from __future__ import annotations

from monitor.text.figure_scope import phrase_of
from monitor.text.figures import FigureSpec, bind_all
from tests.unit.text.conftest import frame

FERRY = ("the ferry", "ferry")
DEAD = FigureSpec(
    "ferry-dead", "People killed on the ferry", ("people",), FERRY,
    about=("dead", "died"), exclude=("missing", "rescued"),
)  # fmt: skip
MISSING = FigureSpec(
    "ferry-missing", "People missing from the ferry", ("people",), FERRY,
    about=("missing",), exclude=("dead", "rescued"),
)  # fmt: skip
TEXT = (
    "On the ferry, six people were confirmed dead and 290, most of them high school students,"
    " were still missing."
)


def test_the_predicate_after_a_part_aside_is_the_numbers() -> None:
    assert "still missing" in phrase_of(frame(TEXT, 290))


def test_the_number_goes_to_the_figure_its_predicate_names() -> None:
    bound = [b.figure for b in bind_all([DEAD, MISSING], frame(TEXT, 290)) if b.bound]
    assert bound == ["ferry-missing"]


def test_an_aside_with_a_number_of_its_own_is_a_part_and_still_ends_the_phrase() -> None:
    text = "On the ferry, 290 people, 80 of them teachers, were still missing."
    assert "still missing" not in phrase_of(frame(text, 290))


def test_a_comma_without_an_aside_still_ends_the_phrase() -> None:
    text = "On the ferry, 179 people had been rescued, and six were confirmed dead."
    assert "dead" not in phrase_of(frame(text, 179))
