"""`monitor figures` (and `figures try`) and `monitor figure NAME`: tracked figures, a dry run
of a definition over the stored history, and one figure's timeline."""

from __future__ import annotations

from typing import Any

import click

from monitor.cli.common import CliState, app_from, pass_state, print_json, print_table
from monitor.projections.figures import figure_names, figure_timeline, figures_overview
from monitor.projections.figures.explain import try_figure
from monitor.store.db import read_connection
from monitor.text.figures import FigureSpec, definition_problems


def value_text(claim: dict[str, Any] | None) -> str:
    """A claim's value for a table: "1,000,000 (more than a million)"."""
    if claim is None:
        return "—"
    value = claim["value"]
    number = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"
    return f"{number} ({claim['text']})" if claim.get("text") else number


def frame_text(claim: dict[str, Any]) -> str:
    """ "total, current, Ohio" — the frame that decided what the claim could do."""
    bits = [claim.get("kind") or "", claim.get("time") or "", claim.get("scope") or "—"]
    return ", ".join(b for b in bits if b)


def _source(claim: dict[str, Any]) -> str:
    article = claim.get("article") or {}
    return f"{article.get('source') or ''}\n{article.get('title') or ''}".strip()


def timeline_rows(timeline: list[dict[str, Any]]) -> list[list[Any]]:
    return [
        [
            c["effective_at"],
            c["status"],
            value_text(c),
            frame_text(c),
            _source(c),
            (c.get("frame") or {}).get("binding"),
        ]
        for c in timeline
    ]


TIMELINE_COLUMNS = ["published", "status", "value", "frame", "source", "why"]


@click.group("figures", invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def figures_cmd(ctx: click.Context, as_json: bool) -> None:
    """Tracked figures with their current value (`figures try` to test a definition)."""
    if ctx.invoked_subcommand is not None:
        return
    state = ctx.find_object(CliState)
    assert state is not None
    with app_from(state) as app, read_connection(app.engine) as conn:
        rows = figures_overview(conn)
    if as_json:
        print_json(rows)
        return
    print_table(
        f"{len(rows)} tracked figures",
        ["figure", "label", "current value", "last change", "claims"],
        [
            [r["name"], r["label"], value_text(r["current"]), r["last_change_at"], r["claims"]]
            for r in rows
        ],
    )


@figures_cmd.command("try")
@click.option("--units", required=True, multiple=True, help="What is counted (repeatable).")
@click.option("--context", required=True, multiple=True, help="Whom it is about (repeatable).")
@click.option("--about", multiple=True, help="A term that must occur in the clause (repeatable).")
@click.option("--exclude", multiple=True, help="A term that must not occur (repeatable).")
@click.option("--min-change", type=float, default=0.05, show_default=True)
@click.option("--name", default="try", show_default=True, help="Name shown in the result.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_state
def try_cmd(
    state: CliState,
    units: tuple[str, ...],
    context: tuple[str, ...],
    about: tuple[str, ...],
    exclude: tuple[str, ...],
    min_change: float,
    name: str,
    as_json: bool,
) -> None:
    """Dry run of a figure definition over the stored history: the timeline it would have and
    the alerts it would have raised. Nothing is tracked, no event is appended."""
    raw = {
        "name": name,
        "label": name,
        "units": list(units),
        "context": list(context),
        "about": list(about),
        "exclude": list(exclude),
        "min_change": min_change,
    }
    problems = definition_problems(raw)
    if problems:
        key, reason = problems[0]
        raise click.UsageError(f"--{key.replace('_', '-')}: {reason}")
    spec = FigureSpec.from_mapping(raw)
    with app_from(state) as app, read_connection(app.engine) as conn:
        result = try_figure(conn, spec)
    if as_json:
        print_json(result)
        return
    print_table(
        f"{name}: now {value_text(result['current'])} — {len(result['timeline'])} claims",
        TIMELINE_COLUMNS,
        timeline_rows(result["timeline"]),
    )
    print_table(
        f"{len(result['alerts'])} alerts it would have raised",
        ["seen", "direction", "previous", "current", "sentence"],
        [
            [
                a["created_at"],
                a["direction"],
                value_text(a["previous"]),
                value_text(a["current"]),
                a["current"].get("sentence"),
            ]
            for a in result["alerts"]
        ],
    )


@click.command("figure")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_state
def figure_cmd(state: CliState, name: str, as_json: bool) -> None:
    """One figure's timeline in publication order: every claim, its frame and status."""
    with app_from(state) as app, read_connection(app.engine) as conn:
        found = figure_timeline(conn, name)
        known = figure_names(conn) if found is None else []
    if found is None:
        raise click.ClickException(
            f"unknown figure {name!r} (tracked: {', '.join(known) or 'none'}; figures are "
            "tracked from [[figures]] in the config on the next `monitor poll` or `monitor run`)"
        )
    if as_json:
        print_json(found)
        return
    print_table(
        f"{found['name']}: {found['label']} — now {value_text(found['current'])}",
        TIMELINE_COLUMNS,
        timeline_rows(found["timeline"]),
    )
