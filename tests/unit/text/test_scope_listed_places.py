"""Claim scopes, sentence by sentence: a locative that lists known places ("in Chad, Niger and
Mali") scopes its count to the list, the places together, not to the first of them; a name
after ", and" that opens a new clause ("..., and Israel said") is not listed."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("The floods have killed 410 people in Chad, Niger and Mali.", 410, "Chad, Niger and Mali"),
        ("Some 3,000 workers in Ohio, Indiana, and Michigan walked out on Monday.", 3000,
         "Ohio, Indiana, and Michigan"),
        ("Cholera has sickened 1,200 people in Kenya and Uganda.", 1200, "Kenya and Uganda"),
    ],
)  # fmt: skip
def test_a_list_of_places_scopes_its_count(text: str, value: float, scope: str) -> None:
    assert frame(text, value).scope == scope


def test_a_new_clause_after_and_is_not_listed() -> None:
    text = "Shelling killed 14 people in Gaza, and Israel said two soldiers died."
    assert frame(text, 14).scope == "Gaza"
