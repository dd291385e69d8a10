"""PostgreSQL advisory locks and LISTEN/NOTIFY: projector ownership, start-up order, wake-ups.

Every lock key is derived from the schema and a name, so monitors sharing one database in
different schemas never block each other. On SQLite (one daemon per file, see
`leases.SingleDaemonLock`) every lock is granted at once and nothing is listened to.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, text

from monitor.logging import get_logger
from monitor.store.db import is_sqlite

if TYPE_CHECKING:  # imported where used: SQLite users never load the PostgreSQL driver
    import psycopg

EVENTS_CHANNEL = "monitor_events"  # the 0008 trigger notifies it on every append
RECONNECT_DELAY = 2.0

log = get_logger("locks")
_SCHEMAS: dict[str, str] = {}


def lock_key(schema: str, name: str) -> int:
    """The signed 64-bit advisory lock key of `name` in `schema` (stable across processes)."""
    digest = hashlib.blake2b(f"monitor|{schema}|{name}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def key_parts(key: int) -> tuple[int, int]:
    """How pg_locks shows a bigint key: (classid, objid), the high and low 32 bits."""
    unsigned = key & 0xFFFF_FFFF_FFFF_FFFF
    return unsigned >> 32, unsigned & 0xFFFF_FFFF


def schema_of(conn: Connection) -> str:
    """The connection's current schema (cached per database URL: it follows search_path)."""
    url = conn.engine.url.render_as_string(hide_password=False)
    if url not in _SCHEMAS:
        _SCHEMAS[url] = str(conn.execute(text("SELECT current_schema()")).scalar_one())
    return _SCHEMAS[url]


def xact_lock(conn: Connection, name: str) -> None:
    """Take a transaction-scoped advisory lock (waits; released at commit); no-op on SQLite."""
    if is_sqlite(conn.engine):
        return
    conn.execute(
        text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock_key(schema_of(conn), name)}
    )


@contextlib.contextmanager
def exclusive(engine: Engine, name: str) -> Iterator[None]:
    """Hold the session advisory lock `name` for the block, waiting for it (one process at a
    time: migrations, config sync at start); a no-op on SQLite."""
    if is_sqlite(engine):
        yield
        return
    with engine.connect() as conn:
        auto = conn.execution_options(isolation_level="AUTOCOMMIT")
        key = lock_key(schema_of(auto), name)
        auto.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
        try:
            yield
        finally:
            auto.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})


def connect_params(engine: Engine) -> dict[str, Any]:
    """psycopg connection parameters equal to the engine's own (search_path included)."""
    _, params = engine.dialect.create_connect_args(engine.url)
    return {"connect_timeout": 10, **params}


class ProjectorLocks:
    """One session-scoped advisory lock per projection, held on a dedicated connection.

    PostgreSQL releases them when that connection ends, so a process that dies loses its
    projections at once and another process's next `refresh` takes them over.
    """

    def __init__(self, engine: Engine, names: Sequence[str]) -> None:
        self.engine = engine
        self.names = tuple(names)
        self.held: frozenset[str] = frozenset()
        self.backend_pid: int | None = None
        self._conn: psycopg.Connection[Any] | None = None
        self._keys: dict[str, int] = {}

    def refresh(self) -> frozenset[str]:
        """Check the held locks still stand and try to take the others; the newly taken ones."""
        if is_sqlite(self.engine):
            fresh = frozenset(self.names) - self.held
            self.held = frozenset(self.names)
            return fresh
        import psycopg

        try:
            return self._try_missing()
        except psycopg.Error as exc:
            # The session is gone, and its locks with it: run nothing until re-acquired.
            log.warning("projection locks lost; reconnecting", error=str(exc))
            self._drop()
            return frozenset()

    def _connection(self) -> psycopg.Connection[Any]:
        import psycopg

        if self._conn is None or self._conn.closed:
            self._conn = psycopg.connect(autocommit=True, **connect_params(self.engine))
            row = self._conn.execute("SELECT pg_backend_pid(), current_schema()").fetchone()
            assert row is not None
            self.backend_pid, schema = int(row[0]), str(row[1])
            self._keys = {name: lock_key(schema, name) for name in self.names}
            self.held = frozenset()
        return self._conn

    def _try_missing(self) -> frozenset[str]:
        conn = self._connection()
        missing = [name for name in self.names if name not in self.held]
        if not missing:
            conn.execute("SELECT 1")  # a session that answers still holds its locks
            return frozenset()
        got = {
            name
            for name in missing
            if _scalar(conn, "SELECT pg_try_advisory_lock(%s)", self._keys[name])
        }
        self.held = self.held | got
        return frozenset(got)

    def _drop(self) -> None:
        import psycopg

        if self._conn is not None:
            with contextlib.suppress(psycopg.Error):
                self._conn.close()
        self._conn = None
        self.held = frozenset()
        self.backend_pid = None

    def close(self) -> None:
        """Release every lock (by ending the session)."""
        self._drop()


def _scalar(conn: psycopg.Connection[Any], query: str, *args: object) -> Any:
    row = conn.execute(query, args).fetchone()
    return None if row is None else row[0]


def lock_holders(conn: Connection, names: Sequence[str]) -> Mapping[str, int]:
    """Projection name → backend pid of the session holding its lock (PostgreSQL only)."""
    schema = schema_of(conn)
    wanted = {key_parts(lock_key(schema, name)): name for name in names}
    rows = conn.execute(
        text(
            "SELECT classid::bigint, objid::bigint, pid FROM pg_locks "
            "WHERE locktype = 'advisory' AND objsubid = 1 AND granted "
            "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
        )
    ).all()
    return {wanted[(int(c), int(o))]: int(pid) for c, o, pid in rows if (int(c), int(o)) in wanted}


def live_sessions(conn: Connection) -> set[int]:
    """Backend pids of the sessions open on this database now (PostgreSQL only)."""
    query = text("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
    return {int(pid) for (pid,) in conn.execute(query)}


async def listen_for_appends(engine: Engine, on_append: Callable[[], None]) -> None:
    """Call `on_append` whenever another process commits an append (until cancelled).

    Runs on a dedicated connection and reconnects after errors; the callers keep their
    periodic tick, so a notification lost while reconnecting only delays work.
    """
    if is_sqlite(engine):
        return
    import psycopg

    while True:
        try:
            await _listen(engine, on_append)
        except (psycopg.Error, OSError) as exc:
            log.warning("event notifications interrupted; reconnecting", error=str(exc))
        await asyncio.sleep(RECONNECT_DELAY)


async def _listen(engine: Engine, on_append: Callable[[], None]) -> None:
    import psycopg

    conn = await psycopg.AsyncConnection.connect(autocommit=True, **connect_params(engine))
    async with conn:
        cursor = await conn.execute("SELECT current_schema()")
        row = await cursor.fetchone()
        schema = str(row[0]) if row else ""
        await conn.execute(f"LISTEN {EVENTS_CHANNEL}")
        on_append()  # appends made while not listening
        async for note in conn.notifies():
            if note.payload == schema:
                on_append()
