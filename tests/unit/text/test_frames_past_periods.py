"""Claim time: a number placed in an earlier period is `past`, a running count stays current.

Periods named by a month after "last", a span between two years, and "before" the disaster
itself ("before the quake") all place a count in the past.
"""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # "last <month>": an earlier round
        ("The studio laid off 220 staff this week, after cutting 100 jobs last October.", 100),
        ("The plant had 4,000 workers last March.", 4000),
        # a span between two years (optionally with months) is an earlier period's total
        ("Between 2010 and December 2022, the two makers recalled more than 7 million cars.",
         7_000_000),
        ("Between 2015 and 2020 the agency counted 1,200 fires.", 1200),
        # before the disaster itself
        ("Even before the quake nearly 20 million people lacked enough food.", 20_000_000),
        ("Before the cyclone about 3,000 families lived on the island.", 3000),
    ],
)  # fmt: skip
def test_earlier_periods_are_past(text: str, value: float) -> None:
    assert frame(text, value).time == "past"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a running count since an earlier month stays current
        ("The outbreak has sickened 62 people since last October.", 62),
        # the current count beside an earlier round
        ("The studio laid off 220 staff this week, after cutting 100 jobs last October.", 220),
        # a weekday after "last" is a recent report, not an earlier period
        ("The toll has stood at 762 since last Friday.", 762),
    ],
)  # fmt: skip
def test_running_counts_stay_current(text: str, value: float) -> None:
    assert frame(text, value).time == "current"
