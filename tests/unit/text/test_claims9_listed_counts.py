"""Counts listed place by place whose noun is named once, before the list: after "include"
("The new infections include six in Travis County"), in brackets after each place ("confirmed
in Idaho (4), Nevada (2)") and after an opening "Of the <noun> ...," phrase ("Of the students
tested, 14 were ...")."""

from __future__ import annotations

from tests.unit.text.conftest import claims_of


def test_a_list_after_include_counts_the_subjects_noun_place_by_place() -> None:
    text = (
        "The new infections confirmed Monday include six in Travis County and four in Hays County."
    )
    found = [(c.value, c.unit, c.scope) for c in claims_of(text)]
    assert found == [
        (6, "new infections", "Travis County"),
        (4, "new infections", "Hays County"),
    ]


def test_placed_members_of_a_list_of_new_ones_are_each_places_new_ones() -> None:
    text = (
        "The new infections confirmed Monday include six in Travis County and four in Hays County."
    )
    assert [c.kind for c in claims_of(text)] == ["new", "new"]


def test_a_list_after_include_of_a_plain_noun_gives_each_places_total() -> None:
    text = "The confirmed infections include 30 in Travis County and 12 in Hays County."
    assert [(c.value, c.kind) for c in claims_of(text)] == [(30, "total"), (12, "total")]


def test_counts_in_brackets_after_places_count_the_clauses_noun() -> None:
    text = "Beyond Texas, infections tied to the fair were confirmed in Idaho (4), Nevada (2) and Ohio (1)."
    found = [(c.value, c.unit, c.scope) for c in claims_of(text)]
    assert found == [
        (4, "infections", "Idaho"),
        (2, "infections", "Nevada"),
        (1, "infections", "Ohio"),
    ]


def test_a_bracketed_place_keeps_its_lowercase_kind_of_area() -> None:
    text = "Infections were confirmed in Idaho (4) and Washington state (3)."
    assert [(c.value, c.scope) for c in claims_of(text)] == [(4, "Idaho"), (3, "Washington state")]


def test_an_opening_of_the_phrase_names_what_the_counts_after_it_count() -> None:
    text = "Of the Ohio students whose tests came back, 14 were positive and 40 were negative."
    found = [(c.value, c.unit, c.kind) for c in claims_of(text)]
    assert found == [(14, "students", "part"), (40, "students", "part")]


def test_a_bracketed_number_after_a_name_with_no_noun_in_the_clause_is_no_count() -> None:
    assert claims_of("The forward Smith (9) scored twice for Leeds on Saturday.") == []
