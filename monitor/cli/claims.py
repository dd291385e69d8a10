"""`monitor claims`: every number found in stored articles, its frame, and for each tracked
figure whether it was bound and why not; sentences the extractor could not parse."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import click
from rich.text import Text
from sqlalchemy import Connection

from monitor.cli.common import (
    CliState,
    Col,
    app_from,
    col,
    console,
    pass_state,
    print_json,
    print_table,
)
from monitor.cli.format import short_id, shorten, when
from monitor.cli.ids import ARTICLE, FIGURE, STORY, resolve, resolve_bounds
from monitor.cli.paging import (
    MAX_LIMIT,
    Cursor,
    Page,
    cursor,
    footer,
    paging_options,
    slice_page,
)
from monitor.projections.figures.explain import UnknownSelection, claims_report
from monitor.store.db import read_connection


def _frame(c: dict[str, Any]) -> str:
    bits = [c["kind"], c["time"] + (f" ({c['time_ref']})" if c.get("time_ref") else "")]
    if c.get("revision"):
        bits.append(f"revision {c['revision']}")
    if c.get("modality"):
        bits.append(str(c["modality"]))  # "forecast" | "disputed"
    return ", ".join(bits)


def _bindings(c: dict[str, Any]) -> str:
    return "\n".join(
        f"{'✓' if b['bound'] else '✗'} {b['figure']}: {b['reason']}"
        + (f" [{b['status']}]" if b.get("status") else "")
        for b in c["bindings"]
    )


def _article_id(report: dict[str, Any]) -> str:
    return str(report["id"])


@click.command("claims")
@click.option("--story", metavar="ID", help="The articles of one story.")
@click.option("--article", metavar="ID", help="One article.")
@click.option(
    "--figure", metavar="NAME", help="Articles with a number counting this figure's unit."
)
@paging_options("articles", "ARTICLE")
@click.option(
    "--all-quantities",
    "all_quantities",
    is_flag=True,
    help="Also list each sentence's other quantities: money, percentages, measures, durations,"
    " magnitudes (JSON: a separate `quantities` list per article).",
)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_state
def claims_cmd(
    state: CliState,
    story: str | None,
    article: str | None,
    figure: str | None,
    limit: int,
    after: str | None,
    before: str | None,
    all_quantities: bool,
    as_json: bool,
) -> None:
    """Every number found, its frame (scope, kind, time) and why it was (not) bound.

    Without a selection: the latest articles seen. Ids may be display ids or prefixes.
    """
    ask = cursor(limit, after, before)
    chosen = Selection(story, article, figure)
    with app_from(state) as app, read_connection(app.engine) as conn:
        page = _query(conn, chosen, ask, all_quantities)
    if as_json:
        print_json(page.items)
        return
    _print_page(page, chosen, paging=_paging(ask), all_quantities=all_quantities)


SENTENCE = 120


@dataclass(frozen=True)
class Selection:
    """The articles asked for, as typed (display ids or prefixes; None: not given)."""

    story: str | None = None
    article: str | None = None
    figure: str | None = None

    def given(self) -> bool:
        """Whether any of --story, --article, --figure was given."""
        return bool(self.story or self.article or self.figure)

    def flags(self) -> str:
        """The options again, for the next page's command line."""
        given = (("--story", self.story), ("--article", self.article), ("--figure", self.figure))
        return "".join(f" {flag} {value}" for flag, value in given if value)


def _paging(ask: Cursor) -> bool:
    return ask.after is not None or ask.before is not None


# --- query ----------------------------------------------------------------------------


def _query(
    conn: Connection, chosen: Selection, ask: Cursor, all_quantities: bool
) -> Page[dict[str, Any]]:
    """The page of article reports asked for (ids resolved; a bad selection: ClickException)."""
    story_id = resolve(conn, STORY, chosen.story) if chosen.story else None
    article_id = resolve(conn, ARTICLE, chosen.article) if chosen.article else None
    figure_name = resolve(conn, FIGURE, chosen.figure) if chosen.figure else None
    after_id, before_id = resolve_bounds(conn, ARTICLE, ask)
    try:
        # A cursor needs the rows before it: the latest articles up to the most a page
        # may ask for (claims_report pages by count only).
        found = claims_report(
            conn,
            story=story_id,
            article=article_id,
            figure=figure_name,
            limit=MAX_LIMIT if _paging(ask) else ask.limit + 1,
            quantities=all_quantities,
        )
    except UnknownSelection as exc:
        raise click.ClickException(str(exc)) from None
    return slice_page(found, _article_id, ask.limit, after_id, before_id)


# --- output ---------------------------------------------------------------------------


def _print_page(
    page: Page[dict[str, Any]], chosen: Selection, *, paging: bool, all_quantities: bool
) -> None:
    """The page as one table per article, then the next page's command line."""
    if not page.items:
        console.print(
            "no articles match" + (" on this page" if paging else "")
            if chosen.given() or paging
            else "no articles yet: `monitor poll` fetches the feeds",
            markup=False,
            highlight=False,
        )
    for a in page.items:
        print_table(
            _title(a), CLAIM_COLUMNS, _claim_rows(a), empty="no numbers found in this article"
        )
        if all_quantities:
            _print_quantities(a["quantities"])
    note = footer("monitor claims" + chosen.flags(), page, _article_id, "article")
    if note:
        console.print(note, markup=False, highlight=False, style="dim", soft_wrap=True)


# --- render ---------------------------------------------------------------------------

CLAIM_COLUMNS = [
    Col("number", ratio=2),
    col("unit", no_wrap=True),
    Col("scope", ratio=1),
    Col("frame", ratio=1),
    Col("sentence", ratio=4),
    Col("figures", ratio=3),
]


def _title(a: dict[str, Any]) -> Text:
    """An article's heading: its title, then its id, source, date and what it copies."""
    title = Text(" ".join(str(a["title"]).split()), style="bold")
    copy = f", copy of {short_id(a['copy_of'])}" if a["copy_of"] else ""
    title.append(
        f"\n{short_id(a['id'])} · {a['source']}, "
        f"{when(a['published_at'] or a['first_seen_at'])}{copy}",
        style="not bold",
    )
    return title


def _claim_rows(a: dict[str, Any]) -> list[list[str]]:
    """One row per number found, then one per sentence the extractor could not parse."""
    return [
        [
            c["text"],
            c["head"] or c["unit"],
            c["scope"] or "—",
            _frame(c),
            shorten(c["sentence"], SENTENCE),
            _bindings(c),
        ]
        for c in a["claims"]
    ] + [
        ["unparsed", "", "", u["reason"], shorten(u["sentence"], SENTENCE), ""]
        for u in a["unparsed"]
    ]


def _print_quantities(found: list[dict[str, Any]]) -> None:
    print_table(
        Text("other quantities", style="bold"),
        [
            Col("quantity", ratio=2),
            col("kind", no_wrap=True),
            col("unit", no_wrap=True),
            Col("bounds", ratio=1),
            Col("sentence", ratio=5),
        ],
        [
            [
                q["text"],
                q["kind"],
                q["unit"],
                _bounds(q["lower"], q["upper"]),
                shorten(q["sentence"], SENTENCE),
            ]
            for q in found
        ],
        empty="no other quantities in this article",
    )


def _bounds(lower: float | None, upper: float | None) -> str:
    if lower == upper:
        return "—" if lower is None else f"{lower:g}"
    return f"{'…' if lower is None else f'{lower:g}'} – {'…' if upper is None else f'{upper:g}'}"
