"""Claim frames, sentence by sentence: a disease counted is not whose count it is ("60 cases
of Ebola" is no scope "Ebola"), and "the country" is a country named before, not a continent."""

from __future__ import annotations

from tests.unit.text.conftest import frame


def test_the_disease_of_the_cases_is_not_their_scope() -> None:
    claim = frame("Uganda is on alert. Officials have confirmed 60 cases of Ebola.", 60)
    assert claim.scope == "Uganda"


def test_a_place_after_cases_of_disease_is_still_the_scope() -> None:
    assert frame("Uganda has 60 cases of Ebola.", 60).scope == "Uganda"


def test_an_outbreak_named_by_its_disease_stays_a_scope() -> None:
    claim = frame("Boar's Head listeria outbreak: death toll climbs to 9, with 57 hospitalized", 9)
    assert claim.scope == "Boar's Head listeria outbreak"


def test_the_country_is_not_the_continent_named_before() -> None:
    claim = frame(
        "A senior WHO official in Africa called the outbreak rapidly evolving. Health "
        "authorities have confirmed 75 cases of Ebola in the country since Sept. 20.",
        75,
    )
    assert claim.scope != "Africa"


def test_the_country_is_a_country_of_a_continents_name() -> None:
    claim = frame("South Africa's health officials met on Monday. The country has 40 cases.", 40)
    assert claim.scope == "South Africa"
