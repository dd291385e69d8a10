"""A bare number followed by a state counts people in that state: "2,800 hurt" are hurt
people. The nominal adjectives "dead", "injured" and "wounded" are the noun of those counted
("12 dead and 40 injured"), unless an earlier number counted people, whose noun an elided
"injured" shares ("50 people were killed and 320 injured")."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Storm leaves 3,000 hurt, 200 of them seriously", 3000, "hurt people"),
        ("The flood left 14 missing and 90 displaced.", 14, "missing people"),
        ("Listeria outbreak: toll climbs to 4, with 31 hospitalized", 31, "hospitalized people"),
        ("Protest toll hits 90 after deadliest day; over 2,000 arrested", 2000, "arrested people"),
        ("Police said 300 people were killed and 1,000 detained.", 1000, "detained people"),
        # an elided noun: the earlier number's people
        ("Officials said 50 people were killed in the city and 320 injured.", 320,
         "injured people"),
    ],
)  # fmt: skip
def test_a_bare_state_counts_people(text: str, value: float, unit: str) -> None:
    assert frame(text, value).unit == unit


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The toll reached 12 dead and 40 injured.", 12, "dead"),
        ("The toll reached 12 dead and 40 injured.", 40, "injured"),
        ("By evening the count stood at nine dead and some 600 wounded.", 600, "wounded"),
    ],
)
def test_nominal_adjectives_are_their_own_noun(text: str, value: float, unit: str) -> None:
    assert frame(text, value).unit == unit
