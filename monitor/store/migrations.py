"""Schema management through Alembic: upgrade, version checks, refusing newer schemas."""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect
from sqlalchemy.exc import DatabaseError, OperationalError

import monitor
from alembic import command
from monitor.store.db import StoreError, describe, explain


def script_location() -> Path:
    """The Alembic script directory: `alembic/` in a checkout, `monitor/_migrations` when installed."""
    package = Path(monitor.__file__).resolve().parent
    for candidate in (package / "_migrations", package.parent / "alembic"):
        if (candidate / "env.py").is_file():
            return candidate
    raise StoreError("the Alembic migrations are missing from this installation")


def alembic_config(engine: Engine | None = None) -> Config:
    """An Alembic Config pointing at our scripts (and at `engine`, when given)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location()))
    if engine is not None:
        cfg.set_main_option(
            "sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%")
        )
    return cfg


NO_DATA_HINT = "run `monitor poll` or `monitor run` first (or `monitor demo --keep DIR` to explore)"


def head_revision() -> str:
    """The newest revision(s) this code knows, comma-separated when branches are open."""
    return ",".join(sorted(ScriptDirectory.from_config(alembic_config()).get_heads()))


def current_revision(conn: Connection) -> str | None:
    """The revision(s) stamped in the database (None for an empty database)."""
    heads = MigrationContext.configure(conn).get_current_heads()
    return ",".join(sorted(heads)) if heads else None


def _check_known(engine: Engine, conn: Connection) -> str | None:
    current = current_revision(conn)
    script = ScriptDirectory.from_config(alembic_config())
    if current is None:
        tables = set(inspect(conn).get_table_names())
        if tables:
            raise StoreError(
                f"{describe(engine)} holds tables ({', '.join(sorted(tables)[:5])}) but no monitor "
                "schema version: it is not a monitor database; point database_url elsewhere"
            )
        return None
    try:
        for revision in current.split(","):
            if script.get_revision(revision) is None:
                raise LookupError(revision)
    except Exception as exc:
        raise StoreError(
            f"{describe(engine)} has schema revision {current}, newer than this monitor "
            f"(knows up to {head_revision()}): upgrade monitor before using this database"
        ) from exc
    return current


def upgrade(engine: Engine) -> tuple[str | None, str]:
    """Bring the schema to head; returns (from, to). Refuses foreign or newer schemas."""
    try:
        with engine.begin() as conn:
            before = _check_known(engine, conn)
            cfg = alembic_config(engine)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "heads")
        return before, head_revision()
    except (DatabaseError, OperationalError) as exc:
        raise explain(engine, exc) from exc


def check_current(engine: Engine) -> None:
    """Raise StoreError unless the schema is exactly at head (for read-only commands)."""
    try:
        with engine.connect() as conn:
            current = _check_known(engine, conn)
    except (DatabaseError, OperationalError) as exc:
        raise explain(engine, exc) from exc
    if current is None:
        raise StoreError(f"no data yet in {describe(engine)}: {NO_DATA_HINT}")
    if current != head_revision():
        raise StoreError(
            f"{describe(engine)} schema is at {current or 'nothing'}, not {head_revision()}: "
            "run `monitor db upgrade`"
        )
