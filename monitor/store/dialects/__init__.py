"""Where SQLite and PostgreSQL differ, behind one seam: one module per dialect.

Everything above the store asks this seam (or a store function built on it) and never the
dialect's name: the SQL each database needs for an upsert, for locking the rows a worker
claims, for a read-only snapshot, and for making log positions visible in commit order
(docs/ARCHITECTURE.md §2). Engine set-up (SQLite pragmas and its write gate) stays in
`monitor.store.db.make_engine`.
"""

from __future__ import annotations

from typing import Any, Protocol

from sqlalchemy import Connection, Engine, Select, Table

# Execution option marking a connection that only reads (see `monitor.store.db.read_connection`).
READ_ONLY = "monitor_read_only"


class Dialect(Protocol):
    """What the store needs to know about one database."""

    name: str
    # Session-scoped advisory locks exist: who holds a projection is read from the database's
    # lock table, and a process whose session ended is dead at once.
    session_locks: bool

    def insert(self, table: Table) -> Any:
        """An INSERT on `table` that supports ON CONFLICT DO NOTHING / DO UPDATE."""
        ...

    def lock_rows(self, query: Select[Any], *, of: Table | None, skip_locked: bool) -> Select[Any]:
        """`query` locking the rows it returns for this transaction (workers claiming work)."""
        ...

    def read_only(self, conn: Connection) -> Connection:
        """`conn` set up for a read-only snapshot transaction."""
        ...

    def before_append(self, conn: Connection) -> None:
        """Called before appending to the log, so positions become visible in commit order."""
        ...


def dialect_of(bind: Engine | Connection) -> Dialect:
    """The dialect of an engine or connection."""
    from monitor.store.dialects import postgresql, sqlite

    name = bind.dialect.name
    if name == "sqlite":
        return sqlite.DIALECT
    if name == "postgresql":
        return postgresql.DIALECT
    raise ValueError(f"unsupported database {name!r} (use SQLite or PostgreSQL)")


def lock_rows(
    bind: Engine | Connection,
    query: Select[Any],
    *,
    of: Table | None = None,
    skip_locked: bool = False,
) -> Select[Any]:
    """`query` locking its rows where the database can (a no-op where one writer runs at a time)."""
    return dialect_of(bind).lock_rows(query, of=of, skip_locked=skip_locked)


def has_session_locks(bind: Engine | Connection) -> bool:
    """Whether projection holders and live processes are read from session locks."""
    return dialect_of(bind).session_locks
