"""Engines and connections: SQLite (WAL, busy timeout) and PostgreSQL; clear errors for bad databases."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError
from sqlalchemy.pool import NullPool

from monitor.clock import as_utc as as_utc  # the store's readers normalise with it
from monitor.store.dialects import READ_ONLY, Dialect, dialect_of


class StoreError(RuntimeError):
    """The database cannot be used; the message says why and what to do."""


def is_sqlite(engine: Engine) -> bool:
    """True for an SQLite engine."""
    return engine.dialect.name == "sqlite"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Autocommit at the driver level so that SQLAlchemy's "begin" below is the only BEGIN.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout = 30000")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.execute("PRAGMA foreign_keys = ON")
    # A small page cache per connection: the pool may hold many connections, each of which
    # would otherwise fill 2 MiB as the database grows; the OS page cache serves reads anyway.
    cur.execute("PRAGMA cache_size = -512")
    cur.close()


class _SqliteGate:
    """Serialises this process's SQLite transactions in Python.

    Every transaction is BEGIN IMMEDIATE: one that reads and then writes can never fail
    half-way with SQLITE_BUSY, and commit order equals position order. Threads of one
    process queue on this lock instead of in SQLite's busy handler, which sleeps and polls.

    The lock is released exactly once per acquisition: a BEGIN that fails releases it at
    once, and the rollback SQLAlchemy then emits finds nothing to release (holders are
    known by their Connection object, which stays usable as a key even once invalidated).
    """

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self._holders: set[int] = set()

    def begin(self, conn: Connection) -> None:
        if conn.get_execution_options().get(READ_ONLY):
            conn.exec_driver_sql("BEGIN")  # a WAL snapshot: readers never wait for writers
            return
        self.lock.acquire()
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            self.lock.release()
            raise
        self._holders.add(id(conn))

    def end(self, conn: Connection) -> None:
        if id(conn) in self._holders:
            self._holders.discard(id(conn))
            self.lock.release()


# SQLite errors after which a connection must not be reused: one opened while the file was
# read-only stays read-only, and a full disk or I/O error can leave it in any state.
_SQLITE_UNUSABLE = (
    "readonly database",
    "database or disk is full",
    "disk i/o error",
    "unable to open database",
    "database disk image is malformed",
)


def _discard_unusable(context: Any) -> None:
    """SQLAlchemy handle_error hook: treat SQLite's 'cannot write here' errors as a lost
    connection, so the pool discards its connections and the next transaction opens anew."""
    orig = context.original_exception
    message = str(orig).lower()
    if isinstance(orig, sqlite3.DatabaseError) and any(h in message for h in _SQLITE_UNUSABLE):
        context.is_disconnect = True


def read_connection(engine: Engine) -> Connection:
    """A connection that only reads, seeing one snapshot for its whole transaction.

    On SQLite it skips the write gate and BEGIN IMMEDIATE (a deferred BEGIN in WAL mode:
    it never waits for a writer, nor makes one wait); on PostgreSQL it is a READ ONLY,
    REPEATABLE READ transaction. Read commands and the web view use it, so a page or a
    `monitor stories` never queues behind the poller or a projection.
    """
    return dialect_of(engine).read_only(engine.connect())


def make_engine(url: str, *, pool: bool = True) -> Engine:
    """An engine for `url`, with SQLite tuned for one writer and many readers."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"database_url {url!r} is not a valid SQLAlchemy URL: {exc}") from exc
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, poolclass=NullPool if not pool else None)
        gate = _SqliteGate()
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", gate.begin)
        event.listen(engine, "commit", gate.end)
        event.listen(engine, "rollback", gate.end)
        event.listen(engine, "handle_error", _discard_unusable)
        return engine
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        kwargs: dict[str, Any] = {"pool_pre_ping": True}
        if not pool:
            kwargs = {"poolclass": NullPool}
        return create_engine(parsed, connect_args={"connect_timeout": 10}, **kwargs)
    raise StoreError(
        f"database_url {url!r}: unsupported database {parsed.get_backend_name()!r} "
        "(use sqlite:///PATH or postgresql+psycopg://...)"
    )


def describe(engine: Engine) -> str:
    """The database for messages, without a password."""
    return engine.url.render_as_string(hide_password=True)


def explain(engine: Engine, exc: BaseException) -> StoreError:
    """Turn a driver error into a one-line StoreError naming the cause and the remedy."""
    where = describe(engine)
    orig = getattr(exc, "orig", exc)
    text = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    if is_sqlite(engine):
        if isinstance(orig, sqlite3.DatabaseError) and "not a database" in text:
            return StoreError(
                f"{where}: the file is not an SQLite database (corrupt or foreign file); "
                "move it away or set database_url to another path"
            )
        if isinstance(orig, sqlite3.DatabaseError) and "malformed" in text:
            return StoreError(
                f"{where}: the database file is corrupt inside ({text}); restore it from a "
                "backup, or try `sqlite3 FILE .recover`, then run again"
            )
        return StoreError(f"{where}: {text}")
    if isinstance(exc, OperationalError):
        return StoreError(
            f"cannot reach PostgreSQL at {where}: {text}; check database_url and that the "
            "server is running"
        )
    return StoreError(f"{where}: {text}")


def driver_error_line(exc: BaseException) -> str:
    """One line for a database error that escaped to the command line (no SQL, no trace)."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    if isinstance(orig, sqlite3.DatabaseError) and "malformed" in text:
        return (
            f"the database file is corrupt inside ({text}); restore it from a backup, "
            "or try `sqlite3 FILE .recover`, then run again"
        )
    return f"database error: {text}"


def check_reachable(engine: Engine) -> None:
    """Open one connection, raising StoreError with a clear message when that fails."""
    try:
        with engine.connect() as conn:
            inspect(conn).get_table_names()
    except (DatabaseError, OperationalError) as exc:
        raise explain(engine, exc) from exc


_UPSERTS: dict[tuple[str, str, tuple[str, ...], tuple[str, ...]], Any] = {}


def _upsert_statement(
    dialect: Dialect, table: Any, keys: tuple[str, ...], update: tuple[str, ...]
) -> Any:
    # Built once per shape: statement construction and cache-key generation dominate
    # the cost of small upserts otherwise.
    cache_key = (dialect.name, table.name, keys, update)
    stmt = _UPSERTS.get(cache_key)
    if stmt is None:
        stmt = dialect.insert(table)
        if update:
            stmt = stmt.on_conflict_do_update(
                index_elements=list(keys), set_={col: stmt.excluded[col] for col in update}
            )
        else:
            stmt = stmt.on_conflict_do_nothing(index_elements=list(keys))
        _UPSERTS[cache_key] = stmt
    return stmt


def upsert(
    conn: Any,
    table: Any,
    rows: dict[str, Any] | list[dict[str, Any]],
    keys: list[str],
    update: list[str] | None = None,
) -> None:
    """INSERT ... ON CONFLICT (keys) DO NOTHING / DO UPDATE, for one row or many, on both dialects."""
    if isinstance(rows, list) and not rows:
        return
    stmt = _upsert_statement(dialect_of(conn), table, tuple(keys), tuple(update or ()))
    conn.execute(stmt, rows)
