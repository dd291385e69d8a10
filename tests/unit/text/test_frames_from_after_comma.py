"""Kinds, sentence by sentence: a "from N" set off by a comma after the value reached ("revised
down to 96, from 99, after a review") is the previous value, as it is without the comma ("rose
from 31 to 40")."""

from __future__ import annotations

import pytest

from monitor.text.claims import extract_claims


def _kinds(text: str) -> dict[float, str]:
    return {c.value: c.kind for c in extract_claims(text)}


@pytest.mark.parametrize(
    ("text", "reached", "earlier"),
    [
        ("Officials said the toll had been revised down to 96, from 99, after a review.", 96, 99),
        ("The toll rose to 40 deaths, from 31, on Monday.", 40, 31),
        ("The number of strikers grew to about 3,000, from 1,800, by Friday.", 3000, 1800),
    ],
)  # fmt: skip
def test_a_from_after_the_value_reached_is_the_previous_value(
    text: str, reached: float, earlier: float
) -> None:
    kinds = _kinds(text)
    assert kinds[reached] == "total"
    assert kinds[earlier] == "previous"


def test_a_from_with_no_value_reached_before_it_is_no_previous_value() -> None:
    kinds = _kinds("Officials counted 40 deaths, from 31 villages, on Monday.")
    assert kinds.get(31) != "previous"
