"""The projection runner: read after the checkpoint, apply, write rows and checkpoint atomically.

Poison events (docs/SPEC.md §8: nothing may stop the pipeline). Each batch is applied
inside a savepoint. When applying raises anything but a database availability error, the
batch is applied again one event at a time, each in its own savepoint; an event that still
fails is skipped *for this projection only*: a `ProjectionFailed` marker (projection,
position, event id, error) is appended to the log, an error is logged with the position,
and the checkpoint moves past it, so the other events and the other projections go on.
Availability errors (connection lost, database locked, read-only, disk full: SQLAlchemy's
OperationalError/InterfaceError) are never skipped: the transaction rolls back and the
batch is retried on the next run, while /readyz reports the lag.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterator, Mapping, Sequence, Set
from datetime import datetime
from typing import Protocol, runtime_checkable

from sqlalchemy import Connection, Engine, Table, delete, select
from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError

from monitor.clock import as_utc
from monitor.events import ProjectionFailed
from monitor.logging import get_logger
from monitor.projector.collection import batch_collection
from monitor.store import checkpoints
from monitor.store.checkpoints import CheckpointConflict
from monitor.store.eventlog import SqlEventLog, StoredEvent
from monitor.store.tables import checkpoints as checkpoint_table
from monitor.text import sanitise

Progress = Callable[[int, int], None]

# Errors that say the database is unavailable, not that the event is bad: never skipped.
TRANSIENT: tuple[type[BaseException], ...] = (
    OperationalError,
    InterfaceError,
    DisconnectionError,
    CheckpointConflict,
)
ERROR_CHARS = 1000
# Events are applied in chunks inside the batch's transaction, so a shutdown (or a progress
# report) never waits for a whole batch: the chunk grows while chunks are quick and shrinks
# when they are slow (a chunk's size never changes what a projection computes).
# With `tick` set (the daemon), a batch is also committed early once it has taken
# BATCH_SECONDS, so no projection holds SQLite's single write lock for long.
CHUNK_FIRST = 1
CHUNK_MAX = 500
CHUNK_SECONDS = 0.5
BATCH_SECONDS = 2.0


class ProjectionStopped(Exception):
    """A stop was asked for in the middle of a batch; the batch is rolled back, not committed."""


_NOT_POISON: tuple[type[BaseException], ...] = (*TRANSIENT, ProjectionStopped)


@runtime_checkable
class Projection(Protocol):
    """A read model derived from the log; `apply` must be deterministic (no clock, no randomness)."""

    @property
    def name(self) -> str:
        """Unique name; also the checkpoint's key."""
        ...

    @property
    def tables(self) -> Sequence[Table]:
        """The read-model tables it owns (cleared by a rebuild)."""
        ...

    def apply(self, conn: Connection, stored: StoredEvent) -> None:
        """Fold one event into the read model, inside the runner's transaction."""
        ...


@runtime_checkable
class BatchProjection(Projection, Protocol):
    """A projection that folds a whole batch at once (fewer round trips)."""

    def apply_batch(self, conn: Connection, batch: Sequence[StoredEvent]) -> None:
        """Fold a batch, in log order, inside the runner's transaction."""
        ...


def apply_all(projection: Projection, conn: Connection, batch: Sequence[StoredEvent]) -> None:
    """Apply a batch through `apply_batch` when the projection has one, else event by event."""
    if isinstance(projection, BatchProjection):
        projection.apply_batch(conn, batch)
        return
    for stored in batch:
        projection.apply(conn, stored)


class ProjectionRunner:
    """Runs one projection; safe against a second runner on the same projection."""

    def __init__(
        self,
        engine: Engine,
        log: SqlEventLog,
        projection: Projection,
        batch_size: int = 500,
        *,
        stop: Callable[[], bool] | None = None,
        tick: Callable[[], None] | None = None,
    ) -> None:
        self.engine = engine
        self.log = log
        self.projection = projection
        self.batch_size = batch_size
        self.stop = stop  # checked between chunks: True rolls the batch back
        self.tick = tick  # called after every chunk (liveness for the daemon's watchdog)
        self._chunk = CHUNK_FIRST
        self.cut_short = False  # the last batch was committed early (more events are due)

    def run_once(self, until: int | None = None) -> int:
        """Apply the next batch (not past position `until`); returns how many events it applied.

        Raises CheckpointConflict (after rolling back) when another runner got there first.
        Returns 0 after rolling back when `stop` asked for it mid-batch.
        """
        try:
            with self.engine.begin() as conn:
                return self.step(conn, until)
        except ProjectionStopped:
            return 0

    def step(self, conn: Connection, until: int | None = None) -> int:
        """Apply the next batch inside the caller's transaction; returns how many events."""
        name = self.projection.name
        start = checkpoints.load(conn, name, lock=True)
        batch = self.log.read_after(start, self.batch_size, conn=conn)
        if until is not None:
            batch = [s for s in batch if s.position <= until]
        self.cut_short = False
        if not batch:
            return 0
        try:
            with conn.begin_nested(), batch_collection():
                applied = self._apply_chunked(conn, batch)
        except _NOT_POISON:
            raise
        except Exception:
            self._apply_singly(conn, batch)
            applied = len(batch)
        self.cut_short = applied < len(batch)
        checkpoints.advance(conn, name, start, batch[applied - 1].position)
        return applied

    def _apply_chunked(self, conn: Connection, batch: Sequence[StoredEvent]) -> int:
        """Apply the batch (or, with `tick`, as much of it as BATCH_SECONDS allow); how many."""
        if self.stop is None and self.tick is None:
            apply_all(self.projection, conn, batch)
            return len(batch)
        at = 0
        began = time.monotonic()
        while at < len(batch):
            if self.tick is not None and at and time.monotonic() - began > BATCH_SECONDS:
                return at
            self._check_stop()
            chunk = batch[at : at + self._chunk]
            started = time.monotonic()
            apply_all(self.projection, conn, chunk)
            at += len(chunk)
            took = time.monotonic() - started
            if took < CHUNK_SECONDS / 2:
                self._chunk = min(self._chunk * 2, CHUNK_MAX)
            elif took > CHUNK_SECONDS:
                self._chunk = max(self._chunk // 2, 1)
            if self.tick is not None:
                self.tick()
        return at

    def _check_stop(self) -> None:
        if self.stop is not None and self.stop():
            raise ProjectionStopped(self.projection.name)

    def _apply_singly(self, conn: Connection, batch: Sequence[StoredEvent]) -> None:
        """Apply event by event; skip (with a marker) each one that fails on its own."""
        for stored in batch:
            self._check_stop()
            try:
                with conn.begin_nested():
                    apply_all(self.projection, conn, [stored])
            except _NOT_POISON:
                raise
            except Exception as exc:
                self._skip(conn, stored, exc)

    def _skip(self, conn: Connection, stored: StoredEvent, exc: Exception) -> None:
        cause = getattr(exc, "orig", None) or exc  # the driver's words, not SQL and parameters
        error = sanitise.clean_line(f"{type(cause).__name__}: {cause}", ERROR_CHARS) or "error"
        get_logger("projections").error(
            "projection skipped an event it cannot fold",
            projection=self.projection.name,
            position=stored.position,
            event_type=stored.type,
            event_id=stored.id,
            error=error,
        )
        marker = ProjectionFailed(
            projection=self.projection.name,
            position=stored.position,
            failed_event=stored.id,
            failed_type=stored.type,
            error=error,
        )
        self.log.append([marker], conn=conn)

    def catch_up(self, progress: Progress | None = None, until: int | None = None) -> int:
        """Apply batches until the projection reaches `until` (default: the head right now).

        Running every projection to the same `until` keeps a later projection from folding
        an event an earlier one (whose tables it reads) has not folded yet.
        """
        target = self.log.head() if until is None else until
        total = 0
        while True:
            done = self.run_once(target)
            total += done
            if progress is not None:
                progress(total, target)
            if done < self.batch_size and not self.cut_short:
                return total

    def rebuild(self, progress: Progress | None = None) -> int:
        """Drop the read model and rebuild it from position 0 in one transaction."""
        with self.engine.begin() as conn:
            for table in reversed(list(self.projection.tables)):
                conn.execute(delete(table))
            checkpoints.reset(conn, self.projection.name)
            head = self.log.head(conn)
            total = 0
            while True:
                done = self.step(conn)
                total += done
                if progress is not None:
                    progress(total, head)
                if done == 0:
                    return total

    def position(self) -> int:
        """The projection's checkpoint."""
        with self.engine.begin() as conn:
            return checkpoints.load(conn, self.projection.name)


def checkpoint_positions(conn: Connection, names: Sequence[str]) -> dict[str, int]:
    """The checkpoints of `names` as they are committed now (0 for one that never ran)."""
    found = dict(
        conn.execute(
            select(checkpoint_table.c.name, checkpoint_table.c.position).where(
                checkpoint_table.c.name.in_(list(names))
            )
        ).all()
    )
    return {name: int(found.get(name, 0)) for name in names}


def bounded_targets(
    order: Sequence[str], owned: Set[str], head: int, positions: Mapping[str, int]
) -> Iterator[tuple[str, int]]:
    """(projection, target) for each owned projection, in registry order: a projection may
    not pass any earlier one (whose tables it reads), wherever that one runs.

    A generator: the caller updates `positions` with how far each owned one got before
    asking for the next, so a projection that stopped early bounds those after it.
    """
    bound = head
    for name in order:
        if name in owned:
            yield name, bound
        bound = min(bound, positions.get(name, 0))


def digest(conn: Connection, tables: Sequence[Table]) -> str:
    """A content hash of the tables, independent of physical row order."""
    h = hashlib.sha256()
    for table in tables:
        rows = [
            json.dumps([_plain(v) for v in row], default=str)
            for row in conn.execute(select(table)).all()
        ]
        h.update(table.name.encode())
        for line in sorted(rows):
            h.update(line.encode())
    return h.hexdigest()


def _plain(value: object) -> object:
    # SQLite returns naive datetimes where PostgreSQL returns aware ones; both mean UTC.
    if isinstance(value, datetime):
        return as_utc(value).isoformat()
    return value
