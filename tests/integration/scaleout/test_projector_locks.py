"""Projector ownership on PostgreSQL: one holder per projection, takeover, wake-ups."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine

from monitor.events import FeedAdded
from monitor.projector.runner import bounded_targets
from monitor.store import migrations
from monitor.store.db import make_engine
from monitor.store.eventlog import SqlEventLog
from monitor.store.locks import ProjectorLocks, listen_for_appends, lock_holders

NAMES = ("stats", "feeds", "stories")


@pytest.fixture
def pg_engine(postgres_url: str) -> Iterator[Engine]:
    """A migrated PostgreSQL schema."""
    engine = make_engine(postgres_url)
    migrations.upgrade(engine)
    yield engine
    engine.dispose()


def test_each_projection_has_one_holder_and_is_taken_over_when_it_goes(pg_engine: Engine) -> None:
    first, second = ProjectorLocks(pg_engine, NAMES), ProjectorLocks(pg_engine, NAMES)
    try:
        assert first.refresh() == frozenset(NAMES)
        assert second.refresh() == frozenset()
        with pg_engine.connect() as conn:
            assert set(lock_holders(conn, NAMES).values()) == {first.backend_pid}

        first.close()  # what the end of a killed process's session does too

        # The server ends the old session asynchronously: a daemon retries every few seconds.
        taken: set[str] = set()
        for _ in range(100):
            taken |= second.refresh()
            if second.held == frozenset(NAMES):
                break
            time.sleep(0.05)
        assert taken == set(NAMES)
        with pg_engine.connect() as conn:
            assert set(lock_holders(conn, NAMES).values()) == {second.backend_pid}
    finally:
        first.close()
        second.close()


def test_an_append_by_another_process_wakes_the_listener(pg_engine: Engine) -> None:
    async def scenario() -> int:
        woken = asyncio.Event()
        calls = 0

        def on_append() -> None:
            nonlocal calls
            calls += 1
            if calls > 1:  # the first call covers appends made before listening
                woken.set()

        listener = asyncio.create_task(listen_for_appends(pg_engine, on_append))
        await asyncio.sleep(0.5)
        other = make_engine(pg_engine.url.render_as_string(hide_password=False))
        now = datetime.now(UTC)
        await asyncio.to_thread(
            SqlEventLog(other).append,
            [
                FeedAdded(
                    url="https://a.example/f.xml",
                    name=None,
                    interval=None,
                    origin="cli",
                    added_at=now,
                )
            ],
        )
        await asyncio.wait_for(woken.wait(), timeout=10)
        listener.cancel()
        other.dispose()
        return calls

    assert asyncio.run(scenario()) >= 2


def test_a_projection_never_passes_an_earlier_one_held_elsewhere() -> None:
    order = ["stats", "feeds", "stories", "figures"]
    positions = {"stats": 90, "feeds": 40, "stories": 70, "figures": 10}

    targets = dict(bounded_targets(order, {"stats", "stories", "figures"}, 100, positions))

    assert targets == {"stats": 100, "stories": 40, "figures": 40}
