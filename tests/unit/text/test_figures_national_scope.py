"""Figure binding: a count scoped to the whole nation without naming it ("The national death
toll rose to 66", "Nationwide, 66 people have died", "across the country") belongs to a figure
defined as a nation's — one whose first, defining context term is a country ("Rwanda") or "the
country" — and not to a city's figure, nor to a figure that only lists a country among the
terms of something else (an outbreak at "the parks", also "U.S.")."""

from __future__ import annotations

import pytest

from monitor.text.claims import extract_claims
from monitor.text.figures import FigureSpec, bind

RWANDA = FigureSpec(
    name="rwanda-deaths",
    label="Marburg deaths in Rwanda",
    units=("deaths", "toll", "people"),
    context=("Rwanda", "the outbreak"),
    about=("died", "deaths", "toll"),
)
KIGALI = FigureSpec(
    name="kigali-deaths",
    label="Marburg deaths in Kigali",
    units=("deaths", "toll", "people"),
    context=("Kigali", "the capital"),
    about=("died", "deaths", "toll"),
)
PARKS = FigureSpec(
    name="parks-cases",
    label="Measles cases linked to the theme parks",
    units=("cases",),
    context=("the parks", "the outbreak", "U.S."),
    about=("cases", "counted"),
)


def _bound(spec: FigureSpec, text: str, value: float) -> bool:
    claim = next(c for c in extract_claims(text) if c.value == value)
    return bind(spec, claim).bound


@pytest.mark.parametrize(
    "text",
    [
        "The national death toll rose to 66 on Friday.",
        "Nationwide, 66 people have died.",
        "Across the country, 66 people have died.",
        "Countrywide, 66 people have died of the disease.",
    ],
)
def test_a_national_count_binds_the_nations_figure(text: str) -> None:
    assert _bound(RWANDA, text, 66)
    assert not _bound(KIGALI, text, 66)


def test_a_city_count_beside_it_keeps_its_city() -> None:
    text = "Kigali has recorded 12 deaths, and the national toll stands at 66."
    assert _bound(KIGALI, text, 12) and not _bound(RWANDA, text, 12)
    assert _bound(RWANDA, text, 66)


def test_a_figure_listing_a_country_among_other_terms_is_no_nations() -> None:
    text = "Nationwide, the CDC has counted at least 162 measles cases so far this year."
    assert not _bound(PARKS, text, 162)
