"""What the daemon's parts share: the current App (replaced on reload), the stop flag, job
progress marks, write health and the process counters."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from sqlalchemy.exc import SQLAlchemyError

from monitor.daemon import metrics
from monitor.daemon.app import App
from monitor.daemon.health import WriteHealth
from monitor.daemon.settings import ServiceSettings
from monitor.logging import get_logger
from monitor.store.db import explain

log = get_logger("daemon")


@dataclass
class DaemonState:
    """One daemon's shared state; every part holds the same instance."""

    app: App
    worker: str
    settings: ServiceSettings
    counters: metrics.Counters = field(default_factory=metrics.Counters)
    # Read by worker threads (projection batches), hence a threading.Event.
    stopping: threading.Event = field(default_factory=threading.Event)
    busy: dict[str, float] = field(default_factory=dict)  # job → monotonic time of progress
    writes: WriteHealth = field(default_factory=WriteHealth)  # /readyz fails while one fails
    started_at: float = field(default_factory=time.time)

    def progress(self, job: str) -> None:
        """Mark that `job` made progress now (the watchdog's stall check)."""
        self.busy[job] = time.monotonic()

    def write_failed(self, path: str, exc: BaseException) -> None:
        """A write path failed: /readyz says so until it succeeds again."""
        engine = self.app.engine
        error = str(explain(engine, exc)) if isinstance(exc, SQLAlchemyError) else str(exc)
        if self.writes.failed(path, error):
            log.error("database writes failing; not ready", path=path, error=error)

    def write_succeeded(self, path: str) -> None:
        """A write path went through."""
        was = self.writes.succeeded(path)
        if was is not None:
            log.info("database writes succeed again", path=path, was=was)
