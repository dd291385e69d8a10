"""SQLite: one writer at a time (BEGIN IMMEDIATE behind the store's write gate), WAL readers."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Select, Table
from sqlalchemy.dialects import sqlite

from monitor.store.dialects import READ_ONLY


class SqliteDialect:
    """SQLite specifics: row locks and the append lock are implied by the single writer."""

    name = "sqlite"
    session_locks = False

    def insert(self, table: Table) -> Any:
        """SQLite's INSERT with ON CONFLICT."""
        return sqlite.insert(table)

    def lock_rows(self, query: Select[Any], *, of: Table | None, skip_locked: bool) -> Select[Any]:
        """Unchanged: the transaction already holds the only write lock."""
        return query

    def read_only(self, conn: Connection) -> Connection:
        """A deferred BEGIN (a WAL snapshot) that skips the write gate."""
        return conn.execution_options(**{READ_ONLY: True})

    def before_append(self, conn: Connection) -> None:
        """Nothing: BEGIN IMMEDIATE already orders appends."""


DIALECT = SqliteDialect()
