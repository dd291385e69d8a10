"""Binding of the scope grammar's referring scopes, sentence by sentence: a body or a place
referred to by a common noun ("the agency", "Prosecutors", "the island") tells whose count it
is, not which of the story's figures, and binds as no scope does, through the story's topic;
a place the grammar finds by name binds as any clause's scope does."""

from __future__ import annotations

from monitor.text.claims import Claim, extract_claims
from monitor.text.figures import FigureSpec, Topic, bind
from monitor.text.scope_grammar import names_a_place

CASES = FigureSpec(
    name="varn-cases",
    label="Cholera cases in Varnia",
    units=("cases", "people"),
    context=("Varnia",),
)
EVACUATED = FigureSpec(
    name="island-evacuated",
    label="People moved off Lampedusa",
    units=("people", "migrants"),
    context=("Lampedusa",),
)


def _claim(text: str, value: float) -> Claim:
    return next(c for c in extract_claims(text) if c.value == value)


def test_an_organisation_subject_binds_through_the_topic() -> None:
    claim = _claim("The Health Authority recorded 48 cases on Friday.", 48)
    assert (claim.scope, claim.scope_source) == ("The Health Authority", "referring")
    binding = bind(CASES, claim, None, Topic("Cholera spreads in Varnia"))
    assert binding.bound


def test_a_definite_place_binds_through_the_topic() -> None:
    claim = _claim("By noon 900 migrants had been ferried off the island.", 900)
    assert (claim.scope, claim.scope_source) == ("the island", "referring")
    binding = bind(EVACUATED, claim, None, Topic("Lampedusa overwhelmed by arrivals"))
    assert binding.bound


def test_a_named_place_of_another_story_does_not_bind() -> None:
    claim = _claim("By dawn some 240 migrants had been flown to Galway.", 240)
    assert claim.scope == "Galway"
    binding = bind(EVACUATED, claim, None, Topic("Lampedusa overwhelmed by arrivals"))
    assert not binding.bound


def test_a_named_place_of_the_figure_binds() -> None:
    claim = _claim("Some 35 cases were recorded in Varnia and Ostra.", 35)
    assert claim.scope is not None
    assert claim.scope_source in ("clause", "referring")


def test_which_scopes_name_a_place() -> None:
    assert names_a_place("Galway")
    assert names_a_place("the Drava Valley")
    assert names_a_place("Mali, Niger and Chad")
    assert not names_a_place("the island")
    assert not names_a_place("The agency")
    assert not names_a_place("Prosecutors")
