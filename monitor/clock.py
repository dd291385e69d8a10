"""Time, one implementation each: the clock, UTC normalisation, ISO text, Retry-After.

Projections never call the clock (docs/ARCHITECTURE.md §1: same log, same read models);
code where time matters takes a `Clock` argument defaulting to `utcnow`, so tests pass a
fixed one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import overload

Clock = Callable[[], datetime]


def utcnow() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """An aware UTC datetime: a naive one is UTC already (SQLite hands back naive UTC),
    an aware one is converted (PostgreSQL answers in the session's zone)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


@overload
def iso(moment: datetime) -> str: ...
@overload
def iso(moment: None) -> None: ...
@overload
def iso(moment: datetime | None) -> str | None: ...
def iso(moment: datetime | None) -> str | None:
    """ISO 8601 in UTC with a `Z` (None stays None); naive values are taken as UTC."""
    if moment is None:
        return None
    return as_utc(moment).isoformat().replace("+00:00", "Z")


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds a `Retry-After` header asks to wait (RFC 9110 §10.2.3), None when absent or
    unusable; callers cap it.

    delay-seconds, or an HTTP-date, which is always UTC: the obsolete asctime form carries
    no zone and means GMT, so a date without a zone is read as UTC, not refused. A date in
    the past asks for no wait (0).
    """
    if not value:
        return None
    text = value.strip()
    if text.isascii() and text.isdigit():
        return float(text[:20])
    try:
        when = parsedate_to_datetime(text)
        wait = (as_utc(when) - now).total_seconds()
    except (TypeError, ValueError, OverflowError, IndexError):
        return None
    return max(0.0, wait)
