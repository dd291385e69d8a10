"""Claim kinds, sentence by sentence: "N of its X" with no number for the whole ("2,500 of its
members", "over 3,100 of their cars") is the owner's own count of those things, a total; a
whole's number after "its" ("about 4,400 of its 5,500 contract workers") still makes a part,
and "N of them" stays a part of the count before it."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Unifor said 2,500 of its members would lose their jobs.", 2500),
        ("Disneyland said five of its employees had been diagnosed with measles.", 5),
        ("The two automakers recalled over 3,100 of their cars in Canada.", 3100),
        ("A year later 1,200 of its Oshawa workers were given temporary layoff notices.", 1200),
    ],
)  # fmt: skip
def test_n_of_its_things_is_the_owners_total(text: str, value: float) -> None:
    assert frame(text, value).kind == "total"


def test_a_whole_after_its_keeps_the_part() -> None:
    text = "The firm laid off 200 of its 2,100 employees in Ireland."
    assert frame(text, 200).kind == "part"


def test_n_of_them_stays_a_part() -> None:
    text = "Police arrested 420 people, 150 of them students."
    assert frame(text, 150).kind == "part"
