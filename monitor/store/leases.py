"""Who polls what: feed leases, per-host politeness across processes, the process registry,
and the one-daemon rule of SQLite.

A due feed is claimed by writing a lease (owner, expiry) on its `feed_schedule` row. On
PostgreSQL the claim locks candidate rows with `FOR UPDATE SKIP LOCKED`, and claims are
serialised by a transaction-scoped advisory lock so the per-host count they read stays true
until they commit. A process that dies simply stops renewing: its leases expire and the
feeds become claimable again. On SQLite the same code runs in the one daemon allowed.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, Engine, RowMapping, delete, func, or_, select, update

from monitor.polling.urls import host_of
from monitor.store import locks
from monitor.store.db import StoreError, is_sqlite, upsert
from monitor.store.tables_feeds import feed_schedule, feeds, processes

CLAIM_LOCK = "feed-claims"
SCAN_FACTOR = 4  # candidate rows read per feed wanted, so full hosts can be passed over


@dataclass(frozen=True)
class ClaimRequest:
    """What one claim asks for."""

    owner: str
    now: datetime
    limit: int
    lease_seconds: float
    per_host: int


def pick_within_host_limits(
    candidates: Sequence[tuple[str, str]], busy: Mapping[str, int], per_host: int, limit: int
) -> list[str]:
    """URLs to claim from (url, host) candidates in order, keeping every host's leases
    (those already held, `busy`, plus the picked ones) at or under `per_host`."""
    taken: dict[str, int] = dict(busy)
    picked: list[str] = []
    for url, host in candidates:
        if len(picked) >= limit:
            break
        if taken.get(host, 0) < per_host:
            taken[host] = taken.get(host, 0) + 1
            picked.append(url)
    return picked


def add_missing_schedules(conn: Connection) -> int:
    """Give every subscribed feed a schedule row (due since it was added) and a host; returns
    the rows written. Feeds that never were polled become claimable this way."""
    s = feed_schedule.c
    missing = conn.execute(
        select(feeds.c.url, feeds.c.added_at)
        .select_from(feeds.outerjoin(feed_schedule, s.url == feeds.c.url))
        .where(s.url.is_(None), feeds.c.status != "gone", feeds.c.paused.is_(False))
    ).all()
    upsert(
        conn,
        feed_schedule,
        [{"url": url, "next_poll_at": added, "host": host_of(url)} for url, added in missing],
        ["url"],
    )
    # Rows the poller created before hosts were recorded (or `monitor poll` created since).
    hostless = conn.execute(select(s.url).where(s.host.is_(None))).scalars().all()
    for url in hostless:
        conn.execute(update(feed_schedule).where(s.url == url).values(host=host_of(url)))
    return len(missing) + len(hostless)


def _busy_hosts(conn: Connection, now: datetime) -> dict[str, int]:
    s = feed_schedule.c
    rows = conn.execute(
        select(s.host, func.count()).where(s.lease_until >= now).group_by(s.host)
    ).all()
    return {str(host): int(n) for host, n in rows if host is not None}


def claim_feeds(engine: Engine, request: ClaimRequest) -> list[RowMapping]:
    """Lease up to `limit` due, unleased feeds to `owner`; their feeds and schedule rows.

    The lease is committed before anything is fetched; the caller renews it while the poll
    runs and releases it once the poll has written the feed's next poll time.
    """
    if request.limit <= 0:
        return []
    s = feed_schedule.c
    with engine.begin() as conn:
        locks.xact_lock(conn, CLAIM_LOCK)
        add_missing_schedules(conn)
        busy = _busy_hosts(conn, request.now)
        full = sorted(host for host, n in busy.items() if n >= request.per_host)
        query = (
            select(feeds, s.host, s.next_poll_at, s.etag, s.last_modified, s.body_hash)
            .select_from(feed_schedule.join(feeds, feeds.c.url == s.url))
            .where(
                feeds.c.status != "gone",
                feeds.c.paused.is_(False),
                s.next_poll_at <= request.now,
                or_(s.lease_until.is_(None), s.lease_until < request.now),
            )
            .order_by(s.next_poll_at, s.url)
            .limit(request.limit * SCAN_FACTOR)
        )
        if full:
            query = query.where(s.host.not_in(full))
        if not is_sqlite(engine):
            query = query.with_for_update(of=feed_schedule, skip_locked=True)
        rows = conn.execute(query).mappings().all()
        picked = pick_within_host_limits(
            [(r["url"], r["host"]) for r in rows], busy, request.per_host, request.limit
        )
        if picked:
            conn.execute(
                update(feed_schedule)
                .where(s.url.in_(picked))
                .values(
                    lease_owner=request.owner,
                    lease_until=request.now + timedelta(seconds=request.lease_seconds),
                )
            )
    chosen = set(picked)
    return [r for r in rows if r["url"] in chosen]


def renew_leases(engine: Engine, owner: str, urls: Iterable[str], until: datetime) -> int:
    """Extend `owner`'s leases on `urls` (polls still running); returns how many it holds."""
    wanted = sorted(urls)
    if not wanted:
        return 0
    s = feed_schedule.c
    with engine.begin() as conn:
        result = conn.execute(
            update(feed_schedule)
            .where(s.url.in_(wanted), s.lease_owner == owner)
            .values(lease_until=until)
        )
    return int(result.rowcount)


def release_leases(engine: Engine, owner: str | None, urls: Iterable[str] | None = None) -> None:
    """Drop `owner`'s leases (every owner's with None; on `urls`, or all of them)."""
    s = feed_schedule.c
    query = update(feed_schedule).where(s.lease_owner.is_not(None))
    if owner is not None:
        query = query.where(s.lease_owner == owner)
    if urls is not None:
        query = query.where(s.url.in_(sorted(urls)))
    with engine.begin() as conn:
        conn.execute(query.values(lease_owner=None, lease_until=None))


# --- the process registry (`monitor status`) ------------------------------------------


@dataclass(frozen=True)
class ProcessInfo:
    """One daemon as it records itself."""

    id: str
    host: str
    pid: int
    started_at: datetime


def record_process(
    engine: Engine,
    info: ProcessInfo,
    now: datetime,
    projections: Iterable[str],
    backend_pid: int | None,
) -> None:
    """Record that the daemon lives, which projections it runs and its lock session."""
    with engine.begin() as conn:
        upsert(
            conn,
            processes,
            {
                "id": info.id,
                "host": info.host,
                "pid": info.pid,
                "started_at": info.started_at,
                "heartbeat_at": now,
                "lock_backend_pid": backend_pid,
                "projections": ",".join(sorted(projections)),
            },
            ["id"],
            update=["host", "pid", "started_at", "heartbeat_at", "lock_backend_pid", "projections"],
        )


def forget_silent_processes(engine: Engine, before: datetime) -> None:
    """Drop the records of daemons silent since `before` (long dead)."""
    with engine.begin() as conn:
        conn.execute(delete(processes).where(processes.c.heartbeat_at < before))


def unregister_process(engine: Engine, process_id: str) -> None:
    """Remove the daemon's record (clean shutdown)."""
    with engine.begin() as conn:
        conn.execute(delete(processes).where(processes.c.id == process_id))


# --- SQLite: one daemon per database file ---------------------------------------------


class SingleDaemonLock:
    """An exclusive `flock` on `<database>.lock`, held for the daemon's lifetime.

    SQLite serialises writers inside one process only (see `db._SqliteGate`), so a second
    daemon on the same file is refused instead of fighting the first one for the lock.
    The kernel drops the lock when the process dies, however it dies.
    """

    def __init__(self, path: Path, handle: IO[str]) -> None:
        self.path = path
        self._handle = handle

    @classmethod
    def acquire(cls, engine: Engine) -> SingleDaemonLock | None:
        """Take the lock for an SQLite file (None for PostgreSQL and in-memory databases);
        StoreError naming the other daemon when it is taken."""
        database = engine.url.database
        if not is_sqlite(engine) or not database or database == ":memory:":
            return None
        db_path = Path(database).expanduser().resolve()
        path = db_path.with_name(db_path.name + ".lock")
        handle = path.open("a+", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            other = handle.read().strip() or "unknown"
            handle.close()
            raise StoreError(
                f"another monitor daemon (pid {other}) is using {db_path}; SQLite allows one "
                "daemon — use PostgreSQL to run several"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        return cls(path, handle)

    def release(self) -> None:
        """Give the file up (the lock file stays; it is harmless)."""
        with contextlib.suppress(OSError):
            fcntl.flock(self._handle, fcntl.LOCK_UN)
        self._handle.close()


def leased_counts(conn: Connection, now: datetime) -> dict[str, int]:
    """Owner → feeds it holds a live lease on."""
    s = feed_schedule.c
    rows = conn.execute(
        select(s.lease_owner, func.count())
        .where(s.lease_owner.is_not(None), s.lease_until >= now)
        .group_by(s.lease_owner)
    ).all()
    return {str(owner): int(n) for owner, n in rows}


def process_rows(conn: Connection) -> list[Any]:
    """Every registered daemon, oldest first."""
    return list(conn.execute(select(processes).order_by(processes.c.started_at)).mappings())
