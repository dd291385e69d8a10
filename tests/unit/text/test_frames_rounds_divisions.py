"""Claim frames, sentence by sentence: a count given as one more round ("in a second round of
layoffs") is an increment; a count in one division of an organisation ("in its games unit")
is a part of the organisation's; a bare plural of organisations as the subject ("technology
companies have shed ...") owns its count — an industry's, not one company's."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    "text",
    [
        "The carmaker said it would cut 4,000 jobs at its plants in Saxony, in a third round of "
        "layoffs after the 6,000 announced in May.",
        "A second round of layoffs will eliminate 2,000 positions, the bank said.",
        "The insurer is shedding 700 more roles in a fresh wave of cuts.",
    ],
)  # fmt: skip
def test_a_count_given_as_another_round_is_an_increment(text: str) -> None:
    value = 4_000 if "4,000" in text else 2_000 if "2,000" in text else 700
    assert frame(text, value).kind == "new"


def test_a_round_in_another_clause_leaves_the_count_a_total() -> None:
    text = "The bank has cut 5,000 jobs since March, and a new round of layoffs is expected."
    assert frame(text, 5_000).kind == "total"


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("The retailer is eliminating about 150 roles in its online grocery division.", 150,
         "part"),
        ("The bank will cut 300 jobs at its investment banking arm, staff were told.", 300,
         "part"),
        ("The bank will cut 300 jobs in its home market.", 300, "total"),
    ],
)  # fmt: skip
def test_a_count_in_one_division_is_a_part(text: str, value: float, kind: str) -> None:
    assert frame(text, value).kind == kind


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("By one tally, technology companies have shed nearly 250,000 jobs since January.",
         250_000, "technology companies"),
        ("Regional banks have cut 8,000 jobs this year.", 8_000, "Regional banks"),
    ],
)  # fmt: skip
def test_a_plural_of_organisations_owns_its_count(text: str, value: float, scope: str) -> None:
    assert frame(text, value).scope == scope


def test_the_companies_named_before_are_not_an_industry() -> None:
    # the definite phrase as written, the companies named before (monitor/text/agent.py),
    # never the bare plural an industry is named by
    assert frame("The companies have cut 500 jobs.", 500).scope == "The companies"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The number of jobs the airline has said it will cut rose by 400 to 2,400.", 2_400,
         "jobs"),
        ("The number of jobs Boeing has cut this year reached 4,000.", 4_000, "jobs"),
    ],
)  # fmt: skip
def test_a_count_noun_keeps_its_unit_through_a_relative_clause_with_its_own_subject(
    text: str, value: float, unit: str
) -> None:
    assert frame(text, value).unit == unit
