"""`monitor figures` and `monitor figure NAME`: tracked figures and one figure's timeline."""

from __future__ import annotations

from typing import Any

import click

from monitor.cli.common import CliState, app_from, pass_state, print_json, print_table
from monitor.projections.figures import figure_names, figure_timeline, figures_overview
from monitor.store.db import read_connection


def value_text(claim: dict[str, Any] | None) -> str:
    """A claim's value for a table: "1,000,000 (more than a million)"."""
    if claim is None:
        return "—"
    value = claim["value"]
    number = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"
    return f"{number} ({claim['text']})" if claim.get("text") else number


def _source(claim: dict[str, Any]) -> str:
    article = claim.get("article") or {}
    return f"{article.get('source') or ''}\n{article.get('title') or ''}".strip()


@click.command("figures")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_state
def figures_cmd(state: CliState, as_json: bool) -> None:
    """Tracked figures with their current value."""
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


@click.command("figure")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_state
def figure_cmd(state: CliState, name: str, as_json: bool) -> None:
    """One figure's timeline: every claim, and whether it changed the figure."""
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
        ["observed", "status", "value", "source", "attribution"],
        [
            [c["observed_at"], c["status"], value_text(c), _source(c), c["attribution"]]
            for c in found["timeline"]
        ],
    )
