"""`monitor run`: the scheduler, the working loop, signals, sd_notify and the health endpoints.

Jobs live in APScheduler's in-memory job store and are rebuilt from code on every start: the
database holds all durable state (each feed's `next_poll_at`, projection checkpoints, the alert
outbox), so no job store is ever shared between processes (APScheduler's FAQ: "you can't").
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import signal
import threading
import time
from collections.abc import Awaitable, Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.exc import SQLAlchemyError

from monitor import config as config_mod
from monitor.alerts.deliverer import DeliverySummary, deliver_due
from monitor.daemon.bootstrap import App, build_channels
from monitor.daemon.cycle import fetch_settings, sync_declared, worker_name
from monitor.daemon.health import (
    LAG_LIMIT_SECONDS,
    Lag,
    Readiness,
    projection_lags,
    readiness,
    worst_lag,
)
from monitor.daemon.notify import Notifier, watchdog_interval
from monitor.logging import get_logger
from monitor.polling.fetcher import Fetcher, FetchSettings
from monitor.polling.poller import FeedToPoll, Poller, PollReport, due_feeds, utcnow
from monitor.web import metrics
from monitor.web.server import Router, WebServer, add_health_routes

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


@dataclass(frozen=True)
class ServiceSettings:
    """Cadences and limits of the working loop."""

    poll_tick: float = 5.0  # how often due feeds are looked up (each feed has its own schedule)
    project_tick: float = 1.0  # projections also wake right after every poll that appended
    deliver_tick: float = 5.0  # the first retry of a failed delivery is due after ~5 s
    shutdown_grace: float = 8.0  # in-flight polls get this long on SIGTERM (systemd waits 10 s)
    stall_limit: float = 120.0  # a job without progress this long withholds the watchdog
    lag_limit: float = LAG_LIMIT_SECONDS


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
        self._web: WebServer | None = None
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

    # --- lifecycle ----------------------------------------------------------------

    async def run(self) -> int:
        """Start everything, send READY=1, work until SIGTERM/SIGINT, shut down; exit status."""
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, self.request_stop, sig.name)
        loop.add_signal_handler(signal.SIGHUP, self._on_sighup)
        await asyncio.to_thread(sync_declared, self.app)
        await self._open_fetcher()
        self._scheduler = AsyncIOScheduler(job_defaults=JOB_DEFAULTS, timezone=UTC)
        self._add_jobs()
        self._scheduler.start()
        self._web = self._start_web()
        self.notifier.ready(self.status_line())
        log.info(
            "daemon started",
            worker=self.worker,
            feeds=len(self.app.config.feeds),
            web=self._web.url if self._web else None,
            notify=self.notifier.enabled,
        )
        await self._stop.wait()
        await self._shutdown()
        return 0

    def request_stop(self, why: str = "stop") -> None:
        """Stop taking work (SIGTERM/SIGINT); `run` then finishes what is in flight and returns."""
        if not self._stop.is_set():
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
        if self._fetcher is not None:
            await self._fetcher.__aexit__(None, None, None)
        if self._web is not None:
            self._web.stop()
        self._ping_pool.shutdown(wait=False, cancel_futures=True)
        log.info("stopped")

    def _start_web(self) -> WebServer | None:
        listen = self.app.config.web.listen
        if not listen:
            return None
        router = Router()
        add_health_routes(router, self)
        return WebServer(router, listen).start()

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
        """Start a poll task for every due feed not already in flight (or cooling down)."""
        config = self.app.config
        feeds = await asyncio.to_thread(
            due_feeds, self.app.engine, utcnow(), default_interval=config.polling.interval
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
        )
        try:
            report = await poller.poll(feed)
        except asyncio.CancelledError:
            raise
        except Exception:
            # A bug or a database error, not the feed's fault: its schedule did not move, so
            # keep it from being retried on every tick.
            self._cooldown[feed.url] = time.monotonic() + max(60.0, self.settings.poll_tick)
            log.exception("poll crashed", feed=feed.url)
            return
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
                applied = await asyncio.to_thread(self._project_all)
            except Exception:
                self.counters.inc("monitor_projection_runs_total", result="error")
                raise
            self.counters.inc("monitor_projection_runs_total", result="ok")
            self._last_projection_at = time.monotonic()
            if applied:
                self.wake("deliver")
            if not self._project_again or self._stopping.is_set():
                return

    def _project_all(self) -> int:
        """Batch by batch (each one transaction), stopping between batches on shutdown."""
        applied = 0
        app = self.app
        head = app.log.head()  # one target for all: later projections read earlier ones' tables
        for projection in app.projections:
            runner = app.runner(projection)
            while not self._stopping.is_set():
                done = runner.run_once(head)
                applied += done
                self._busy["project"] = time.monotonic()
                if done < runner.batch_size:
                    break
        return applied

    async def deliver(self) -> None:
        """Schedule new alerts on every channel and attempt the deliveries that are due."""
        summary: DeliverySummary = await deliver_due(self.app, worker_id=self.worker)
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
        if db_ok and not stalled:
            if watchdog_interval() is not None:
                self.notifier.watchdog(status)
            else:
                self.notifier.status(status)
            return
        log.warning("watchdog withheld", database=db_ok, stalled=stalled)
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
        with self.app.engine.connect() as conn:
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
            database=db_ok, scheduler=running, lags=lags, limit=self.settings.lag_limit
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
                new = self._load_new_config()
            except config_mod.ConfigError as exc:
                log.error("new configuration rejected; keeping the running one", error=str(exc))
                self.notifier.ready(self.status_line())
                return False
            # A fresh App shares engine and log; projections and channels are rebuilt lazily
            # from the new config (figures, channels), the old App finishes what it runs.
            self.app = dataclasses.replace(self.app, config=new, _projections=[])
            await self._open_fetcher()
            try:
                await asyncio.to_thread(sync_declared, self.app)
            except Exception:
                log.exception("could not apply the new feed list; will retry on next reload")
            self.wake("poll")
            self.wake("project")
            log.info("configuration reloaded", feeds=len(new.feeds), figures=len(new.figures))
            self.notifier.ready(self.status_line())
            return True

    def _load_new_config(self) -> config_mod.Config:
        new, _ = config_mod.load(self.config_path)
        old = self.app.config
        if new.database_url != old.database_url:
            raise config_mod.ConfigError(
                "database_url", "********", "cannot change while running; restart instead"
            )
        if new.web.listen != old.web.listen:
            log.warning("web.listen changes take effect on restart", listen=old.web.listen)
        build_channels(new)  # raises ConfigError naming the bad channel
        return new
