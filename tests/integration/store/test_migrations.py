"""Alembic is the only way the schema is made; bad databases are refused with clear messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect, text

from monitor.store import migrations
from monitor.store.db import StoreError, check_reachable, make_engine
from monitor.store.schema import metadata


def test_upgrade_from_empty_creates_every_table(database_url: str) -> None:
    engine = make_engine(database_url)
    before, after = migrations.upgrade(engine)
    assert before is None
    assert after == migrations.head_revision()
    assert set(metadata.tables) <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_upgrading_twice_changes_nothing(engine: Engine) -> None:
    head = migrations.head_revision()
    assert migrations.upgrade(engine) == (head, head)


def test_models_and_migrations_agree(engine: Engine) -> None:
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), metadata
        )
    assert diff == []


def test_a_schema_newer_than_the_code_is_refused(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'f00dcafe'"))
    with pytest.raises(StoreError, match="newer than this monitor.*upgrade monitor"):
        migrations.upgrade(engine)
    with pytest.raises(StoreError, match="newer than this monitor"):
        migrations.check_current(engine)


def test_a_foreign_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/other.db"
    foreign = create_engine(url)
    with foreign.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id INTEGER)"))
    engine = make_engine(url)
    with pytest.raises(StoreError, match=r"not a monitor database"):
        migrations.upgrade(engine)
    assert inspect(engine).get_table_names() == ["invoices"]


def test_a_corrupt_file_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "monitor.db"
    path.write_bytes(b"this is not sqlite" * 100)
    engine = make_engine(f"sqlite:///{path}")
    with pytest.raises(StoreError, match="not an SQLite database"):
        check_reachable(engine)
    assert path.read_bytes() == b"this is not sqlite" * 100


def test_an_unreachable_postgresql_is_named_with_the_remedy() -> None:
    engine = make_engine("postgresql+psycopg://postgres@127.0.0.1:1/none")
    with pytest.raises(StoreError, match="cannot reach PostgreSQL.*check database_url"):
        check_reachable(engine)


def test_read_commands_on_an_empty_database_say_there_is_no_data_yet(sqlite_url: str) -> None:
    with pytest.raises(StoreError, match="no data yet .*run `monitor poll` or `monitor run`"):
        migrations.check_current(make_engine(sqlite_url))


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
