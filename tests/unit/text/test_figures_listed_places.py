"""A count scoped to the figure's place that the sentence lists with other known places ("in
Nepal, India and China", "across North Carolina, South Carolina, Georgia and Tennessee") is a
count of all of them together: wider than the figure's, it binds to none. A place followed
by an aside that is no list of places stays the figure's."""

from __future__ import annotations

from monitor.text.claims import extract_claims
from monitor.text.figures import FigureSpec, bind

NEPAL = FigureSpec("nepal-deaths", "Deaths in Nepal", ("people", "deaths"), ("Nepal",))
CAROLINA = FigureSpec(
    "nc-deaths", "Deaths in North Carolina", ("people", "deaths"), ("North Carolina",)
)


def _bound(spec: FigureSpec, text: str, value: float) -> bool:
    claim = next(c for c in extract_claims(text) if c.value == value)
    return bind(spec, claim).bound


def test_a_three_country_list_is_wider_than_the_first_country() -> None:
    text = "The quake killed more than 3,300 people in Nepal, India and China."
    assert not _bound(NEPAL, text, 3300)


def test_a_headline_list_is_wider_too() -> None:
    assert not _bound(NEPAL, "Quake kills more than 3,300 in Nepal, India and China", 3300)


def test_a_list_of_states_is_wider_than_one_state() -> None:
    text = (
        "The storm has killed at least 155 people in North Carolina, South Carolina, Georgia"
        " and Tennessee."
    )
    assert not _bound(CAROLINA, text, 155)


def test_an_aside_after_the_place_is_no_list() -> None:
    assert _bound(NEPAL, "At least 40 people died in Nepal, officials said on Monday.", 40)
    text = "At least 40 people died in Nepal, Prime Minister Sushil Koirala and the army said."
    assert _bound(NEPAL, text, 40)
