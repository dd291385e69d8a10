"""The HTML pages: server-rendered, readable without JavaScript, reading through the
features' query functions over one read-only connection per page."""

from __future__ import annotations

from collections import Counter
from typing import Any
from urllib.parse import urlencode

from monitor.alerts.queries import alert_json, alerts_page
from monitor.projections.feeds import feed_health
from monitor.projections.figures import figures_overview
from monitor.projections.queries_figures import (
    claims_in_articles,
    figure_claims_page,
    figure_points,
    figure_steps,
    figure_summary,
)
from monitor.projections.queries_stories import stories_of_articles, stories_page
from monitor.projections.stories import story_detail
from monitor.web.chart import STATUSES, figure_chart, points_markup, sparkline
from monitor.web.templating import render
from monitor.web.view import Answer, BadRequest, NotFound, Query, View, int_param

HOME_ALERTS = 8
HOME_STORIES = 10
PAGE_STORIES = 50
PAGE_ALERTS = 50
TABLE_CLAIMS = 100  # rows of a figure's timeline table per page (the chart shows them all)


def _page(template: str, **context: Any) -> Answer:
    return Answer(render(template, **context).encode())


def _feed_summary(rows: list[dict[str, Any]]) -> dict[str, int]:
    summary = {"total": len(rows), "ok": 0, "failing": 0, "gone": 0, "new": 0}
    for row in rows:
        summary[row["status"]] = summary.get(row["status"], 0) + 1
    return summary


def overview(view: View, query: Query) -> Answer:
    """/: tracked figures with sparklines, latest alerts, recent stories, feed health."""
    with view.connect() as conn:
        figures = figures_overview(conn)
        for fig in figures:
            steps = figure_steps(conn, fig["name"])
            fig["sparkline"] = sparkline([s["value"] for s in steps])
        alerts = [alert_json(r) for r in alerts_page(conn, HOME_ALERTS)]
        stories = stories_page(conn, HOME_STORIES)
        feeds = feed_health(conn, view.config.polling.interval)
    failing = [f for f in feeds if f["status"] in ("failing", "gone")]
    return _page(
        "index.html",
        figures=figures,
        alerts=alerts,
        stories=stories,
        feeds=_feed_summary(feeds),
        failing=failing[:5],
    )


def figure(view: View, query: Query) -> Answer:
    """/figures/NAME: the chart of every claim, then the timeline table (newest first, paged).

    The chart reads a few columns of every claim; only the table's page of claims is read
    whole.
    """
    name = query.match["name"]
    offset = int_param(query, "offset", 0, low=0, high=10**9)
    with view.connect() as conn:
        found = figure_summary(conn, name)
        if found is None:
            raise NotFound(f"unknown figure {name!r}")
        timeline: list[Any] = figure_points(conn, name)  # PlotClaim-shaped rows
        rows = figure_claims_page(conn, name, TABLE_CLAIMS + 1, offset)
        story_ids = stories_of_articles(conn, [c["article"]["id"] for c in rows])
    older = f"?{urlencode({'offset': offset + TABLE_CLAIMS})}" if len(rows) > TABLE_CLAIMS else None
    chart = figure_chart(timeline)
    by_status = Counter(c.status for c in timeline)
    counts = {s: by_status[s] for s in STATUSES} | {
        s: n for s, n in sorted(by_status.items()) if s not in STATUSES
    }
    return _page(
        "figure.html",
        figure=found,
        claims=len(timeline),
        chart=chart,
        points=points_markup(chart) if chart else "",
        rows=rows[:TABLE_CLAIMS],
        story_ids=story_ids,
        older=older,
        paged=offset > 0,
        offset=offset,
        counts=counts,
        alerts=sum(1 for c in timeline if c.alert_id),
    )


def stories(view: View, query: Query) -> Answer:
    """/stories: newest first by publication time, a page at a time (?before=ID)."""
    before = query.params.get("before") or None
    with view.connect() as conn:
        found = stories_page(conn, PAGE_STORIES, before)
    if before is not None and not found:
        raise BadRequest(f"no stories before {before!r}")
    older = f"?{urlencode({'before': found[-1]['id']})}" if len(found) == PAGE_STORIES else None
    return _page("stories.html", stories=found, older=older, paged=before is not None)


def story(view: View, query: Query) -> Answer:
    """/stories/ID: the articles (copies marked) and the figures' claims found in them."""
    story_id = query.match["id"]
    with view.connect() as conn:
        found = story_detail(conn, story_id)
        if found is None:
            raise NotFound(f"unknown story {story_id!r}")
        claims = claims_in_articles(conn, [a["id"] for a in found["articles"]])
    titles = {a["id"]: a["title"] for a in found["articles"]}
    by_article: dict[str, list[dict[str, Any]]] = {}
    for claim in claims:
        by_article.setdefault(claim["article"]["id"], []).append(claim)
    return _page("story.html", story=found, claims=by_article, titles=titles)


def feeds(view: View, query: Query) -> Answer:
    """/feeds: each feed's status, last success, last error and reason, next poll."""
    with view.connect() as conn:
        rows = feed_health(conn, view.config.polling.interval)
    return _page("feeds.html", feeds=rows, summary=_feed_summary(rows))


def alerts(view: View, query: Query) -> Answer:
    """/alerts: newest first, with delivery state per channel (?before=ID pages)."""
    before = query.params.get("before") or None
    with view.connect() as conn:
        found = [alert_json(r) for r in alerts_page(conn, PAGE_ALERTS, before)]
    older = f"?{urlencode({'before': found[-1]['id']})}" if len(found) == PAGE_ALERTS else None
    return _page("alerts.html", alerts=found, older=older, paged=before is not None)
