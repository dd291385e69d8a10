"""Elliptic owners, sentence by sentence: after "bringing the county's toll to 17", an owner
with no noun of its own ("and the state's to 30") owns a count of the same noun, so the second
number is the second owner's, not the first's."""

from __future__ import annotations

import pytest

from monitor.text.claims import extract_claims
from monitor.text.figures import FigureSpec, bind


def _scopes(text: str) -> dict[float, tuple[str | None, str]]:
    return {c.value: (c.scope, c.unit) for c in extract_claims(text)}


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "The coroner confirmed two more bodies, bringing the county's toll to 17 and"
            " the state's to 30.",
            (17, "the county"),
            (30, "the state"),
        ),
        (
            "The strikes raised Gaza's death toll to 3,400 and Israel's to 1,400.",
            (3400, "Gaza"),
            (1400, "Israel"),
        ),
    ],
)
def test_an_elliptic_owner_owns_a_count_of_the_same_noun(
    text: str, first: tuple[float, str], second: tuple[float, str]
) -> None:
    scopes = _scopes(text)
    assert scopes[first[0]][0] == first[1]
    assert scopes[second[0]] == (second[1], scopes[first[0]][1])


def test_a_resolved_first_owner_is_not_given_to_the_second() -> None:
    text = (
        "The Knott County coroner confirmed two more bodies on Monday, bringing the county's"
        " toll to 17 and the state's to 30."
    )
    scopes = _scopes(text)
    assert scopes[17][0] == "Knott County"
    assert scopes[30][0] == "the state"


def test_a_plain_and_after_a_count_names_no_owner() -> None:
    text = "The flood killed 17 people in Knott County and injured 30 others."
    assert _scopes(text)[30][0] != "the state"


def test_a_count_its_own_owner_names_does_not_yield_to_the_sources_context() -> None:
    spec = FigureSpec(
        name="state-deaths",
        label="Flood deaths in the state",
        units=("deaths", "toll"),
        context=("Kentucky", "the state"),
    )
    text = (
        "The Knott County coroner confirmed two more bodies on Monday, bringing the county's"
        " toll to 17 and the state's to 30."
    )
    bound = {c.value: bind(spec, c).bound for c in extract_claims(text)}
    assert bound[17] is False
    assert bound[30] is True
