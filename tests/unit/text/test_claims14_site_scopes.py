"""A definite site a count is held or found in ("in the harbour", "in the prison", "in the
tower") is the count's scope, as "in the city" is: a place named by its kind of site."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("That raised the number of whales stranded in the harbour to 470.", 470, "the harbour"),
        ("Police said 58 people who had been in the tower were missing.", 58, "the tower"),
        ("About 3,600 inmates were held in the penitentiary before the attack.", 3600,
         "the penitentiary"),
    ],
)  # fmt: skip
def test_a_definite_site_after_in_is_the_scope(text: str, value: int, scope: str) -> None:
    assert frame(text, value).scope == scope


def test_a_named_place_still_wins_over_a_site_word() -> None:
    text = "About 300 pilot whales were stranded in Tasmania's Macquarie Harbour."
    assert frame(text, 300).scope == "Tasmania's Macquarie Harbour"


def test_a_site_after_a_weak_preposition_is_no_scope() -> None:
    assert frame("Divers carried 12 bodies to the ship on Monday.", 12).scope is None
