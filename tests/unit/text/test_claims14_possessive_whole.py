"""A part taken of a possessed whole ("1,125 of the jail's 1,542 prisoners") is a count of its
own, a part of the whole's count, and belongs to the whole's owner when its clause names none."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "part", "unit", "owner"),
    [
        ("Officials said 1,125 of the jail's 1,542 prisoners were back in their cells.", 1125,
         "prisoners", "the jail"),
        ("Twenty-two of the ship's 29 crew members survived.", 22, "crew members", "the ship"),
        ("Fire officials said 55 of the building's more than 100 units were in the section.", 55,
         "units", "the building"),
    ],
)  # fmt: skip
def test_the_part_of_a_possessed_whole_is_read(text: str, part: int, unit: str, owner: str) -> None:
    claim = frame(text, part)
    assert (claim.unit, claim.kind, claim.scope) == (unit, "part", owner)


def test_the_whole_keeps_its_owner_and_stays_a_total() -> None:
    claim = frame("Twenty-two of the ship's 29 crew members survived.", 29)
    assert (claim.kind, claim.scope) == ("total", "the ship")


def test_a_part_whose_clause_names_a_place_keeps_that_place() -> None:
    text = "In Ireland, 200 of the firm's 2,100 employees received notices the same day."
    assert frame(text, 200).scope == "Ireland"


def test_a_named_owner_still_owns_both() -> None:
    assert frame("Fighting has reached 12 of Sudan's 18 states.", 12).scope == "Sudan"
