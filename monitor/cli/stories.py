"""`monitor stories` and `monitor story ID`: stories newest first; one story with its articles."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import click
from rich.text import Text

from monitor.cli.common import (
    TIME,
    CliState,
    Col,
    app_from,
    col,
    pass_state,
    print_json,
    print_table,
)
from monitor.cli.format import clock, day, plural, short_id, when
from monitor.cli.ids import ARTICLE, STORY, resolve, resolve_bounds
from monitor.cli.paging import cursor, footer, paging_options, query_page, slice_page
from monitor.config import parse_duration
from monitor.projections.queries_stories import stories_page
from monitor.projections.stories import story_detail
from monitor.store.db import read_connection

NO_STORIES = (
    "no stories yet: `monitor poll` fetches the feeds (add one with `monitor feeds add URL`)"
)


def parse_since(value: str, now: datetime) -> datetime:
    """A duration back from ``now`` ('7d', '12h') or an ISO date/time (UTC when no offset)."""
    try:
        return now - timedelta(seconds=parse_duration(value))
    except (ValueError, OverflowError):
        pass
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is neither a duration (7d, 12h, 30m) nor a date (2024-02-27)",
            param_hint="--since",
        ) from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def copies(story: dict[str, Any]) -> int:
    """How many of the story's articles are copies."""
    return sum(1 for a in story["articles"] if a["copy_of"])


def sources_text(sources: list[str]) -> str:
    """ "Meridian Press — Asia +2": the first source and how many more."""
    if not sources:
        return ""
    return sources[0] + (f" +{len(sources) - 1}" if len(sources) > 1 else "")


def articles_text(story: dict[str, Any]) -> str:
    """ "4 (2 copies)"."""
    n = copies(story)
    return f"{len(story['articles'])}" + (f" ({plural(n, 'copy')})" if n else "")


def _published(story: dict[str, Any]) -> datetime | None:
    moment = story.get("published_at") or story.get("event_time")
    return moment if isinstance(moment, datetime) else None


def _story_id(story: dict[str, Any]) -> str:
    return str(story["id"])


@click.command("stories")
@click.option(
    "--since", metavar="D", help="Only stories published since: a duration (7d) or a date."
)
@paging_options("stories", "ID")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_state
def stories_cmd(
    state: CliState,
    since: str | None,
    limit: int,
    after: str | None,
    before: str | None,
    as_json: bool,
) -> None:
    """Stories, newest first by the publication time of their latest article."""
    ask = cursor(limit, after, before)
    cutoff = parse_since(since, clock()) if since else None
    with app_from(state) as app, read_connection(app.engine) as conn:
        after_id, before_id = resolve_bounds(conn, STORY, ask)

        def fetch(n: int, last: str | None) -> list[dict[str, Any]]:
            return stories_page(conn, n, before=last)

        page = query_page(fetch, _story_id, ask.limit, after_id, before_id)
    found = page.items
    if cutoff is not None:
        kept = [s for s in found if (_published(s) or cutoff) >= cutoff]
        page = type(page)(kept, page.more_after and len(kept) == len(found), page.more_before)
        found = kept
    if as_json:
        print_json(found)
        return
    empty = (
        NO_STORIES
        if cutoff is None and ask == cursor(limit, None, None)
        else (
            f"no stories {'published since ' + day(cutoff) if cutoff else 'on this page'}"
            " (try a longer --since, or no cursor)"
        )
    )
    print_table(
        None,
        [
            col("id", no_wrap=True),
            col("published", TIME),
            Col("title", ratio=3, one_line=True),
            Col("sources", ratio=1, one_line=True, max_width=24),
            Col("articles", right=True, no_wrap=True),
        ],
        [
            [
                short_id(s["id"]),
                when(_published(s)),
                s["title"],
                sources_text(s["sources"]),
                articles_text(s),
            ]
            for s in found
        ],
        empty=empty,
        footer=footer("monitor stories", page, _story_id, "story"),
    )


def _article_id(article: dict[str, Any]) -> str:
    return str(article["id"])


def copy_text(article: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> str:
    """ "copy of Meridian Press, 2023-11-02" (the original's source and publication day)."""
    original = by_id.get(article["copy_of"] or "")
    if original is None:
        return f"copy of {short_id(article['copy_of'])}" if article["copy_of"] else ""
    return f"copy of {original['source']}, {day(original['published_at'])}"


@click.command("story")
@click.argument("story_id", metavar="ID")
@paging_options("articles", "ARTICLE")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_state
def story_cmd(
    state: CliState,
    story_id: str,
    limit: int,
    after: str | None,
    before: str | None,
    as_json: bool,
) -> None:
    """One story with its articles; copies name the original they copy.

    ID is a story id, any unique prefix of one (s-fc40), or its web path (/stories/ID).
    """
    ask = cursor(limit, after, before)
    with app_from(state) as app, read_connection(app.engine) as conn:
        full = resolve(conn, STORY, story_id)
        found = story_detail(conn, full)
        after_id, before_id = resolve_bounds(conn, ARTICLE, ask)
    if found is None:  # removed between the two reads
        raise click.ClickException(f"unknown story {story_id!r} (see `monitor stories`)")
    everything = found["articles"]
    page = slice_page(everything, _article_id, ask.limit, after_id, before_id)
    if as_json:
        print_json({**found, "articles": page.items})
        return
    by_id = {a["id"]: a for a in everything}
    title = Text(found["title"], style="bold")
    title.append(
        f"\n{short_id(found['id'])} · {plural(len(everything), 'article')} from "
        f"{plural(len(found['sources']), 'source')}, {plural(copies(found), 'copy')}",
        style="not bold",
    )
    print_table(
        title,
        [
            col("article", no_wrap=True),
            col("published", TIME),
            Col("source", ratio=1, max_width=24),
            Col("title / link", ratio=4),
        ],
        [
            [
                short_id(a["id"]),
                when(a["published_at"]),
                a["source"],
                _title_cell(a, by_id),
            ]
            for a in page.items
        ],
        empty="no articles on this page (try without --after/--before)",
        footer=footer(f"monitor story {short_id(found['id'])}", page, _article_id, "article"),
    )


def _title_cell(article: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> Text:
    text = Text(" ".join((article["title"] or "").split()))
    if article.get("url"):
        text.append("\n" + article["url"], style="dim")
    mark = copy_text(article, by_id)
    if mark:
        text.append("\n" + mark, style="yellow")
    return text
