"""The daemon's periodic jobs: APScheduler's in-memory job store, rebuilt from code on every
start (the database holds all durable state, so no job store is ever shared between
processes — APScheduler's FAQ: "you can't").

Each job is tracked while it runs: `state.busy` says what makes progress (the watchdog
reads it), a job that fails is logged and runs again at its next tick, and the shutdown
waits for (then cancels) the jobs still running.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from monitor.clock import utcnow
from monitor.daemon.state import DaemonState
from monitor.logging import get_logger

log = get_logger("daemon")

# Why these job defaults:
# - misfire_grace_time: APScheduler's default of 1 s silently drops a run that starts late
#   (event loop busy, machine suspended); every job here is idempotent and cheap to run late,
#   so a late run is always better than a skipped one.
# - coalesce: after a stall, run a job once, not once per missed tick.
# - max_instances=1: two concurrent projection or delivery runs would only contend for the
#   same checkpoint or claims.
JOB_DEFAULTS = {"misfire_grace_time": 120, "coalesce": True, "max_instances": 1}


@dataclass(frozen=True)
class Job:
    """A periodic job: what it runs, every how many seconds, with how much random jitter."""

    id: str
    run: Callable[[], Awaitable[None]]
    every: float
    jitter: float = 0.0


class Jobs:
    """The scheduler of one daemon: `start`, `run_now` on demand, `stop`, then `finish`."""

    def __init__(self, state: DaemonState) -> None:
        self.state = state
        self._scheduler: Any = None
        self._tasks: set[asyncio.Task[Any]] = set()

    @property
    def started(self) -> bool:
        """Whether `start` was called (wake-ups before it are ignored)."""
        return self._scheduler is not None

    @property
    def running(self) -> bool:
        """Whether the scheduler runs (/readyz, the watchdog's probes)."""
        return bool(self._scheduler is not None and self._scheduler.running)

    def start(self, jobs: Sequence[Job]) -> None:
        """Schedule every job, each running once at once, then at its interval."""
        self._scheduler = AsyncIOScheduler(job_defaults=JOB_DEFAULTS, timezone=UTC)
        now = utcnow()
        for job in jobs:
            self._scheduler.add_job(
                self._tracked(job.id, job.run),
                IntervalTrigger(seconds=job.every, jitter=job.jitter or None),
                id=job.id,
                name=job.id,
                next_run_time=now,
            )
        self._scheduler.start()

    def run_now(self, job_id: str) -> None:
        """Run a job now instead of at its next tick, unless it is running."""
        if job_id not in self.state.busy:
            self._scheduler.modify_job(job_id, next_run_time=utcnow())

    def stop(self) -> None:
        """Start no more runs (those running go on until `finish`)."""
        if self._scheduler is not None and self._scheduler.running:
            self._scheduler.shutdown(wait=False)

    async def finish(self, grace: float) -> int:
        """Wait up to `grace` s for the runs in progress, cancel the rest; how many were cancelled."""
        pending = list(self._tasks)
        if not pending:
            return 0
        _, late = await asyncio.wait(pending, timeout=grace)
        for task in late:
            task.cancel()
        await asyncio.gather(*late, return_exceptions=True)
        return len(late)

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
            self._tasks.add(task)
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
                self._tasks.discard(task)

        return job
