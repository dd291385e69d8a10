"""The watchdog and the health answers: WATCHDOG=1 only while the daemon really works,
/readyz, /metrics and the STATUS= line.

The watchdog is withheld when the database does not answer, a job made no progress for
`stall_limit` seconds, or the event loop itself is stuck (LoopWatch); systemd then restarts
the daemon. The health answers are called from the web server's threads.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from sqlalchemy.exc import SQLAlchemyError

from monitor.clock import utcnow
from monitor.daemon import metrics
from monitor.daemon.health import Lag, Readiness, projection_lags, readiness, worst_lag
from monitor.daemon.loopwatch import LoopWatch
from monitor.daemon.notify import Notifier, watchdog_interval
from monitor.daemon.state import DaemonState
from monitor.logging import get_logger
from monitor.store.db import read_connection

log = get_logger("daemon")


def _ago(moment: float | None) -> str:
    return "never" if moment is None else f"{time.monotonic() - moment:.0f}s ago"


@dataclass(frozen=True)
class Probes:
    """What the watchdog asks the other parts."""

    running: Callable[[], bool]  # the scheduler runs and no stop was asked for
    polls_in_flight: Callable[[], int]
    owned_projections: Callable[[], frozenset[str]]
    last_poll_at: Callable[[], float | None]
    last_projection_at: Callable[[], float | None]


class Watchdog:
    """Liveness for systemd and the health endpoints."""

    def __init__(self, state: DaemonState, notifier: Notifier, probes: Probes) -> None:
        self.state = state
        self.notifier = notifier
        self.probes = probes
        self.loop_watch = LoopWatch()
        self._ping_pool = ThreadPoolExecutor(1, thread_name_prefix="db-ping")

    def close(self) -> None:
        """Stop the ping thread and the loop watch (shutdown)."""
        self._ping_pool.shutdown(wait=False, cancel_futures=True)
        self.loop_watch.stop()

    def database_answers(self) -> bool:
        """A cheap read that touches the database file (not `SELECT 1`, which SQLite answers
        without it); a raw connection so SQLite takes no write lock for it."""
        try:
            raw = self.state.app.engine.raw_connection()
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
        limit = time.monotonic() - self.state.settings.stall_limit
        return sorted(job for job, mark in dict(self.state.busy).items() if mark < limit)

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
        counters, p = self.state.counters, self.probes
        polls = sum(s.value for s in counters.samples("monitor_polls_total"))
        delivered = counters.value("monitor_deliveries_total", result="delivered")
        return (
            f"{len(self.state.app.config.feeds)} feeds configured, "
            f"{p.polls_in_flight()} polling, {polls:.0f} polls, "
            f"last poll {_ago(p.last_poll_at())}, "
            f"last projection {_ago(p.last_projection_at())}, {delivered:.0f} alerts delivered"
        )

    def _lags(self) -> list[Lag]:
        app = self.state.app
        with read_connection(app.engine) as conn:
            return projection_lags(conn, [p.name for p in app.projections], utcnow())

    def readiness(self) -> Readiness:
        """Database reachable, scheduler running, projections not lagging beyond the limit."""
        try:
            lags, db_ok = self._lags(), True
        except SQLAlchemyError:
            lags, db_ok = [], False
        return readiness(
            database=db_ok,
            scheduler=self.probes.running(),
            lags=lags,
            limit=self.state.settings.lag_limit,
            write_error=self.state.writes.error(),
        )

    def metrics_text(self) -> str:
        """Process counters, database-derived figures and projection lag (Prometheus text)."""
        state, p = self.state, self.probes
        families = metrics.process_families(state.counters)
        db_up = 1.0
        try:
            with state.app.engine.connect() as conn:
                families += metrics.database_families(conn)
                lags = projection_lags(
                    conn, [proj.name for proj in state.app.projections], utcnow()
                )
            families += metrics.lag_families(lags)
        except SQLAlchemyError:
            db_up = 0.0
        worst = worst_lag(lags) if db_up else None
        families += metrics.gauge_families(
            {
                "monitor_up": (db_up, "1 when the database answered this scrape."),
                "monitor_polls_in_flight": (float(p.polls_in_flight()), "Polls running now."),
                "monitor_projections_owned": (
                    float(len(p.owned_projections())),
                    "Projections this process runs (holds the lock of).",
                ),
                "monitor_projection_max_lag_seconds": (
                    worst.seconds if worst else 0.0,
                    "The largest projection lag, in seconds.",
                ),
                "monitor_start_time_seconds": (state.started_at, "Unix time the daemon started."),
            }
        )
        return metrics.render(families)
