"""Claim scopes, sentence by sentence: the places English puts "on" rather than "in" ("on the
continent", "on the island") scope a count as "in the country" does, so a continental count
beside a country's ("12,000 in Congo, out of 15,000 on the continent") keeps its own scope."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("Mpox has infected 15,000 people on the continent.", 15000, "the continent"),
        ("Congo has recorded 12,000 cases, out of 15,000 on the continent.", 15000,
         "the continent"),
        ("Congo has recorded 12,000 cases, out of 15,000 on the continent.", 12000, "Congo"),
        ("The storm killed 12 people on the island.", 12, "the island"),
        ("So far the continent has 15,000 confirmed cases.", 15000, "the continent"),
    ],
)  # fmt: skip
def test_a_place_taken_with_on_scopes_its_count(text: str, value: float, scope: str) -> None:
    assert frame(text, value).scope == scope


def test_on_with_any_other_common_noun_is_no_place() -> None:
    assert frame("Officials relied on the city for 30 extra workers.", 30).scope != "the city"
