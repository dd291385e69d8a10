"""`monitor figures` (and `figures try`) and `monitor figure NAME`: tracked figures, a dry run
of a definition over the stored history, and one figure's timeline."""

from __future__ import annotations

from typing import Any

import click
from rich.text import Text

from monitor.alerts.render import format_claim_value
from monitor.cli.common import (
    TIME,
    CliState,
    Col,
    app_from,
    col,
    paint,
    pass_state,
    print_json,
    print_table,
    stacked_when,
)
from monitor.cli.format import plural, short_id, shorten
from monitor.cli.ids import ARTICLE, FIGURE, resolve, resolve_bounds
from monitor.cli.paging import cursor, footer, paging_options, slice_page
from monitor.projections.figures import figure_timeline, figures_overview
from monitor.projections.figures.explain import try_figure
from monitor.store.db import read_connection
from monitor.text.figures import FigureSpec, definition_problems


def value_text(claim: dict[str, Any] | None) -> str:
    """A claim's value as a reader would say it ("more than 1,000,000"): the one formatter
    the alert e-mails, webhooks and the web view use too."""
    return "—" if claim is None else format_claim_value(claim)


def frame_text(claim: dict[str, Any]) -> str:
    """ "total, current, Ohio" — the frame that decided what the claim could do."""
    bits = [claim.get("kind") or "", claim.get("time") or "", claim.get("scope") or "—"]
    return ", ".join(b for b in bits if b)


SENTENCE = 90  # characters of the sentence a timeline row shows (--json has all of it)


def _source_cell(claim: dict[str, Any]) -> Text:
    article = claim.get("article") or {}
    text = Text(str(article.get("source") or ""))
    if article.get("id"):
        text.append("\n" + short_id(article["id"]), style="dim")
    return text


def _sentence_cell(claim: dict[str, Any]) -> Text:
    return Text(shorten(claim.get("sentence"), SENTENCE))


def timeline_rows(timeline: list[dict[str, Any]]) -> list[list[Any]]:
    """Reported (publication) time, status, value as reported with its frame, source and
    article, the sentence and why it bound."""
    return [
        [
            stacked_when(c.get("effective_at") or (c.get("article") or {}).get("published_at")),
            paint(c["status"]),
            value_text(c),
            _source_cell(c),
            _sentence_cell(c),
        ]
        for c in timeline
    ]


TIMELINE_COLUMNS: list[str | Col] = [
    col("published", TIME),
    col("status", no_wrap=True),
    col("value", no_wrap=True),
    Col("source", ratio=2, max_width=20, one_line=True),
    Col("sentence", ratio=5),
]


def _article_of(claim: dict[str, Any]) -> str:
    return str((claim.get("article") or {}).get("id") or "")


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
        None,
        [
            col("figure", no_wrap=True),
            Col("label", ratio=3),
            Col("now", ratio=2),
            col("last change", TIME),
            Col("claims", right=True, no_wrap=True),
        ],
        [
            [
                r["name"],
                r["label"],
                value_text(r["current"]),
                stacked_when(r["last_change_at"]),
                r["claims"],
            ]
            for r in rows
        ],
        empty=(
            "no figures tracked: add a [[figures]] table to the config (`monitor init` writes "
            "an example), then `monitor poll`"
        ),
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
@paging_options("claims", "ARTICLE")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_state
def figure_cmd(
    state: CliState,
    name: str,
    limit: int,
    after: str | None,
    before: str | None,
    as_json: bool,
) -> None:
    """One figure's timeline in publication order: every claim and its status (the frame
    and why each claim bound are in --json and `monitor claims --figure NAME`).

    NAME is the figure's name, a unique prefix of it, or its web path (/figures/NAME).
    Pages are cut at articles: --after/--before take the article id a row shows.
    """
    ask = cursor(limit, after, before)
    with app_from(state) as app, read_connection(app.engine) as conn:
        full = resolve(conn, FIGURE, name)
        found = figure_timeline(conn, full)
        after_id, before_id = resolve_bounds(conn, ARTICLE, ask)
    if found is None:  # untracked between the two reads
        raise click.ClickException(f"unknown figure {name!r} (see `monitor figures`)")
    page = slice_page(found["timeline"], _article_of, ask.limit, after_id, before_id)
    if as_json:
        print_json({**found, "timeline": page.items})
        return
    title = Text(f"{found['name']}: {found['label']}", style="bold")
    title.append(
        f"\nnow {value_text(found['current'])} · {plural(len(found['timeline']), 'claim')}",
        style="not bold",
    )
    print_table(
        title,
        TIMELINE_COLUMNS,
        timeline_rows(page.items),
        empty=(
            "no claims yet: the figure fills as articles mention it (`monitor poll`); "
            "`monitor claims --figure NAME` shows why a number did not bind"
            if ask.after is None and ask.before is None
            else "no claims on this page"
        ),
        footer=footer(f"monitor figure {found['name']}", page, _article_of, "claim"),
    )
