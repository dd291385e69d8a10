"""Claim scopes, sentence by sentence: a disease's name among the counted noun's modifiers
("410 Ebola deaths", "26 Marburg cases") says what was counted, not whose count it is, so the
clause's place keeps the count; a place's name there ("40 Clark County residents") still owns
it."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("Guinea reported 410 Ebola deaths by the end of the year.", 410, "Guinea"),
        ("Officials in Kigali confirmed 26 Marburg cases on Friday.", 26, "Kigali"),
        ("Health workers logged 95 cholera cases in Lusaka last week.", 95, "Lusaka"),
    ],
)  # fmt: skip
def test_a_disease_modifier_is_not_an_owner(text: str, value: float, scope: str) -> None:
    assert frame(text, value).scope == scope


def test_a_place_modifier_still_owns_the_count() -> None:
    assert frame("There are 40 Clark County residents in quarantine.", 40).scope == "Clark County"
