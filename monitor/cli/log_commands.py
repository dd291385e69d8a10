"""Commands about the log and the schema: events, replay, db upgrade, config check."""

from __future__ import annotations

import json

import click
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from monitor import config as config_mod
from monitor.cli.common import (
    TIME,
    CliState,
    Col,
    app_from,
    col,
    console,
    iso,
    pass_state,
    print_json,
    print_table,
)
from monitor.cli.format import plural, when
from monitor.daemon.cycle import sync_declared
from monitor.events import encode
from monitor.logging import get_logger
from monitor.store import migrations
from monitor.store.db import check_reachable, make_engine

POSITION_MAX = 2**63 - 1  # log positions are 64-bit integers in every store


@click.command("events")
@click.option(
    "--after",
    "after",
    type=click.IntRange(0, POSITION_MAX),
    default=0,
    show_default=True,
    help="Start after this position.",
)
@click.option("--limit", type=click.IntRange(1, 100_000), default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_state
def events_cmd(state: CliState, after: int, limit: int, as_json: bool) -> None:
    """Read the event log, oldest first."""
    with app_from(state) as app:
        batch = app.log.read_after(after, limit)
    rows = []
    for stored in batch:
        _, _, payload = encode(stored.event)
        rows.append(
            {
                "position": stored.position,
                "id": stored.id,
                "type": stored.type,
                "version": stored.event.VERSION,
                "recorded_at": iso(stored.recorded_at),
                "data": json.loads(payload),
            }
        )
    if as_json:
        print_json(rows)
        return
    print_table(
        None,
        [
            Col("pos", right=True, no_wrap=True),
            col("recorded", TIME),
            col("type", no_wrap=True),
            Col("data", ratio=1, one_line=True),
        ],
        [[r["position"], when(r["recorded_at"]), r["type"], json.dumps(r["data"])] for r in rows],
        empty=(
            "no events yet: `monitor poll` fetches the feeds and records what it saw"
            if after == 0
            else f"no events after position {after}"
        ),
        footer=(
            f"{plural(len(rows), 'event')} shown; next page: monitor events --after "
            f"{rows[-1]['position']}"
            if len(rows) == limit
            else None
        ),
    )


@click.command("replay")
@click.argument("projection", required=False)
@pass_state
def replay_cmd(state: CliState, projection: str | None) -> None:
    """Rebuild read models from the log (all, or one PROJECTION)."""
    with app_from(state, upgrade=True) as app:
        try:
            targets = [app.projection(projection)] if projection else app.projections
        except KeyError as exc:
            raise click.UsageError(str(exc.args[0])) from exc
        # A figure just added to the config is recorded first, so the rebuild fills its
        # history; and projections read the tables of those before them, so all catch up.
        sync_declared(app)
        app.project()
        with Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=not console.is_terminal,
        ) as bar:
            for proj in targets:
                task = bar.add_task(proj.name, total=app.log.head() or 1)

                def show(done: int, total: int, task: TaskID = task) -> None:
                    bar.update(task, completed=done, total=total or 1)

                done = app.runner(proj).rebuild(show)
                bar.update(task, completed=max(done, 1), total=max(done, 1))
        head = app.log.head()
        console.print(f"rebuilt {plural(len(targets), 'projection')} up to position {head}")
        get_logger("replay").info(
            "replay finished", projections=[p.name for p in targets], position=head
        )


@click.group("db")
def db_group() -> None:
    """Database schema."""


@db_group.command("upgrade")
@pass_state
def db_upgrade_cmd(state: CliState) -> None:
    """Create or upgrade the schema to this version (Alembic migrations)."""
    cfg = state.load_config()
    engine = make_engine(cfg.database_url)
    try:
        check_reachable(engine)
        before, after = migrations.upgrade(engine)
    finally:
        engine.dispose()
    if before == after:
        console.print(f"schema is current ({after})")
    else:
        console.print(f"schema upgraded from {before or 'empty'} to {after}")


@click.group("config")
def config_group() -> None:
    """Configuration."""


@config_group.command("check")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_state
def config_check_cmd(state: CliState, as_json: bool) -> None:
    """Validate and print the effective configuration (secrets masked)."""
    cfg, path = config_mod.load(state.config_path)
    data = config_mod.masked(cfg)
    if as_json:
        print_json({"file": str(path) if path else None, "config": data})
        return
    console.print(f"# configuration valid; file: {path or 'none (defaults)'}")
    console.print_json(json.dumps(data))
