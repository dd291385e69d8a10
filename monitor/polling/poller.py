"""One poll of one feed, end to end: fetch, parse, decide per entry, append what was seen.

The poller orchestrates; requests are built and sent by `fetcher`, responses interpreted
by pure modules (`parser`, `identity`, `decisions`, `outcomes`, `schedule`, `fulltext`),
linked pages come through `pages`, and `poll_writes` records the outcome, every feed's write
one transaction in `records`, so one feed's failure never affects another's. Which feeds
are due is `due`.
"""

from __future__ import annotations

import asyncio
import functools
import random
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy import Engine

from monitor.clock import utcnow
from monitor.events import Event, FeedMoved
from monitor.logging import get_logger
from monitor.polling import page_retry, records
from monitor.polling.decisions import decide_all
from monitor.polling.due import due_feeds, to_poll
from monitor.polling.feed_poll import FeedToPoll, PollReport
from monitor.polling.fetcher import Fetcher, FetchError, FetchResult
from monitor.polling.fulltext import needs_full_text
from monitor.polling.identity import EntryFacts, dedupe_facts
from monitor.polling.outcomes import next_poll_at, one_line, polled_event, take
from monitor.polling.pages import LinkedPages, Pages, PageSlots
from monitor.polling.parse_worker import AlongParse, parse_elsewhere, source_name
from monitor.polling.parser import FeedParseError, ParsedEntry, ParsedFeed, parse_feed
from monitor.polling.poll_writes import FAR, PendingWrite, PollWrites
from monitor.polling.urls import host_of
from monitor.store.eventlog import SqlEventLog

# Re-exported: the daemon, `monitor poll` and the benchmarks import a poll's parts here.
__all__ = ["FeedToPoll", "PageSlots", "PollReport", "Poller", "due_feeds", "to_poll"]

# At most this many new or changed entries of one feed are taken per poll (config:
# [polling] max_entries_per_poll); a feed with more is polled again after
# `outcomes.BACKLOG_DELAY`.
MAX_NEW_PER_POLL = 500


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
        self.writes = PollWrites(engine, log, clock=clock, rand=rand)

    async def poll_many(
        self, feeds: Sequence[FeedToPoll], on_done: Callable[[PollReport], None] | None = None
    ) -> list[PollReport]:
        """Poll feeds concurrently (the Fetcher enforces global and per-host limits).

        New articles are written once every feed of the batch has answered, feed by feed in
        order of the earliest date their new entries claim: a wire story and its syndicated
        copies found in one cycle then enter the log original first, whichever server
        answered first. Each feed is still written in a transaction of its own.
        """
        pending: list[PendingWrite] = []

        async def one(feed: FeedToPoll) -> PollReport:
            try:
                report = await self.poll(feed, defer=pending)
            except Exception as exc:  # a database fault: this feed only, never the batch
                get_logger("poller", feed=feed.url).exception("poll could not be recorded")
                report = PollReport(feed.url, "unrecorded", reason="internal", error=one_line(exc))
            if on_done is not None:
                on_done(report)
            return report

        reports = {r.url: r for r in await asyncio.gather(*(one(f) for f in feeds))}
        return await self.writes.flush(feeds, pending, reports)

    async def poll(self, feed: FeedToPoll, defer: list[PendingWrite] | None = None) -> PollReport:
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
            return await self.writes.internal(feed, exc)
        finally:
            self._fetched()

    def _fetched(self) -> None:
        """This poll's own requests are done: give its request slot back (once)."""
        if self._slot_held:
            self._slot_held = False
            if self._on_fetched is not None:
                self._on_fetched()

    async def _poll(self, feed: FeedToPoll, defer: list[PendingWrite] | None) -> PollReport:
        log = get_logger("poller", feed=feed.url)
        try:
            result = await self.fetcher.fetch(feed.url, feed.validators)
        except FetchError as exc:
            self._fetched()
            return await self.writes.failed(feed, exc)
        if result.not_modified:
            self._fetched()
            report = await self.writes.not_modified(feed, result, defer)
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
            return await self.writes.failed(feed, FetchError(exc.reason, exc.message), result)
        report = await self._entries(feed, result, parsed, defer, facts)
        log.info("feed polled", new=report.new, revised=report.revised, entries=len(parsed.entries))
        await self._retry_pages(feed)
        return report

    # --- entries ------------------------------------------------------------------

    async def _entries(
        self,
        feed: FeedToPoll,
        result: FetchResult,
        parsed: ParsedFeed,
        defer: list[PendingWrite] | None,
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
        decided = await asyncio.to_thread(decide_all, feed.url, entries, known)
        taken = take(decided, self.max_new, result.validators, parsed.warnings)
        decisions = taken.decisions
        pages = await self._fetch_pages(feed, [d.entry for d in decisions])
        self._fetched()
        new = sum(d.kind == "new" for d in decisions)
        revised = len(decisions) - new
        events: list[Event] = []
        if result.permanent_redirect and result.final_url != feed.url:
            events.append(FeedMoved(url=feed.url, new_url=result.final_url, moved_at=now))
        if decisions or feed.status != "ok" or taken.warnings:
            events.append(
                polled_event(
                    feed, result, now, parsed.title, len(entries), new, revised, taken.warnings
                )
            )
        next_at = taken.next_at(next_poll_at(feed, result, now, self.rand()), now)
        if not decisions and not events:
            await self.writes.schedule(feed.url, taken.validators, next_at, defer)
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
            taken.validators,
            next_at,
            now,
        )
        if defer is not None and decisions:
            first = min((d.entry.published or FAR for d in decisions), default=FAR)
            defer.append(PendingWrite((first, feed.url), commit=commit))
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
                "article page retries not recorded", error=one_line(exc)
            )
