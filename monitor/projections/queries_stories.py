"""Paged story reads for the web view: newest first by publication time, keyset cursors.

A page reads `limit` stories through the index on the stories' latest event time (the
clustering's `cluster_stories.last_event_time`: an article's publication time, or its first
sight when the date is missing or implausible), then only those stories' members, so its
cost does not grow with the history.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, or_, select

from monitor.projections.stories import _story_articles, _story_json
from monitor.store.db import as_utc
from monitor.store.tables_clusters import cluster_stories
from monitor.store.tables_stories import stories, story_articles


def stories_page(conn: Connection, limit: int, before: str | None = None) -> list[dict[str, Any]]:
    """At most `limit` stories (SPEC shape, plus `published_at`), newest first.

    `before` is the id of the last story of the previous page; an unknown id gives an
    empty page.
    """
    latest = cluster_stories.c.last_event_time
    query = (
        select(stories, latest.label("published_at"))
        .join(cluster_stories, cluster_stories.c.story_id == stories.c.id)
        .order_by(latest.desc(), stories.c.id.desc())
        .limit(limit)
    )
    if before is not None:
        cursor = conn.execute(
            select(latest).where(cluster_stories.c.story_id == before)
        ).scalar_one_or_none()
        if cursor is None:
            return []
        # `<=` first: with bound parameters SQLite only searches the index range for a
        # plain conjunct (an OR at the top scans the whole index from the newest story).
        query = query.where(latest <= cursor, or_(latest < cursor, stories.c.id < before))
    rows = conn.execute(query).all()
    members = _story_articles(conn, [r.id for r in rows])
    return [
        {**_story_json(r, members.get(r.id, [])), "published_at": as_utc(r.published_at)}
        for r in rows
    ]


def stories_of_articles(conn: Connection, article_ids: Sequence[str]) -> dict[str, str]:
    """article id → id of the story it was placed in (articles not placed yet are left out)."""
    ids = sorted(set(article_ids))
    found: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        query = select(story_articles.c.article_id, story_articles.c.story_id).where(
            story_articles.c.article_id.in_(ids[start : start + 500])
        )
        found.update({str(a): str(s) for a, s in conn.execute(query)})
    return found
