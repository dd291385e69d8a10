"""The append-only event log: idempotent batch append, commit-safe ordered reads."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import Connection, Engine, func, insert, select

from monitor.clock import Clock, utcnow
from monitor.events import DecodeError, Event, decode, encode
from monitor.store.db import as_utc
from monitor.store.dialects import dialect_of
from monitor.store.tables import events


@dataclass(frozen=True)
class StoredEvent:
    """An event as read back from the log, with its position and record time."""

    position: int
    id: str
    type: str
    version: int
    recorded_at: datetime
    event: Event


@dataclass(frozen=True)
class Backlog:
    """The events after a reader's position: how many, and when the oldest was recorded."""

    events: int
    oldest: datetime | None


Conn = Connection | None
Types = Sequence[str] | None


@dataclass(frozen=True)
class AppendResult:
    """What an append did: how many events were new and how many were already there."""

    appended: int
    duplicates: int
    last_position: int | None


class EventLog(Protocol):
    """The seam between features and storage."""

    def append(self, batch: Sequence[Event], conn: Connection | None = None) -> AppendResult:
        """Append a batch atomically; events whose id is already stored are skipped."""
        ...

    def read_after(
        self,
        position: int,
        limit: int = 1000,
        conn: Connection | None = None,
        *,
        types: Sequence[str] | None = None,
        until: int | None = None,
    ) -> list[StoredEvent]:
        """Events after `position` (up to `until`) in log order, optionally of some types."""
        ...

    def backlog(self, after: int, conn: Conn = None, *, types: Types = None) -> Backlog:
        """How many events (of `types`, when named) follow `after`, and the oldest's record time."""
        ...

    def head(self, conn: Connection | None = None) -> int:
        """The last committed position (0 for an empty log)."""
        ...


class SqlEventLog:
    """EventLog on SQLite or PostgreSQL.

    Ordering guarantee: a reader never passes an event that is still being appended. On
    SQLite the single writer lock (BEGIN IMMEDIATE) gives that; on PostgreSQL each append
    takes `LOCK TABLE events IN EXCLUSIVE MODE`, so positions become visible in commit
    order (plain readers are not blocked by it).
    """

    def __init__(self, engine: Engine, clock: Clock = utcnow) -> None:
        self.engine = engine
        self.clock = clock  # stamps `recorded_at`
        self._dialect = dialect_of(engine)

    def append(self, batch: Sequence[Event], conn: Connection | None = None) -> AppendResult:
        """Append `batch` in one transaction (the caller's, when `conn` is given)."""
        if conn is None:
            with self.engine.begin() as own:
                return self._append(own, batch)
        return self._append(conn, batch)

    def _append(self, conn: Connection, batch: Sequence[Event]) -> AppendResult:
        if not batch:
            return AppendResult(0, 0, None)
        self._dialect.before_append(conn)
        rows: dict[str, dict[str, object]] = {}
        now = self.clock()
        for ev in batch:
            event_id = ev.event_id
            if event_id in rows:
                continue
            type_name, version, payload = encode(ev)
            rows.setdefault(
                event_id,
                {
                    "id": event_id,
                    "type": type_name,
                    "version": version,
                    "payload": payload,
                    "recorded_at": now,
                },
            )
        existing = self._existing_ids(conn, list(rows))
        fresh = [row for eid, row in rows.items() if eid not in existing]
        if fresh:
            conn.execute(insert(events), fresh)
        last = conn.execute(select(func.max(events.c.position))).scalar_one_or_none()
        return AppendResult(len(fresh), len(batch) - len(fresh), last)

    @staticmethod
    def _existing_ids(conn: Connection, ids: list[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            found.update(conn.execute(select(events.c.id).where(events.c.id.in_(chunk))).scalars())
        return found

    def read_after(
        self,
        position: int,
        limit: int = 1000,
        conn: Connection | None = None,
        *,
        types: Sequence[str] | None = None,
        until: int | None = None,
    ) -> list[StoredEvent]:
        """Up to `limit` events with position > `position` (and <= `until`), oldest first;
        only those of the given `types` when named."""
        query = select(events).where(events.c.position > position)
        if until is not None:
            query = query.where(events.c.position <= until)
        if types is not None:
            query = query.where(events.c.type.in_(list(types)))
        query = query.order_by(events.c.position).limit(limit)
        if conn is None:
            with self.engine.connect() as own:
                rows = own.execute(query).all()
        else:
            rows = conn.execute(query).all()
        return [_stored(r) for r in rows]

    def iter_all(self, after: int = 0, batch: int = 1000) -> Iterator[StoredEvent]:
        """Every event after `after`, streamed in batches."""
        position = after
        while True:
            chunk = self.read_after(position, batch)
            if not chunk:
                return
            yield from chunk
            position = chunk[-1].position

    def backlog(self, after: int, conn: Conn = None, *, types: Types = None) -> Backlog:
        """The events after `after` (only those of `types` when named) not yet read: how
        many, and when the first was recorded; nothing is decoded, so an undecodable event
        cannot hide how far behind a reader is."""
        where = [events.c.position > after]
        if types is not None:
            where.append(events.c.type.in_(list(types)))
        count = select(func.count()).select_from(events).where(*where)
        first = select(events.c.recorded_at).where(*where).order_by(events.c.position).limit(1)
        oldest = self._scalar(first, conn)
        return Backlog(
            int(self._scalar(count, conn) or 0), None if oldest is None else as_utc(oldest)
        )

    def by_ids(self, ids: Sequence[str], conn: Connection) -> dict[str, StoredEvent]:
        """The stored events with these ids (those that exist), by id."""
        found: dict[str, StoredEvent] = {}
        for i in range(0, len(ids), 500):
            rows = conn.execute(select(events).where(events.c.id.in_(list(ids[i : i + 500]))))
            found.update({row.id: _stored(row) for row in rows})
        return found

    def _scalar(self, query: Any, conn: Connection | None) -> Any:
        if conn is None:
            with self.engine.connect() as own:
                return own.execute(query).scalar_one_or_none()
        return conn.execute(query).scalar_one_or_none()

    def head(self, conn: Connection | None = None) -> int:
        """The highest committed position, 0 when empty."""
        query = select(func.coalesce(func.max(events.c.position), 0))
        if conn is None:
            with self.engine.connect() as own:
                return int(own.execute(query).scalar_one())
        return int(conn.execute(query).scalar_one())


def decode_row(row: Any) -> StoredEvent:
    """A row of the events table (position, id, type, version, payload, recorded_at) decoded."""
    return _stored(row)


_DECODED: dict[tuple[int, str], tuple[str, int, str, Any, StoredEvent]] = {}
_DECODED_LOCK = threading.Lock()
DECODED_KEPT = 1024
"""Events kept decoded, the latest read: every projection of a daemon pass reads the same
few batches of the log in turn, and each would otherwise parse every payload again."""


def _stored(row: Any) -> StoredEvent:
    """The row decoded; a row read before (same position, id, type, version, payload and
    record time: a stored event never changes) gives the same frozen event again."""
    key = (row.position, row.id)
    kept = _DECODED.get(key)
    if kept is not None and kept[:4] == (row.type, row.version, row.payload, row.recorded_at):
        return kept[4]
    stored = _decoded(row)
    with _DECODED_LOCK:  # readers on several threads (projections, web)
        while len(_DECODED) >= DECODED_KEPT:
            del _DECODED[next(iter(_DECODED))]  # the oldest kept: first in, first out
        _DECODED[key] = (row.type, row.version, row.payload, row.recorded_at, stored)
    return stored


def _decoded(row: Any) -> StoredEvent:
    try:
        event = decode(row.type, row.version, row.payload)
    except DecodeError as exc:
        raise DecodeError(
            f"event #{row.position} ({row.type} v{row.version}) cannot be decoded: {exc}; "
            "the log is kept as it is: fix or upgrade the code, then run again"
        ) from exc
    return StoredEvent(
        position=row.position,
        id=row.id,
        type=row.type,
        version=row.version,
        recorded_at=as_utc(row.recorded_at),
        event=event,
    )
