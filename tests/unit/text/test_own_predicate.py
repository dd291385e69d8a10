"""A counted phrase with a predicate of its own ("... 20 deaths and 24 people hurt") speaks of
what its predicate says; an about term of another number's phrase does not bind it. End-to-end
through the extractor, so the sentences are read as the monitor reads them."""

from __future__ import annotations

import pytest

from monitor.text.figures import FigureSpec, bind
from tests.unit.text.conftest import frame

STORM_DEAD = FigureSpec(
    "storm-dead", "People killed by the storm", ("people", "deaths", "dead"), ("Mozambique",),
    about=("killed", "dead", "deaths", "died"),
)  # fmt: skip
STORM_MISSING = FigureSpec(
    "storm-missing", "People missing after the storm", ("people", "missing"), ("the province",),
    about=("missing",),
)  # fmt: skip


# (figure, sentence, the number whose own phrase holds the about term, the number whose own
# predicate says something else)
CONJUNCTS = [
    (STORM_DEAD, "In Mozambique, authorities reported 20 deaths and 24 people hurt.", 20, 24),
    (STORM_DEAD, "In Mozambique 57 people had died and 74 were missing.", 57, 74),
    (
        STORM_MISSING,
        "The toll in the province rose to 33, with eight people still missing and 3 million "
        "affected.",
        8,
        3_000_000,
    ),
]


@pytest.mark.parametrize(("spec", "text", "own", "other"), CONJUNCTS)
def test_a_phrase_with_its_own_predicate_does_not_take_another_numbers_about_term(
    spec: FigureSpec, text: str, own: float, other: float
) -> None:
    assert not bind(spec, frame(text, other)).bound


@pytest.mark.parametrize(("spec", "text", "own", "other"), CONJUNCTS)
def test_the_number_whose_phrase_holds_the_about_term_still_binds(
    spec: FigureSpec, text: str, own: float, other: float
) -> None:
    assert bind(spec, frame(text, own)).bound


def test_an_elliptical_conjunct_without_a_predicate_keeps_the_clauses_about_term() -> None:
    text = "At least 53 people died in Zambia and 225 in Mozambique, government figures showed."
    assert bind(STORM_DEAD, frame(text, 225)).bound


def test_a_fronted_whole_is_the_numbers_own() -> None:
    text = "Of the 79 dead in Mozambique, 53 had been identified and 26 were still unnamed."
    assert bind(STORM_DEAD, frame(text, 26)).bound
