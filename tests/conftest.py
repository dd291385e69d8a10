"""Shared fixtures: databases (a real SQLite file and a real PostgreSQL schema)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from monitor.config import build
from monitor.daemon.bootstrap import App, open_app
from monitor.store import migrations
from monitor.store.db import make_engine
from monitor.store.eventlog import SqlEventLog

pytest_plugins = ["tests.support.feedserver"]

PG_ENV = "MONITOR_TEST_DATABASE_URL"
PG_SKIP = f"{PG_ENV} is not set: PostgreSQL half of the suite skipped (CI sets it)"


def _pg_base() -> str | None:
    return os.environ.get(PG_ENV) or None


@pytest.fixture
def sqlite_url(tmp_path: os.PathLike[str]) -> str:
    """A fresh SQLite database file."""
    return f"sqlite:///{tmp_path}/monitor.db"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, private PostgreSQL schema (dropped afterwards); skipped without the env var."""
    base = _pg_base()
    if base is None:
        pytest.skip(PG_SKIP)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> str:
    """Each test using this runs once on SQLite and once on PostgreSQL."""
    name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    return str(request.getfixturevalue(name))


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """An engine on a migrated, empty database."""
    eng = make_engine(database_url)
    migrations.upgrade(eng)
    yield eng
    eng.dispose()


@pytest.fixture
def event_log(engine: Engine) -> SqlEventLog:
    """The event log on that database."""
    return SqlEventLog(engine)


@pytest.fixture
def make_app(database_url: str) -> Iterator[Callable[..., App]]:
    """Build the application on the test database from config data (TOML-shaped dicts)."""
    opened: list[App] = []

    def _make(source: str | None = None, **data: object) -> App:
        """`source`: the config file the data stands for (None: not read from a file)."""
        config = build({"database_url": database_url, **data}, {})
        app = open_app(config, upgrade=True, source=source)
        opened.append(app)
        return app

    yield _make
    for app in opened:
        app.close()
