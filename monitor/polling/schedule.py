"""Pure scheduling policy: when to poll a feed next."""

from __future__ import annotations

# Failing feeds are retried at the cap forever: feeds come back (Media Cloud's lesson).
DEFAULT_BACKOFF_CAP = 6 * 3600.0
# Jitter spreads polls by up to this share of the delay so a mass refresh does not
# turn into a thundering herd on the next cycle.
JITTER_SHARE = 0.2
# A server's max-age never makes us poll more often than this.
MIN_INTERVAL = 60.0
# Nothing (a server's Retry-After or max-age, a long interval) delays a poll beyond this.
MAX_DELAY = 7 * 86400.0


def backoff_delay(consecutive_failures: int, base: float, cap: float, rand: float) -> float:
    """Capped exponential backoff with jitter: min(cap, base·2^(n-1)) scaled into ±JITTER_SHARE, ≤ cap."""
    if consecutive_failures <= 0:
        return 0.0
    exponent = min(consecutive_failures - 1, 62)  # avoid float overflow on long outages
    raw = min(cap, base * (2.0**exponent))
    return min(cap, _jitter(raw, rand))


def next_poll_delay(
    interval: float,
    *,
    failures: int,
    retry_after: float | None,
    max_age: float | None,
    rand: float,
    cap: float = DEFAULT_BACKOFF_CAP,
) -> float:
    """Seconds until the next poll, from the feed interval, failures and the server's hints."""
    if failures > 0:
        delay = backoff_delay(failures, base=max(interval, MIN_INTERVAL), cap=cap, rand=rand)
    else:
        delay = _jitter(interval, rand)
        if max_age is not None and max_age > delay:
            # Content will not change before max-age; polling earlier only costs the server.
            delay = min(max_age, max(cap, interval))
    if retry_after is not None:
        delay = max(delay, retry_after)
    return min(max(delay, 0.0), MAX_DELAY)


def _jitter(delay: float, rand: float) -> float:
    return delay * (1.0 + JITTER_SHARE * (2.0 * rand - 1.0))
