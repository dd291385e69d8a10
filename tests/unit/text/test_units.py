"""The counted noun: head of the noun phrase, verb-led and implied forms."""

from __future__ import annotations

import pytest

from monitor.text.claims import extract_claims
from monitor.text.units import singular, split_unit


def only(text: str) -> tuple[float, str, str, tuple[str, ...]]:
    """Value, unit, head and modifiers of the single claim of a text."""
    found = extract_claims(text)
    assert len(found) == 1, found
    claim = found[0]
    return claim.value, claim.unit, claim.head, claim.modifiers


@pytest.mark.parametrize(
    ("text", "unit", "head", "modifiers"),
    [
        ("Health officials confirmed 37 measles cases on Tuesday.", "measles cases", "case",
         ("measles",)),
        ("Officials reported 37 new measles cases.", "new measles cases", "case",
         ("new", "measles")),
        ("Tesla is recalling 4,200 Model Ys over a seat belt.", "Model Ys", "y", ("model",)),
        ("The company will ship two million 500 ml bottles.", "bottles", "bottle", ()),
        ("The fire claimed 36 lives in Lahaina.", "lives", "life", ()),
        ("Medics treated 17 more patients overnight.", "more patients", "patient", ("more",)),
        ("The storm left 12 dead in the valley.", "dead", "dead", ()),
    ],
)  # fmt: skip
def test_the_counted_noun_is_the_head_after_modifiers(
    text: str, unit: str, head: str, modifiers: tuple[str, ...]
) -> None:
    assert only(text)[1:] == (unit, head, modifiers)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The death toll rose to 41 on Thursday.", 41, "deaths"),
        ("The toll has remained at 58 since Monday.", 58, "deaths"),
        ("The death toll has stood at 212 since Friday.", 212, "deaths"),
        ("The storm swept through the town, killing at least 19.", 19, "people"),
        ("The number of confirmed deaths climbed to 44, officials said.", 44, "confirmed deaths"),
        ("Six people are still unaccounted for, the sheriff said.", 6, "people"),
        ("Shelters are housing about 12,000 who fled the flames.", 12000, "people"),
        ("Cases rose to 124 on Friday.", 124, "cases"),
        ("Officials revised the toll down to 71 on Friday.", 71, "deaths"),
        ("The number of people missing has dropped to 21.", 21, "people"),
        ("The outbreak has caused one death so far.", 1, "death"),
    ],
)
def test_verb_led_and_implied_forms_name_what_they_count(
    text: str, value: float, unit: str
) -> None:
    assert only(text)[:2] == (value, unit)


def test_a_total_takes_the_noun_of_the_increment_without_its_newness() -> None:
    found = extract_claims("Officials reported 37 new cases, bringing the total to 412.")
    assert [(c.value, c.unit) for c in found] == [(37, "new cases"), (412, "cases")]


def test_a_partitive_counts_the_noun_of_its_whole() -> None:
    found = extract_claims("Police released the names of 55 of the dead by September.")
    assert [(c.value, c.unit, c.kind) for c in found] == [(55, "dead", "part")]


def test_list_items_take_the_noun_of_the_first_item() -> None:
    found = extract_claims(
        "North Carolina has 115 deaths, while South Carolina has 49, Georgia 33."
    )
    assert [(c.value, c.unit, c.scope) for c in found] == [
        (115, "deaths", "North Carolina"),
        (49, "deaths", "South Carolina"),
        (33, "deaths", "Georgia"),  # "Georgia 33" stands for "Georgia has 33"
    ]


@pytest.mark.parametrize(
    ("plural", "single"),
    [("cases", "case"), ("casualties", "casualty"), ("people", "person"), ("lives", "life"),
     ("grandchildren", "grandchild"), ("churches", "church"), ("Ys", "y"), ("police", "police"),
     ("measles", "measle")],
)  # fmt: skip
def test_singular_is_the_binding_form_of_a_noun(plural: str, single: str) -> None:
    assert singular(plural) == single


def test_split_unit_of_an_empty_phrase_is_empty() -> None:
    assert split_unit("") == ("", ())


def test_a_bare_total_takes_the_sentence_befores_first_count_not_its_aside() -> None:
    text = (
        "The agency reported 104 people sick in 14 states, 34 of them in hospital, and one "
        "death.\nColorado's total rose to 30 and Montana's to 19."
    )
    units = {c.value: c.unit for c in extract_claims(text)}
    assert units[30] == units[19] == "people"


def test_a_count_of_counties_is_not_handed_on_to_the_next_sentence() -> None:
    text = (
        "The outbreak, which now spans nine counties, had reached 198 cases.\n"
        "Of those, 80 were in unvaccinated patients and 113 had an unknown status."
    )
    units = {c.value: c.unit for c in extract_claims(text)}
    assert units[80] == units[113] == "cases"
