"""The number one, sentence by sentence: "a single death" and "one case" are counts of one,
but a negated one ("not a single death", "there has never been a single case", "not one case")
counts nothing and gives no claim."""

from __future__ import annotations

import pytest

from monitor.text.claims import extract_claims


@pytest.mark.parametrize(
    "text",
    [
        "Not a single death has been reported in the city.",
        "Not one case has been confirmed in the province.",
        "There has never been a single case here, officials said.",
        "The town came through the storm without a single death.",
    ],
)
def test_a_negated_one_is_no_count(text: str) -> None:
    assert [c.value for c in extract_claims(text)] == []


@pytest.mark.parametrize(
    "text",
    [
        "A single death was reported in Lagos.",
        "The outbreak has caused one death so far.",
        "The fire led to a single death.",
    ],
)
def test_one_not_negated_is_a_count_of_one(text: str) -> None:
    assert [c.value for c in extract_claims(text)] == [1]
