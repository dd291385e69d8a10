"""A count without a place of its own takes the place of the "when" clause right after it
that tells what caused it ("Six people were killed when a bus overturned in Kerala"); a
"when" clause that only dates the count ("when rescuers reached ...") gives no scope."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("Six people were killed when a bus overturned in Kerala.", 6, "Kerala"),
        ("Four people died when a missile struck a building in Haifa on Sunday.", 4, "Haifa"),
    ],
)
def test_the_cause_clause_places_the_count(text: str, value: int, scope: str) -> None:
    assert frame(text, value).scope == scope


def test_a_when_clause_that_only_dates_the_count_gives_no_scope() -> None:
    assert frame("The toll rose to 40 on Monday when rescuers reached Texas.", 40).scope is None
