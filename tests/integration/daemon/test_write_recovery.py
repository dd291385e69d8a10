"""Recovery without a restart: a read-only file, a full disk, a PostgreSQL restart.

While writes fail /readyz says so (503 with the reason); once the database takes writes
again the daemon does too, with no restart and no connection left over from the spell.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from monitor.config import build
from monitor.daemon.bootstrap import App, open_app
from monitor.daemon.service import Service
from monitor.events import FeedAdded
from monitor.store import migrations
from monitor.store.db import make_engine
from monitor.store.eventlog import SqlEventLog

T0 = datetime(2024, 1, 1, tzinfo=UTC)


def added(i: int) -> FeedAdded:
    return FeedAdded(
        url=f"https://s{i}.example/rss",
        name=None,
        interval=None,
        origin="cli",
        added_at=T0 + timedelta(seconds=i),
    )


class Spell:
    """Runs PRAGMAs on every connection opened while `on` (as if the file changed under us)."""

    def __init__(self, engine: Engine, *pragmas: str) -> None:
        self.on = False
        self.pragmas = pragmas
        event.listen(engine, "connect", self._connect)

    def _connect(self, dbapi_conn: Any, _record: Any) -> None:
        if self.on:
            for pragma in self.pragmas:
                dbapi_conn.execute(pragma)


@pytest.fixture
def sqlite_app(sqlite_url: str) -> Iterator[App]:
    app = open_app(build({"database_url": sqlite_url}, {}), upgrade=True)
    yield app
    app.close()


def coordinate(service: Service) -> None:
    asyncio.run(service.coordinate())


def started(app: App) -> Service:
    service = Service(app)
    service.membership.join()  # registration only: no scheduler, no web server
    return service


def test_the_sqlite_gate_is_released_once_when_begin_fails(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    migrations.upgrade(engine)
    log = SqlEventLog(engine)
    Spell(engine, "PRAGMA busy_timeout = 50").on = True
    engine.dispose()
    path = make_url(sqlite_url).database
    assert path is not None
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    with pytest.raises(OperationalError, match="locked"):
        log.append([added(1)])
    other.execute("ROLLBACK")
    other.close()

    # Not a RuntimeError above, and the gate is free for any thread now.
    done = threading.Event()

    def append_then_signal() -> None:
        log.append([added(2)])
        done.set()

    threading.Thread(target=append_then_signal, daemon=True).start()
    assert done.wait(5), "the gate stayed locked"
    log.append([added(3)])
    assert log.head() == 2
    engine.dispose()


def test_a_read_only_spell_is_reported_and_recovered_from_without_restart(
    sqlite_app: App,
) -> None:
    service = started(sqlite_app)
    coordinate(service)
    assert service.writes.error() is None

    spell = Spell(sqlite_app.engine, "PRAGMA query_only = ON")
    spell.on = True
    sqlite_app.engine.dispose()  # every connection from now on opens read-only
    coordinate(service)
    verdict = service.readiness()
    assert not verdict.ready
    assert any("not writable" in r and "readonly" in r for r in verdict.reasons), verdict.reasons

    spell.on = False  # writable again; connections opened meanwhile must not linger
    for _ in range(3):
        coordinate(service)
        if service.writes.error() is None:
            break
    assert service.writes.error() is None
    sqlite_app.log.append([added(1)])
    assert not any("not writable" in r for r in service.readiness().reasons)


def test_a_full_disk_fails_projections_until_space_returns(sqlite_app: App) -> None:
    service = started(sqlite_app)
    with sqlite_app.engine.connect() as conn:
        pages = int(conn.execute(text("PRAGMA page_count")).scalar_one())
    spell = Spell(sqlite_app.engine, f"PRAGMA max_page_count = {pages}")
    spell.on = True
    sqlite_app.engine.dispose()
    with pytest.raises(OperationalError, match="full"):
        sqlite_app.log.append([added(i) for i in range(2000)])
    spell.on = False  # space again: the failed connection was discarded, not reused
    sqlite_app.log.append([added(i) for i in range(2000)])

    spell.on = True
    sqlite_app.engine.dispose()
    asyncio.run(service.project())
    assert "projections" in (service.writes.error() or ""), service.writes.error()
    assert not service.readiness().ready

    spell.on = False
    # A connection opened during the spell (here by the readiness check) fails once more,
    # and is discarded with the rest of the pool; the run after that succeeds.
    for _ in range(3):
        asyncio.run(service.project())
        if service.writes.error() is None:
            break
    assert service.writes.error() is None
    head = sqlite_app.log.head()
    assert all(sqlite_app.runner(p).position() == head for p in sqlite_app.projections)


@pytest.mark.postgres
def test_a_postgresql_restart_is_survived_without_restart(postgres_url: str) -> None:
    url = make_url(postgres_url).update_query_dict({"application_name": "monitor-restart"})
    app = open_app(build({"database_url": url.render_as_string(False)}, {}), upgrade=True)
    service = started(app)
    coordinate(service)
    app.log.append([added(1)])
    admin = make_engine(postgres_url, pool=False)
    with admin.connect() as conn:  # what a server restart does to every session of ours
        ended = conn.execute(
            text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE application_name = 'monitor-restart' AND pid <> pg_backend_pid()"
            )
        ).scalar_one()
    assert ended >= 1
    for _ in range(3):
        coordinate(service)
        if service.writes.error() is None:
            break
    assert service.writes.error() is None
    app.log.append([added(2)])
    assert app.log.head() == 2
    assert service.readiness().checks["writable"] is True
    admin.dispose()
    service.membership.leave()
    app.close()
