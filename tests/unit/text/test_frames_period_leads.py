"""A closed period opening a sentence ("Between 2015 and March 2021, ...") dates every clause
of the sentence, not only the first; a clause that says "now" stays current."""

from __future__ import annotations

from tests.unit.text.conftest import frame


def test_a_leading_period_dates_every_clause() -> None:
    text = (
        "Between 2015 and March 2021, the carmaker recalled more than 2 million cars,"
        " and over 900 of them caught fire, causing 40 injuries."
    )
    assert [frame(text, v).time for v in (2000000, 900, 40)] == ["past", "past", "past"]


def test_a_clause_saying_now_stays_current() -> None:
    text = "Between 2015 and 2021, the company grew, and it now employs 9,000 people."
    assert frame(text, 9000).time == "current"
