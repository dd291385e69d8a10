"""The event's own day, not the day it is reported: a weekday belongs to the event when it is
a possessive before an event noun, follows an event verb in the same clause, or heads a
sentence whose verb is an event verb; a reporting or tally verb ("said", "rose") or another
clause's verb in between leaves the day to the report."""

from __future__ import annotations

import pytest

from monitor.text.event_day import event_day


@pytest.mark.parametrize(
    ("lead", "day"),
    [
        ("Russian missiles struck Kharkiv on Thursday morning, killing seven people.", "thursday"),
        ("Two guided bombs hit a hardware hypermarket in Kharkiv on Saturday afternoon.", "saturday"),
        ("The number killed by Saturday's bombing of a hypermarket rose to 12 on Sunday.", "saturday"),
        ("Men accused of taking part in Thursday's disorder appeared in court on Friday.", "thursday"),
        ("On Sunday, a missile hit an apartment block in the city centre.", "sunday"),
        ("A fire tore through a crowded nightclub early on Sunday, killing 200.", "sunday"),
    ],
)  # fmt: skip
def test_the_event_s_own_day(lead: str, day: str) -> None:
    assert event_day("", lead) == day


@pytest.mark.parametrize(
    "lead",
    [
        "The death toll rose to 19 on Monday, the regional governor said.",
        "Officials said on Monday that rescuers were still searching the rubble.",
        "The suspect in the shootings that killed 18 people was found dead on Friday.",
        "A missile hit the city, officials said on Tuesday.",
        "Kharkiv held a day of mourning on Monday for the victims of the weekend strike.",
    ],
)  # fmt: skip
def test_the_reporting_day_is_not_the_event_s(lead: str) -> None:
    assert event_day("", lead) is None


def test_the_headline_comes_before_the_lead() -> None:
    assert (
        event_day("Saturday's blast kills three", "Rescuers struck rock on Monday.") == "saturday"
    )
