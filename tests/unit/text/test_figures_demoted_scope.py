"""Figure binding, sentence by sentence: scopes that name no subject of the number bind
through the article's topic instead of blocking (a body's own count, a reference place, the
story's own event, a total summing up the sentence before), a number's own phrase decides
between two figures of one clause, and a pronoun carries the clause before's about term."""

from __future__ import annotations

from dataclasses import replace

import pytest

from monitor.text.claims import extract_claims, extract_report
from monitor.text.figures import Binding, FigureSpec, Topic, bind, bind_all

ARRESTS = FigureSpec(
    name="uk-arrests",
    label="People arrested over the riots",
    units=("people", "arrests"),
    context=("UK", "England", "Britain"),
    about=("arrest", "arrests", "arrested"),
    exclude=("charged",),
)
CHARGED = FigureSpec(
    name="uk-charged",
    label="People charged over the riots",
    units=("people",),
    context=ARRESTS.context,
    about=("charged", "charges"),
)
US_CASES = FigureSpec(
    name="ecoli-us-cases",
    label="E. coli cases in the US outbreak",
    units=("illnesses", "cases", "people"),
    context=("outbreak", "nationwide", "United States"),
)
FACTORY = FigureSpec(
    name="factory-deaths",
    label="Deaths in the Hwaseong battery factory fire",
    units=("people", "deaths", "workers"),
    context=("Hwaseong", "Aricell"),
    about=("killed", "kills", "dead", "died"),
)
MISSING = FigureSpec(
    name="maui-missing",
    label="People missing after the Maui fire",
    units=("people",),
    context=("Maui", "Lahaina"),
    about=("missing", "unaccounted"),
)
DEATHS = FigureSpec(
    name="maui-deaths",
    label="People killed by the Maui fire",
    units=("people", "deaths"),
    context=("Maui", "Lahaina"),
    about=("killed", "dead", "died", "toll"),
    exclude=("missing",),
)
STRIKERS = FigureSpec(
    name="uaw-strikers",
    label="UAW members on strike",
    units=("workers", "members", "autoworkers"),
    context=("UAW", "the union"),
    about=("strike", "striking", "walked out"),
)


def _claims(text: str) -> list[object]:
    return list(extract_report(text).claims)


def _bound(specs: list[FigureSpec], text: str, value: float, topic: Topic) -> list[Binding]:
    claim = next(c for c in _claims(text) if getattr(c, "value", None) == value)
    return [b for b in bind_all(specs, claim, topic=topic) if b.bound]


def test_a_number_goes_to_the_figure_its_own_phrase_names() -> None:
    text = "Police said 741 people had been arrested and 302 charged in England."
    topic = Topic("UK riots: arrests pass 700")
    assert [b.figure for b in _bound([ARRESTS, CHARGED], text, 741, topic)] == ["uk-arrests"]
    assert [b.figure for b in _bound([ARRESTS, CHARGED], text, 302, topic)] == ["uk-charged"]


def test_a_shared_verb_still_binds_both_halves_of_a_list() -> None:
    text = "Police have arrested 483 men and 20 women across England."
    by_sex = replace(ARRESTS, units=("men", "women"))
    topic = Topic("UK riots")
    assert [b.figure for b in _bound([by_sex, CHARGED], text, 20, topic)] == ["uk-arrests"]


def test_a_bodys_own_count_names_its_source_not_its_scope() -> None:
    text = "By Friday the CDC's count had grown to 75 illnesses across 13 states."
    found = _bound([US_CASES], text, 75, Topic("E. coli outbreak linked to burgers grows"))
    assert [b.figure for b in found] == ["ecoli-us-cases"]
    assert "source of the count" in found[0].reason


def test_a_place_the_event_is_near_is_a_reference_point() -> None:
    text = "Battery factory fire near Seoul kills 22, most of them migrant workers"
    claim = next(c for c in extract_claims(text) if c.value == 22)
    bound = bind(FACTORY, claim, topic=Topic(text, "The blaze at the Aricell plant in Hwaseong"))
    assert bound.bound and "reference place" in bound.reason
    # Without a topic naming the figure's place, it binds nothing: no guess.
    assert not bind(FACTORY, claim).bound


def test_the_storys_own_event_binds_through_the_topic() -> None:
    text = "The fire destroyed most of Lahaina.\nTwo people remain listed as missing."
    claim = next(c for c in _claims(text) if getattr(c, "value", None) == 2)
    bound = bind(MISSING, claim, topic=Topic("Maui fire: two still missing a year on"))
    assert bound.bound


def test_a_dated_other_event_is_not_the_storys_own() -> None:
    text = "The 2018 fire in Paradise killed 85 people."
    claim = next(c for c in extract_claims(text) if c.value == 85)
    assert not bind(DEATHS, claim, topic=Topic("Maui fire toll rises")).bound


def test_a_total_summing_up_the_sentence_before_is_not_the_added_parts() -> None:
    text = (
        "On Wednesday 8,700 workers walked out of Ford's Kentucky Truck Plant in Louisville.\n"
        "That brings the total number of autoworkers on strike to about 34,000, the union said."
    )
    claim = next(c for c in _claims(text) if getattr(c, "value", None) == 34000)
    bound = bind(STRIKERS, claim, topic=Topic("UAW expands strike"))
    assert bound.bound, bound.reason


@pytest.mark.parametrize(
    ("text", "value", "bound"),
    [
        ("Officials said 53 people had been killed, and by Friday it stood at 55.", 55, True),
        ("Officials said 53 people had been killed, and 12 others were missing.", 12, False),
    ],
)
def test_a_pronoun_carries_the_clause_befores_about_term(
    text: str, value: float, bound: bool
) -> None:
    claim = next(c for c in extract_claims(text) if c.value == value)
    assert bind(DEATHS, claim, topic=Topic("Maui fire toll rises")).bound is bound


def test_a_past_number_of_another_event_belongs_to_no_figure() -> None:
    text = "The fire has killed 80 people, surpassing a 1960 tsunami that killed 61 people."
    claims = {c.value: c for c in extract_claims(text)}
    past = bind(DEATHS, claims[61], topic=Topic("Maui fire toll rises"))
    assert not past.bound and past.reason.startswith("past: another event")
    assert bind(DEATHS, claims[80], topic=Topic("Maui fire toll rises")).bound


SPAIN = FigureSpec(
    name="spain-flood-deaths",
    label="People killed by the floods in Spain",
    units=("dead", "deaths", "people"),
    context=("Spain", "national"),
    about=("killed", "dead", "died", "toll"),
    exclude=("missing",),
)
VALENCIA = replace(SPAIN, name="valencia-flood-deaths", context=("Valencia", "Valencia region"))


def test_a_headline_label_scopes_what_follows_it() -> None:
    text = "Spain floods: 217 confirmed dead, 213 of them in Valencia region"
    topic = Topic(text)
    assert [b.figure for b in _bound([SPAIN, VALENCIA], text, 217, topic)] == [SPAIN.name]
    assert [b.figure for b in _bound([SPAIN, VALENCIA], text, 213, topic)] == [VALENCIA.name]


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("Spain flood toll jumps to 95 as soldiers join search for missing in Spain", True),
        ("Officials in Spain said 95 people were listed as missing", False),
    ],
)
def test_an_as_clause_of_its_own_does_not_exclude_the_number(text: str, bound: bool) -> None:
    claim = next(c for c in extract_claims(text) if c.value == 95)
    assert bind(SPAIN, claim, topic=Topic(text)).bound is bound


@pytest.mark.parametrize(
    "text",
    [
        "At least 48 people were killed by the New Year's Day earthquake, officials said.",
        "The quake on New Year's Day killed at least 48 people.",
    ],
)
def test_a_holiday_is_a_date_not_a_scope(text: str) -> None:
    claim = next(c for c in extract_claims(text) if c.value == 48)
    assert claim.scope is None
