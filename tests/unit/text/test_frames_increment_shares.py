"""A place's share of an increment is that place's increment: "27 more people died, 15 of them
in Sindh" (and the list of shares it opens); a place's share of a running total stays that
place's total ("58 cases, 45 of them in Gaines County")."""

from __future__ import annotations

from tests.unit.text.conftest import frame, kinds


def test_a_share_of_an_increment_is_an_increment() -> None:
    text = "Another 31 people died in the past day, 12 of them in Kerala."
    assert kinds(text, 31, 12) == ["new", "new"]
    assert frame(text, 12).scope == "Kerala"


def test_the_list_of_shares_of_an_increment_are_increments() -> None:
    text = "Officials reported 40 new cases, 25 of them in Lagos and nine in Kano."
    assert kinds(text, 40, 25, 9) == ["new", "new", "new"]


def test_a_share_of_a_running_total_stays_a_total() -> None:
    text = (
        "The outbreak reached 58 cases on Tuesday, 45 of them in Gaines County and nine in Terry."
    )
    assert kinds(text, 58, 45, 9) == ["total", "total", "total"]


def test_a_part_of_an_increment_without_a_place_stays_a_part() -> None:
    text = "Officials confirmed six more deaths, two of them children."
    assert kinds(text, 6, 2) == ["new", "part"]
