"""One poll of one feed, end to end: fetch, parse, decide per entry, append what was seen.

The poller orchestrates; the decisions are pure modules (`decisions`, `identity`,
`schedule`, `fulltext`), linked pages come through `pages` and every write is one
transaction in `records`, so one feed's failure never affects another's.
"""

from __future__ import annotations

import asyncio
import functools
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, RowMapping, select

from monitor.clock import utcnow
from monitor.events import Event, FeedFailed, FeedGone, FeedMoved, FeedPolled
from monitor.logging import get_logger
from monitor.polling import page_retry, records
from monitor.polling.decisions import decide_all
from monitor.polling.fetcher import Fetcher, FetchError, FetchResult, Validators
from monitor.polling.fulltext import needs_full_text
from monitor.polling.identity import EntryFacts, dedupe_facts
from monitor.polling.pages import LinkedPages, Pages, PageSlots
from monitor.polling.parse_worker import AlongParse, parse_elsewhere, source_name
from monitor.polling.parser import FeedParseError, ParsedEntry, ParsedFeed, parse_feed
from monitor.polling.schedule import next_poll_delay
from monitor.polling.urls import host_of
from monitor.redact import mask_text
from monitor.store.db import read_connection
from monitor.store.eventlog import SqlEventLog
from monitor.store.tables_feeds import feed_schedule
from monitor.text import sanitise

__all__ = ["FeedToPoll", "PageSlots", "PollReport", "Poller", "due_feeds", "to_poll"]

# At most this many new or changed entries of one feed are taken per poll (config:
# [polling] max_entries_per_poll); a feed with more is polled again after BACKLOG_DELAY.
MAX_NEW_PER_POLL = 500
BACKLOG_DELAY = 60.0


def _one_line(exc: BaseException) -> str:
    return sanitise.clean_line(f"{type(exc).__name__}: {exc}", 500) or type(exc).__name__


@dataclass(frozen=True)
class FeedToPoll:
    """What the poller needs to know about a feed."""

    url: str
    source: str | None  # the feed's name or known title; None until the feed names itself
    interval: float
    consecutive_failures: int = 0
    status: str = "new"
    validators: Validators = field(default_factory=Validators)


@dataclass(frozen=True)
class PollReport:
    """What one poll did (for the progress display, logs and tests)."""

    url: str
    outcome: str  # new | unchanged | not_modified | failed | gone | unrecorded (write failed)
    new: int = 0
    revised: int = 0
    reason: str | None = None
    error: str | None = None


_FAR = datetime.max.replace(tzinfo=UTC)


@dataclass(frozen=True)
class _PendingWrite:
    order: tuple[datetime, str]
    commit: Callable[[], None] | None = None  # a feed's articles and events
    schedule: dict[str, object] | None = None  # or only its next poll time and validators


class Poller:
    """Polls feeds with one shared Fetcher and appends what it saw to the event log."""

    def __init__(
        self,
        engine: Engine,
        log: SqlEventLog,
        fetcher: Fetcher,
        *,
        full_text: str = "auto",
        clock: Callable[[], datetime] = utcnow,
        rand: Callable[[], float] = random.random,
        max_new: int = MAX_NEW_PER_POLL,
        slots: PageSlots | None = None,
        on_fetched: Callable[[], None] | None = None,
        parse_in_worker: bool = False,
        along_parse: AlongParse | None = None,
    ) -> None:
        # The daemon parses feeds in a worker process (`parse_worker`): its own core is
        # busy projecting. One-off cycles (`monitor poll`) parse in a thread.
        self.parse_in_worker = parse_in_worker
        # More work on the entries for the parse worker (the daemon's story features).
        self.along_parse = along_parse
        self.max_new = max_new
        # Cross-process host slots for article pages (the daemon, one Poller per poll: the
        # poll's lease is one request slot on its feed's host until `on_fetched` gives it
        # back); None: this process's fetcher limits alone (`monitor poll`).
        self.slots = slots
        self._on_fetched = on_fetched
        self._slot_held = slots is not None
        self.engine = engine
        self.log = log
        self.fetcher = fetcher
        self.pages = LinkedPages(fetcher, slots)
        self.full_text = full_text
        self.clock = clock
        self.rand = rand

    async def poll_many(
        self, feeds: Sequence[FeedToPoll], on_done: Callable[[PollReport], None] | None = None
    ) -> list[PollReport]:
        """Poll feeds concurrently (the Fetcher enforces global and per-host limits).

        New articles are written once every feed of the batch has answered, feed by feed in
        order of the earliest date their new entries claim: a wire story and its syndicated
        copies found in one cycle then enter the log original first, whichever server
        answered first. Each feed is still written in a transaction of its own.
        """
        pending: list[_PendingWrite] = []

        async def one(feed: FeedToPoll) -> PollReport:
            try:
                report = await self.poll(feed, defer=pending)
            except Exception as exc:  # a database fault: this feed only, never the batch
                get_logger("poller", feed=feed.url).exception("poll could not be recorded")
                report = PollReport(feed.url, "unrecorded", reason="internal", error=_one_line(exc))
            if on_done is not None:
                on_done(report)
            return report

        reports = {r.url: r for r in await asyncio.gather(*(one(f) for f in feeds))}
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
                reports[url] = await self._record_internal(by_url[url], exc)
        return [
            reports.get(f.url) or PollReport(f.url, "unrecorded", reason="internal") for f in feeds
        ]

    async def _record_internal(self, feed: FeedToPoll, exc: BaseException) -> PollReport:
        log = get_logger("poller", feed=feed.url)
        log.error("poll failed unexpectedly", error=_one_line(exc), exc_info=exc)
        failure = FetchError("internal", f"{feed.url}: could not be processed: {_one_line(exc)}")
        try:
            return await self._failed(feed, failure, log)
        except Exception as again:  # the database refuses even that: report, do not raise
            log.error("feed failure not recorded", error=_one_line(again))
            return PollReport(feed.url, "unrecorded", reason="internal", error=_one_line(again))

    async def poll(self, feed: FeedToPoll, defer: list[_PendingWrite] | None = None) -> PollReport:
        """Poll one feed; never raises for anything the feed or the network does.

        With `defer`, the write of new articles is queued there instead of done at once.
        Anything unexpected (a document or a server breaking a library) becomes a FeedFailed
        with reason `internal`, so the feed's schedule moves like any failing feed's.
        """
        try:
            return await self._poll(feed, defer)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            return await self._record_internal(feed, exc)
        finally:
            self._fetched()

    def _fetched(self) -> None:
        """This poll's own requests are done: give its request slot back (once)."""
        if self._slot_held:
            self._slot_held = False
            if self._on_fetched is not None:
                self._on_fetched()

    async def _poll(self, feed: FeedToPoll, defer: list[_PendingWrite] | None) -> PollReport:
        log = get_logger("poller", feed=feed.url)
        try:
            result = await self.fetcher.fetch(feed.url, feed.validators)
        except FetchError as exc:
            self._fetched()
            return await self._failed(feed, exc, log)
        if result.not_modified:
            self._fetched()
            report = await self._not_modified(feed, result, defer)
            await self._retry_pages(feed)
            return report
        try:
            body, content_type, url = result.body or b"", result.content_type, result.final_url
            facts: list[EntryFacts] | None = None
            if self.parse_in_worker:
                parsed, facts = await parse_elsewhere(
                    body, content_type, url, feed=(feed.source, feed.url), along=self.along_parse
                )
            else:
                parsed = await asyncio.to_thread(parse_feed, body, content_type, url)
        except FeedParseError as exc:
            self._fetched()
            return await self._failed(feed, FetchError(exc.reason, exc.message), log, result)
        report = await self._entries(feed, result, parsed, defer, facts)
        log.info("feed polled", new=report.new, revised=report.revised, entries=len(parsed.entries))
        await self._retry_pages(feed)
        return report

    # --- outcomes -----------------------------------------------------------------

    async def _failed(
        self, feed: FeedToPoll, exc: FetchError, log: object, result: FetchResult | None = None
    ) -> PollReport:
        now = self.clock()
        failures = feed.consecutive_failures + 1
        event = _failure_event(feed.url, exc, now, failures)
        outcome = "gone" if isinstance(event, FeedGone) else "failed"
        if outcome == "gone":
            get_logger("poller", feed=feed.url).warning("feed gone: polling stopped", status=410)
        else:
            get_logger("poller", feed=feed.url).warning(
                "feed failed", reason=exc.reason, error=exc.message, consecutive_failures=failures
            )
        events: list[Event] = [event]
        delay = next_poll_delay(
            feed.interval,
            failures=failures,
            retry_after=exc.retry_after,
            max_age=None,
            rand=self.rand(),
        )
        validators = result.validators if result else feed.validators
        await self._record(feed.url, events, validators, now + timedelta(seconds=delay))
        return PollReport(feed.url, outcome, reason=exc.reason, error=exc.message)

    async def _record(
        self, url: str, events: list[Event], validators: Validators, next_at: datetime
    ) -> None:
        """Feed events and the next poll time, in one transaction off the event loop."""
        await asyncio.to_thread(
            records.commit_events, self.engine, self.log, url, events, validators, next_at
        )

    async def _not_modified(
        self, feed: FeedToPoll, result: FetchResult, defer: list[_PendingWrite] | None
    ) -> PollReport:
        now = self.clock()
        next_at = self._next(feed, result, now)
        if feed.status not in ("failing", "new") and defer is not None:
            defer.append(
                _PendingWrite(
                    (_FAR, feed.url),
                    schedule=records.schedule_row(feed.url, result.validators, next_at),
                )
            )
            return PollReport(feed.url, "not_modified")
        events: list[Event] = []
        if feed.status in ("failing", "new"):
            events.append(_polled(feed, result, now, None, 0, 0, 0))
        await self._record(feed.url, events, result.validators, next_at)
        return PollReport(feed.url, "not_modified")

    async def _entries(
        self,
        feed: FeedToPoll,
        result: FetchResult,
        parsed: ParsedFeed,
        defer: list[_PendingWrite] | None,
        facts: list[EntryFacts] | None = None,
    ) -> PollReport:
        # Until the feed has a name or a known title, its articles carry the title it gives now.
        feed = replace(feed, source=source_name(feed.source, parsed, feed.url))
        now = self.clock()
        # Texts and decisions are CPU work on possibly megabytes: off the event loop.
        entries = facts
        if entries is None:  # not computed with the parse (`parse_worker`)
            entries = await asyncio.to_thread(dedupe_facts, parsed.entries)
        known = await asyncio.to_thread(
            records.known_entries, self.engine, feed.url, [f.key for f in entries]
        )
        decisions = await asyncio.to_thread(decide_all, feed.url, entries, known)
        warnings = parsed.warnings
        validators = result.validators
        backlog = len(decisions) - self.max_new
        if backlog > 0:
            # One feed may not hold back every alert: the first `max_new` changed entries in
            # the feed's own order now, the rest on the next polls. The validators are not
            # kept, so the next poll parses the document again instead of a 304/same hash.
            decisions = decisions[: self.max_new]
            validators = Validators()
            warnings = (*warnings, f"{backlog} more new or changed entries left for later polls")
        pages = await self._fetch_pages(feed, [d.entry for d in decisions])
        self._fetched()
        new = sum(d.kind == "new" for d in decisions)
        revised = len(decisions) - new
        events: list[Event] = []
        if result.permanent_redirect and result.final_url != feed.url:
            events.append(FeedMoved(url=feed.url, new_url=result.final_url, moved_at=now))
        if decisions or feed.status != "ok" or warnings:
            events.append(
                _polled(feed, result, now, parsed.title, len(entries), new, revised, warnings)
            )
        next_at = self._next(feed, result, now)
        if backlog > 0:
            next_at = min(next_at, now + timedelta(seconds=BACKLOG_DELAY))
        if not decisions and not events:
            # Nothing to record, only the schedule: batched with the other quiet feeds.
            row = records.schedule_row(feed.url, validators, next_at)
            if defer is not None:
                defer.append(_PendingWrite((_FAR, feed.url), schedule=row))
            else:
                await asyncio.to_thread(records.commit_schedules, self.engine, [row])
            return PollReport(feed.url, "unchanged")
        commit = functools.partial(
            records.commit_articles,
            self.engine,
            self.log,
            feed.url,
            feed.source or host_of(feed.url),
            decisions,
            pages,
            events,
            validators,
            next_at,
            now,
        )
        if defer is not None and decisions:
            first = min((d.entry.published or _FAR for d in decisions), default=_FAR)
            defer.append(_PendingWrite((first, feed.url), commit=commit))
        else:
            await asyncio.to_thread(commit)
        return PollReport(feed.url, "new" if decisions else "unchanged", new=new, revised=revised)

    # --- linked pages ---------------------------------------------------------------

    async def _fetch_pages(self, feed: FeedToPoll, entries: list[ParsedEntry]) -> Pages:
        """Linked pages of entries that carry no real article text."""
        wanted = sorted({e.link for e in entries if e.link and needs_full_text(e, self.full_text)})
        return await self.pages.fetch(feed.url, wanted, own_slot=self._slot_held)

    async def _retry_pages(self, feed: FeedToPoll) -> None:
        """Fetch again the pages of this feed's articles whose fetch failed and is due."""
        if self.full_text == "never":
            return
        now = self.clock()
        try:
            due = await asyncio.to_thread(page_retry.due_retries, self.engine, feed.url, now)
            if not due:
                return
            links = sorted({r.event.link for r in due if r.event.link})
            pages = await self.pages.fetch(feed.url, links, own_slot=self._slot_held)
            await asyncio.to_thread(
                records.commit_retries, self.engine, self.log, feed.url, due, pages, now
            )
        except Exception as exc:  # the poll itself succeeded; retries come again next time
            get_logger("poller", feed=feed.url).warning(
                "article page retries not recorded", error=_one_line(exc)
            )

    # --- helpers ------------------------------------------------------------------

    def _next(self, feed: FeedToPoll, result: FetchResult, now: datetime) -> datetime:
        delay = next_poll_delay(
            feed.interval,
            failures=0,
            retry_after=result.retry_after,
            max_age=result.max_age,
            rand=self.rand(),
        )
        return now + timedelta(seconds=delay)


def _failure_event(url: str, exc: FetchError, now: datetime, failures: int) -> Event:
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


def _polled(
    feed: FeedToPoll,
    result: FetchResult,
    now: datetime,
    title: str | None,
    entries: int,
    new: int,
    revised: int,
    warnings: Sequence[str] = (),
) -> FeedPolled:
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


def due_feeds(
    engine: Engine, now: datetime, *, default_interval: float, everything: bool = False
) -> list[FeedToPoll]:
    """Feeds whose next poll is due (all but gone ones with `everything`), oldest due first."""
    from monitor.store.tables_feeds import feeds

    query = (
        select(
            feeds,
            feed_schedule.c.next_poll_at,
            feed_schedule.c.etag,
            feed_schedule.c.last_modified,
            feed_schedule.c.body_hash,
        )
        .select_from(feeds.outerjoin(feed_schedule, feed_schedule.c.url == feeds.c.url))
        .where(feeds.c.status != "gone", feeds.c.paused.is_(False))
        .order_by(
            feed_schedule.c.next_poll_at.is_not(None), feed_schedule.c.next_poll_at, feeds.c.url
        )
    )
    if not everything:
        query = query.where(
            (feed_schedule.c.next_poll_at.is_(None)) | (feed_schedule.c.next_poll_at <= now)
        )
    with read_connection(engine) as conn:
        rows = conn.execute(query).mappings().all()
    return [to_poll(r, default_interval) for r in rows]


def to_poll(row: RowMapping, default_interval: float) -> FeedToPoll:
    """The poller's view of a feed row joined with its schedule row."""
    return FeedToPoll(
        url=row["url"],
        source=row["name"] or row["title"],
        interval=row["interval"] or default_interval,
        consecutive_failures=row["consecutive_failures"],
        status=row["status"],
        validators=Validators(row["etag"], row["last_modified"], row["body_hash"]),
    )
