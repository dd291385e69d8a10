"""Reads never wait for writers: a read-only connection skips SQLite's write lock."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

import pytest
from sqlalchemy import Engine, func, insert, select

from monitor.store.db import is_sqlite, read_connection
from monitor.store.tables import checkpoints


def count_checkpoints(engine: Engine, *, read_only: bool) -> tuple[int, float]:
    """Rows in `checkpoints` as a new connection sees them, and how long that took."""
    started = time.monotonic()
    opened = read_connection(engine) if read_only else engine.connect()
    with opened as conn:
        found = int(conn.execute(select(func.count()).select_from(checkpoints)).scalar_one())
    return found, time.monotonic() - started


def test_a_read_does_not_wait_while_a_write_transaction_is_open(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(insert(checkpoints).values(name="committed", position=1))
    writer = engine.connect()
    writer.begin()  # SQLite: BEGIN IMMEDIATE, the write lock held until commit
    writer.execute(insert(checkpoints).values(name="uncommitted", position=2))
    with ThreadPoolExecutor(2) as pool:
        try:
            found, seconds = pool.submit(count_checkpoints, engine, read_only=True).result(5)
            assert found == 1, "the read sees the last committed state only"
            assert seconds < 1.0
            if is_sqlite(engine):
                # What the read would do without the read-only option: queue for the lock.
                waiting = pool.submit(count_checkpoints, engine, read_only=False)
                with pytest.raises(FutureTimeout):
                    waiting.result(0.5)
        finally:
            writer.commit()
            writer.close()
        if is_sqlite(engine):
            assert waiting.result(5)[0] == 2


def test_a_read_only_connection_reads_one_snapshot(engine: Engine) -> None:
    with read_connection(engine) as reader:
        before = reader.execute(select(func.count()).select_from(checkpoints)).scalar_one()
        with engine.begin() as conn:
            conn.execute(insert(checkpoints).values(name="later", position=3))
        again = reader.execute(select(func.count()).select_from(checkpoints)).scalar_one()
    assert before == again == 0
    assert count_checkpoints(engine, read_only=True)[0] == 1
