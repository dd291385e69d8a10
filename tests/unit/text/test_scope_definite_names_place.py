"""Claim scopes, sentence by sentence: "the island", "the city" or "the capital" stands for a
place named nearby only when that name can be the place: a known place, a possessive ("Derna's
hospitals") or the modifier of a noun a place modifies ("Asheville police"). A name modifying
another noun ("a Yale study") or opening a verb ("Governor Vasquez toured") names a body or a
person, so the definite place stays as written."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A Yale study estimated that about 2,100 people on the island had died.", 2100),
        ("Vasquez praised the volunteers, who delivered 4,000 meals on the island.", 4000),
        ("A Stanford survey found that 900 homes in the city had lost power.", 900),
    ],
)  # fmt: skip
def test_a_body_or_a_person_is_not_the_place(text: str, value: float) -> None:
    assert frame(text, value).scope not in ("Yale", "Vasquez", "Stanford")


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("Medics said 60 of the dead in the city were buried as Tarnow's morgue filled.", 60,
         "Tarnow"),
        ("Tarnow police said 60 people in the city had been evacuated.", 60, "Tarnow"),
    ],
)  # fmt: skip
def test_a_possessive_or_a_place_modifier_still_names_it(
    text: str, value: float, scope: str
) -> None:
    assert frame(text, value).scope == scope
