"""A hospital, morgue or clinic that records a count itself owns it: the facility is the
count's scope (a sub-place's count), so the article's topic does not make it the province's
or the city's (docs/SPEC.md §6)."""

from __future__ import annotations

import pytest

from monitor.text.figures import FigureSpec, Topic, bind
from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("Civil Hospital Karachi had recorded 110 dead by Tuesday.", 110, "Civil Hospital Karachi"),
        ("The Jinnah Postgraduate Medical Centre confirmed 101 more deaths on Monday.", 101,
         "The Jinnah Postgraduate Medical Centre"),
        ("The city's main hospital has treated 300 people for heatstroke.", 300,
         "The city's main hospital"),
    ],
)  # fmt: skip
def test_a_facility_that_records_the_count_is_its_scope(text: str, value: int, scope: str) -> None:
    assert frame(text, value).scope == scope


def test_the_total_its_increment_is_carried_into_is_the_facilitys_too() -> None:
    text = (
        "The Jinnah Postgraduate Medical Centre confirmed 101 more deaths on Monday, bringing"
        " its own count to 186."
    )
    assert frame(text, 186).scope == "The Jinnah Postgraduate Medical Centre"


def test_a_facility_count_does_not_take_the_provinces_figure_from_the_topic() -> None:
    sindh = FigureSpec("sindh", "Heatwave deaths in Sindh", ("dead", "deaths"), ("Sindh",))
    topic = Topic("Sindh heatwave toll passes 1,000")
    claim = frame("Civil Hospital Karachi had recorded 110 dead by Tuesday.", 110)
    assert not bind(sindh, claim, None, topic).bound


def test_a_hospital_official_who_reports_a_count_is_a_speaker_not_a_scope() -> None:
    assert frame("The hospital's director said 40 people had died.", 40).scope is None


def test_a_facility_that_is_not_the_subject_is_no_owner() -> None:
    text = "Rescuers took 25 injured people to the Civil Hospital on Monday."
    assert frame(text, 25).scope != "Civil Hospital"
