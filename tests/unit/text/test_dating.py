"""Dating claims against the article's publication date: a whole year named as a count's period
is past only when the article was written after that year; in the year itself it is the
current period ("this year"). A year before publication, a month or a named event stays past."""

from __future__ import annotations

from datetime import UTC, date, datetime

from monitor.text.claims import extract_claims
from monitor.text.dating import as_of, dated, period_year


def _claim(text: str, value: float):  # type: ignore[no-untyped-def]
    return next(c for c in extract_claims(text) if c.value == value)


def test_a_year_that_contains_the_publication_date_is_the_current_period() -> None:
    text = "The country has confirmed 1,292 deaths from the disease in 2024, the ministry said."
    claim = as_of(_claim(text, 1292), date(2024, 4, 11))
    assert claim.time == "current"
    assert claim.time_ref is None


def test_a_plan_for_the_year_of_publication_is_a_current_count() -> None:
    text = "UPS said it would reduce its workforce by about 20,000 positions during 2025 and close 73 buildings."
    assert as_of(_claim(text, 20000), datetime(2025, 4, 29, 13, tzinfo=UTC)).time == "current"


def test_a_year_before_the_publication_date_stays_past() -> None:
    text = "UPS cut 12,000 jobs in 2024, most of them in management."
    claim = as_of(_claim(text, 12000), date(2025, 1, 30))
    assert claim.time == "past"
    assert claim.time_ref == "2024"


def test_a_month_of_the_publication_year_stays_past() -> None:
    text = "The outbreak had killed 30 people by March 2024, officials said."
    claim = _claim(text, 30)
    assert claim.time == "past"
    assert period_year(claim) is None
    assert as_of(claim, date(2024, 9, 1)).time == "past"


def test_a_named_event_of_the_publication_year_stays_past() -> None:
    text = "It was worse than the 2024 floods, which killed 40 people."
    claim = _claim(text, 40)
    assert as_of(claim, date(2024, 12, 1)).time == claim.time


def test_a_current_claim_is_left_as_it_is() -> None:
    text = "Brazil has confirmed 1,544 deaths from dengue this year."
    claim = _claim(text, 1544)
    assert as_of(claim, date(2024, 4, 19)) is claim


def test_every_claim_of_an_article_is_dated_together() -> None:
    text = "UPS cut 12,000 jobs in 2024. It plans to shed about 20,000 positions in 2025."
    times = [c.time for c in dated(extract_claims(text), date(2025, 4, 29))]
    assert times == ["past", "current"]
