"""When to try a failed delivery again: the docs/SPEC.md §7 schedule, `Retry-After` and the 3-day limit."""

from __future__ import annotations

from datetime import datetime, timedelta

# Delays after the 1st, 2nd, ... failed attempt; afterwards every STEADY_DELAY.
SCHEDULE: tuple[float, ...] = (5.0, 60.0, 300.0, 1800.0, 7200.0)
STEADY_DELAY: float = 6 * 3600.0
GIVE_UP_AFTER = timedelta(days=3)
# A receiver asking for more than the steady interval is treated as asking for the steady
# interval: a bogus or hostile Retry-After must not park an alert beyond the 3-day window.
RETRY_AFTER_CAP: float = STEADY_DELAY


def scheduled_delay(attempts: int) -> float:
    """The schedule's delay after `attempts` failed attempts (1 = the first attempt failed)."""
    if attempts < 1:
        raise ValueError(f"attempts must be at least 1, got {attempts}")
    return SCHEDULE[attempts - 1] if attempts <= len(SCHEDULE) else STEADY_DELAY


def next_attempt_delay(
    attempts: int, first_attempt_at: datetime, now: datetime, retry_after: float | None
) -> float | None:
    """Seconds to wait before the next attempt, or None to give up (the delivery is dead).

    `attempts` counts the attempts made so far, including the one that just failed.
    `retry_after` (seconds, from the receiver) can only lengthen the delay, and is capped
    at RETRY_AFTER_CAP (6 h). No attempt is scheduled later than 3 days after the first.
    """
    delay = scheduled_delay(attempts)
    if retry_after is not None and retry_after > 0:
        delay = max(delay, min(retry_after, RETRY_AFTER_CAP))
    if now + timedelta(seconds=delay) > first_attempt_at + GIVE_UP_AFTER:
        return None
    return delay
