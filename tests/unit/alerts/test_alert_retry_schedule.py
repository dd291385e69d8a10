"""The retry schedule of docs/SPEC.md §7: 5 s, 1 m, 5 m, 30 m, 2 h, then every 6 h for 3 days."""

from datetime import UTC, datetime, timedelta

import pytest

from monitor.alerts.retry import (
    RETRY_AFTER_CAP,
    SCHEDULE,
    next_attempt_delay,
)
from monitor.clock import parse_retry_after

FIRST = datetime(2024, 10, 7, 12, 0, tzinfo=UTC)
HOURS = 3600.0


def delays_until_dead() -> list[float]:
    """Walk the schedule as the outbox would, from the first attempt until it gives up."""
    delays, now, attempts = [], FIRST, 1
    while (delay := next_attempt_delay(attempts, FIRST, now, None)) is not None:
        delays.append(delay)
        now += timedelta(seconds=delay)
        attempts += 1
    return delays


def test_schedule_starts_with_the_documented_steps() -> None:
    assert SCHEDULE == (5.0, 60.0, 300.0, 1800.0, 7200.0)
    assert delays_until_dead()[:6] == [5.0, 60.0, 300.0, 1800.0, 7200.0, 6 * HOURS]


def test_after_the_steps_it_retries_every_six_hours_and_gives_up_after_three_days() -> None:
    delays = delays_until_dead()
    assert set(delays[5:]) == {6 * HOURS}
    assert sum(delays) <= 72 * HOURS < sum(delays) + 6 * HOURS
    assert len(delays) == 16


def test_no_attempt_is_scheduled_past_three_days() -> None:
    late = FIRST + timedelta(days=3) - timedelta(minutes=1)
    assert next_attempt_delay(9, FIRST, late, None) is None


def test_retry_after_lengthens_the_delay() -> None:
    assert next_attempt_delay(1, FIRST, FIRST, 120.0) == 120.0


def test_retry_after_never_shortens_the_delay() -> None:
    assert next_attempt_delay(3, FIRST, FIRST, 1.0) == 300.0


def test_retry_after_is_capped_at_six_hours() -> None:
    assert next_attempt_delay(1, FIRST, FIRST, 30 * 24 * HOURS) == RETRY_AFTER_CAP == 6 * HOURS


def test_attempts_are_counted_from_one() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        next_attempt_delay(0, FIRST, FIRST, None)


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("120", 120.0),
        (" 0 ", 0.0),
        ("Mon, 07 Oct 2024 12:02:00 GMT", 120.0),
        ("Mon, 07 Oct 2024 11:00:00 GMT", 0.0),
        ("soon", None),
        ("-5", None),
        (None, None),
    ],
)
def test_retry_after_header_parsing(header: str | None, seconds: float | None) -> None:
    assert parse_retry_after(header, FIRST) == seconds
