"""`monitor status`: the daemons sharing the database and what each one holds."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import click
from sqlalchemy import Connection, func, select

from monitor.alerts.outbox import PENDING
from monitor.cli.common import CliState, app_from, console, pass_state, print_json, print_table
from monitor.cli.format import when
from monitor.clock import utcnow
from monitor.projector.runner import checkpoint_positions
from monitor.store import leases, locks
from monitor.store.db import as_utc
from monitor.store.dialects import has_session_locks
from monitor.store.tables_outbox import deliveries

# A daemon records itself every few seconds (`ServiceSettings.coordinate_tick`); one silent
# for this long is taken for dead (its locks are gone, its leases expire). On PostgreSQL a
# daemon whose lock session has ended is dead at once.
STALE_AFTER = timedelta(seconds=10)


@dataclass(frozen=True)
class ProcessView:
    """One registered daemon as `monitor status` shows it."""

    id: str
    host: str
    pid: int
    started_at: datetime
    heartbeat_at: datetime
    alive: bool
    projections: tuple[str, ...]
    leased_feeds: int
    claimed_deliveries: int


def holders_by_lock(
    lock_pids: Mapping[str, int], process_rows: Sequence[Mapping[str, Any]]
) -> dict[str, str]:
    """Projection → process id, from the lock sessions PostgreSQL reports (pg_locks)."""
    by_backend = {r["lock_backend_pid"]: r["id"] for r in process_rows if r["lock_backend_pid"]}
    return {
        name: by_backend.get(pid, f"unregistered session {pid}") for name, pid in lock_pids.items()
    }


def holders_by_record(process_rows: Sequence[Mapping[str, Any]], alive: set[str]) -> dict[str, str]:
    """Projection → process id, as the live daemons recorded them (SQLite: one daemon)."""
    return {
        name: r["id"]
        for r in process_rows
        if r["id"] in alive
        for name in r["projections"].split(",")
        if name
    }


def _claimed_deliveries(conn: Connection, now: datetime) -> dict[str, int]:
    d = deliveries.c
    rows = conn.execute(
        select(d.claimed_by, func.count())
        .where(d.state == PENDING, d.claimed_by.is_not(None), d.claimed_until >= now)
        .group_by(d.claimed_by)
    ).all()
    return {str(owner): int(n) for owner, n in rows}


def gather(conn: Connection, names: Sequence[str], now: datetime) -> dict[str, Any]:
    """The whole status: daemons, projections with their holder and position, the log head."""
    rows = leases.process_rows(conn)
    alive = {r["id"] for r in rows if as_utc(r["heartbeat_at"]) >= now - STALE_AFTER}
    if not has_session_locks(conn):
        holders = holders_by_record(rows, alive)
    else:
        sessions = locks.live_sessions(conn)
        alive = {r["id"] for r in rows if r["id"] in alive and r["lock_backend_pid"] in sessions}
        holders = holders_by_lock(locks.lock_holders(conn, names), rows)
    leased = leases.leased_counts(conn, now)
    claimed = _claimed_deliveries(conn, now)
    positions = checkpoint_positions(conn, names)
    views = [
        ProcessView(
            id=r["id"],
            host=r["host"],
            pid=r["pid"],
            started_at=as_utc(r["started_at"]),
            heartbeat_at=as_utc(r["heartbeat_at"]),
            alive=r["id"] in alive,
            projections=tuple(n for n in names if holders.get(n) == r["id"]),
            leased_feeds=leased.get(r["id"], 0),
            claimed_deliveries=claimed.get(r["id"], 0),
        )
        for r in rows
    ]
    return {
        "processes": [v.__dict__ for v in views],
        "projections": [
            {"name": n, "position": positions[n], "holder": holders.get(n)} for n in names
        ],
        "unowned_leased_feeds": sum(n for o, n in leased.items() if o not in alive),
    }


@click.command("status")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_state
def status_cmd(state: CliState, as_json: bool) -> None:
    """The daemons sharing the database: which projections each runs, the feeds it has
    leased and the alert deliveries it has claimed."""
    with app_from(state) as app:
        names = [p.name for p in app.projections]
        with app.engine.connect() as conn:
            report = gather(conn, names, utcnow())
            report["head"] = app.log.head(conn)
    if as_json:
        print_json(report)
        return
    print_table(
        "Daemons",
        ["process", "alive", "last heartbeat", "projections", "leased feeds", "deliveries"],
        [
            (
                p["id"],
                "yes" if p["alive"] else "no",
                when(p["heartbeat_at"]),
                ", ".join(p["projections"]) or "-",
                p["leased_feeds"],
                p["claimed_deliveries"],
            )
            for p in report["processes"]
        ],
    )
    print_table(
        f"Projections (log head {report['head']})",
        ["projection", "position", "run by"],
        [(p["name"], p["position"], p["holder"] or "nobody") for p in report["projections"]],
    )
    if not report["processes"]:
        console.print("no daemon has registered yet (`monitor run`)")
