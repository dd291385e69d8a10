"""One poll of one feed, end to end: fetch, parse, decide per entry, append what was seen.

I/O lives here; every decision is delegated to the pure modules (identity, schedule,
extractor's `needs_full_text`). Each feed is written in its own transaction, so one feed's
failure never affects another's.
"""

from __future__ import annotations

import asyncio
import functools
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, Engine, RowMapping, select

from monitor.clock import utcnow
from monitor.events import (
    ArticleObserved,
    ArticleRevised,
    Event,
    FeedFailed,
    FeedGone,
    FeedMoved,
    FeedPolled,
    deterministic_id,
)
from monitor.logging import get_logger
from monitor.polling import page_retry
from monitor.polling.fetcher import Fetcher, FetchError, FetchResult, Validators
from monitor.polling.fulltext import needs_full_text
from monitor.polling.identity import EntryFacts, classify_entry, dedupe_facts
from monitor.polling.parser import FeedParseError, ParsedEntry, ParsedFeed, parse_feed
from monitor.polling.schedule import next_poll_delay
from monitor.polling.urls import UnsupportedURL, check_url, host_of
from monitor.redact import mask_text
from monitor.store import blobs
from monitor.store.db import read_connection, upsert
from monitor.store.eventlog import SqlEventLog
from monitor.store.leases import ClaimRequest, claim_feeds
from monitor.store.tables_feeds import feed_entries, feed_schedule
from monitor.text import sanitise

TEXT_SAMPLE_CHARS = 4000
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


@dataclass(frozen=True)
class _Known:
    article_id: str
    content_hash: str
    text_sample: str
    generation: int


@dataclass(frozen=True)
class _Decision:
    entry: ParsedEntry
    key: str
    article_id: str
    kind: str  # new | revised
    content_hash: str
    text: str
    generation: int


_FAR = datetime.max.replace(tzinfo=UTC)


@dataclass
class _Pages:
    """Outcome of fetching linked pages (scratch, filled by `_fetch_links`)."""

    fetched: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # link → (URL, body)
    failed: dict[str, FetchError] = field(default_factory=dict)


@dataclass(frozen=True)
class _PendingWrite:
    order: tuple[datetime, str]
    commit: Callable[[], None] | None = None  # a feed's articles and events
    schedule: dict[str, object] | None = None  # or only its next poll time and validators


def _schedule_row(url: str, validators: Validators, next_at: datetime) -> dict[str, object]:
    return {
        "url": url,
        "next_poll_at": next_at,
        "etag": validators.etag,
        "last_modified": validators.last_modified,
        "body_hash": validators.body_hash,
    }


def _upsert_schedules(conn: Connection, rows: list[dict[str, object]]) -> None:
    upsert(
        conn,
        feed_schedule,
        rows,
        ["url"],
        update=["next_poll_at", "etag", "last_modified", "body_hash"],
    )


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
    ) -> None:
        self.max_new = max_new
        self.engine = engine
        self.log = log
        self.fetcher = fetcher
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
                await asyncio.to_thread(self._commit_schedules, schedules)
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

    async def _poll(self, feed: FeedToPoll, defer: list[_PendingWrite] | None) -> PollReport:
        log = get_logger("poller", feed=feed.url)
        try:
            result = await self.fetcher.fetch(feed.url, feed.validators)
        except FetchError as exc:
            return await self._failed(feed, exc, log)
        if result.not_modified:
            report = await self._not_modified(feed, result, defer)
            await self._retry_pages(feed)
            return report
        try:
            parsed = await asyncio.to_thread(
                parse_feed, result.body or b"", result.content_type, result.final_url
            )
        except FeedParseError as exc:
            return await self._failed(feed, FetchError(exc.reason, exc.message), log, result)
        report = await self._entries(feed, result, parsed, defer)
        log.info("feed polled", new=report.new, revised=report.revised, entries=len(parsed.entries))
        await self._retry_pages(feed)
        return report

    # --- outcomes -----------------------------------------------------------------

    async def _failed(
        self, feed: FeedToPoll, exc: FetchError, log: object, result: FetchResult | None = None
    ) -> PollReport:
        now = self.clock()
        failures = feed.consecutive_failures + 1
        events: list[Event]
        if exc.status == 410:
            events = [FeedGone(url=feed.url, gone_at=now, status=410)]
            get_logger("poller", feed=feed.url).warning("feed gone: polling stopped", status=410)
            outcome = "gone"
        else:
            events = [
                FeedFailed(
                    url=feed.url,
                    failed_at=now,
                    reason=exc.reason,
                    message=sanitise.clean_line(mask_text(exc.message)) or exc.reason,
                    status=exc.status,
                    retry_after=exc.retry_after,
                    consecutive_failures=failures,
                )
            ]
            get_logger("poller", feed=feed.url).warning(
                "feed failed", reason=exc.reason, error=exc.message, consecutive_failures=failures
            )
            outcome = "failed"
        delay = next_poll_delay(
            feed.interval,
            failures=failures,
            retry_after=exc.retry_after,
            max_age=None,
            rand=self.rand(),
        )
        validators = result.validators if result else feed.validators
        await asyncio.to_thread(
            self._commit, feed.url, events, validators, now + timedelta(seconds=delay)
        )
        return PollReport(feed.url, outcome, reason=exc.reason, error=exc.message)

    async def _not_modified(
        self, feed: FeedToPoll, result: FetchResult, defer: list[_PendingWrite] | None
    ) -> PollReport:
        now = self.clock()
        next_at = self._next(feed, result, now)
        if feed.status not in ("failing", "new") and defer is not None:
            defer.append(
                _PendingWrite(
                    (_FAR, feed.url), schedule=_schedule_row(feed.url, result.validators, next_at)
                )
            )
            return PollReport(feed.url, "not_modified")
        events: list[Event] = []
        if feed.status in ("failing", "new"):
            events.append(self._polled(feed, result, now, None, 0, 0, 0))
        await asyncio.to_thread(self._commit, feed.url, events, result.validators, next_at)
        return PollReport(feed.url, "not_modified")

    async def _entries(
        self,
        feed: FeedToPoll,
        result: FetchResult,
        parsed: ParsedFeed,
        defer: list[_PendingWrite] | None,
    ) -> PollReport:
        # Until the feed has a name or a known title, its articles carry the title it gives now.
        feed = replace(feed, source=feed.source or parsed.title or host_of(feed.url))
        now = self.clock()
        # Texts and decisions are CPU work on possibly megabytes: off the event loop.
        entries = await asyncio.to_thread(dedupe_facts, parsed.entries)
        known = await asyncio.to_thread(self._known, feed.url, [f.key for f in entries])
        decisions = await asyncio.to_thread(self._decide_all, feed.url, entries, known)
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
        new = sum(d.kind == "new" for d in decisions)
        revised = len(decisions) - new
        events: list[Event] = []
        if result.permanent_redirect and result.final_url != feed.url:
            events.append(FeedMoved(url=feed.url, new_url=result.final_url, moved_at=now))
        if decisions or feed.status != "ok" or warnings:
            events.append(
                self._polled(feed, result, now, parsed.title, len(entries), new, revised, warnings)
            )
        next_at = self._next(feed, result, now)
        if backlog > 0:
            next_at = min(next_at, now + timedelta(seconds=BACKLOG_DELAY))
        if not decisions and not events:
            # Nothing to record, only the schedule: batched with the other quiet feeds.
            row = _schedule_row(feed.url, validators, next_at)
            if defer is not None:
                defer.append(_PendingWrite((_FAR, feed.url), schedule=row))
            else:
                await asyncio.to_thread(self._commit_schedules, [row])
            return PollReport(feed.url, "unchanged")
        commit = functools.partial(
            self._commit_articles, feed, decisions, pages, events, validators, next_at, now
        )
        if defer is not None and decisions:
            first = min((d.entry.published or _FAR for d in decisions), default=_FAR)
            defer.append(_PendingWrite((first, feed.url), commit=commit))
        else:
            await asyncio.to_thread(commit)
        return PollReport(feed.url, "new" if decisions else "unchanged", new=new, revised=revised)

    # --- decisions ----------------------------------------------------------------

    @classmethod
    def _decide_all(
        cls, feed_url: str, entries: list[EntryFacts], known: dict[str, _Known]
    ) -> list[_Decision]:
        decided = (cls._decide(feed_url, f, known) for f in entries)
        return [d for d in decided if d is not None]

    @staticmethod
    def _decide(feed_url: str, facts: EntryFacts, known: dict[str, _Known]) -> _Decision | None:
        entry, key, text, digest = facts.entry, facts.key, facts.text, facts.digest
        prior = known.get(key)
        kind = classify_entry(
            prior.text_sample if prior else None,
            prior.content_hash if prior else None,
            text,
            digest,
        )
        if kind == "unchanged":
            return None
        generation = 0 if prior is None else prior.generation + (1 if kind == "reused" else 0)
        article_id = (
            prior.article_id
            if prior is not None and kind == "revised"
            else deterministic_id("article", feed_url, key, str(generation))
        )
        return _Decision(
            entry=entry,
            key=key,
            article_id=article_id,
            kind="revised" if kind == "revised" else "new",
            content_hash=digest,
            text=text,
            generation=generation,
        )

    async def _fetch_pages(self, feed: FeedToPoll, entries: list[ParsedEntry]) -> _Pages:
        """Linked pages of entries that carry no real article text."""
        wanted = sorted({e.link for e in entries if e.link and needs_full_text(e, self.full_text)})
        return await self._fetch_links(feed, wanted)

    async def _fetch_links(self, feed: FeedToPoll, links: list[str]) -> _Pages:
        """link → (final URL, body) for the pages fetched, link → error for the others."""

        async def one(link: str) -> tuple[str, tuple[str, bytes] | FetchError]:
            try:
                page = await self.fetcher.fetch(check_url(link), linked_from=feed.url)
            except (FetchError, UnsupportedURL) as exc:
                get_logger("poller", feed=feed.url).warning(
                    "article page not fetched", link=link, error=str(exc)
                )
                error = exc if isinstance(exc, FetchError) else FetchError("refused", str(exc))
                return link, error
            return link, (page.final_url, page.body or b"")

        results = await asyncio.gather(*(one(link) for link in links))
        pages = _Pages()
        for link, outcome in results:
            if isinstance(outcome, FetchError):
                pages.failed[link] = outcome
            else:
                pages.fetched[link] = outcome
        return pages

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
            pages = await self._fetch_links(feed, links)
            await asyncio.to_thread(self._commit_retries, feed.url, due, pages, now)
        except Exception as exc:  # the poll itself succeeded; retries come again next time
            get_logger("poller", feed=feed.url).warning(
                "article page retries not recorded", error=_one_line(exc)
            )

    def _commit_retries(
        self, feed_url: str, due: list[page_retry.DueRetry], pages: _Pages, now: datetime
    ) -> None:
        with self.engine.begin() as conn:
            revised = []
            for retry in due:
                link = retry.event.link or ""
                page = pages.fetched.get(link)
                if page is not None:
                    [ref] = blobs.put_many(conn, [page[1]])
                    revised.append(page_retry.with_page(retry.event, page[0], ref, now))
                    page_retry.set_retry(conn, feed_url, retry.entry_key, 0, None, None)
                    continue
                attempts = retry.attempts + 1
                error = pages.failed.get(link)
                at = page_retry.retry_after(attempts, now)
                if error is None or not page_retry.worth_retrying(error):
                    at = None
                page_retry.set_retry(
                    conn, feed_url, retry.entry_key, attempts, at, retry.event.event_id
                )
            self.log.append(revised, conn=conn)

    # --- database -----------------------------------------------------------------

    def _known(self, feed_url: str, keys: list[str]) -> dict[str, _Known]:
        found: dict[str, _Known] = {}
        with read_connection(self.engine) as conn:
            for i in range(0, len(keys), 500):
                rows = conn.execute(
                    select(feed_entries).where(
                        feed_entries.c.feed_url == feed_url,
                        feed_entries.c.entry_key.in_(keys[i : i + 500]),
                    )
                )
                for r in rows:
                    found[r.entry_key] = _Known(
                        r.article_id, r.content_hash, r.text_sample, r.generation
                    )
        return found

    def _commit(
        self, url: str, events: list[Event], validators: Validators, next_at: datetime
    ) -> None:
        with self.engine.begin() as conn:
            self.log.append(events, conn=conn)
            self._schedule(conn, url, validators, next_at)

    def _commit_articles(
        self,
        feed: FeedToPoll,
        decisions: list[_Decision],
        pages: _Pages,
        events: list[Event],
        validators: Validators,
        next_at: datetime,
        now: datetime,
    ) -> None:
        with self.engine.begin() as conn:
            articles = self._article_events(conn, feed, decisions, pages.fetched, now)
            # Articles first, so a FeedMoved/FeedPolled never precedes what it reports.
            self.log.append([*articles, *events], conn=conn)
            rows = []
            for d, article in zip(decisions, articles, strict=True):
                error = pages.failed.get(d.entry.link or "")
                retry = error is not None and page_retry.worth_retrying(error)
                rows.append(
                    {
                        "feed_url": feed.url,
                        "entry_key": d.key,
                        "article_id": d.article_id,
                        "content_hash": d.content_hash,
                        "text_sample": d.text[:TEXT_SAMPLE_CHARS],
                        "generation": d.generation,
                        "page_attempts": 1 if error is not None else 0,
                        "page_retry_at": page_retry.retry_after(1, now) if retry else None,
                        "retry_event": article.event_id if retry else None,
                    }
                )
            upsert(
                conn,
                feed_entries,
                rows,
                ["feed_url", "entry_key"],
                update=[
                    "article_id",
                    "content_hash",
                    "text_sample",
                    "generation",
                    "page_attempts",
                    "page_retry_at",
                    "retry_event",
                ],
            )
            self._schedule(conn, feed.url, validators, next_at)

    @staticmethod
    def _article_events(
        conn: Connection,
        feed: FeedToPoll,
        decisions: list[_Decision],
        pages: dict[str, tuple[str, bytes]],
        now: datetime,
    ) -> list[ArticleObserved]:
        bodies: list[bytes] = []

        def ref(data: bytes | str | None) -> str | None:
            if data is None:
                return None
            bodies.append(data.encode("utf-8") if isinstance(data, str) else data)
            return blobs.blob_hash(bodies[-1])

        events: list[ArticleObserved] = []
        for d in decisions:
            page = pages.get(d.entry.link or "")
            cls = ArticleRevised if d.kind == "revised" else ArticleObserved
            events.append(
                cls(
                    article_id=d.article_id,
                    feed_url=feed.url,
                    source=feed.source or host_of(feed.url),
                    entry_key=d.key,
                    title=d.entry.title,
                    link=d.entry.link,
                    guid=d.entry.guid,
                    published_at=d.entry.published or d.entry.updated,
                    seen_at=now,
                    content_hash=d.content_hash,
                    summary_ref=ref(d.entry.summary_html),
                    content_ref=ref(d.entry.content_html),
                    page_ref=ref(page[1]) if page else None,
                    page_url=page[0] if page else None,
                )
            )
        blobs.put_many(conn, bodies)
        return events

    @staticmethod
    def _schedule(conn: Connection, url: str, validators: Validators, next_at: datetime) -> None:
        _upsert_schedules(conn, [_schedule_row(url, validators, next_at)])

    def _commit_schedules(self, rows: list[dict[str, object]]) -> None:
        with self.engine.begin() as conn:
            _upsert_schedules(conn, rows)

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

    @staticmethod
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
    return [_to_poll(r, default_interval) for r in rows]


def claim_due_feeds(
    engine: Engine, request: ClaimRequest, *, default_interval: float
) -> list[FeedToPoll]:
    """Lease due feeds to one daemon (docs/SPEC.md §9: each feed is polled by one process at a time)."""
    return [_to_poll(r, default_interval) for r in claim_feeds(engine, request)]


def _to_poll(row: RowMapping, default_interval: float) -> FeedToPoll:
    return FeedToPoll(
        url=row["url"],
        source=row["name"] or row["title"],
        interval=row["interval"] or default_interval,
        consecutive_failures=row["consecutive_failures"],
        status=row["status"],
        validators=Validators(row["etag"], row["last_modified"], row["body_hash"]),
    )
