"""Plain SQL through the driver for the cluster state's big tables: IN lists bound in
chunks and many-row upserts compiled once per dialect (:mod:`monitor.projections.cluster_state`,
:mod:`monitor.projections.term_counts`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Table, bindparam

from monitor.store.dialects import dialect_of

IN_CHUNK = 500
"""Bound on bound parameters per IN (...) list."""


def select_in(
    conn: Connection, sql: str, values: Sequence[Any], tail: Sequence[Any] = ()
) -> list[tuple[Any, ...]]:
    """Rows of ``sql`` with its ``{marks}`` bound to ``values`` and its ``{mark}`` to ``tail``."""
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    text = sql.format(marks=", ".join([mark] * len(values)), mark=mark)
    return [tuple(row) for row in conn.exec_driver_sql(text, (*values, *tail))]


def fast_upsert(conn: Connection, table: Table, rows: list[tuple[Any, ...]], update: str) -> None:
    """INSERT ... ON CONFLICT of many plain rows (no type conversion) through the driver.

    For the two big tables of plain strings and integers (bands and term counts): the
    statement is compiled once per dialect and the rows go to the driver's executemany as
    they are, without SQLAlchemy's per-row parameter processing. ``update`` names the
    column replaced on conflict ("" for DO NOTHING); the key is the primary key.
    """
    if not rows:
        return
    key = (type(conn.dialect), table.name)
    compiled = _FAST.get(key)
    if compiled is None:
        columns = [c.name for c in table.columns]
        stmt = dialect_of(conn).insert(table)
        keys = [c.name for c in table.primary_key.columns]
        if update:
            stmt = stmt.on_conflict_do_update(
                index_elements=keys, set_={update: stmt.excluded[update]}
            )
        else:
            stmt = stmt.on_conflict_do_nothing(index_elements=keys)
        sql = stmt.values({c: bindparam(c) for c in columns}).compile(dialect=conn.dialect)
        order = list(sql.positiontup or ())
        compiled = _FAST[key] = (str(sql), columns, order)
    text, columns, order = compiled
    if order:  # a positional paramstyle (SQLite's qmark): the compiled order of the columns
        index = [columns.index(name) for name in order]
        if index == list(range(len(columns))):
            params: list[Any] = rows  # already in the compiled order
        else:
            params = [tuple(row[i] for i in index) for row in rows]
    else:  # named (psycopg's pyformat)
        params = [dict(zip(columns, row, strict=True)) for row in rows]
    conn.exec_driver_sql(text, params)


_FAST: dict[tuple[type, str], tuple[str, list[str], list[str]]] = {}


def chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), IN_CHUNK):
        yield items[start : start + IN_CHUNK]


_SHARING_ALL = (
    "SELECT b.article_id FROM {table} b WHERE b.band_key = {mark}"
    " AND (SELECT count(*) FROM {table} c"
    " WHERE c.article_id = b.article_id AND c.band_key IN ({marks})) = {mark}"
    " ORDER BY b.article_id LIMIT {mark}"
)


def sharing_all(
    conn: Connection, table: Table, keys: Sequence[int], through: int, limit: int
) -> list[str]:
    """The first ``limit`` article ids (in id order) of the band table ``table`` stored
    under every one of ``keys`` (distinct), found by walking the postings of ``through``
    (one of them, the rarest best) in id order and counting each article's others by
    primary-key lookups: when ``limit`` articles share all the keys, they are exactly the
    top of the counting query (ties by id), and the walk stops at the ``limit``-th
    instead of grouping every posting of every key."""
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    text = _SHARING_ALL.format(table=table.name, mark=mark, marks=", ".join([mark] * len(keys)))
    rows = conn.exec_driver_sql(text, (through, *keys, len(keys), limit))
    return [str(article_id) for (article_id,) in rows]
