"""Figure binding, sentence by sentence: the figure's own event named as the cause of a count
("deaths from Hurricane Ian") is not a scope that blocks it, a count carried over from the
sentence before ("in 34 cities") is never a scope, and a participation verb without its
object ("... are now taking part") takes its about term from the sentence before."""

from __future__ import annotations

from monitor.text.claims import extract_claims
from monitor.text.figures import Binding, FigureSpec, Topic, bind

STORM = FigureSpec(
    name="storm-deaths-florida",
    label="Hurricane Ian deaths in Florida (state medical examiners)",
    units=("deaths", "people", "dead"),
    context=("Florida", "the state"),
    about=("killed", "died", "deaths", "dead"),
)
UNNAMED = FigureSpec(  # the same figure, its label naming no storm
    name="florida-deaths",
    label="Storm deaths in Florida",
    units=STORM.units,
    context=STORM.context,
    about=STORM.about,
)
STRIKE = FigureSpec(
    name="strike-stores",
    label="Stores on strike",
    units=("stores", "shops"),
    context=("the chain", "nationwide"),
    about=("strike", "joined", "walked out"),
)
TOPIC = Topic("Strike spreads across the chain", "")


def _bind(spec: FigureSpec, text: str, value: float, previous: str | None = None) -> Binding:
    claim = next(c for c in extract_claims(text) if c.value == value)
    return bind(spec, claim, previous, TOPIC)


def test_the_figures_own_named_event_is_the_cause_not_a_scope() -> None:
    text = "Florida's medical examiners confirmed 68 deaths from Hurricane Ian on Monday."
    found = _bind(STORM, text, 68)
    assert found.bound
    assert found.scope == "Florida"


def test_another_named_event_still_scopes_its_count() -> None:
    text = "Florida's medical examiners once confirmed 44 deaths from Hurricane Andrew."
    assert not _bind(STORM, text, 44).bound


def test_a_label_naming_no_event_keeps_the_event_as_scope() -> None:
    text = "Florida's medical examiners confirmed 68 deaths from Hurricane Ian on Monday."
    assert not _bind(UNNAMED, text, 68).bound


def test_a_count_is_no_scope_even_from_the_sentence_before() -> None:
    before = "Workers at nine more shops in 34 cities joined the strike on Thursday."
    text = "Workers at 180 stores are now on strike, the organisers said."
    claim = next(c for c in extract_claims(f"{before} {text}") if c.value == 180)
    found = bind(STRIKE, claim, before, TOPIC)
    assert found.bound  # through the headline, which names the chain
    assert found.scope == "the chain"


def test_taking_part_without_an_object_takes_the_event_of_the_sentence_before() -> None:
    before = "Workers at nine more shops joined the strike on Thursday, organisers said."
    text = "Workers at 180 stores nationwide are now taking part, the organisers said."
    assert _bind(STRIKE, text, 180, before).bound


def test_taking_part_needs_an_about_term_in_the_sentence_before() -> None:
    before = "The chain opened a new roastery in Chicago on Thursday."
    text = "Workers at 180 stores nationwide are now taking part, the organisers said."
    assert not _bind(STRIKE, text, 180, before).bound


def test_taking_part_in_a_named_thing_is_its_own_clause() -> None:
    before = "Workers at nine more shops joined the strike on Thursday, organisers said."
    text = "Workers at 180 stores nationwide are taking part in a tasting promotion."
    assert not _bind(STRIKE, text, 180, before).bound
