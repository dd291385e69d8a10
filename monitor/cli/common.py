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
from rich import box
from rich.cells import cell_len
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from monitor import config as config_mod
from monitor.cli import EXIT_CONFIG, EXIT_FAILURE, EXIT_OK, EXIT_USAGE  # noqa: F401  (re-exported)
from monitor.cli.format import style_of, when
from monitor.clock import iso as iso  # re-exported: every command formats times with it
from monitor.daemon.app import App
from monitor.daemon.bootstrap import open_app

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


@dataclass(frozen=True)
class Col:
    """A table column: how it shares the width. Ids, times and counts never wrap; free text
    takes the `ratio` of what is left (and folds, or is cut with "…" when `one_line`)."""

    header: str
    ratio: int | None = None
    no_wrap: bool = False
    max_width: int | None = None
    min_width: int | None = None
    right: bool = False
    one_line: bool = False


ID = Col("id", no_wrap=True)
TIME = Col("", no_wrap=True)


def col(header: str, base: Col | None = None, **changes: Any) -> Col:
    """A column named `header`, like `base` with `changes` ("published", TIME)."""
    fields = {**(base.__dict__ if base else {}), **changes, "header": header}
    return Col(**fields)


def paint(word: str | None) -> Text:
    """A state word in its colour ("failing" red); plain where colour is off (NO_COLOR)."""
    return Text(word or "", style=style_of(word))


def stacked_when(value: Any) -> Text:
    """A time in two lines for tables of tall rows: the local time, then its age (dim)."""
    stamp = when(value, relative=False)
    ago = when(value)[len(stamp) :].strip(" ()")
    text = Text(stamp)
    if ago:
        text.append("\n" + ago, style="dim")
    return text


def cell(value: Any) -> RenderableType:
    """Table cells are plain text (feed titles may hold "[...]": never read as markup)."""
    if value is None:
        return Text("")
    if isinstance(value, Text | Table):
        return value
    return Text(str(value))


def _width(value: RenderableType) -> int:
    if isinstance(value, Text):
        return max((cell_len(line) for line in value.plain.splitlines()), default=0)
    return 0


def print_table(
    title: str | Text | None,
    columns: Sequence[str | Col],
    rows: Sequence[Sequence[Any]],
    *,
    empty: str | None = None,
    footer: str | None = None,
) -> None:
    """A readable table on the terminal (plain text when piped); with no rows, the `empty`
    message (what to do next) instead of bare headers; `footer` after it (the next page)."""
    if not rows and empty is not None:
        console.print(empty, markup=False, highlight=False)
        return
    table = Table(
        title=Text(title) if isinstance(title, str) else title,
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
        show_lines=False,
        header_style="bold",
        show_edge=False,
        expand=any(isinstance(c, Col) and c.ratio for c in columns),
    )
    cells = [[cell(v) for v in row] for row in rows]
    for n, spec in enumerate(columns):
        c = spec if isinstance(spec, Col) else Col(spec)
        widest = c.min_width
        if c.no_wrap:  # ids and times keep their width whatever the free text wants
            widest = max([len(c.header)] + [_width(r[n]) for r in cells])
        table.add_column(
            c.header,
            ratio=c.ratio,
            no_wrap=c.no_wrap,
            max_width=c.max_width,
            min_width=widest,
            justify="right" if c.right else "left",
            overflow="ellipsis" if c.no_wrap else "fold",
        )
        if c.one_line:  # the column may shrink; its text is cut with "…", never wrapped
            for r in cells:
                value = r[n]
                if isinstance(value, Text):
                    value.no_wrap, value.overflow = True, "ellipsis"
    for row in cells:
        table.add_row(*row)
    console.print(table)
    if footer:
        console.print(footer, markup=False, highlight=False, style="dim", soft_wrap=True)
