"""Recording a poll's outcome: failures and their backoff, 304s, quiet polls, and the
batch's deferred writes (each feed in a transaction of its own, `records`)."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine

from monitor.clock import utcnow
from monitor.events import Event, FeedGone
from monitor.logging import get_logger
from monitor.polling import records
from monitor.polling.feed_poll import FeedToPoll, PollReport
from monitor.polling.fetcher import FetchError, FetchResult, Validators
from monitor.polling.outcomes import failure_event, next_poll_at, one_line, polled_event, retry_at
from monitor.store.eventlog import SqlEventLog

# The order key of writes that hold no dated entry: after every feed's new articles.
FAR = datetime.max.replace(tzinfo=UTC)


@dataclass(frozen=True)
class PendingWrite:
    """A feed's write, queued until every feed of a batch has answered."""

    order: tuple[datetime, str]  # (earliest date its new entries claim, feed url)
    commit: Callable[[], None] | None = None  # a feed's articles and events
    schedule: dict[str, object] | None = None  # or only its next poll time and validators


class PollWrites:
    """Writes what polls found: one transaction per feed, off the event loop."""

    def __init__(
        self,
        engine: Engine,
        log: SqlEventLog,
        *,
        clock: Callable[[], datetime] = utcnow,
        rand: Callable[[], float] = random.random,
    ) -> None:
        self.engine = engine
        self.log = log
        self.clock = clock
        self.rand = rand

    async def record(
        self, url: str, events: list[Event], validators: Validators, next_at: datetime
    ) -> None:
        """Feed events and the next poll time, in one transaction off the event loop."""
        await asyncio.to_thread(
            records.commit_events, self.engine, self.log, url, events, validators, next_at
        )

    async def schedule(
        self, url: str, validators: Validators, next_at: datetime, defer: list[PendingWrite] | None
    ) -> None:
        """Only the next poll time and validators: batched with the other quiet feeds."""
        row = records.schedule_row(url, validators, next_at)
        if defer is not None:
            defer.append(PendingWrite((FAR, url), schedule=row))
        else:
            await asyncio.to_thread(records.commit_schedules, self.engine, [row])

    async def failed(
        self, feed: FeedToPoll, exc: FetchError, result: FetchResult | None = None
    ) -> PollReport:
        """Record a failed poll (FeedFailed, or FeedGone for a 410) and back off."""
        now = self.clock()
        failures = feed.consecutive_failures + 1
        event = failure_event(feed.url, exc, now, failures)
        outcome = "gone" if isinstance(event, FeedGone) else "failed"
        if outcome == "gone":
            get_logger("poller", feed=feed.url).warning("feed gone: polling stopped", status=410)
        else:
            get_logger("poller", feed=feed.url).warning(
                "feed failed", reason=exc.reason, error=exc.message, consecutive_failures=failures
            )
        next_at = retry_at(feed, exc, now, self.rand())
        validators = result.validators if result else feed.validators
        await self.record(feed.url, [event], validators, next_at)
        return PollReport(feed.url, outcome, reason=exc.reason, error=exc.message)

    async def internal(self, feed: FeedToPoll, exc: BaseException) -> PollReport:
        """Record an unexpected error as a FeedFailed with reason `internal` (never raises)."""
        log = get_logger("poller", feed=feed.url)
        log.error("poll failed unexpectedly", error=one_line(exc), exc_info=exc)
        failure = FetchError("internal", f"{feed.url}: could not be processed: {one_line(exc)}")
        try:
            return await self.failed(feed, failure)
        except Exception as again:  # the database refuses even that: report, do not raise
            log.error("feed failure not recorded", error=one_line(again))
            return PollReport(feed.url, "unrecorded", reason="internal", error=one_line(again))

    async def not_modified(
        self, feed: FeedToPoll, result: FetchResult, defer: list[PendingWrite] | None
    ) -> PollReport:
        """Record a 304 (or the same body): a FeedPolled only if the feed was failing or new."""
        now = self.clock()
        next_at = next_poll_at(feed, result, now, self.rand())
        if feed.status not in ("failing", "new") and defer is not None:
            row = records.schedule_row(feed.url, result.validators, next_at)
            defer.append(PendingWrite((FAR, feed.url), schedule=row))
            return PollReport(feed.url, "not_modified")
        events: list[Event] = []
        if feed.status in ("failing", "new"):
            events.append(polled_event(feed, result, now, None, 0, 0, 0))
        await self.record(feed.url, events, result.validators, next_at)
        return PollReport(feed.url, "not_modified")

    async def flush(
        self,
        feeds: Sequence[FeedToPoll],
        pending: list[PendingWrite],
        reports: dict[str, PollReport],
    ) -> list[PollReport]:
        """Write a batch's deferred writes: the quiet feeds' schedules in one transaction,
        then each feed's articles in order of the earliest date its new entries claim."""
        schedules = [w.schedule for w in pending if w.schedule is not None]
        if schedules:  # feeds with nothing new: one transaction for all of them
            try:
                await asyncio.to_thread(records.commit_schedules, self.engine, schedules)
            except Exception:
                get_logger("poller").exception("feed schedules not recorded", feeds=len(schedules))
        by_url = {f.url: f for f in feeds}
        for write in sorted(pending, key=lambda w: w.order):
            if write.commit is None:
                continue
            url = write.order[1]
            try:
                await asyncio.to_thread(write.commit)
            except Exception as exc:
                # This feed's articles could not be written (the other feeds' are): record
                # the failure, so its schedule moves and the cause shows in `feeds list`.
                reports[url] = await self.internal(by_url[url], exc)
        return [
            reports.get(f.url) or PollReport(f.url, "unrecorded", reason="internal") for f in feeds
        ]
