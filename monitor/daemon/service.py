"""`monitor run`: the scheduler, the working loop, signals, sd_notify and the health answers.

Jobs live in APScheduler's in-memory job store and are rebuilt from code on every start: the
database holds all durable state (each feed's `next_poll_at`, projection checkpoints, the alert
outbox), so no job store is ever shared between processes (APScheduler's FAQ: "you can't").

Scale-out (docs/SPEC.md §9) rests on PostgreSQL alone: due feeds are leased (`store.leases`), each
projection runs where its advisory lock is held (`store.locks`), deliveries are claimed by
the deliverer, and appends wake projectors through LISTEN/NOTIFY. On SQLite the same code
runs in the one daemon a database file allows.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Awaitable, Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.exc import SQLAlchemyError

from monitor import config as config_mod
from monitor.alerts.deliverer import DeliverySummary, deliver_due
from monitor.clock import utcnow
from monitor.daemon.bootstrap import App, build_channels
from monitor.daemon.cycle import fetch_settings, sync_declared, worker_name
from monitor.daemon.health import (
    LAG_LIMIT_SECONDS,
    Lag,
    Readiness,
    WriteHealth,
    projection_lags,
    readiness,
    worst_lag,
)
from monitor.daemon.loopwatch import LoopWatch, in_thread
from monitor.daemon.notify import Notifier, watchdog_interval
from monitor.events import FigureTracked, FigureUntracked
from monitor.logging import get_logger
from monitor.polling.fetcher import Fetcher, FetchSettings
from monitor.polling.poller import FeedToPoll, Poller, PollReport, claim_due_feeds
from monitor.projections.figures import FiguresProjection
from monitor.projector.runner import ProjectionRunner, bounded_targets, checkpoint_positions
from monitor.store import leases, locks
from monitor.store.db import explain, read_connection
from monitor.web import metrics

log = get_logger("daemon")

# Why these job defaults:
# - misfire_grace_time: APScheduler's default of 1 s silently drops a run that starts late
#   (event loop busy, machine suspended); every job here is idempotent and cheap to run late,
#   so a late run is always better than a skipped one.
# - coalesce: after a stall, run a job once, not once per missed tick (a burst of identical
#   "poll due feeds" runs would only query the same due feeds again).
# - max_instances=1: two concurrent projection or delivery runs would only contend for the
#   same checkpoint or claims; polls themselves run as separate tasks (see Service.poll_due).
JOB_DEFAULTS = {"misfire_grace_time": 120, "coalesce": True, "max_instances": 1}
STATUS_EVERY = 10.0  # STATUS= refresh when systemd asked for no watchdog
LEAVE_WAIT = 1.5  # seconds the shutdown waits to hand back leases and locks


@dataclass(frozen=True)
class ServiceSettings:
    """Cadences and limits of the working loop."""

    poll_tick: float = 5.0  # how often due feeds are looked up (each feed has its own schedule)
    project_tick: float = 1.0  # projections also wake right after every poll that appended
    deliver_tick: float = 5.0  # the first retry of a failed delivery is due after ~5 s
    shutdown_grace: float = 8.0  # in-flight polls get this long on SIGTERM (systemd waits 10 s)
    # Heartbeat, projection lock takeover and renewal of the leases of running polls.
    coordinate_tick: float = 2.0
    # A feed lease outlives several missed renewals; a dead daemon's feeds wait this long.
    lease_seconds: float = 12.0
    forget_after: float = 86400.0  # registry records of daemons silent this long are dropped
    figure_sync_wait: float = 15.0  # see Service._await_figure_definitions
    stall_limit: float = 120.0  # a job without progress this long withholds the watchdog
    lag_limit: float = LAG_LIMIT_SECONDS
    # `monitor run` only: end the process at once after shutdown when worker threads are
    # still blocked (on a write lock held by work being rolled back), instead of joining them.
    exit_when_stuck: bool = False
    stop_deadline: float = 8.5  # seconds from SIGTERM to exit, systemd allowing 10


def _busy_threads() -> list[threading.Thread]:
    """Non-daemon threads other than this one that are running work (idle pool workers
    block in their queue and are ended by the executor's own shutdown)."""
    me = threading.current_thread()
    return [t for t in threading.enumerate() if t is not me and not t.daemon and _working(t)]


def _working(thread: threading.Thread) -> bool:
    names: list[str] = []  # innermost call first
    frame = sys._current_frames().get(thread.ident or -1)
    while frame is not None:
        names.append(frame.f_code.co_name)
        frame = frame.f_back
    if "_worker" in names:  # a concurrent.futures worker: busy when inside WorkItem.run
        at = names.index("_worker")
        return at > 0 and names[at - 1] == "run"
    return thread.is_alive()


def _ago(moment: float | None) -> str:
    return "never" if moment is None else f"{time.monotonic() - moment:.0f}s ago"


class Service:
    """The daemon: build it on an open App, then `await service.run()` until a signal stops it."""

    def __init__(
        self,
        app: App,
        *,
        config_path: str | None = None,
        settings: ServiceSettings = ServiceSettings(),
        notifier: Notifier | None = None,
    ) -> None:
        self.app = app
        self.config_path = config_path
        self.settings = settings
        self.notifier = notifier or Notifier.from_environ()
        self.counters = metrics.Counters()
        self.worker = worker_name()
        self.started_at = time.time()
        self._scheduler: Any = None
        self._fetcher: Fetcher | None = None
        self._fetch_settings: FetchSettings | None = None
        self._in_flight: dict[str, asyncio.Task[None]] = {}
        self._cooldown: dict[str, float] = {}
        self._busy: dict[str, float] = {}  # job → monotonic time of its last progress
        self._job_tasks: set[asyncio.Task[Any]] = set()
        self._background_tasks: set[asyncio.Task[Any]] = set()
        self._stop = asyncio.Event()
        # Read by worker threads (projection batches), hence a threading.Event.
        self._stopping = threading.Event()
        self._project_again = False
        self._reload_lock = asyncio.Lock()
        self._last_poll_at: float | None = None
        self._last_projection_at: float | None = None
        self._ping_pool = ThreadPoolExecutor(1, thread_name_prefix="db-ping")
        # Lease renewals must not queue behind busy poll threads in the default executor.
        self._coordinate_pool = ThreadPoolExecutor(1, thread_name_prefix="coordinate")
        self._identity = leases.ProcessInfo(
            id=self.worker,
            host=socket.gethostname(),
            pid=os.getpid(),
            started_at=datetime.now(UTC),
        )
        self._locks: locks.ProjectorLocks | None = None
        self._daemon_lock: leases.SingleDaemonLock | None = None
        self._listener: asyncio.Task[None] | None = None
        self.loop_watch = LoopWatch()
        self._stop_requested_at: float | None = None
        self.writes = WriteHealth()  # /readyz fails while any write path fails

    # --- lifecycle ----------------------------------------------------------------

    async def run(self) -> int:
        """Start everything, send READY=1, work until SIGTERM/SIGINT, shut down; exit status."""
        # First of all: a second daemon on one SQLite file must not touch it (StoreError: exit 1).
        self._daemon_lock = leases.SingleDaemonLock.acquire(self.app.engine)
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, self.request_stop, sig.name)
        loop.add_signal_handler(signal.SIGHUP, self._on_sighup)
        self.loop_watch.start()
        await asyncio.to_thread(self._join)
        await asyncio.to_thread(self._sync_declared)
        await self._open_fetcher()
        self._scheduler = AsyncIOScheduler(job_defaults=JOB_DEFAULTS, timezone=UTC)
        self._add_jobs()
        self._scheduler.start()
        self._listener = asyncio.create_task(
            locks.listen_for_appends(self.app.engine, functools.partial(self.wake, "project"))
        )
        self.notifier.ready(self.status_line())
        log.info(
            "daemon started",
            worker=self.worker,
            projections=sorted(self.owned_projections()),
            feeds=len(self.app.config.feeds),
            notify=self.notifier.enabled,
        )
        await self._stop.wait()
        await self._shutdown()
        if self.settings.exit_when_stuck:
            self._exit_if_stuck(0)
        return 0

    def _exit_if_stuck(self, code: int) -> None:
        """Leave now if non-daemon threads (executor workers) are still busy near the deadline.

        Their transactions are uncommitted, so ending the process rolls them back, exactly as
        after kill -9; joining them could outlast systemd's stop timeout.
        """
        deadline = (self._stop_requested_at or time.monotonic()) + self.settings.stop_deadline
        while time.monotonic() < deadline:
            if not _busy_threads():
                return
            time.sleep(0.05)
        log.warning("exiting with worker threads still blocked", threads=len(_busy_threads()))
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)

    def request_stop(self, why: str = "stop") -> None:
        """Stop taking work (SIGTERM/SIGINT); `run` then finishes what is in flight and returns."""
        if not self._stop.is_set():
            self._stop_requested_at = time.monotonic()
            log.info("shutting down", signal=why, polls_in_flight=len(self._in_flight))
            self._stopping.set()
            self._stop.set()

    async def _shutdown(self) -> None:
        self.notifier.stopping(f"stopping: {len(self._in_flight)} polls in flight")
        if self._scheduler is not None and self._scheduler.running:
            self._scheduler.shutdown(wait=False)
        pending = [*self._in_flight.values(), *self._job_tasks]
        if pending:
            # Each feed's write is one transaction, so a poll cancelled after the grace
            # period has committed nothing and is simply polled again after the restart.
            _, late = await asyncio.wait(pending, timeout=self.settings.shutdown_grace)
            for task in late:
                task.cancel()
            await asyncio.gather(*late, return_exceptions=True)
            if late:
                log.warning("cancelled unfinished work", tasks=len(late))
        if self._listener is not None:
            self._listener.cancel()
            await asyncio.gather(self._listener, return_exceptions=True)
        if self._fetcher is not None:
            await self._fetcher.__aexit__(None, None, None)
        self._ping_pool.shutdown(wait=False, cancel_futures=True)
        self._coordinate_pool.shutdown(wait=False, cancel_futures=True)
        try:
            # Bounded: a write lock still held by work being rolled back must not keep the
            # process past systemd's stop timeout (leases and locks expire by themselves).
            await asyncio.wait_for(in_thread("leave", self._leave), LEAVE_WAIT)
        except TimeoutError:
            log.warning("leases not released in time; they expire on their own")
        self.loop_watch.stop()
        log.info("stopped")

    # --- membership (scale-out) ---------------------------------------------------

    def _join(self) -> None:
        """Register this daemon and take whatever projection locks are free."""
        engine = self.app.engine
        self._locks = locks.ProjectorLocks(engine, [p.name for p in self.app.projections])
        now = datetime.now(UTC)
        leases.forget_silent_processes(engine, now - timedelta(seconds=self.settings.forget_after))
        # Leases under our id are a dead predecessor's (a reused pid); on SQLite every lease
        # is, since this is the only daemon the file allows.
        leases.release_leases(engine, None if self._daemon_lock else self.worker)
        self._locks.refresh()
        leases.record_process(
            engine, self._identity, now, self._locks.held, self._locks.backend_pid
        )

    def _leave(self) -> None:
        """Hand everything back at once (a killed daemon's leases and locks expire instead)."""
        try:
            leases.release_leases(self.app.engine, self.worker)
            leases.unregister_process(self.app.engine, self.worker)
        except SQLAlchemyError:
            log.warning("could not release leases; they expire on their own", exc_info=True)
        if self._locks is not None:
            self._locks.close()
        if self._daemon_lock is not None:
            self._daemon_lock.release()

    def _sync_declared(self, *, drive: bool = True) -> None:
        # Daemons starting together would each append the config's feeds: one at a time.
        with locks.exclusive(self.app.engine, "config-sync"):
            self._await_figure_definitions(drive=drive)
            sync_declared(self.app)

    def _await_figure_definitions(self, *, drive: bool) -> None:
        """Let the figures projection fold FigureTracked/FigureUntracked events already in the log.

        `sync_figures` compares the config with the figures read model; a peer that synced
        just before us may have recorded the same definitions in the log only, and each
        daemon would record them again. Bounded: a stuck projection delays start, no more.
        With `drive`, this process runs the projections it holds meanwhile (at start, before
        its project job exists).
        """
        deadline = time.monotonic() + self.settings.figure_sync_wait
        while self._unfolded_figure_definitions() and time.monotonic() < deadline:
            if drive:
                self._project_all()
            time.sleep(0.1)

    def _unfolded_figure_definitions(self) -> int:
        with self.app.engine.connect() as conn:
            folded = checkpoint_positions(conn, [FiguresProjection.name])[FiguresProjection.name]
            types = [FigureTracked.TYPE, FigureUntracked.TYPE]
            return self.app.log.backlog(folded, conn, types=types).events

    def owned_projections(self) -> frozenset[str]:
        """The projections this process runs (all of them when no locks are in play)."""
        if self._locks is None:
            return frozenset(p.name for p in self.app.projections)
        return self._locks.held

    async def coordinate(self) -> None:
        """Heartbeat, take over free projections, renew the leases of running polls."""
        loop = asyncio.get_running_loop()
        polling = list(self._in_flight)
        try:
            taken = await loop.run_in_executor(self._coordinate_pool, self._coordinate, polling)
        except SQLAlchemyError as exc:
            # Every 2 s a small write: its failure is what /readyz reports (read-only file,
            # server gone); the pool has discarded the failed connections.
            self._write_failed("coordination", exc)
            return
        self._write_succeeded("coordination")
        if taken:
            log.info("projections taken over", projections=sorted(taken))
            self.wake("project")

    def _write_failed(self, path: str, exc: BaseException) -> None:
        error = str(explain(self.app.engine, exc)) if isinstance(exc, SQLAlchemyError) else str(exc)
        if self.writes.failed(path, error):
            log.error("database writes failing; not ready", path=path, error=error)

    def _write_succeeded(self, path: str) -> None:
        was = self.writes.succeeded(path)
        if was is not None:
            log.info("database writes succeed again", path=path, was=was)

    def _coordinate(self, polling: list[str]) -> frozenset[str]:
        assert self._locks is not None
        taken = self._locks.refresh()
        now = datetime.now(UTC)
        leases.record_process(
            self.app.engine, self._identity, now, self._locks.held, self._locks.backend_pid
        )
        until = now + timedelta(seconds=self.settings.lease_seconds)
        leases.renew_leases(self.app.engine, self.worker, polling, until)
        return taken

    # --- scheduling ---------------------------------------------------------------

    def _add_jobs(self) -> None:
        s = self.settings
        now = datetime.now(UTC)
        beat = watchdog_interval() or STATUS_EVERY
        jobs: list[tuple[str, Callable[[], Awaitable[None]], float, float]] = [
            ("poll", self.poll_due, s.poll_tick, s.poll_tick * 0.2),
            ("project", self.project, s.project_tick, 0.0),
            ("deliver", self.deliver, s.deliver_tick, s.deliver_tick * 0.2),
            ("heartbeat", self.heartbeat, beat, 0.0),
            ("coordinate", self.coordinate, s.coordinate_tick, 0.0),
        ]
        for job_id, func, every, jitter in jobs:
            self._scheduler.add_job(
                self._tracked(job_id, func),
                IntervalTrigger(seconds=every, jitter=jitter or None),
                id=job_id,
                name=job_id,
                next_run_time=now,
            )

    def _tracked(
        self, job_id: str, func: Callable[[], Awaitable[None]]
    ) -> Callable[[], Awaitable[None]]:
        """Wrap a job: remember its task (for shutdown) and when it last made progress."""

        async def job() -> None:
            if self._stopping.is_set():
                return
            task = asyncio.current_task()
            assert task is not None
            self._job_tasks.add(task)
            self._busy[job_id] = time.monotonic()
            try:
                await func()
            except asyncio.CancelledError:
                if self._stopping.is_set():
                    return  # cancelled by the shutdown, which logs what it cancelled
                raise
            except Exception:
                log.exception("job failed", job=job_id)
            finally:
                self._busy.pop(job_id, None)
                self._job_tasks.discard(task)

        return job

    def wake(self, job_id: str) -> None:
        """Run a job now instead of at its next tick (a running job reruns when it ends)."""
        if self._stopping.is_set() or self._scheduler is None:
            return
        if job_id == "project" and "project" in self._busy:
            self._project_again = True
            return
        if job_id not in self._busy:
            self._scheduler.modify_job(job_id, next_run_time=datetime.now(UTC))

    # --- polling ------------------------------------------------------------------

    async def _open_fetcher(self) -> None:
        settings = fetch_settings(self.app)
        if settings == self._fetch_settings and self._fetcher is not None:
            return
        old, old_polls = self._fetcher, list(self._in_flight.values())
        self._fetcher = await Fetcher(settings).__aenter__()
        self._fetch_settings = settings
        if old is not None:
            # Polls started with the old client keep it until they finish.
            self._background(self._close_after(old, old_polls))

    @staticmethod
    async def _close_after(fetcher: Fetcher, polls: list[asyncio.Task[None]]) -> None:
        await asyncio.gather(*polls, return_exceptions=True)
        await fetcher.__aexit__(None, None, None)

    async def poll_due(self) -> None:
        """Lease due feeds (as many as there is room for) and start a poll task for each."""
        config = self.app.config
        request = leases.ClaimRequest(
            owner=self.worker,
            now=utcnow(),
            limit=config.polling.concurrency - len(self._in_flight),
            lease_seconds=self.settings.lease_seconds,
            per_host=config.polling.per_host,
        )
        feeds = await asyncio.to_thread(
            claim_due_feeds, self.app.engine, request, default_interval=config.polling.interval
        )
        now = time.monotonic()
        for feed in feeds:
            if self._stopping.is_set():
                return
            if feed.url in self._in_flight or self._cooldown.get(feed.url, 0.0) > now:
                continue
            task = asyncio.create_task(self._poll_one(feed), name=f"poll {feed.url}")
            self._in_flight[feed.url] = task
            task.add_done_callback(functools.partial(self._forget, feed.url))

    def _forget(self, url: str, _task: asyncio.Task[None]) -> None:
        self._in_flight.pop(url, None)

    async def _poll_one(self, feed: FeedToPoll) -> None:
        assert self._fetcher is not None
        poller = Poller(
            self.app.engine,
            self.app.log,
            self._fetcher,
            full_text=self.app.config.polling.full_text,
            max_new=self.app.config.polling.max_entries_per_poll,
        )
        try:
            report = await poller.poll(feed)
        except asyncio.CancelledError:
            raise
        except Exception:
            # A bug or a database error, not the feed's fault: its schedule did not move, so
            # keep it from being retried on every tick (its lease, left to expire, keeps the
            # other daemons off it meanwhile).
            self._cooldown[feed.url] = time.monotonic() + max(60.0, self.settings.poll_tick)
            log.exception("poll crashed", feed=feed.url)
            return
        if report.outcome == "unrecorded":
            # Its write failed (the poller recorded nothing): a database fault, not the feed's.
            self._write_failed("polls", RuntimeError(report.error or "write failed"))
            self._cooldown[feed.url] = time.monotonic() + max(60.0, self.settings.poll_tick)
            return
        self._write_succeeded("polls")
        # The feed's next poll time is written: the lease has done its work.
        await asyncio.to_thread(leases.release_leases, self.app.engine, self.worker, [feed.url])
        self._count(report)
        self._last_poll_at = time.monotonic()
        self.wake("project")

    def _count(self, report: PollReport) -> None:
        self.counters.inc("monitor_polls_total", outcome=report.outcome)
        if report.reason and report.outcome in ("failed", "gone"):
            self.counters.inc("monitor_poll_failures_total", reason=report.reason)

    @property
    def polls_in_flight(self) -> int:
        """Polls currently running."""
        return len(self._in_flight)

    # --- projections and delivery -------------------------------------------------

    async def project(self) -> None:
        """Bring every registered projection up to the head of the log; rerun if woken meanwhile."""
        while True:
            self._project_again = False
            try:
                # A daemon thread: a shutdown never waits for a batch (it is rolled back).
                applied = await in_thread("project", self._project_all)
            except Exception as exc:
                self.counters.inc("monitor_projection_runs_total", result="error")
                if isinstance(exc, SQLAlchemyError):
                    self._write_failed("projections", exc)
                    return  # retried on the next tick; /readyz says why meanwhile
                raise
            self._write_succeeded("projections")  # each run writes its checkpoints at least
            self.counters.inc("monitor_projection_runs_total", result="ok")
            self._last_projection_at = time.monotonic()
            if applied:
                self.wake("deliver")
            if not self._project_again or self._stopping.is_set():
                return

    def _project_all(self) -> int:
        """Run the projections this process holds, batch by batch (each one transaction),
        stopping between batches on shutdown.

        One target for all (the head as it is now), lowered to the checkpoint of every earlier
        projection, wherever that one runs: later projections read earlier ones' tables.
        """
        app = self.app
        owned = self.owned_projections()
        if not owned:
            return 0
        order = [p.name for p in app.projections]
        head = app.log.head()
        with app.engine.connect() as conn:
            positions = checkpoint_positions(conn, order)
        applied = 0
        for name, target in bounded_targets(order, owned, head, positions):
            runner = ProjectionRunner(
                app.engine,
                app.log,
                app.projection(name),
                stop=self._stopping.is_set,
                tick=self._projection_progress,
            )
            applied += self._catch_up(runner, target)
            positions[name] = runner.position()
        return applied

    def _projection_progress(self) -> None:
        self._busy["project"] = time.monotonic()

    def _catch_up(self, runner: ProjectionRunner, target: int) -> int:
        applied = 0
        while not self._stopping.is_set():
            done = runner.run_once(target)
            applied += done
            self._busy["project"] = time.monotonic()
            if done < runner.batch_size and not runner.cut_short:
                break
        return applied

    async def deliver(self) -> None:
        """Schedule new alerts on every channel and attempt the deliveries that are due."""
        app, worker = self.app, self.worker
        # Delivery reads and writes the database between sends: it runs on its own loop in a
        # daemon thread, so waiting for the SQLite write lock never blocks this loop.
        summary: DeliverySummary = await in_thread(
            "deliver", lambda: asyncio.run(deliver_due(app, worker_id=worker))
        )
        for result in ("delivered", "retrying", "failed", "dead", "superseded"):
            amount = getattr(summary, result)
            if amount:
                self.counters.inc("monitor_deliveries_total", amount, result=result)
        if summary.attempted:
            log.info("deliveries attempted", **dataclasses.asdict(summary))

    # --- liveness -----------------------------------------------------------------

    def database_answers(self) -> bool:
        """A cheap read that touches the database file (not `SELECT 1`, which SQLite answers
        without it); a raw connection so SQLite takes no write lock for it."""
        try:
            raw = self.app.engine.raw_connection()
        except SQLAlchemyError:
            return False
        try:
            cursor = raw.cursor()
            cursor.execute("SELECT max(position) FROM events")
            cursor.fetchall()
            cursor.close()
        except Exception:
            return False
        finally:
            raw.close()
        return True

    def stalled_jobs(self) -> list[str]:
        """Jobs running without progress for longer than the stall limit."""
        limit = time.monotonic() - self.settings.stall_limit
        return sorted(job for job, mark in dict(self._busy).items() if mark < limit)

    async def heartbeat(self) -> None:
        """WATCHDOG=1 (and STATUS=) only when the database answers and no job is stuck."""
        loop = asyncio.get_running_loop()
        db_ok = await loop.run_in_executor(self._ping_pool, self.database_answers)
        stalled = self.stalled_jobs()
        status = self.status_line()
        if db_ok and not stalled and self.loop_watch.healthy():
            if watchdog_interval() is not None:
                self.notifier.watchdog(status)
            else:
                self.notifier.status(status)
            return
        log.warning(
            "watchdog withheld", database=db_ok, stalled=stalled, loop=self.loop_watch.healthy()
        )
        self.notifier.status(f"unhealthy: database {'ok' if db_ok else 'unreachable'}")

    def status_line(self) -> str:
        """One short line for `systemctl status`."""
        polls = sum(s.value for s in self.counters.samples("monitor_polls_total"))
        delivered = self.counters.value("monitor_deliveries_total", result="delivered")
        return (
            f"{len(self.app.config.feeds)} feeds configured, {len(self._in_flight)} polling, "
            f"{polls:.0f} polls, last poll {_ago(self._last_poll_at)}, "
            f"last projection {_ago(self._last_projection_at)}, {delivered:.0f} alerts delivered"
        )

    # --- health endpoints (called from the web server's threads) ------------------

    def _lags(self) -> list[Lag]:
        names = [p.name for p in self.app.projections]
        with read_connection(self.app.engine) as conn:
            return projection_lags(conn, names, datetime.now(UTC))

    def readiness(self) -> Readiness:
        """Database reachable, scheduler running, projections not lagging beyond the limit."""
        running = bool(self._scheduler is not None and self._scheduler.running)
        try:
            lags, db_ok = self._lags(), True
        except SQLAlchemyError:
            lags, db_ok = [], False
        if self._stopping.is_set():
            running = False
        return readiness(
            database=db_ok,
            scheduler=running,
            lags=lags,
            limit=self.settings.lag_limit,
            write_error=self.writes.error(),
        )

    def metrics_text(self) -> str:
        """Process counters, database-derived figures and projection lag (Prometheus text)."""
        families = metrics.process_families(self.counters)
        db_up = 1.0
        try:
            with self.app.engine.connect() as conn:
                families += metrics.database_families(conn)
                lags = projection_lags(
                    conn, [p.name for p in self.app.projections], datetime.now(UTC)
                )
            families += metrics.lag_families(lags)
        except SQLAlchemyError:
            db_up = 0.0
        worst = worst_lag(lags) if db_up else None
        families += metrics.gauge_families(
            {
                "monitor_up": (db_up, "1 when the database answered this scrape."),
                "monitor_polls_in_flight": (float(len(self._in_flight)), "Polls running now."),
                "monitor_projections_owned": (
                    float(len(self.owned_projections())),
                    "Projections this process runs (holds the lock of).",
                ),
                "monitor_projection_max_lag_seconds": (
                    worst.seconds if worst else 0.0,
                    "The largest projection lag, in seconds.",
                ),
                "monitor_start_time_seconds": (self.started_at, "Unix time the daemon started."),
            }
        )
        return metrics.render(families)

    # --- reload -------------------------------------------------------------------

    def _on_sighup(self) -> None:
        if not self._stopping.is_set():
            self._background(self.reload())

    def _background(self, coro: Coroutine[Any, Any, Any]) -> None:
        # The loop keeps only weak references to tasks: hold them until they finish.
        task = asyncio.create_task(coro)
        self._background_tasks.add(task)
        task.add_done_callback(self._background_tasks.discard)

    async def reload(self) -> bool:
        """Re-read the config; a bad one is logged and the running one kept. True on success."""
        async with self._reload_lock:
            self.notifier.reloading("reloading configuration")
            try:
                new, source = self._load_new_config()
            except config_mod.ConfigError as exc:
                log.error("new configuration rejected; keeping the running one", error=str(exc))
                self.notifier.ready(self.status_line())
                return False
            # A fresh App shares engine and log; projections and channels are rebuilt lazily
            # from the new config (figures, channels), the old App finishes what it runs.
            self.app = dataclasses.replace(self.app, config=new, _projections=[], source=source)
            await self._open_fetcher()
            try:
                await asyncio.to_thread(self._sync_declared, drive=False)
            except Exception:
                log.exception("could not apply the new feed list; will retry on next reload")
            self.wake("poll")
            self.wake("project")
            log.info("configuration reloaded", feeds=len(new.feeds), figures=len(new.figures))
            self.notifier.ready(self.status_line())
            return True

    def _load_new_config(self) -> tuple[config_mod.Config, str | None]:
        new, path = config_mod.load(self.config_path)
        old = self.app.config
        if new.database_url != old.database_url:
            raise config_mod.ConfigError(
                "database_url", "********", "cannot change while running; restart instead"
            )
        if new.web.listen != old.web.listen:
            log.warning("web.listen changes take effect on restart", listen=old.web.listen)
        build_channels(new)  # raises ConfigError naming the bad channel
        return new, config_mod.source_of(path)
