"""A count its reporter changes by an amount: "raised its toll by 84 overnight to 417" gives
the change (kind new) and the count it reached (total), both counting what the toll counts."""

from __future__ import annotations

from tests.unit.text.conftest import claims_of


def test_a_toll_raised_by_an_amount_gives_the_change_and_the_count_reached() -> None:
    text = "Malawi raised its toll by 35 overnight to 260, the government said."
    found = [(c.value, c.unit, c.kind) for c in claims_of(text)]
    assert found == [(35, "deaths", "new"), (260, "deaths", "total")]


def test_the_amount_and_the_count_reached_are_no_range_after_a_raised_toll() -> None:
    text = "The ministry raised the death toll by 12 to 98."
    assert [(c.value, c.kind) for c in claims_of(text)] == [(12, "new"), (98, "total")]


def test_a_word_of_when_between_the_change_and_the_count_keeps_the_change_new() -> None:
    text = "Confirmed cases rose by 40 on Sunday to 310."
    assert [(c.value, c.kind) for c in claims_of(text)] == [(40, "new"), (310, "total")]


def test_a_static_range_is_still_a_range() -> None:
    assert [c.qualifier for c in claims_of("Between 40 and 60 people were hurt.")] == ["between"]
