"""A part written "N of them" followed by a place or area names that place's own total: the
preposition may be any locative one ("around", "near", "from"), and an aside may stand between
("five of them, including a woman, in ...")."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        # "around" / "from" after "of them": the sub-place's own count
        ("About 50,000 residents were told to leave, 30,000 of them around the Airport fire.",
         30000, "the Airport"),
        ("Police logged 40 calls, 25 of them from the Canyon fire area.", 25, "the Canyon"),
        # an aside between "of them" and the place
        ("Officials said 30 bodies had been found, five of them, including a woman, in Meppadi.",
         5, "Meppadi"),
    ],
)  # fmt: skip
def test_a_sub_total_after_of_them_takes_its_place(text: str, value: float, scope: str) -> None:
    claim = frame(text, value)
    assert (claim.scope, claim.kind) == (scope, "total")


def test_the_next_sub_total_from_a_named_area_is_its_own() -> None:
    text = "Police logged 40 calls, 25 of them in the Canyon area and 15 from the Malibu hills."
    claim = frame(text, 15)
    assert (claim.scope, claim.kind) == ("the Malibu", "total")


def test_the_whole_does_not_take_the_place_of_its_part() -> None:
    text = "Police logged 40 calls, 25 of them from the Canyon fire area."
    assert frame(text, 40).scope != "the Canyon fire"


def test_a_counted_noun_on_a_river_keeps_the_place_it_is_apposed_to() -> None:
    # "people on the Broad River" is where they live, not a sub-total of its own
    text = (
        "Rescuers in Lake Lure, a town of about 1,200 people on the Rocky River, said it flooded."
    )
    assert frame(text, 1200).scope != "the Rocky River"


def test_a_partitive_with_its_own_place_is_that_places_total() -> None:
    # "900 of the layoffs falling in Canada": Canada's count of the layoffs
    text = "Filings showed more than 900 of the layoffs falling in Canada, 500 of them in Ontario."
    claim = frame(text, 900)
    assert (claim.scope, claim.kind) == ("Canada", "total")


def test_a_partitive_without_a_place_stays_a_part() -> None:
    assert frame("Of the 62 patients, 43 had recovered.", 43).kind == "part"


@pytest.mark.parametrize(
    ("text", "values", "scopes"),
    [
        # a list of counts, each tied to its own event: the whole keeps none of theirs
        ("The coroner had confirmed 14 deaths by Sunday, five linked to the Airport fire and"
         " nine to the Bridge fire.", (14, 5, 9), [None, "the Airport fire", "the Bridge fire"]),
        # each elided count near or around its own place
        ("Some 50,000 residents were under orders, about 30,000 of them around the Airport fire"
         " and 20,000 near the Bridge fire.", (50000, 30000, 20000),
         [None, "the Airport", "the Bridge"]),
    ],
)  # fmt: skip
def test_list_members_keep_their_own_places(
    text: str, values: tuple[float, ...], scopes: list[str | None]
) -> None:
    assert [frame(text, v).scope for v in values] == scopes
    assert [frame(text, v).kind for v in values[1:]] == ["total"] * (len(values) - 1)


def test_a_counted_noun_linked_to_an_event_takes_it() -> None:
    assert frame("Officials said 30 deaths were linked to the Airport fire.", 30).scope == (
        "the Airport fire"
    )


def test_elided_list_members_count_the_wholes_noun() -> None:
    text = (
        "By Tuesday 25 deaths were confirmed in the county, 16 from the Bridge fire"
        " and nine from the Airport fire."
    )
    assert [frame(text, v).unit for v in (16, 9)] == ["deaths", "deaths"]
    assert frame(text, 25).scope == "the county"
