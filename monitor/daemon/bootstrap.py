"""The one place that wires concrete classes together: `open_app` builds the App (the
config, database and event log; `monitor.daemon.app`), `daemon_parts` the daemon's parts on
it. Nothing in the daemon imports this module; the faces (cli, web) and `service` do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import make_url
from sqlalchemy.exc import ArgumentError

from monitor.config import Config
from monitor.daemon.app import App, build_channels
from monitor.store import locks, migrations
from monitor.store.db import StoreError, check_reachable, make_engine
from monitor.store.eventlog import SqlEventLog

if TYPE_CHECKING:
    from monitor.daemon.delivery import DeliveryLoop
    from monitor.daemon.membership import Membership
    from monitor.daemon.notify import Notifier
    from monitor.daemon.polls import PollWorkers
    from monitor.daemon.projector import ProjectionLoop
    from monitor.daemon.reload import Reloader
    from monitor.daemon.state import DaemonState
    from monitor.daemon.watchdog import Watchdog

# Re-exported: commands, tests and benchmarks open an App here and name its type.
__all__ = ["App", "DaemonParts", "build_channels", "daemon_parts", "open_app"]


def _refuse_missing_sqlite_file(url: str) -> None:
    """Read commands never create a database: a missing SQLite file means no data yet."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return  # make_engine names the problem
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return
    path = Path(parsed.database).expanduser()
    if not path.exists():
        raise StoreError(f"no data yet: {path} does not exist; {migrations.NO_DATA_HINT}")


def open_app(config: Config, *, upgrade: bool = False, source: str | None = None) -> App:
    """Connect, then upgrade the schema (daemon, poll) or insist it is current (read commands).

    With `upgrade` (the daemon, `poll`: what delivers alerts) alert channels are built first:
    a bad channel setting is a configuration error at start (exit 78), never a surprise at
    the first alert. Read commands build them only if they use them.
    """
    channels = build_channels(config) if upgrade else None
    if not upgrade:
        _refuse_missing_sqlite_file(config.database_url)
    engine = make_engine(config.database_url)
    check_reachable(engine)
    if upgrade:
        # Several daemons starting at once on one PostgreSQL: one migrates, the others wait.
        with locks.exclusive(engine, "migrations"):
            migrations.upgrade(engine)
    else:
        migrations.check_current(engine)
    app = App(config=config, engine=engine, log=SqlEventLog(engine), source=source)
    if channels is not None:
        app.__dict__["channels"] = channels  # the cached_property's slot
    return app


@dataclass(frozen=True)
class DaemonParts:
    """The daemon's parts, one job each (see `monitor.daemon.service`)."""

    membership: Membership
    polls: PollWorkers
    projector: ProjectionLoop
    delivery: DeliveryLoop
    watchdog: Watchdog
    reloader: Reloader


def daemon_parts(
    state: DaemonState,
    notifier: Notifier,
    *,
    config_path: str | None,
    wake: Callable[[str], None],
    running: Callable[[], bool],
) -> DaemonParts:
    """Wire the daemon's parts on one shared state; `wake(job)` runs a job now."""
    from monitor.daemon.delivery import DeliveryLoop
    from monitor.daemon.membership import Membership
    from monitor.daemon.polls import PollWorkers
    from monitor.daemon.projector import ProjectionLoop
    from monitor.daemon.reload import Reloader
    from monitor.daemon.watchdog import Probes, Watchdog

    polls = PollWorkers(state, on_polled=lambda: wake("project"))
    membership = Membership(
        state,
        polling=lambda: polls.in_flight,
        renew_slots=polls.renew_slots,
        on_takeover=lambda: wake("project"),
    )
    projector = ProjectionLoop(
        state, owned=membership.owned_projections, on_applied=lambda: wake("deliver")
    )
    probes = Probes(
        running=running,
        polls_in_flight=lambda: len(polls.in_flight),
        owned_projections=membership.owned_projections,
        last_poll_at=lambda: polls.last_poll_at,
        last_projection_at=lambda: projector.last_run_at,
    )
    watchdog = Watchdog(state, notifier, probes)

    async def new_app(app: App) -> None:
        await polls.open()

    reloader = Reloader(
        state,
        notifier,
        config_path=config_path,
        await_figures=projector.await_figure_definitions,
        on_new_app=new_app,
        status=watchdog.status_line,
        wake=wake,
    )
    return DaemonParts(membership, polls, projector, DeliveryLoop(state), watchdog, reloader)
