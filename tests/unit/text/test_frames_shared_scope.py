"""A part or an increment whose own clause names no scope has the scope of the count it
belongs to: the total it is part of, or the total the sentence carries it into."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        # a part after its total: "including 15 deaths" is Rwanda's
        ("Officials raised Rwanda's total to 62, including 15 deaths.", 15, "Rwanda"),
        # an increment carried into a total: "taking / bringing ... to"
        ("Four more cases were reported on Friday, taking Rwanda's total to 62.", 4, "Rwanda"),
        ("Two further cases were confirmed, bringing Ohio's count to 85.", 2, "Ohio"),
    ],
)  # fmt: skip
def test_part_and_increment_share_their_whole_scope(text: str, value: float, scope: str) -> None:
    assert frame(text, value).scope == scope


def test_an_increment_not_carried_into_the_total_keeps_no_scope() -> None:
    # two separate counts side by side: nothing links the first to the second's owner
    assert frame("Four more cases were reported, and Ohio's count stood at 85.", 4).scope is None


def test_a_part_with_its_own_place_keeps_it() -> None:
    text = "The outbreak in Texas has grown to 198 cases, 42 of them in Gaines County."
    assert frame(text, 42).scope == "Gaines County"
