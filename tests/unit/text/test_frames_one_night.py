"""A count for one night of unrest is an increment, not the running total: "overnight" or an
ordinal night ("on the third night", "during a fourth consecutive night") in the number's own
segment, or in a numberless segment opening the sentence. A night that dates a running count
("on Wednesday night") and a night named in another segment leave a total alone."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame, kinds


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Police detained 320 people across the country overnight, the minister said.", 320),
        ("Officers arrested 540 people during a third consecutive night of rioting.", 540),
        ("On the second night, police detained 150 people in the capital.", 150),
        ("Lyon Riots: 212 Arrested On Fourth Night Of Clashes", 212),
        ("The mayor said 44 people were held in the city that first night.", 44),
    ],
)
def test_a_count_for_one_night_is_an_increment(text: str, value: int) -> None:
    assert frame(text, value).kind == "new"


@pytest.mark.parametrize(
    "text",
    [
        "More than 100 people were arrested in the city on Wednesday night, police said.",
        "By Saturday night authorities had confirmed 357 deaths.",
    ],
)
def test_a_dated_night_leaves_a_total(text: str) -> None:
    assert kinds(text, 100 if "100" in text else 357) == ["total"]


def test_a_night_in_another_segment_does_not_reach_the_running_total() -> None:
    text = "Missiles Kill 7 In Haifa Overnight, Toll Since Sunday Reaches 19"
    assert kinds(text, 7, 19) == ["new", "total"]


def test_a_night_in_a_segment_with_numbers_is_not_a_sentence_lead() -> None:
    text = (
        "The minister said 300 people were held overnight, as 25,000 officers were deployed"
        " across the country."
    )
    assert kinds(text, 300, 25000) == ["new", "total"]


def test_a_count_the_night_raised_a_toll_to_is_the_running_total() -> None:
    text = "The death toll from the fires rose to 51 overnight, the ministry said."
    assert kinds(text, 51) == ["total"]


def test_a_night_across_a_conjunction_is_the_other_clauses() -> None:
    text = "Lyon: 212 Arrested On Fourth Night As 30,000 Officers Patrol Cities"
    assert kinds(text, 212, 30000) == ["new", "total"]


@pytest.mark.parametrize(
    "text",
    [
        "A flood that swept through the valley overnight has killed at least 14 people.",
        "The storm, which made landfall overnight, has left 23 people dead, officials said.",
    ],
)
def test_a_night_in_a_relative_clause_on_the_subject_leaves_the_total(text: str) -> None:
    assert kinds(text, 14 if "14" in text else 23) == ["total"]
