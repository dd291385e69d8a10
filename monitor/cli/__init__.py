"""The `monitor` command line."""

from __future__ import annotations

import sys

import click

from monitor import __version__
from monitor import logging as logs
from monitor.cli.alerts import alerts_group
from monitor.cli.claims import claims_cmd
from monitor.cli.common import EXIT_CONFIG, EXIT_FAILURE, CliState, err_console
from monitor.cli.demo import demo_cmd
from monitor.cli.feeds import feeds_group, poll_cmd
from monitor.cli.figures import figure_cmd, figures_cmd
from monitor.cli.log_commands import config_group, db_group, events_cmd, replay_cmd
from monitor.cli.run import run_cmd
from monitor.cli.status import status_cmd
from monitor.cli.stories import stories_cmd, story_cmd
from monitor.config import ConfigError
from monitor.events import DecodeError
from monitor.store.db import StoreError


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option(
    "--config",
    "config_path",
    metavar="PATH",
    envvar=None,
    help="Config file (default: $MONITOR_CONFIG, ./monitor.toml, $CONFIGURATION_DIRECTORY, user config dir).",
)
@click.option(
    "--log-level",
    type=click.Choice(["debug", "info", "warning", "error"]),
    default="info",
    show_default=True,
)
@click.version_option(__version__, prog_name="monitor")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None, log_level: str) -> None:
    """news monitor: watch news feeds, group reporting into stories, track reported
    figures and alert when one changes.

    Start with `monitor demo`, then `monitor config check` and `monitor run`.
    """
    logs.configure(level=log_level)
    ctx.obj = CliState(config_path=config_path, log_level=log_level)


cli.add_command(events_cmd)
cli.add_command(replay_cmd)
cli.add_command(db_group)
cli.add_command(config_group)
cli.add_command(feeds_group)
cli.add_command(poll_cmd)
cli.add_command(demo_cmd)
cli.add_command(alerts_group)
cli.add_command(run_cmd)
cli.add_command(figures_cmd)
cli.add_command(figure_cmd)
cli.add_command(claims_cmd)
cli.add_command(stories_cmd)
cli.add_command(story_cmd)
cli.add_command(status_cmd)


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI and map errors to SPEC exit statuses."""
    try:
        cli.main(args=argv, prog_name="monitor", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code or 0)
    except click.exceptions.Abort:
        err_console.print("aborted")
        return EXIT_FAILURE
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except ConfigError as exc:
        err_console.print(f"[red]configuration error:[/red] {exc}", highlight=False)
        return EXIT_CONFIG
    except (StoreError, DecodeError) as exc:
        err_console.print(f"[red]error:[/red] {exc}", highlight=False)
        return EXIT_FAILURE
    return 0


if __name__ == "__main__":
    sys.exit(main())


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
