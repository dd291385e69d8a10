"""Claim kinds, sentence by sentence: a count apposed to its share of a whole ("N, or about 15
percent of the total", "N, more than half of Chad's population", "N, about a third of the 2.4
million displaced") is a part of that whole; a share of another count's whole ("8,000 job cuts,
about 10 percent of its staff") and a description of what the count is made of ("half of them
children") leave it a total."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Some 1,200 people, or about 20 percent of the total, have been charged.", 1200),
        ("About 9 million people, more than half of Chad's population, need food aid.", 9_000_000),
        ("Roughly 800,000 children, about a third of the 2.4 million displaced, are out of school.",
         800_000),
    ],
)  # fmt: skip
def test_a_count_apposed_to_its_share_is_a_part(text: str, value: float) -> None:
    assert frame(text, value).kind == "part"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Acme announced 8,000 job cuts on Monday, about 10 percent of its staff.", 8000),
        ("The strike in the city killed 300 people, about half of them children.", 300),
    ],
)  # fmt: skip
def test_another_whole_or_a_makeup_leaves_a_total(text: str, value: float) -> None:
    assert frame(text, value).kind == "total"
