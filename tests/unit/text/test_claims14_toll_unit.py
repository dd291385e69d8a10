"""A figure whose units name a toll ("toll", "death toll") takes the counts a toll is read as:
"the toll rose to 391" counts deaths (docs/SPEC.md §6 verb-led forms)."""

from __future__ import annotations

from monitor.text.figures import FigureSpec, bind
from tests.unit.text.conftest import frame

WHALES_DEAD = FigureSpec(
    "whales-dead", "Whales dead in the stranding", ("whales", "toll", "death toll"),
    ("Macquarie Harbour",), about=("dead", "died", "toll"),
)  # fmt: skip


def test_a_toll_binds_a_figure_that_lists_the_toll_as_its_unit() -> None:
    text = "In Macquarie Harbour the toll rose to 391 on Wednesday."
    assert bind(WHALES_DEAD, frame(text, 391)).bound


def test_a_toll_unit_does_not_take_other_counted_nouns() -> None:
    text = "About 60 people worked in Macquarie Harbour on Tuesday as the whales died."
    assert bind(WHALES_DEAD, frame(text, 60)).reason.startswith("unit ")
