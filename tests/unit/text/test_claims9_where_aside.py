"""A relative "where ...," aside on an opening place phrase describes that place; a place
named inside the aside is where the aside's own event happened, not the scope of the count
after it."""

from __future__ import annotations

from tests.unit.text.conftest import frame


def test_a_place_inside_a_where_aside_does_not_scope_the_count_after_it() -> None:
    text = (
        "In northern Mozambique, where floods cut roads in the Cabo Delgado province,"
        " 120 people died and 9,000 homes were destroyed."
    )
    assert frame(text, 120).scope == "Mozambique"
    assert frame(text, 9000).scope == "Mozambique"


def test_a_count_inside_its_own_where_clause_keeps_that_clauses_place() -> None:
    assert frame(
        "The storm hit Beira, where 40 people died in the Munhava district.", 40
    ).scope == ("Munhava")
