"""Time helpers: one clock, one UTC normalisation, one ISO form, one Retry-After reading."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from monitor.clock import as_utc, iso, parse_retry_after, utcnow

NOW = datetime(1994, 11, 6, 8, 47, 37, tzinfo=UTC)


@pytest.mark.parametrize(
    "header",
    [
        "Sun, 06 Nov 1994 08:49:37 GMT",  # IMF-fixdate
        "Sunday, 06-Nov-94 08:49:37 GMT",  # obsolete RFC 850 form
        "Sun Nov  6 08:49:37 1994",  # obsolete asctime form: no zone, GMT by definition
    ],
)
def test_every_http_date_form_is_read_as_utc(header: str) -> None:
    assert parse_retry_after(header, NOW) == 120.0


def test_delay_seconds_past_dates_and_garbage() -> None:
    assert parse_retry_after("30", NOW) == 30.0
    assert parse_retry_after("Sun, 06 Nov 1994 08:00:00 GMT", NOW) == 0.0
    assert parse_retry_after("-5", NOW) is None
    assert parse_retry_after("", NOW) is None
    assert parse_retry_after("in a while", NOW) is None


def test_as_utc_takes_naive_values_as_utc_and_converts_aware_ones() -> None:
    naive = datetime(2024, 1, 1, 12, 0)
    plus_two = datetime(2024, 1, 1, 14, 0, tzinfo=timezone(timedelta(hours=2)))
    assert as_utc(naive) == as_utc(plus_two) == datetime(2024, 1, 1, 12, 0, tzinfo=UTC)
    assert as_utc(plus_two).tzinfo is UTC


def test_iso_is_utc_with_a_z() -> None:
    plus_two = datetime(2024, 1, 1, 14, 0, tzinfo=timezone(timedelta(hours=2)))
    assert iso(plus_two) == "2024-01-01T12:00:00Z"
    assert iso(None) is None


def test_utcnow_is_aware() -> None:
    assert utcnow().tzinfo is UTC
