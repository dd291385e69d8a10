"""Leases and slots as rows, the process registry, and the one-daemon rule of SQLite.

The SQL only: which feed to claim and how many requests a host may take is polling policy
(`monitor.polling.claims`). A feed lease (owner, expiry) lives on its `feed_schedule` row; a
host slot (an article-page request in flight) is a `host_slots` row. Both expire when their
process dies and stops renewing them. On PostgreSQL candidate rows are locked with
`FOR UPDATE SKIP LOCKED` and claims are serialised by a transaction-scoped advisory lock
(CLAIM_LOCK) so the per-host counts they read stay true until they commit.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import (
    Connection,
    Engine,
    RowMapping,
    delete,
    exists,
    func,
    insert,
    or_,
    select,
    update,
)

from monitor.store.db import StoreError, as_utc, is_sqlite, upsert
from monitor.store.tables_feeds import feed_schedule, feeds, host_slots, processes

CLAIM_LOCK = "feed-claims"


def missing_schedules(conn: Connection) -> list[tuple[str, datetime]]:
    """(url, added_at) of subscribed feeds (not gone, not paused) without a schedule row."""
    s = feed_schedule.c
    rows = conn.execute(
        select(feeds.c.url, feeds.c.added_at)
        .select_from(feeds.outerjoin(feed_schedule, s.url == feeds.c.url))
        .where(s.url.is_(None), feeds.c.status != "gone", feeds.c.paused.is_(False))
    ).all()
    return [(str(url), added) for url, added in rows]


def hostless_schedules(conn: Connection) -> list[str]:
    """URLs of schedule rows written without a host (by an older version)."""
    s = feed_schedule.c
    return [str(u) for u in conn.execute(select(s.url).where(s.host.is_(None))).scalars()]


def add_schedules(conn: Connection, rows: Sequence[Mapping[str, object]]) -> None:
    """Insert schedule rows ({url, next_poll_at, host}); existing ones are left alone."""
    upsert(conn, feed_schedule, [dict(r) for r in rows], ["url"])


def set_hosts(conn: Connection, hosts: Mapping[str, str]) -> None:
    """Record the politeness key of schedule rows (url → host)."""
    s = feed_schedule.c
    for url, host in sorted(hosts.items()):
        conn.execute(update(feed_schedule).where(s.url == url).values(host=host))


def busy_hosts(conn: Connection, now: datetime) -> dict[str, int]:
    """Host → requests it may have in flight now: live feed leases plus live host slots."""
    s = feed_schedule.c
    rows = conn.execute(
        select(s.host, func.count())
        .where(s.lease_until >= now, s.fetching.is_(True))
        .group_by(s.host)
    ).all()
    busy = {str(host): int(n) for host, n in rows if host is not None}
    h = host_slots.c
    for host, n in conn.execute(
        select(h.host, func.count()).where(h.lease_until >= now).group_by(h.host)
    ).all():
        busy[str(host)] = busy.get(str(host), 0) + int(n)
    return busy


def due_candidates(
    conn: Connection,
    now: datetime,
    *,
    skip_hosts: Sequence[str],
    limit: int,
    skip_urls: Sequence[str] = (),
    lock: bool = True,
) -> list[RowMapping]:
    """Due, unleased feeds (not on `skip_hosts`), oldest due first, with their schedule;
    locked FOR UPDATE SKIP LOCKED on PostgreSQL."""
    s = feed_schedule.c
    query = (
        select(feeds, s.host, s.next_poll_at, s.etag, s.last_modified, s.body_hash)
        .select_from(feed_schedule.join(feeds, feeds.c.url == s.url))
        .where(
            feeds.c.status != "gone",
            feeds.c.paused.is_(False),
            s.next_poll_at <= now,
            or_(s.lease_until.is_(None), s.lease_until < now),
        )
        .order_by(s.next_poll_at, s.url)
        .limit(limit)
    )
    if skip_hosts:
        query = query.where(s.host.not_in(list(skip_hosts)))
    if skip_urls:
        query = query.where(s.url.not_in(sorted(skip_urls)))
    if lock and conn.dialect.name != "sqlite":
        query = query.with_for_update(of=feed_schedule, skip_locked=True)
    return list(conn.execute(query).mappings().all())


def due_waiting_on(conn: Connection, now: datetime, hosts: Sequence[str]) -> bool:
    """Whether a due, unleased feed waits on one of `hosts`."""
    if not hosts:
        return False
    s = feed_schedule.c
    query = select(
        exists().where(
            s.host.in_(list(hosts)),
            s.next_poll_at <= now,
            or_(s.lease_until.is_(None), s.lease_until < now),
        )
    )
    return bool(conn.execute(query).scalar())


def next_due_at(
    conn: Connection,
    now: datetime,
    *,
    skip_hosts: Sequence[str] = (),
    skip_urls: Sequence[str] = (),
) -> datetime | None:
    """The earliest next poll time of an unleased, pollable feed (None when there is none)."""
    s = feed_schedule.c
    query = (
        select(func.min(s.next_poll_at))
        .select_from(feed_schedule.join(feeds, feeds.c.url == s.url))
        .where(
            feeds.c.status != "gone",
            feeds.c.paused.is_(False),
            or_(s.lease_until.is_(None), s.lease_until < now),
        )
    )
    if skip_hosts:
        query = query.where(s.host.not_in(list(skip_hosts)))
    if skip_urls:
        query = query.where(s.url.not_in(sorted(skip_urls)))
    moment = conn.execute(query).scalar_one_or_none()
    return None if moment is None else as_utc(moment)


def lease_feeds(conn: Connection, urls: Sequence[str], owner: str, until: datetime) -> None:
    """Write `owner`'s lease on `urls` (inside the claim's transaction)."""
    if urls:
        conn.execute(
            update(feed_schedule)
            .where(feed_schedule.c.url.in_(sorted(urls)))
            .values(lease_owner=owner, lease_until=until, fetching=True)
        )


def fetched_in(conn: Connection, owner: str, urls: Iterable[str]) -> None:
    """`owner`'s polls of `urls` have no request in flight any more (they keep the lease)."""
    _set_on_owned(conn, owner, urls, fetching=False)


def release_in(conn: Connection, owner: str, urls: Iterable[str]) -> None:
    """Drop `owner`'s leases on `urls` inside the caller's transaction."""
    _set_on_owned(conn, owner, urls, lease_owner=None, lease_until=None, fetching=False)


def _set_on_owned(conn: Connection, owner: str, urls: Iterable[str], **values: object) -> None:
    """Set `values` on the schedule rows of `urls` that `owner` leases (caller's transaction)."""
    wanted = sorted(urls)
    if wanted:
        s = feed_schedule.c
        conn.execute(
            update(feed_schedule).where(s.url.in_(wanted), s.lease_owner == owner).values(**values)
        )


def take_slot(conn: Connection, slot_id: str, host: str, owner: str, until: datetime) -> None:
    """Record one request slot on `host` (the caller checked the host's count under CLAIM_LOCK)."""
    conn.execute(insert(host_slots).values(id=slot_id, host=host, owner=owner, lease_until=until))


def drop_slots(engine: Engine, owner: str | None, ids: Iterable[str] | None = None) -> None:
    """Give back `owner`'s host slots (every owner's with None; `ids`, or all of them)."""
    query = delete(host_slots)
    if owner is not None:
        query = query.where(host_slots.c.owner == owner)
    if ids is not None:
        query = query.where(host_slots.c.id.in_(sorted(ids)))
    with engine.begin() as conn:
        conn.execute(query)


def renew_slots(engine: Engine, owner: str, ids: Iterable[str], until: datetime) -> None:
    """Extend `owner`'s host slots `ids` (page fetches still running)."""
    wanted = sorted(ids)
    if wanted:
        h = host_slots.c
        with engine.begin() as conn:
            conn.execute(
                update(host_slots)
                .where(h.id.in_(wanted), h.owner == owner)
                .values(lease_until=until)
            )


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
        conn.execute(query.values(lease_owner=None, lease_until=None, fetching=False))


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
