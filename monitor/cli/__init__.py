"""The `monitor` command line.

Starting must be instant: this module imports only click. Each command's module (and with
it SQLAlchemy, the daemon, the text pipeline ...) is imported when that command runs; the
top-level help is drawn from the table below without importing any of them.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from monitor import __version__

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_CONFIG = 0, 1, 2, 78

# name → (module:attribute, one-line help for `monitor --help`), in the order help lists them.
COMMANDS: dict[str, tuple[str, str]] = {
    "run": ("monitor.cli.run:run_cmd", "The daemon: poll, project and deliver until SIGTERM."),
    "poll": ("monitor.cli.feeds:poll_cmd", "One full cycle in the foreground, then exit."),
    "feeds": ("monitor.cli.feeds:feeds_group", "Add, remove, import and list feeds."),
    "stories": ("monitor.cli.stories:stories_cmd", "Stories, newest first."),
    "story": ("monitor.cli.stories:story_cmd", "One story with its articles."),
    "figures": ("monitor.cli.figures:figures_cmd", "Tracked figures with their current value."),
    "figure": ("monitor.cli.figures:figure_cmd", "One figure's timeline."),
    "claims": ("monitor.cli.claims:claims_cmd", "Numbers found in articles and why they bound."),
    "alerts": ("monitor.cli.alerts:alerts_group", "Alerts and their deliveries; test a channel."),
    "events": ("monitor.cli.log_commands:events_cmd", "Read the event log."),
    "status": ("monitor.cli.status:status_cmd", "Daemons sharing the database and what they hold."),
    "replay": ("monitor.cli.log_commands:replay_cmd", "Rebuild read models from the log."),
    "db": ("monitor.cli.log_commands:db_group", "Database schema (migrations)."),
    "config": ("monitor.cli.log_commands:config_group", "Validate and print the configuration."),
    "demo": ("monitor.cli.demo:demo_cmd", "Offline demonstration of the whole pipeline."),
    "init": ("monitor.cli.init:init_cmd", "Write a commented starter configuration."),
}


class LazyGroup(click.Group):
    """A group whose commands are imported when they are used (click's lazy-loading pattern)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, _, attribute = target[0].partition(":")
        command = getattr(importlib.import_module(module), attribute)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, summary) for name, (_, summary) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
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

    Start with `monitor demo`, then `monitor init`, `monitor config check` and `monitor run`.
    """
    from monitor import logging as logs
    from monitor.cli.common import CliState

    logs.configure(level=log_level)
    ctx.obj = CliState(config_path=config_path, log_level=log_level)


def _known_failure(exc: Exception) -> int | None:
    """The exit status for the project's own error types (only modules already imported can
    have raised them, so nothing is imported here), None for anything else."""
    kinds = (
        ("monitor.config", "ConfigError", "configuration error", EXIT_CONFIG),
        ("monitor.store.db", "StoreError", "error", EXIT_FAILURE),
        ("monitor.events.base", "DecodeError", "error", EXIT_FAILURE),
    )
    for module_name, class_name, label, code in kinds:
        module: Any = sys.modules.get(module_name)
        error_type = getattr(module, class_name, None)
        if isinstance(error_type, type) and isinstance(exc, error_type):
            _print_error(f"{label}:", str(exc))
            return code
    sa_exc: Any = sys.modules.get("sqlalchemy.exc")
    if sa_exc is not None and isinstance(exc, sa_exc.DBAPIError):
        # A database failing mid-command (a corrupt page, a lost server): one line, exit 1.
        from monitor.store.db import driver_error_line

        _print_error("error:", driver_error_line(exc))
        return EXIT_FAILURE
    return None


def _print_usage_error(exc: click.UsageError) -> None:
    """One line: what was wrong and where the help is (click prints usage, a hint, a blank
    line and the error; a script's log wants the error)."""
    where = exc.ctx.command_path if exc.ctx is not None else "monitor"
    message = " ".join(exc.format_message().split())
    click.echo(f"Error: {message} (see `{where} --help`)", err=True)


def _print_error(label: str, message: str) -> None:
    """The label in red, the message as plain text: never read as markup (a config error
    quoting the pattern ^[a-z0-9][a-z0-9_-]*$ must print its brackets)."""
    from rich.text import Text

    from monitor.cli.common import err_console

    text = Text(label, style="red")
    if message:
        text.append(" " + message)
    err_console.print(text, highlight=False)


_GLOBAL_WITH_VALUE = ("--config", "--log-level")


def hoist_options(argv: list[str]) -> list[str]:
    """Accept the global options anywhere: `monitor figures --config X` means
    `monitor --config X figures`, and `monitor --json figures` means `monitor figures --json`.
    Nothing after a `--` is touched."""
    front: list[str] = []
    rest: list[str] = []
    json_first = False
    command_seen = False
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg == "--":
            rest += argv[index:]
            break
        name = arg.split("=", 1)[0]
        if name in _GLOBAL_WITH_VALUE and command_seen:
            taken = 1 if "=" in arg else 2
            front += argv[index : index + taken]
            index += taken
            continue
        if arg == "--json" and not command_seen:
            json_first = True
        else:
            rest.append(arg)
            if name in _GLOBAL_WITH_VALUE and "=" not in arg and not command_seen:
                index += 1  # its value
                if index < len(argv):
                    rest.append(argv[index])
            elif not arg.startswith("-"):
                command_seen = True
        index += 1
    return front + rest + (["--json"] if json_first else [])


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI and map errors to the documented exit statuses."""
    args = hoist_options(list(sys.argv[1:] if argv is None else argv))
    try:
        cli.main(args=args, prog_name="monitor", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code or 0)
    except click.exceptions.Abort:
        _print_error("aborted", "")
        return EXIT_FAILURE
    except click.UsageError as exc:
        _print_usage_error(exc)
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except Exception as exc:
        code = _known_failure(exc)
        if code is None:
            raise
        return code
    return EXIT_OK


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())


if __name__ == "__main__":
    run()
