"""Counts for one reporting window beside the running total (docs/SPEC.md §6: an increment is
`new`), and verb-led totals whose counted noun carries a time or a relative clause; sentences
from outbreak and shipwreck reporting, read end-to-end by the extractor."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame, kinds


@pytest.mark.parametrize(
    ("text", "window", "total"),
    [
        # one day set apart from the running count
        (
            "The country recorded 23 deaths and 342 new cases on Thursday alone, taking the "
            "cumulative figures to 150 deaths and 4,097 cases since October.",
            23,
            150,
        ),
        (
            "Cholera has now killed 150 people in Zambia, officials said, after 23 patients "
            "died in a single day.",
            23,
            150,
        ),
        # the window the sentence before named
        (
            "Cases have reached 4,162 after 257 new infections in the past 24 hours. Eight "
            "people died during the same period, bringing the total number of deaths to 124.",
            8,
            124,
        ),
    ],
)
def test_a_count_for_one_reporting_window_is_an_increment(
    text: str, window: float, total: float
) -> None:
    assert kinds(text, window, total) == ["new", "total"]


def test_the_same_period_as_a_quarter_is_no_increment() -> None:
    text = (
        "Tesla delivered 386,810 vehicles in the first quarter. It produced 433,371 cars in "
        "the same period, leaving about 46,561 in inventory."
    )
    assert frame(text, 433_371).kind == "total"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # a time after the counted noun: "since October"
        (
            "Zambia delayed the school year again as its cholera death toll since October "
            "rose to 518, the health minister said.",
            518,
            "deaths",
        ),
        # a relative clause in the simple past: "who died when ..."
        (
            "The number of people who died when a migrant boat broke up off Steccato di Cutro "
            "has climbed to 67, the prefecture said.",
            67,
            "people",
        ),
        # a participle: "known to have died in ...", with a part after the total
        (
            "The number of people known to have died in the Cutro shipwreck has reached 94, "
            "including 35 children, officials said.",
            94,
            "people",
        ),
    ],
)
def test_a_verb_led_total_keeps_its_counted_noun_across_its_modifiers(
    text: str, value: float, unit: str
) -> None:
    claim = frame(text, value)
    assert (claim.unit, claim.kind) == (unit, "total")


def test_a_place_name_joined_by_di_is_one_name() -> None:
    text = "Rescuers have recovered 59 bodies from a boat that broke apart off Steccato di Cutro."
    assert frame(text, 59).scope == "Steccato di Cutro"
