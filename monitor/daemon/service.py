"""`monitor run`: the daemon's lifecycle — start the parts, schedule their jobs, obey signals,
shut down in time.

The work is done by parts with one job each, wired by `bootstrap.daemon_parts`:
membership and heartbeats (`membership`), poll workers (`polls`), the projection loop
(`projector`), delivery (`delivery`), the watchdog and health answers (`watchdog`) and the
configuration reload (`reload`). Periodic jobs are run by `jobs` (APScheduler's in-memory
job store, rebuilt from code on every start: the database holds all durable state — each
feed's `next_poll_at`, projection checkpoints, the alert outbox). Polls are not a periodic
job: the poll workers claim the next due feed whenever one ends (work-conserving). A stop
that outlasts its deadline ends the process (`stuck`).

Scale-out (docs/SPEC.md §9) rests on PostgreSQL alone: due feeds are leased
(`polling.claims`), each projection runs where its advisory lock is held (`store.locks`),
deliveries are claimed by the deliverer, and appends wake projectors through LISTEN/NOTIFY.
On SQLite the same code runs in the one daemon a database file allows.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import signal
import sys
import time
from collections.abc import Coroutine
from typing import Any

from monitor.daemon.app import App
from monitor.daemon.bootstrap import daemon_parts
from monitor.daemon.cycle import worker_name
from monitor.daemon.health import Readiness, WriteHealth
from monitor.daemon.jobs import Job, Jobs
from monitor.daemon.loopwatch import in_thread
from monitor.daemon.notify import Notifier, watchdog_interval
from monitor.daemon.settings import ServiceSettings
from monitor.daemon.state import DaemonState
from monitor.daemon.stuck import exit_if_stuck
from monitor.logging import get_logger
from monitor.polling import parse_worker
from monitor.projector.collection import freeze_tables
from monitor.store import locks
from monitor.text import gazetteer

log = get_logger("daemon")

DEFAULT_SETTINGS = ServiceSettings()
SWITCH_INTERVAL = 0.001  # seconds (CPython's default: 0.005)
STATUS_EVERY = 10.0  # STATUS= refresh when systemd asked for no watchdog
LEAVE_WAIT = 1.5  # seconds the shutdown waits to hand back leases and locks

__all__ = ["Service", "ServiceSettings"]


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
        self.jobs = Jobs(self.state)
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
        self.jobs.start(self._jobs())
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
            deadline = (self._stop_requested_at or time.monotonic()) + self.settings.stop_deadline
            exit_if_stuck(deadline, 0)
        return 0

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
        self.jobs.stop()
        if self._poll_loop is not None:
            # It may be waiting for a claim behind SQLite's write lock: do not wait for it.
            self._poll_loop.cancel()
            await asyncio.gather(self._poll_loop, return_exceptions=True)
        # In-flight work gets what is left once handing back leases is budgeted for, so the
        # process is out by `stop_deadline` (systemd allows 10 s).
        elapsed = time.monotonic() - (self._stop_requested_at or time.monotonic())
        left = self.settings.stop_deadline - LEAVE_WAIT - elapsed
        grace = max(0.5, min(self.settings.shutdown_grace, left))
        jobs = asyncio.create_task(self.jobs.finish(grace))
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

    def _running(self) -> bool:
        return self.jobs.running and not self.state.stopping.is_set()

    # --- scheduling ---------------------------------------------------------------

    def _jobs(self) -> list[Job]:
        """The periodic jobs: which part runs at which tick."""
        s = self.settings
        beat = watchdog_interval() or STATUS_EVERY
        return [
            Job("project", self.projector.project, s.project_tick),
            Job("deliver", self.delivery.deliver, s.deliver_tick, s.deliver_tick * 0.2),
            Job("heartbeat", self.watchdog.heartbeat, beat),
            Job("coordinate", self.membership.coordinate, s.coordinate_tick),
        ]

    def wake(self, job_id: str) -> None:
        """Run a job now instead of at its next tick (a running job reruns when it ends)."""
        if self.state.stopping.is_set() or not self.jobs.started:
            return
        if job_id == "poll":
            self.polls.wake()
            return
        if job_id == "project" and "project" in self.state.busy:
            self.projector.again = True
            return
        self.jobs.run_now(job_id)

    # --- reload -------------------------------------------------------------------

    def _on_sighup(self) -> None:
        if not self.state.stopping.is_set():
            self._background(self.reload())

    def _background(self, coro: Coroutine[Any, Any, Any]) -> None:
        # The loop keeps only weak references to tasks: hold them until they finish.
        task = asyncio.create_task(coro)
        self._background_tasks.add(task)
        task.add_done_callback(self._background_tasks.discard)
