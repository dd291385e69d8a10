"""Poll workers: keep up to `concurrency` polls in flight, claiming the next due feed as
soon as one ends.

`per_host` and `concurrency` limit polls *in flight* (docs/SPEC.md §3), across every daemon
on the database: when a poll ends, its lease is handed back and the next due feed claimed in
one transaction, at once — not at the next tick. The loop otherwise sleeps until the next
feed falls due, a reload, or `poll_tick` at the latest (other daemons' polls ending are seen
within `busy_host_retry` while a host is full). Article pages hold host slots of their own
(`HostSlots`), so they count toward `per_host` across processes as well.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import time
from collections.abc import Callable

from monitor.clock import utcnow
from monitor.daemon.ahead import features_along
from monitor.daemon.app import App
from monitor.daemon.cycle import fetch_settings
from monitor.daemon.state import DaemonState
from monitor.logging import get_logger
from monitor.polling.claims import ClaimRequest, DatabaseClaims, LocalClaims
from monitor.polling.fetcher import Fetcher, FetchSettings
from monitor.polling.poller import FeedToPoll, PageSlots, Poller, PollReport
from monitor.store.dialects import one_daemon

log = get_logger("daemon")
# Outcomes that (for a healthy feed) append nothing: no reason to wake the projections; a
# feed's first quiet poll after a failure is folded on the projection tick.
QUIET = frozenset({"not_modified", "unchanged"})
COALESCE = 0.003  # seconds a wake-up waits for others before claiming


class PollWorkers:
    """The polling part of the daemon: `open`, then `run` until `stop`, then `finish`."""

    @property
    def app(self) -> App:
        """The current App (replaced on reload)."""
        return self.state.app

    def __init__(self, state: DaemonState, *, on_polled: Callable[[], None]) -> None:
        self.state = state
        self.worker = state.worker
        self.settings = state.settings
        self.counters = state.counters
        self.on_polled = on_polled
        self.last_poll_at: float | None = None
        engine, per_host = state.app.engine, state.app.config.polling.per_host
        self.claims: LocalClaims | DatabaseClaims
        if one_daemon(engine):  # one daemon per file (SingleDaemonLock): counts in memory
            self.claims = LocalClaims(engine, per_host)
        else:
            self.claims = DatabaseClaims(
                engine, state.worker, per_host, state.settings.lease_seconds
            )
        self._fetcher: Fetcher | None = None
        self._fetch_settings: FetchSettings | None = None
        self._in_flight: dict[str, asyncio.Task[None]] = {}
        self._finished: list[str] = []  # leases to hand back with the next claim
        self._fetched: list[str] = []  # polls whose requests are done (slots to give back)
        self._cooldown: dict[str, float] = {}
        self._wake = asyncio.Event()
        self._stop = asyncio.Event()
        self._old: set[asyncio.Task[None]] = set()
        self._refreshed = 0.0

    @property
    def page_slots(self) -> PageSlots:
        """Request slots for article pages (counted with feed fetches per host)."""
        return self.claims if isinstance(self.claims, LocalClaims) else self.claims.slots

    def renew_slots(self) -> None:
        """Extend the host slots held (the coordination thread)."""
        self.claims.renew()

    @property
    def in_flight(self) -> list[str]:
        """URLs of the polls running now."""
        return list(self._in_flight)

    def wake(self) -> None:
        """Look for due feeds now (a reload, a feed added)."""
        self._wake.set()

    async def open(self) -> None:
        """Open (or, after a reload that changed the [polling] settings, replace) the fetcher."""
        self.claims.per_host = self.app.config.polling.per_host
        settings = fetch_settings(self.app)
        if settings == self._fetch_settings and self._fetcher is not None:
            return
        old, old_polls = self._fetcher, list(self._in_flight.values())
        self._fetcher = await Fetcher(settings).__aenter__()
        self._fetch_settings = settings
        if old is not None:
            # Polls started with the old client keep it until they finish.
            task = asyncio.create_task(self._close_after(old, old_polls))
            self._old.add(task)
            task.add_done_callback(self._old.discard)

    @staticmethod
    async def _close_after(fetcher: Fetcher, polls: list[asyncio.Task[None]]) -> None:
        await asyncio.gather(*polls, return_exceptions=True)
        await fetcher.__aexit__(None, None, None)

    async def run(self) -> None:
        """Claim and start polls until `stop`."""
        while not self._stop.is_set():
            self._wake.clear()
            delay = await self._claim_and_start()
            if self._stop.is_set():
                return
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=max(delay, 0.0))
            # A quiet poll's fetch and its end come within milliseconds: one claim for both.
            await asyncio.sleep(COALESCE)

    def stop(self) -> None:
        """Start no more polls (those in flight go on until `finish`)."""
        self._stop.set()
        self._wake.set()

    async def finish(self, grace: float) -> int:
        """Wait up to `grace` s for the polls in flight, cancel the rest; how many were cancelled."""
        pending = list(self._in_flight.values())
        late: set[asyncio.Task[None]] = set()
        if pending:
            # Each feed's write is one transaction, so a poll cancelled after the grace
            # period has committed nothing and is simply polled again after the restart.
            _, late = await asyncio.wait(pending, timeout=grace)
            for task in late:
                task.cancel()
            await asyncio.gather(*late, return_exceptions=True)
        if self._fetcher is not None:
            await self._fetcher.__aexit__(None, None, None)
            self._fetcher = None
        return len(late)

    async def _claim_and_start(self) -> float:
        """One claim (handing back finished leases); seconds until the next look."""
        s, config = self.settings, self.app.config
        tick = s.poll_tick
        release, self._finished = self._finished, []
        fetched, self._fetched = self._fetched, []
        now_mono = time.monotonic()
        refresh = now_mono - self._refreshed >= tick
        request = ClaimRequest(
            owner=self.worker,
            now=utcnow(),
            limit=config.polling.concurrency - len(self._in_flight),
            lease_seconds=s.lease_seconds,
            per_host=config.polling.per_host,
            release=tuple(release),
            fetched=tuple(fetched),
        )
        self.state.progress("poll")
        try:
            claimed = await asyncio.to_thread(
                self.claims.claim,
                request,
                default_interval=config.polling.interval,
                refresh=refresh,
            )
        except Exception:
            self._finished = [*release, *self._finished]  # handed back on the next try
            self._fetched = [*fetched, *self._fetched]
            log.exception("could not claim due feeds")
            return tick
        finally:
            self.state.busy.pop("poll", None)
        if refresh:
            self._refreshed = now_mono
        for feed in claimed.feeds:
            self._start(feed, now_mono)
        if request.limit - len(claimed.feeds) <= 0:
            return tick  # no room: a poll ending wakes the loop
        if claimed.host_full:
            return min(tick, s.busy_host_retry)
        if claimed.next_due_at is not None:
            wait = (claimed.next_due_at - utcnow()).total_seconds()
            return min(tick, max(wait, 0.01))
        return tick

    def _start(self, feed: FeedToPoll, now: float) -> None:
        if feed.url in self._in_flight or self._cooldown.get(feed.url, 0.0) > now:
            return
        task = asyncio.create_task(self._poll_one(feed), name=f"poll {feed.url}")
        self._in_flight[feed.url] = task
        task.add_done_callback(functools.partial(self._done, feed.url))

    def _fetch_done(self, url: str) -> None:
        self._fetched.append(url)
        self._wake.set()

    def _done(self, url: str, task: asyncio.Task[None]) -> None:
        was_full = len(self._in_flight) >= self.app.config.polling.concurrency
        self._in_flight.pop(url, None)
        if not task.cancelled() and task.exception() is None and url not in self._cooldown:
            # Its request slot went back when its requests ended; the lease (its next poll
            # time is written, so nobody wants the feed) is handed back with the next claim.
            self._finished.append(url)
        if was_full:  # room for one more poll: claim now
            self._wake.set()

    async def _poll_one(self, feed: FeedToPoll) -> None:
        assert self._fetcher is not None
        poller = Poller(
            self.app.engine,
            self.app.log,
            self._fetcher,
            full_text=self.app.config.polling.full_text,
            max_new=self.app.config.polling.max_entries_per_poll,
            slots=self.page_slots,
            on_fetched=functools.partial(self._fetch_done, feed.url),
            parse_in_worker=True,
            along_parse=features_along(self.app.features_ahead),
        )
        self._cooldown.pop(feed.url, None)
        try:
            report = await poller.poll(feed)
        except asyncio.CancelledError:
            raise
        except Exception:
            # A bug or a database error, not the feed's fault: its schedule did not move, so
            # keep it from being retried at once (its lease, left to expire, keeps the
            # other daemons off it meanwhile).
            self._cooldown[feed.url] = time.monotonic() + max(60.0, self.settings.poll_tick)
            log.exception("poll crashed", feed=feed.url)
            return
        if report.outcome == "unrecorded":
            # Its write failed (the poller recorded nothing): a database fault, not the feed's.
            self.state.write_failed("polls", RuntimeError(report.error or "write failed"))
            self._cooldown[feed.url] = time.monotonic() + max(60.0, self.settings.poll_tick)
            return
        self.state.write_succeeded("polls")
        self._count(report)
        self.last_poll_at = time.monotonic()
        if report.outcome not in QUIET:
            self.on_polled()

    def _count(self, report: PollReport) -> None:
        self.counters.inc("monitor_polls_total", outcome=report.outcome)
        if report.reason and report.outcome in ("failed", "gone"):
            self.counters.inc("monitor_poll_failures_total", reason=report.reason)
