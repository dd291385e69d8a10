"""`monitor run`: the scheduler, the working loop, signals, sd_notify and the health endpoints.

Jobs live in APScheduler's in-memory job store and are rebuilt from code on every start: the
database holds all durable state (each feed's `next_poll_at`, projection checkpoints, the alert
outbox), so no job store is ever shared between processes (APScheduler's FAQ: "you can't").

Scale-out (SPEC §9) rests on PostgreSQL alone: due feeds are leased (`store.leases`), each
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
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.exc import SQLAlchemyError

from monitor import config as config_mod
from monitor.alerts.deliverer import DeliverySummary, deliver_due
from monitor.daemon.bootstrap import App, build_channels
from monitor.daemon.cycle import sync_declared, worker_name
from monitor.daemon.health import (
    Lag,
    Readiness,
    projection_lags,
    readiness,
    worst_lag,
)
from monitor.daemon.notify import Notifier, watchdog_interval
from monitor.daemon.polls import PollWorkers
from monitor.daemon.settings import ServiceSettings
from monitor.events import FigureTracked, FigureUntracked
from monitor.logging import get_logger
from monitor.projections.figures import FiguresProjection
from monitor.projections.runner import ProjectionRunner, bounded_targets, checkpoint_positions
from monitor.store import leases, locks
from monitor.store.tables import events
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
DEFAULT_SETTINGS = ServiceSettings()
SWITCH_INTERVAL = 0.001  # seconds (CPython's default: 0.005)
STATUS_EVERY = 10.0  # STATUS= refresh when systemd asked for no watchdog


def _ago(moment: float | None) -> str:
    return "never" if moment is None else f"{time.monotonic() - moment:.0f}s ago"


class Service:
    """The daemon: build it on an open App, then `await service.run()` until a signal stops it."""

    def __init__(
        self,
        app: App,
        *,
        config_path: str | None = None,
        settings: ServiceSettings = DEFAULT_SETTINGS,
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
        self.polls = PollWorkers(
            app,
            self.worker,
            settings,
            self.counters,
            on_polled=functools.partial(self.wake, "project"),
            progress=self._progress,
        )
        self._poll_loop: asyncio.Task[None] | None = None
        self._busy: dict[str, float] = {}  # job → monotonic time of its last progress
        self._job_tasks: set[asyncio.Task[Any]] = set()
        self._background_tasks: set[asyncio.Task[Any]] = set()
        self._stop = asyncio.Event()
        # Read by worker threads (projection batches), hence a threading.Event.
        self._stopping = threading.Event()
        self._project_again = False
        self._reload_lock = asyncio.Lock()
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

    # --- lifecycle ----------------------------------------------------------------

    async def run(self) -> int:
        """Start everything, send READY=1, work until SIGTERM/SIGINT, shut down; exit status."""
        # First of all: a second daemon on one SQLite file must not touch it (StoreError: exit 1).
        self._daemon_lock = leases.SingleDaemonLock.acquire(self.app.engine)
        # Projection batches are CPU-bound threads; a shorter GIL switch interval keeps the
        # event loop's hand-offs (a poll's reply, its next claim) from queueing behind them.
        sys.setswitchinterval(SWITCH_INTERVAL)
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, self.request_stop, sig.name)
        loop.add_signal_handler(signal.SIGHUP, self._on_sighup)
        await asyncio.to_thread(self._join)
        await asyncio.to_thread(self._sync_declared)
        await self.polls.open()
        self._scheduler = AsyncIOScheduler(job_defaults=JOB_DEFAULTS, timezone=UTC)
        self._add_jobs()
        self._scheduler.start()
        self._poll_loop = asyncio.create_task(self.polls.run(), name="poll workers")
        self._web = self._start_web()
        self._listener = asyncio.create_task(
            locks.listen_for_appends(self.app.engine, functools.partial(self.wake, "project"))
        )
        self.notifier.ready(self.status_line())
        log.info(
            "daemon started",
            worker=self.worker,
            projections=sorted(self.owned_projections()),
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
            log.info("shutting down", signal=why, polls_in_flight=self.polls_in_flight)
            self._stopping.set()
            self.polls.stop()
            self._stop.set()

    async def _shutdown(self) -> None:
        self.notifier.stopping(f"stopping: {self.polls_in_flight} polls in flight")
        if self._scheduler is not None and self._scheduler.running:
            self._scheduler.shutdown(wait=False)
        if self._poll_loop is not None:
            await asyncio.gather(self._poll_loop, return_exceptions=True)
        grace = self.settings.shutdown_grace
        jobs = asyncio.create_task(self._finish_jobs(grace))
        late = await self.polls.finish(grace) + await jobs
        if late:
            log.warning("cancelled unfinished work", tasks=late)
        if self._listener is not None:
            self._listener.cancel()
            await asyncio.gather(self._listener, return_exceptions=True)
        if self._web is not None:
            self._web.stop()
        self._ping_pool.shutdown(wait=False, cancel_futures=True)
        self._coordinate_pool.shutdown(wait=True, cancel_futures=True)
        await asyncio.to_thread(self._leave)
        log.info("stopped")

    async def _finish_jobs(self, grace: float) -> int:
        pending = list(self._job_tasks)
        if not pending:
            return 0
        _, late = await asyncio.wait(pending, timeout=grace)
        for task in late:
            task.cancel()
        await asyncio.gather(*late, return_exceptions=True)
        return len(late)

    def _progress(self, job: str) -> None:
        self._busy[job] = time.monotonic()

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
        leases.drop_slots(engine, None if self._daemon_lock else self.worker)
        self._locks.refresh()
        leases.record_process(
            engine, self._identity, now, self._locks.held, self._locks.backend_pid
        )

    def _leave(self) -> None:
        """Hand everything back at once (a killed daemon's leases and locks expire instead)."""
        try:
            leases.release_leases(self.app.engine, self.worker)
            leases.drop_slots(self.app.engine, self.worker)
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
            query = sa.select(sa.func.count()).where(
                events.c.type.in_([FigureTracked.TYPE, FigureUntracked.TYPE]),
                events.c.position > folded,
            )
            return int(conn.execute(query).scalar_one())

    def owned_projections(self) -> frozenset[str]:
        """The projections this process runs (all of them when no locks are in play)."""
        if self._locks is None:
            return frozenset(p.name for p in self.app.projections)
        return self._locks.held

    async def coordinate(self) -> None:
        """Heartbeat, take over free projections, renew the leases of running polls."""
        loop = asyncio.get_running_loop()
        polling = self.polls.in_flight
        taken = await loop.run_in_executor(self._coordinate_pool, self._coordinate, polling)
        if taken:
            log.info("projections taken over", projections=sorted(taken))
            self.wake("project")

    def _coordinate(self, polling: list[str]) -> frozenset[str]:
        assert self._locks is not None
        taken = self._locks.refresh()
        now = datetime.now(UTC)
        leases.record_process(
            self.app.engine, self._identity, now, self._locks.held, self._locks.backend_pid
        )
        until = now + timedelta(seconds=self.settings.lease_seconds)
        leases.renew_leases(self.app.engine, self.worker, polling, until)
        self.polls.slots.renew()
        return taken

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
        if job_id == "poll":
            self.polls.wake()
            return
        if job_id == "project" and "project" in self._busy:
            self._project_again = True
            return
        if job_id not in self._busy:
            self._scheduler.modify_job(job_id, next_run_time=datetime.now(UTC))

    # --- polling ------------------------------------------------------------------

    @property
    def polls_in_flight(self) -> int:
        """Polls currently running."""
        return len(self.polls.in_flight)

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
            if positions.get(name, 0) >= target:
                continue  # nothing new for it: no write transaction
            runner = app.runner(app.projection(name))
            applied += self._catch_up(runner, target)
            positions[name] = runner.position()
        return applied

    def _catch_up(self, runner: ProjectionRunner, target: int) -> int:
        applied = 0
        while not self._stopping.is_set():
            done = runner.run_once(target)
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
            f"{len(self.app.config.feeds)} feeds configured, {self.polls_in_flight} polling, "
            f"{polls:.0f} polls, last poll {_ago(self.polls.last_poll_at)}, "
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
                "monitor_polls_in_flight": (float(self.polls_in_flight), "Polls running now."),
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
            self.polls.app = self.app
            await self.polls.open()
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
