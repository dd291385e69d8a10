"""Claim frames, sentence by sentence: "rose by 26 to 75" names a change and the count it
reached — the amount after "by" is an increment (kind `new`), the number after "to" the
current total; a range of the change itself ("grew by 2 to 3 million") stays one range."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import claims_of, frame


@pytest.mark.parametrize(
    ("text", "change", "total"),
    [
        ("The death toll rose by 26 to 75, officials said.", 26, 75),
        ("Confirmed cases increased by 1,200 to 4,500 on Friday.", 1_200, 4_500),
        ("The number of measles cases was up 26 to 75 in the county.", 26, 75),
        ("The death toll climbed by 3 to 44 on Monday.", 3, 44),
        ("The toll rose by three to 44 on Tuesday.", 3, 44),
        ("The number of people killed by the earthquakes in Herat province rose by 392 to 2,445 "
         "on Monday.", 392, 2_445),
        ("Deaths fell by 10 to 90 after a recount.", 10, 90),
    ],
)  # fmt: skip
def test_the_change_is_new_and_the_count_reached_is_the_total(
    text: str, change: float, total: float
) -> None:
    assert frame(text, change).kind == "new"
    reached = frame(text, total)
    assert (reached.kind, reached.time) == ("total", "current")


def test_a_change_given_as_a_range_stays_one_range() -> None:
    (claim,) = [c for c in claims_of("The camp's population grew by 2 to 3 million people.")]
    assert (claim.lower, claim.upper) == (2_000_000, 3_000_000)


@pytest.mark.parametrize(
    "text",
    ["Police arrested 20 to 30 people.", "Between 20 and 30 people were hurt."],
)
def test_a_plain_range_is_not_a_change(text: str) -> None:
    (claim,) = claims_of(text)
    assert (claim.lower, claim.upper, claim.kind) == (20, 30, "total")


# --- "the count of X" names what is counted, as "the number of X" does ------------------------


@pytest.mark.parametrize(
    ("text", "value", "head"),
    [
        ("The count of refugees from Nagorno-Karabakh rose by 11,637 to 100,417 on Saturday.",
         100_417, "refugees"),
        ("The tally of arrests rose to 1,200 on Friday.", 1_200, "arrests"),
        ("The total number of cases rose to 30.", 30, "cases"),
    ],
)  # fmt: skip
def test_a_count_of_noun_names_the_unit(text: str, value: float, head: str) -> None:
    assert frame(text, value).unit == head
