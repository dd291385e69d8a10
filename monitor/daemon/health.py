"""Health: is the database answering, how far behind are the projections, is the daemon ready."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection, Engine, select, text
from sqlalchemy.exc import SQLAlchemyError

from monitor.store.eventlog import SqlEventLog
from monitor.store.tables import checkpoints

# Projections further behind than this make /readyz fail: the read models (and so alerts)
# would be stale. A fresh start on a large backlog is "not ready" until it has caught up.
LAG_LIMIT_SECONDS = 120.0


@dataclass(frozen=True)
class Lag:
    """How far one projection is behind the head of the log."""

    projection: str
    events: int
    seconds: float


@dataclass(frozen=True)
class Readiness:
    """The /readyz verdict with its reasons (empty when ready)."""

    ready: bool
    reasons: tuple[str, ...] = ()
    checks: Mapping[str, object] = field(default_factory=dict)


def database_answers(engine: Engine) -> bool:
    """One cheap round trip (`SELECT 1`); False on any database error."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1")).scalar_one()
    except SQLAlchemyError:
        return False
    return True


def projection_lags(conn: Connection, names: Sequence[str], now: datetime) -> list[Lag]:
    """Per projection: events not yet applied and the age of the oldest of them."""
    log = SqlEventLog(conn.engine)
    head = log.head(conn)
    query = select(checkpoints.c.name, checkpoints.c.position).where(checkpoints.c.name.in_(names))
    stored = {name: position for name, position in conn.execute(query).all()}
    lags = []
    for name in names:
        position = int(stored.get(name, 0))
        behind = max(head - position, 0)
        seconds = 0.0
        if behind:
            oldest = log.backlog(position, conn).oldest
            if oldest is not None:
                seconds = max((now - oldest).total_seconds(), 0.0)
        lags.append(Lag(name, behind, seconds))
    return lags


def worst_lag(lags: Sequence[Lag]) -> Lag | None:
    """The projection furthest behind in time (None when there are none)."""
    return max(lags, key=lambda lag: (lag.seconds, lag.events), default=None)


def readiness(
    *,
    database: bool,
    scheduler: bool,
    lags: Sequence[Lag],
    limit: float = LAG_LIMIT_SECONDS,
    write_error: str | None = None,
) -> Readiness:
    """Ready when the database answers and takes writes, the scheduler runs and no projection
    lags beyond `limit`."""
    reasons = []
    if not database:
        reasons.append("database unreachable")
    elif write_error:
        reasons.append(f"database not writable: {write_error}")
    if not scheduler:
        reasons.append("scheduler not running")
    late = [lag for lag in lags if lag.seconds > limit]
    reasons += [
        f"projection {lag.projection} is {lag.seconds:.0f} s ({lag.events} events) behind"
        for lag in late
    ]
    worst = worst_lag(lags)
    checks: dict[str, object] = {
        "database": database,
        "writable": database and not write_error,
        "scheduler": scheduler,
        "projection_lag_seconds": round(worst.seconds, 3) if worst else 0.0,
        "projection_lag_events": max((lag.events for lag in lags), default=0),
    }
    return Readiness(not reasons, tuple(reasons), checks)


class WriteHealth:
    """Whether the daemon's writes go through, per path (coordination, polls, projections).

    A path that failed stays failed until that same path next writes successfully, so a
    small write that happens to fit (a heartbeat on a full disk) never hides a failing one.
    Written from worker threads and read by the web server's: plain dict operations only.
    """

    def __init__(self) -> None:
        self._errors: dict[str, str] = {}

    def failed(self, path: str, error: str) -> bool:
        """Record a failure; True when the path was healthy until now (log it then)."""
        fresh = path not in self._errors
        self._errors[path] = error
        return fresh

    def succeeded(self, path: str) -> str | None:
        """Record a success; the error it clears, if it was failing."""
        return self._errors.pop(path, None)

    def error(self) -> str | None:
        """The first failing path and its error, or None when every write went through."""
        for path, error in sorted(dict(self._errors).items()):
            return f"{path}: {error}"
        return None
