"""Parts written as a breakdown of a total: a dash or bracket aside right after the total
("1,167 people died - 522 men, 246 women and 399 children -", "42 deaths (30 adults and 12
children)"), and counts said to be among a numbered whole ("645 children and 350 women were
among the 1,731 dead"). A ranking in brackets and "among those killed" are no breakdown."""

from __future__ import annotations

from tests.unit.text.conftest import kinds


def test_a_dash_aside_after_a_total_breaks_it_down() -> None:
    text = "Since June, 900 people have died in the floods - 410 men, 300 women and 190 children."
    assert kinds(text, 900, 410, 300, 190) == ["total", "part", "part", "part"]


def test_a_bracketed_breakdown_is_parts() -> None:
    text = "The county has reported 42 deaths (30 adults and 12 children) since March."
    assert kinds(text, 42, 30, 12) == ["total", "part", "part"]


def test_counts_among_a_numbered_whole_are_parts() -> None:
    text = "The agency said 120 children and 75 women were among the 480 dead."
    assert kinds(text, 120, 75, 480) == ["part", "part", "total"]


def test_an_aside_that_closed_before_the_number_leaves_a_total() -> None:
    text = "The fire killed 12 people - the most in a decade - and destroyed 300 homes."
    assert kinds(text, 12, 300) == ["total", "total"]


def test_a_bracketed_ranking_is_no_breakdown() -> None:
    text = "Kent Police made the most arrests (160), followed by Essex (148), the data showed."
    assert kinds(text, 160, 148) == ["total", "total"]


def test_among_those_killed_without_a_number_is_no_part() -> None:
    text = "Four rescuers were among those killed when their vehicle crashed on Sunday."
    assert kinds(text, 4) == ["total"]
