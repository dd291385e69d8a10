"""PostgreSQL: concurrent writers, row locks with SKIP LOCKED, advisory session locks."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Select, Table, text
from sqlalchemy.dialects import postgresql

from monitor.store.dialects import READ_ONLY


class PostgresqlDialect:
    """PostgreSQL specifics."""

    name = "postgresql"
    session_locks = True

    def insert(self, table: Table) -> Any:
        """PostgreSQL's INSERT with ON CONFLICT."""
        return postgresql.insert(table)

    def lock_rows(self, query: Select[Any], *, of: Table | None, skip_locked: bool) -> Select[Any]:
        """FOR UPDATE [OF table] [SKIP LOCKED]: concurrent workers take disjoint rows."""
        return query.with_for_update(of=of, skip_locked=skip_locked)

    def read_only(self, conn: Connection) -> Connection:
        """A READ ONLY, REPEATABLE READ transaction: one snapshot for all its reads."""
        conn = conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
        return conn.execution_options(**{READ_ONLY: True})

    def before_append(self, conn: Connection) -> None:
        """`LOCK TABLE events IN EXCLUSIVE MODE`: positions become visible in commit order
        (plain readers are not blocked by it)."""
        conn.execute(text("LOCK TABLE events IN EXCLUSIVE MODE"))


DIALECT = PostgresqlDialect()
