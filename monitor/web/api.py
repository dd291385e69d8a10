"""/api/...: the JSON shapes of docs/SPEC.md §4, the same objects `--json` prints.

Lists are pages: `?limit=` (default 50) and `?before=ID` (the last id of the previous page);
the next page's URL is in a `Link: <…>; rel="next"` header while there may be more.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from monitor.alerts.queries import alert_json, alerts_page
from monitor.config import format_duration
from monitor.projections.feeds import feed_health
from monitor.projections.figures import figure_timeline, figures_overview
from monitor.projections.queries_stories import stories_page
from monitor.projections.stories import story_detail
from monitor.web.view import Answer, NotFound, Query, View, int_param, json_answer

DEFAULT_LIMIT = 50
MAX_LIMIT = 1000


def _paged(query: Query, items: list[dict[str, Any]], limit: int) -> Answer:
    headers = {}
    if len(items) == limit and items:
        params = urlencode({"limit": limit, "before": items[-1]["id"]})
        headers["Link"] = f'<{query.base_url}{query.path}?{params}>; rel="next"'
    return json_answer(items, headers=headers)


def figures(view: View, query: Query) -> Answer:
    """`monitor figures --json`."""
    with view.connect() as conn:
        return json_answer(figures_overview(conn))


def figure(view: View, query: Query) -> Answer:
    """`monitor figure NAME --json`."""
    name = query.match["name"]
    with view.connect() as conn:
        found = figure_timeline(conn, name)
    if found is None:
        raise NotFound(f"unknown figure {name!r}")
    return json_answer(found)


def stories(view: View, query: Query) -> Answer:
    """Stories newest first by publication time, a page at a time."""
    limit = int_param(query, "limit", DEFAULT_LIMIT, low=1, high=MAX_LIMIT)
    with view.connect() as conn:
        found = stories_page(conn, limit, query.params.get("before") or None)
    return _paged(query, found, limit)


def story(view: View, query: Query) -> Answer:
    """`monitor story ID --json`."""
    with view.connect() as conn:
        found = story_detail(conn, query.match["id"])
    if found is None:
        raise NotFound(f"unknown story {query.match['id']!r}")
    return json_answer(found)


def alerts(view: View, query: Query) -> Answer:
    """`monitor alerts --json`, newest first, a page at a time."""
    limit = int_param(query, "limit", DEFAULT_LIMIT, low=1, high=MAX_LIMIT)
    with view.connect() as conn:
        found = [alert_json(r) for r in alerts_page(conn, limit, query.params.get("before"))]
    return _paged(query, found, limit)


def feeds(view: View, query: Query) -> Answer:
    """`monitor feeds list --json`."""
    with view.connect() as conn:
        rows = feed_health(conn, view.config.polling.interval)
    return json_answer([{**r, "interval": format_duration(r["interval"])} for r in rows])
