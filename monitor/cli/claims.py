"""`monitor claims`: every number found in stored articles, its frame, and for each tracked
figure whether it was bound and why not; sentences the extractor could not parse."""

from __future__ import annotations

from typing import Any

import click

from monitor.cli.common import CliState, app_from, console, pass_state, print_json, print_table
from monitor.projections.figures.explain import UnknownSelection, claims_report
from monitor.store.db import read_connection


def _frame(c: dict[str, Any]) -> str:
    bits = [c["kind"], c["time"] + (f" ({c['time_ref']})" if c.get("time_ref") else "")]
    if c.get("revision"):
        bits.append(f"revision {c['revision']}")
    return ", ".join(bits)


def _bindings(c: dict[str, Any]) -> str:
    return "\n".join(
        f"{'✓' if b['bound'] else '✗'} {b['figure']}: {b['reason']}"
        + (f" [{b['status']}]" if b.get("status") else "")
        for b in c["bindings"]
    )


@click.command("claims")
@click.option("--story", metavar="ID", help="The articles of one story.")
@click.option("--article", metavar="ID", help="One article.")
@click.option(
    "--figure", metavar="NAME", help="Articles with a number counting this figure's unit."
)
@click.option(
    "--limit",
    type=click.IntRange(1),
    default=20,
    show_default=True,
    help="Without a selection: this many of the latest articles.",
)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_state
def claims_cmd(
    state: CliState,
    story: str | None,
    article: str | None,
    figure: str | None,
    limit: int,
    as_json: bool,
) -> None:
    """Every number found, its frame (scope, kind, time) and why it was (not) bound."""
    with app_from(state) as app, read_connection(app.engine) as conn:
        try:
            found = claims_report(conn, story=story, article=article, figure=figure, limit=limit)
        except UnknownSelection as exc:
            raise click.ClickException(str(exc)) from None
    if as_json:
        print_json(found)
        return
    if not found:
        console.print("no articles match")
    for a in found:
        copy = f", copy of {a['copy_of']}" if a["copy_of"] else ""
        print_table(
            f"{a['title']} — {a['source']}, {a['published_at'] or a['first_seen_at']}{copy}",
            ["number", "unit", "scope", "frame", "sentence", "figures"],
            [
                [
                    c["text"],
                    c["head"] or c["unit"],
                    c["scope"] or "—",
                    _frame(c),
                    c["sentence"],
                    _bindings(c),
                ]
                for c in a["claims"]
            ]
            + [["unparsed", "", "", u["reason"], u["sentence"], ""] for u in a["unparsed"]],
        )
