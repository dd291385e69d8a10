"""A partitive that points back at a count already named ("of them", and a definite plural
head: "723 of the dead in the capital", "42 of the cases in Gaines County") makes the place
after it the part's own scope: it is not shared with the whole counted before it."""

from __future__ import annotations

from tests.unit.text.conftest import scopes


def test_of_the_dead_in_a_place_scopes_only_the_part() -> None:
    text = (
        "Nepal's government said 1,896 people had been killed and 4,718 injured, "
        "723 of the dead in the capital."
    )
    assert scopes(text, 1_896, 4_718, 723) == ["Nepal", "Nepal", "the capital"]


def test_of_the_cases_in_a_county_is_the_countys_part() -> None:
    text = "Texas has reported 159 cases, 42 of the cases in Gaines County."
    assert scopes(text, 159, 42) == ["Texas", "Gaines County"]
