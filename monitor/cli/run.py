"""`monitor run`: the daemon."""

from __future__ import annotations

import asyncio
import sys

import click

from monitor import logging as logs
from monitor.cli.common import CliState, app_from, pass_state
from monitor.daemon.service import Service, ServiceSettings
from monitor.store.leases import SingleDaemonLock
from monitor.web.server import PortInUse
from monitor.web.wiring import web_view


@click.command("run")
@click.option(
    "--tick",
    type=click.FloatRange(min=0.05),
    default=ServiceSettings.poll_tick,
    show_default=True,
    hidden=True,
    help="Seconds between looks for due feeds and deliveries (tests and benchmarks lower it).",
)
@pass_state
def run_cmd(state: CliState, tick: float) -> None:
    """The daemon: poll feeds on schedule, project, deliver alerts until SIGTERM/SIGINT.

    SIGHUP reloads the configuration (a bad one is logged and the running one kept).
    Under systemd it speaks sd_notify (READY, WATCHDOG, STATUS, STOPPING) and logs JSON on stdout.
    """
    config = state.load_config()
    # The CLI's --log-level wins when given; otherwise the config file's [logging] level.
    level = state.log_level if state.log_level != "info" else config.logging.level
    logs.configure(level=level, fmt=config.logging.format, stream=sys.stdout)
    settings = ServiceSettings(poll_tick=tick, deliver_tick=tick, exit_when_stuck=True)
    with app_from(state, upgrade=True) as app:
        # A second daemon on one SQLite file is refused before it opens anything else (its
        # web port would be taken by the first): probe the lock the service takes for good.
        probe = SingleDaemonLock.acquire(app.engine)
        if probe is not None:
            probe.release()
        service = Service(app, config_path=state.config_path, settings=settings)
        try:
            # The web view runs beside the service (its own thread and loop) and follows
            # its reloads through `service.app`.
            with web_view(lambda: service.app, service, config.web.listen):
                code = asyncio.run(service.run())
        except PortInUse as exc:
            raise click.ClickException(str(exc)) from None
    raise click.exceptions.Exit(code)
