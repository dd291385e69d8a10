"""Projection checkpoints with compare-and-set updates."""

from __future__ import annotations

from sqlalchemy import Connection, select, update

from monitor.store.db import upsert
from monitor.store.dialects import lock_rows
from monitor.store.tables import checkpoints


class CheckpointConflict(RuntimeError):
    """Another runner advanced the checkpoint first; this batch must be rolled back."""


def load(conn: Connection, name: str, *, lock: bool = False) -> int:
    """The projection's position (0 when it never ran); `lock` holds its row on PostgreSQL."""
    upsert(conn, checkpoints, {"name": name, "position": 0}, ["name"])
    query = select(checkpoints.c.position).where(checkpoints.c.name == name)
    if lock:
        query = lock_rows(conn, query)
    return int(conn.execute(query).scalar_one())


def advance(conn: Connection, name: str, expected: int, new: int) -> None:
    """Move the checkpoint from `expected` to `new`, or raise CheckpointConflict."""
    result = conn.execute(
        update(checkpoints)
        .where(checkpoints.c.name == name, checkpoints.c.position == expected)
        .values(position=new)
    )
    if result.rowcount != 1:
        raise CheckpointConflict(f"checkpoint {name!r} moved away from {expected}")


def reset(conn: Connection, name: str) -> None:
    """Set the checkpoint back to 0 (for a rebuild)."""
    load(conn, name)
    conn.execute(update(checkpoints).where(checkpoints.c.name == name).values(position=0))
