"""`monitor run`: the daemon's lifecycle — start the parts, schedule their jobs, obey signals,
shut down in time.

The work is done by parts with one job each, wired by `bootstrap.daemon_parts`:
membership and heartbeats (`membership`), poll workers (`polls`), the projection loop
(`projector`), delivery (`delivery`), the watchdog and health answers (`watchdog`) and the
configuration reload (`reload`). Periodic jobs live in APScheduler's in-memory job store and
are rebuilt from code on every start: the database holds all durable state (each feed's
`next_poll_at`, projection checkpoints, the alert outbox), so no job store is ever shared
between processes (APScheduler's FAQ: "you can't"). Polls are not a periodic job: the poll
workers claim the next due feed whenever one ends (work-conserving).

Scale-out (docs/SPEC.md §9) rests on PostgreSQL alone: due feeds are leased
(`polling.claims`), each projection runs where its advisory lock is held (`store.locks`),
deliveries are claimed by the deliverer, and appends wake projectors through LISTEN/NOTIFY.
On SQLite the same code runs in the one daemon a database file allows.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
import signal
import sys
import threading
import time
from collections.abc import Awaitable, Callable, Coroutine
from datetime import UTC
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from monitor.clock import utcnow
from monitor.daemon.app import App
from monitor.daemon.bootstrap import daemon_parts
from monitor.daemon.cycle import worker_name
from monitor.daemon.health import Readiness, WriteHealth
from monitor.daemon.loopwatch import in_thread
from monitor.daemon.notify import Notifier, watchdog_interval
from monitor.daemon.settings import ServiceSettings
from monitor.daemon.state import DaemonState
from monitor.logging import get_logger
from monitor.polling import parse_worker
from monitor.projector.collection import freeze_tables
from monitor.store import locks
from monitor.text import gazetteer

log = get_logger("daemon")

# Why these job defaults:
# - misfire_grace_time: APScheduler's default of 1 s silently drops a run that starts late
#   (event loop busy, machine suspended); every job here is idempotent and cheap to run late,
#   so a late run is always better than a skipped one.
# - coalesce: after a stall, run a job once, not once per missed tick.
# - max_instances=1: two concurrent projection or delivery runs would only contend for the
#   same checkpoint or claims.
JOB_DEFAULTS = {"misfire_grace_time": 120, "coalesce": True, "max_instances": 1}
DEFAULT_SETTINGS = ServiceSettings()
SWITCH_INTERVAL = 0.001  # seconds (CPython's default: 0.005)
STATUS_EVERY = 10.0  # STATUS= refresh when systemd asked for no watchdog
LEAVE_WAIT = 1.5  # seconds the shutdown waits to hand back leases and locks

__all__ = ["Service", "ServiceSettings"]


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
        self.state = DaemonState(app=app, worker=worker_name(), settings=settings)
        self.settings = settings
        self.notifier = notifier or Notifier.from_environ()
        self._scheduler: Any = None
        self._job_tasks: set[asyncio.Task[Any]] = set()
        self._background_tasks: set[asyncio.Task[Any]] = set()
        self._stop = asyncio.Event()
        self._stop_requested_at: float | None = None
        self._poll_loop: asyncio.Task[None] | None = None
        self._listener: asyncio.Task[None] | None = None
        parts = daemon_parts(
            self.state,
            self.notifier,
            config_path=config_path,
            wake=self.wake,
            running=self._running,
        )
        self.membership = parts.membership
        self.polls = parts.polls
        self.projector = parts.projector
        self.delivery = parts.delivery
        self.watchdog = parts.watchdog
        self.reloader = parts.reloader

    # --- what the faces ask -------------------------------------------------------

    @property
    def app(self) -> App:
        """The current App (a reload replaces it)."""
        return self.state.app

    @property
    def worker(self) -> str:
        """This process's id (host:pid)."""
        return self.state.worker

    @property
    def polls_in_flight(self) -> int:
        """Polls currently running."""
        return len(self.polls.in_flight)

    def owned_projections(self) -> frozenset[str]:
        """The projections this process runs."""
        return self.membership.owned_projections()

    def readiness(self) -> Readiness:
        """/readyz: database, scheduler, projection lag, write health."""
        return self.watchdog.readiness()

    def metrics_text(self) -> str:
        """/metrics: the Prometheus exposition."""
        return self.watchdog.metrics_text()

    def status_line(self) -> str:
        """One short line for `systemctl status`."""
        return self.watchdog.status_line()

    @property
    def writes(self) -> WriteHealth:
        """Which write paths fail now (/readyz)."""
        return self.state.writes

    async def coordinate(self) -> None:
        """One heartbeat of membership (the coordinate job)."""
        await self.membership.coordinate()

    async def project(self) -> None:
        """One projection run (the project job)."""
        await self.projector.project()

    async def reload(self) -> bool:
        """Re-read the config (SIGHUP); True when the new one was taken."""
        return await self.reloader.reload()

    # --- lifecycle ----------------------------------------------------------------

    async def run(self) -> int:
        """Start everything, send READY=1, work until SIGTERM/SIGINT, shut down; exit status."""
        self.membership.claim_database()  # a second daemon on one SQLite file: exit 1
        # Projection batches are CPU-bound threads; a shorter GIL switch interval keeps the
        # event loop's hand-offs (a poll's reply, its next claim) from queueing behind them.
        sys.setswitchinterval(SWITCH_INTERVAL)
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, self.request_stop, sig.name)
        loop.add_signal_handler(signal.SIGHUP, self._on_sighup)
        self.watchdog.loop_watch.start()
        await asyncio.to_thread(self.membership.join)
        await asyncio.to_thread(self.reloader.sync_declared)
        await asyncio.to_thread(gazetteer.load)  # before polls start: see its docstring
        freeze_tables()  # the gazetteer and prior stay for the process: out of the gc's sight
        await self.polls.open()
        self._scheduler = AsyncIOScheduler(job_defaults=JOB_DEFAULTS, timezone=UTC)
        self._add_jobs()
        self._scheduler.start()
        self._poll_loop = asyncio.create_task(self.polls.run(), name="poll workers")
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
            log.info("shutting down", signal=why, polls_in_flight=self.polls_in_flight)
            self.state.stopping.set()
            self.polls.stop()
            self._stop.set()

    async def _shutdown(self) -> None:
        self.notifier.stopping(f"stopping: {self.polls_in_flight} polls in flight")
        if self._scheduler is not None and self._scheduler.running:
            self._scheduler.shutdown(wait=False)
        if self._poll_loop is not None:
            # It may be waiting for a claim behind SQLite's write lock: do not wait for it.
            self._poll_loop.cancel()
            await asyncio.gather(self._poll_loop, return_exceptions=True)
        # In-flight work gets what is left once handing back leases is budgeted for, so the
        # process is out by `stop_deadline` (systemd allows 10 s).
        elapsed = time.monotonic() - (self._stop_requested_at or time.monotonic())
        left = self.settings.stop_deadline - LEAVE_WAIT - elapsed
        grace = max(0.5, min(self.settings.shutdown_grace, left))
        jobs = asyncio.create_task(self._finish_jobs(grace))
        late = await self.polls.finish(grace) + await jobs
        if late:
            log.warning("cancelled unfinished work", tasks=late)
        # No poll is left to parse for: end the parse worker (its executor's thread would
        # otherwise count as blocked work at exit).
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.to_thread(parse_worker.shutdown, wait=True), 1.0)
        if self._listener is not None:
            self._listener.cancel()
            await asyncio.gather(self._listener, return_exceptions=True)
        self.membership.close()
        try:
            # Bounded: a write lock still held by work being rolled back must not keep the
            # process past systemd's stop timeout (leases and locks expire by themselves).
            await asyncio.wait_for(in_thread("leave", self.membership.leave), LEAVE_WAIT)
        except TimeoutError:
            log.warning("leases not released in time; they expire on their own")
        self.watchdog.close()
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

    def _running(self) -> bool:
        running = bool(self._scheduler is not None and self._scheduler.running)
        return running and not self.state.stopping.is_set()

    # --- scheduling ---------------------------------------------------------------

    def _add_jobs(self) -> None:
        s = self.settings
        now = utcnow()
        beat = watchdog_interval() or STATUS_EVERY
        jobs: list[tuple[str, Callable[[], Awaitable[None]], float, float]] = [
            ("project", self.projector.project, s.project_tick, 0.0),
            ("deliver", self.delivery.deliver, s.deliver_tick, s.deliver_tick * 0.2),
            ("heartbeat", self.watchdog.heartbeat, beat, 0.0),
            ("coordinate", self.membership.coordinate, s.coordinate_tick, 0.0),
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
        stopping, busy = self.state.stopping, self.state.busy

        async def job() -> None:
            if stopping.is_set():
                return
            task = asyncio.current_task()
            assert task is not None
            self._job_tasks.add(task)
            busy[job_id] = time.monotonic()
            try:
                await func()
            except asyncio.CancelledError:
                if stopping.is_set():
                    return  # cancelled by the shutdown, which logs what it cancelled
                raise
            except Exception:
                log.exception("job failed", job=job_id)
            finally:
                busy.pop(job_id, None)
                self._job_tasks.discard(task)

        return job

    def wake(self, job_id: str) -> None:
        """Run a job now instead of at its next tick (a running job reruns when it ends)."""
        if self.state.stopping.is_set() or self._scheduler is None:
            return
        if job_id == "poll":
            self.polls.wake()
            return
        if job_id == "project" and "project" in self.state.busy:
            self.projector.again = True
            return
        if job_id not in self.state.busy:
            self._scheduler.modify_job(job_id, next_run_time=utcnow())

    # --- reload -------------------------------------------------------------------

    def _on_sighup(self) -> None:
        if not self.state.stopping.is_set():
            self._background(self.reload())

    def _background(self, coro: Coroutine[Any, Any, Any]) -> None:
        # The loop keeps only weak references to tasks: hold them until they finish.
        task = asyncio.create_task(coro)
        self._background_tasks.add(task)
        task.add_done_callback(self._background_tasks.discard)
