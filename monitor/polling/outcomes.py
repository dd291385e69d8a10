"""What a poll's answer means, as pure functions: the feed event it records, when the feed
is polled next, and how much of a long list of changed entries this poll takes.

The fetcher builds and sends requests; this module and `decisions` interpret the responses;
`poll_writes` records the result (Miniflux keeps the same three apart).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from monitor.events import Event, FeedFailed, FeedGone, FeedPolled
from monitor.polling.decisions import Decision
from monitor.polling.feed_poll import FeedToPoll
from monitor.polling.fetcher import FetchError, FetchResult, Validators
from monitor.polling.schedule import next_poll_delay
from monitor.redact import mask_text
from monitor.text import sanitise

# A feed with more new or changed entries than one poll takes is polled again this soon (s).
BACKLOG_DELAY = 60.0


def one_line(exc: BaseException) -> str:
    """An exception as one clean line for a log or a FeedFailed message."""
    return sanitise.clean_line(f"{type(exc).__name__}: {exc}", 500) or type(exc).__name__


def failure_event(url: str, exc: FetchError, now: datetime, failures: int) -> Event:
    """FeedGone for a 410, FeedFailed (the cause masked and on one line) for anything else."""
    if exc.status == 410:
        return FeedGone(url=url, gone_at=now, status=410)
    return FeedFailed(
        url=url,
        failed_at=now,
        reason=exc.reason,
        message=sanitise.clean_line(mask_text(exc.message)) or exc.reason,
        status=exc.status,
        retry_after=exc.retry_after,
        consecutive_failures=failures,
    )


def polled_event(
    feed: FeedToPoll,
    result: FetchResult,
    now: datetime,
    title: str | None,
    entries: int,
    new: int,
    revised: int,
    warnings: Sequence[str] = (),
) -> FeedPolled:
    """The FeedPolled event of a poll that got an answer."""
    return FeedPolled(
        url=feed.url,
        polled_at=now,
        status=result.status,
        final_url=result.final_url,
        title=title,
        entries=entries,
        new=new,
        revised=revised,
        warnings=tuple(warnings),
    )


def next_poll_at(feed: FeedToPoll, result: FetchResult, now: datetime, rand: float) -> datetime:
    """When a feed that answered is polled next (its interval, Retry-After, max-age)."""
    delay = next_poll_delay(
        feed.interval, failures=0, retry_after=result.retry_after, max_age=result.max_age, rand=rand
    )
    return now + timedelta(seconds=delay)


def retry_at(feed: FeedToPoll, exc: FetchError, now: datetime, rand: float) -> datetime:
    """When a feed that just failed (once more) is polled again: backing off."""
    delay = next_poll_delay(
        feed.interval,
        failures=feed.consecutive_failures + 1,
        retry_after=exc.retry_after,
        max_age=None,
        rand=rand,
    )
    return now + timedelta(seconds=delay)


@dataclass(frozen=True)
class Taken:
    """The changed entries one poll takes, and what the rest means for the feed's record."""

    decisions: list[Decision]
    validators: Validators  # emptied when entries are left: the next poll parses again
    warnings: tuple[str, ...]
    backlog: int  # entries left for later polls (0: none)

    def next_at(self, next_at: datetime, now: datetime) -> datetime:
        """The next poll time, brought forward while entries are left."""
        if self.backlog > 0:
            return min(next_at, now + timedelta(seconds=BACKLOG_DELAY))
        return next_at


def take(
    decisions: list[Decision], max_new: int, validators: Validators, warnings: Sequence[str]
) -> Taken:
    """The first `max_new` changed entries in the feed's own order; the rest wait.

    One feed may not hold back every alert. The validators are not kept while entries are
    left, so the next poll parses the document again instead of a 304/same hash.
    """
    backlog = len(decisions) - max_new
    if backlog <= 0:
        return Taken(decisions, validators, tuple(warnings), 0)
    left = f"{backlog} more new or changed entries left for later polls"
    return Taken(decisions[:max_new], Validators(), (*warnings, left), backlog)
