"""`monitor stories` and `monitor story ID`: stories newest first; one story with its articles."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import click

from monitor.cli.common import CliState, app_from, iso, pass_state, print_json, print_table
from monitor.config import parse_duration
from monitor.projections.stories import stories_list, story_detail
from monitor.store.db import read_connection


def parse_since(value: str, now: datetime) -> datetime:
    """A duration back from ``now`` ('7d', '12h') or an ISO date/time (UTC when no offset)."""
    try:
        return now - timedelta(seconds=parse_duration(value))
    except ValueError:
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


@click.command("stories")
@click.option("--since", metavar="D", help="Only stories seen since: a duration (7d) or a date.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_state
def stories_cmd(state: CliState, since: str | None, as_json: bool) -> None:
    """Stories, newest first: title, sources, articles and copies."""
    cutoff = parse_since(since, datetime.now(UTC)) if since else None
    with app_from(state) as app, read_connection(app.engine) as conn:
        found = stories_list(conn, cutoff)
    if as_json:
        print_json(found)
        return
    print_table(
        f"{len(found)} stories",
        ["id", "title", "sources", "articles", "copies", "last seen"],
        [
            [
                s["id"],
                s["title"],
                ", ".join(s["sources"]),
                len(s["articles"]),
                copies(s),
                iso(s["last_seen_at"]),
            ]
            for s in found
        ],
    )


@click.command("story")
@click.argument("story_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_state
def story_cmd(state: CliState, story_id: str, as_json: bool) -> None:
    """One story with its articles; copies name the original they copy."""
    with app_from(state) as app, read_connection(app.engine) as conn:
        found = story_detail(conn, story_id)
    if found is None:
        raise click.ClickException(
            f"unknown story {story_id!r} (see `monitor stories` for the ids)"
        )
    if as_json:
        print_json(found)
        return
    print_table(
        f"{found['title']} — {', '.join(found['sources'])}",
        ["article", "title", "source", "published", "first seen", "copy of"],
        [
            [
                a["id"],
                a["title"],
                a["source"],
                iso(a["published_at"]),
                iso(a["first_seen_at"]),
                a["copy_of"] or "",
            ]
            for a in found["articles"]
        ],
    )
