"""Provinces are places under the names English text uses ("Hubei", not the romanised
"Hubei Sheng"), and an abbreviated month opens a date lead like a full one ("By Feb. 13
Hubei counted ...")."""

from __future__ import annotations

import pytest

from monitor.text.scope import is_place
from tests.unit.text.conftest import frame


@pytest.mark.parametrize("name", ["Hubei", "Sichuan", "Guangxi", "Ulsan"])
def test_a_province_without_its_romanised_type_is_a_place(name: str) -> None:
    assert is_place(name)


def test_a_province_as_subject_scopes_its_count() -> None:
    assert frame("Sichuan counted 1,240 confirmed cases on Monday.", 1240).scope == "Sichuan"


@pytest.mark.parametrize(
    "text",
    [
        "By Feb. 13 Hubei counted 48,206 confirmed cases.",
        "By Sept. 4 Hubei counted 48,206 confirmed cases.",
        "By 13 February Hubei counted 48,206 confirmed cases.",
    ],
)
def test_an_abbreviated_month_opens_a_date_lead(text: str) -> None:
    assert frame(text, 48206).scope == "Hubei"


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("Grenoble recorded 28 arrests overnight, the prefecture said.", 28, "Grenoble"),
        ("In Wuhan, 892 new infections were confirmed on Monday.", 892, "Wuhan"),
    ],
)
def test_a_large_city_is_a_place_a_count_belongs_to(text: str, value: int, scope: str) -> None:
    assert is_place(scope)
    assert frame(text, value).scope == scope


def test_a_small_town_is_not_taken_for_a_place_by_name_alone() -> None:
    assert not is_place("Tamra")
