"""The whole of a partitive ("304 of the 476 passengers died") is not what the clause's
predicate says of the part: a figure's about term must be in the whole's own noun phrase for
the whole to belong to it (docs/SPEC.md §6); end-to-end through the extractor."""

from __future__ import annotations

from monitor.text.figures import FigureSpec, bind
from tests.unit.text.conftest import frame

FERRY_DEAD = FigureSpec(
    "ferry-dead", "People killed in the sinking of the ferry", ("passengers", "people", "dead"),
    ("the ferry", "ferry"), about=("died", "dead", "killed"), exclude=("missing", "rescued"),
)  # fmt: skip
STRIKERS = FigureSpec(
    "strikers", "Union members on strike", ("members", "workers"), ("the union", "the union's"),
    about=("strike", "striking", "picket"),
)  # fmt: skip


def test_the_whole_does_not_take_the_parts_predicate() -> None:
    text = "Of the ferry's passengers, officials said 304 of the 476 passengers died."
    assert not bind(FERRY_DEAD, frame(text, 476)).bound
    assert bind(FERRY_DEAD, frame(text, 304)).bound


def test_a_share_of_a_whole_does_not_make_the_whole_a_count_of_the_share() -> None:
    text = "The union said 25,000 were on strike, or about 17% of the union's 146,000 members."
    assert not bind(STRIKERS, frame(text, 146000)).bound


def test_the_whole_with_its_own_about_term_still_belongs() -> None:
    text = "On the ferry, 74 of the 97 dead have been identified."
    assert bind(FERRY_DEAD, frame(text, 97)).bound


def test_a_participle_or_relative_clause_on_the_whole_is_its_own() -> None:
    text = "So far 74 of the 97 people killed on the ferry have been identified."
    assert bind(FERRY_DEAD, frame(text, 97)).bound


def test_all_of_the_number_is_the_number_itself() -> None:
    text = "The union said all of the union's 40,000 members would strike on Monday."
    assert bind(STRIKERS, frame(text, 40000)).bound


def test_a_relative_clause_with_an_auxiliary_on_the_whole_is_its_own() -> None:
    shipped = FigureSpec(
        "phones", "Phones recalled", ("phones",), ("Samsung",), about=("recalled", "shipped")
    )
    text = "Samsung said it had got back 85 percent of the 3 million phones it had shipped."
    assert bind(shipped, frame(text, 3000000)).bound
