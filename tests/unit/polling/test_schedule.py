"""Backoff is capped, jittered, never gives up; server hints are honoured."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from monitor.polling.schedule import JITTER_SHARE, backoff_delay, next_poll_delay

HOUR = 3600.0


def test_backoff_doubles_with_each_failure_before_the_cap() -> None:
    delays = [backoff_delay(n, base=60, cap=6 * HOUR, rand=0.5) for n in range(1, 6)]
    assert delays == [60, 120, 240, 480, 960]


def test_backoff_stays_at_the_cap_forever() -> None:
    for failures in (20, 100, 10_000):
        assert (
            6 * HOUR * (1 - JITTER_SHARE) <= backoff_delay(failures, 60, 6 * HOUR, 0.0) <= 6 * HOUR
        )
        assert backoff_delay(failures, 60, 6 * HOUR, 0.999) == 6 * HOUR


def test_no_failures_means_no_backoff() -> None:
    assert backoff_delay(0, 60, HOUR, 0.3) == 0


@given(st.integers(1, 500), st.floats(0, 1, exclude_max=True))
def test_jitter_spreads_but_never_exceeds_the_cap(failures: int, rand: float) -> None:
    delay = backoff_delay(failures, 60, HOUR, rand)
    assert 0 < delay <= HOUR
    assert delay >= min(HOUR, 60 * 2 ** (failures - 1)) * (1 - JITTER_SHARE)


def test_different_random_draws_give_different_delays() -> None:
    assert backoff_delay(3, 60, HOUR, 0.1) != backoff_delay(3, 60, HOUR, 0.9)


def test_healthy_feed_is_polled_at_its_interval_with_jitter() -> None:
    delay = next_poll_delay(900, failures=0, retry_after=None, max_age=None, rand=0.5)
    assert delay == 900
    assert (
        900 * 0.8 <= next_poll_delay(900, failures=0, retry_after=None, max_age=None, rand=0) < 900
    )


def test_retry_after_is_honoured_even_when_backoff_is_shorter() -> None:
    assert next_poll_delay(900, failures=1, retry_after=7200, max_age=None, rand=0.5) == 7200


def test_max_age_longer_than_the_interval_postpones_the_poll() -> None:
    assert next_poll_delay(600, failures=0, retry_after=None, max_age=1800, rand=0.5) == 1800


def test_max_age_shorter_than_the_interval_does_not_speed_polling_up() -> None:
    assert next_poll_delay(600, failures=0, retry_after=None, max_age=30, rand=0.5) == 600


@pytest.mark.parametrize("failures", [1, 5, 50])
def test_failing_feed_backs_off_from_its_interval(failures: int) -> None:
    delay = next_poll_delay(600, failures=failures, retry_after=None, max_age=None, rand=0.5)
    assert delay == min(6 * HOUR, 600 * 2 ** (failures - 1))
