"""Figure binding, sentence by sentence: a number of another event in the same place belongs
to no figure (a cyclone's deaths are not the cholera outbreak's), and the event families a
text names."""

from __future__ import annotations

import pytest

from monitor.text.claims import extract_claims
from monitor.text.event_types import event_families
from monitor.text.figures import FigureSpec, bind

CHOLERA = FigureSpec(
    name="malawi-cholera-deaths",
    label="Deaths in Malawi's 2022-23 cholera outbreak",
    units=("deaths", "people", "lives", "toll"),
    context=("Malawi",),
    about=("killed", "died", "deaths", "toll", "lives"),
)
UNNAMED = FigureSpec(  # the same figure, its label naming no kind of event
    name="malawi-deaths",
    label="Deaths in Malawi",
    units=CHOLERA.units,
    context=CHOLERA.context,
    about=CHOLERA.about,
)
FLOODS = FigureSpec(
    name="derna-deaths",
    label="People killed by the Derna floods",
    units=("people", "deaths"),
    context=("Derna",),
    about=("killed", "died", "deaths"),
)


def _binding(spec: FigureSpec, text: str, value: float) -> tuple[bool, str]:
    claim = next(c for c in extract_claims(text) if c.value == value)
    found = bind(spec, claim)
    return found.bound, found.reason


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The cyclone struck last week, killing 476 people in Malawi.", 476),
        ("Across Malawi, Mozambique and Madagascar the storm killed 579 people.", 579),
    ],
)
def test_another_kind_of_event_in_the_same_place_is_not_the_figure(text: str, value: float) -> None:
    bound, reason = _binding(CHOLERA, text, value)
    assert not bound
    assert reason.startswith("another event (weather)")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("In Malawi, more than 1,700 people have died of cholera since last year.", 1700),
        # both events named: the figure's own is among them
        ("Health teams fear that the cholera outbreak, which has killed more than 1,700 people "
         "in Malawi, could spread in the camps of those displaced by Cyclone Freddy.", 1700),
        # no event named at all
        ("The health ministry said 1,210 people had died in Malawi.", 1210),
    ],
)  # fmt: skip
def test_the_figures_own_event_or_none_named_binds(text: str, value: float) -> None:
    assert _binding(CHOLERA, text, value)[0]


def test_a_label_naming_no_event_leaves_binding_as_before() -> None:
    text = "The cyclone struck last week, killing 476 people in Malawi."
    assert _binding(UNNAMED, text, 476)[0]


def test_events_of_one_family_are_one_event() -> None:
    text = "Storm Daniel swept through eastern Libya, killing 5,300 people in Derna."
    assert _binding(FLOODS, text, 5300)[0]


@pytest.mark.parametrize(
    ("text", "families"),
    [
        ("The cyclone struck last week", {"weather"}),
        ("floods after Storm Daniel", {"weather"}),
        ("a cholera outbreak", {"outbreak"}),
        ("Israeli airstrikes on the south", {"violence"}),
        ("the machinists' walkout", {"labour"}),
        ("the high court of the Valencia region said", set()),  # a source, not an event
        ("health officials said on Monday", set()),
    ],
)
def test_event_families(text: str, families: set[str]) -> None:
    assert event_families(text) == frozenset(families)


def test_a_service_named_after_fire_names_no_fire() -> None:
    assert event_families("Fire officials said 59 people had died in the crush.") == {"stampede"}
    assert event_families("Fire and rescue crews pulled 12 people out.") == frozenset()
    assert event_families("The fire killed 20 people.") == {"fire"}
