"""Shared CLI plumbing: the context object, output helpers, exit codes."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from monitor import config as config_mod
from monitor.cli import EXIT_CONFIG, EXIT_FAILURE, EXIT_OK, EXIT_USAGE  # noqa: F401  (re-exported)
from monitor.clock import iso as iso  # re-exported: every command formats times with it
from monitor.daemon.bootstrap import App, open_app

console = Console()
err_console = Console(stderr=True, soft_wrap=True)


@dataclass
class CliState:
    """What the top-level options decided."""

    config_path: str | None
    log_level: str

    def load_config(self) -> config_mod.Config:
        """The effective configuration (ConfigError propagates to main → exit 78)."""
        return self.load_config_and_source()[0]

    def load_config_and_source(self) -> tuple[config_mod.Config, str | None]:
        """The effective configuration and the file it was read from (None: no file)."""
        cfg, path = config_mod.load(self.config_path)
        return cfg, config_mod.source_of(path)


pass_state = click.make_pass_decorator(CliState)


@contextmanager
def app_from(state: CliState, *, upgrade: bool = False) -> Iterator[App]:
    """Open the application for one command and close it afterwards."""
    config, source = state.load_config_and_source()
    app = open_app(config, upgrade=upgrade, source=source)
    try:
        yield app
    finally:
        app.close()


def print_json(data: Any) -> None:
    """Machine output on stdout: stable keys, ISO times."""
    sys.stdout.write(json.dumps(data, indent=2, default=_default, ensure_ascii=False) + "\n")


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return iso(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def print_table(title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """A readable table on the terminal (plain text when piped)."""
    table = Table(title=title, show_lines=False, header_style="bold")
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*["" if v is None else str(v) for v in row])
    console.print(table)
