"""Figure binding: a context that lists places ("Chad, Niger and Mali") is the count of the
places together; one of its members ("Chad") names a count of its own, not the list's, while
a part of one name still names it ("Gaza" of "the Gaza Strip")."""

from __future__ import annotations

from monitor.text.claims import extract_claims
from monitor.text.figures import FigureSpec, bind

SAHEL = FigureSpec(
    name="sahel-flood-deaths",
    label="People killed by the floods in Chad, Niger and Mali together",
    units=("people", "deaths"),
    context=("Chad, Niger and Mali", "the three countries"),
    about=("killed", "died", "deaths"),
)
GAZA = FigureSpec(
    name="gaza-deaths",
    label="People killed in the Gaza Strip",
    units=("people",),
    context=("the Gaza Strip",),
    about=("killed",),
)


def _bound(spec: FigureSpec, text: str, value: float) -> bool:
    claim = next(c for c in extract_claims(text) if c.value == value)
    return bind(spec, claim).bound


def test_one_listed_place_is_not_the_list() -> None:
    assert not _bound(SAHEL, "In Chad, the floods have killed 145 people.", 145)


def test_the_list_itself_binds() -> None:
    assert _bound(SAHEL, "The floods have killed 410 people in Chad, Niger and Mali.", 410)


def test_a_part_of_one_name_still_names_it() -> None:
    assert _bound(GAZA, "Strikes killed 30 people in Gaza on Sunday.", 30)
