"""Web view server time and page size on a large history.

Run: python bench/web.py [--articles 50000] [--claims 2000] [--alerts 500]

Seeds the read models directly (articles, stories and their clustering summary, a figure
with CLAIMS claims, ALERTS alerts, 200 feeds) — the projections' output, since this measures
reads only — then serves the web view on a loopback port and requests every page REQUESTS
times. Times are the server's own (`Server-Timing`): wall time from request to answer
(p50/p95) and the CPU time of the handler's thread (p95), which stays meaningful when
other work shares the machine. The same run at a tenth
of the articles shows whether any page's cost grows with the whole history.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, text  # noqa: E402

from monitor.alerts.messages import alert_payload  # noqa: E402
from monitor.config import build  # noqa: E402
from monitor.daemon.bootstrap import open_app  # noqa: E402
from monitor.events import AlertRaised  # noqa: E402
from monitor.projections.figures.rule import story_ref  # noqa: E402
from monitor.store.tables_clusters import cluster_stories  # noqa: E402
from monitor.store.tables_feeds import articles, feeds  # noqa: E402
from monitor.store.tables_figures import figure_claims, figures  # noqa: E402
from monitor.store.tables_outbox import alerts, deliveries  # noqa: E402
from monitor.store.tables_stories import stories, story_articles  # noqa: E402
from monitor.web.wiring import web_view  # noqa: E402

START = datetime(2023, 1, 1, tzinfo=UTC)
FIGURE = "nk-shells"
SENTENCE = (
    "South Korea's military believes North Korea has now sent {words} artillery shells to "
    "Russia, a senior officer at the Joint Chiefs of Staff told journalists on {day}."
)
STATUSES = ["restated"] * 6 + ["copy"] * 2 + ["past"]


def _chunks(rows: list[dict[str, Any]], size: int = 5000) -> list[list[dict[str, Any]]]:
    return [rows[i : i + size] for i in range(0, len(rows), size)]


def seed(url: str, n_articles: int, n_claims: int, n_alerts: int) -> None:
    """Fill the read models of a migrated database."""
    app = open_app(build({"database_url": url}, {}), upgrade=True)
    minutes = 525600 * 2 / n_articles  # two years of reporting
    article_rows, member_rows, story_rows, cluster_rows = [], [], [], []
    for i in range(n_articles):
        seen = START + timedelta(minutes=i * minutes)
        story = i // 3 if i % 5 else i  # stories of 1 to 3 articles
        article_rows.append(
            {
                "id": f"a{i:06d}",
                "feed_url": f"https://feeds.example.org/{i % 200}.xml",
                "source": f"Outlet {i % 200}",
                "title": f"Report number {i} on the war and its supplies, with a long headline",
                "url": f"https://news.example.org/{i}",
                "published_at": seen - timedelta(minutes=20),
                "page_date": None,
                "first_seen_at": seen,
                "revision": 1,
                "position": i + 1,
            }
        )
        member_rows.append(
            {
                "article_id": f"a{i:06d}",
                "story_id": f"s{story:06d}",
                "copy_of": f"a{i - 1:06d}" if i % 7 == 0 and i else None,
                "first_copy_of": None,
                "event_time": seen - timedelta(minutes=20),
                "similarity": 0.5,
                "position": i + 1,
                "title": f"Report number {i}",
            }
        )
    by_story: dict[str, list[dict[str, Any]]] = {}
    for m in member_rows:
        by_story.setdefault(m["story_id"], []).append(m)
    for sid, members in by_story.items():
        first, last = members[0], members[-1]
        story_rows.append(
            {
                "id": sid,
                "title": first["title"],
                "first_seen_at": first["event_time"] + timedelta(minutes=20),
                "last_seen_at": last["event_time"] + timedelta(minutes=20),
                "event_time": first["event_time"],
                "sources": json.dumps(
                    sorted({f"Outlet {int(m['article_id'][1:]) % 200}" for m in members})
                ),
                "articles": len(members),
                "position": last["position"],
            }
        )
        cluster_rows.append(
            {
                "story_id": sid,
                "first_event_time": first["event_time"],
                "last_event_time": last["event_time"],
                "size": len(members),
                "centroid": "[]",
            }
        )
    claim_rows, value = [], 100_000.0
    alert_rows, delivery_rows = [], []
    every = max(n_articles // n_claims, 1)
    changes = set(range(0, n_claims, max(n_claims // n_alerts, 1)))
    current: dict[str, Any] | None = None
    for k in range(n_claims):
        i = k * every
        article = article_rows[i]
        status = "first" if k == 0 else ("changed" if k in changes else STATUSES[k % len(STATUSES)])
        if status == "changed":
            value = round(value * 1.01)
        words = f"more than {int(value):,}"
        claim = {
            "figure": FIGURE,
            "article_id": article["id"],
            "position": article["position"],
            "seq": 0,
            "kind": "total",
            "time": "current",
            "reason": "unit and context match",
            "effective_at": article["published_at"],
            "status": status,
            "value": value,
            "lower": value,
            "upper": None,
            "qualifier": "more than",
            "approximate": False,
            "unit": "artillery shells",
            "text": words,
            "sentence": SENTENCE.format(words=words, day=f"{article['published_at']:%A}"),
            "attribution": "South Korea's military",
            "article_title": article["title"],
            "article_url": article["url"],
            "article_source": article["source"],
            "article_published_at": article["published_at"],
            "observed_at": article["first_seen_at"],
            "copy_of": None,
            "alert_id": None,
        }
        if status in ("first", "changed") and len(alert_rows) < n_alerts:
            alert_id = f"alert-{k:05d}"
            claim["alert_id"] = alert_id
            as_claim = {
                "value": value,
                "lower": value,
                "upper": None,
                "qualifier": "more than",
                "approximate": False,
                "unit": "artillery shells",
                "text": words,
                "sentence": claim["sentence"],
                "attribution": claim["attribution"],
                "article": {
                    "id": article["id"],
                    "title": article["title"],
                    "url": article["url"],
                    "source": article["source"],
                    "published_at": article["published_at"].isoformat().replace("+00:00", "Z"),
                },
                "observed_at": article["first_seen_at"].isoformat().replace("+00:00", "Z"),
            }
            event = AlertRaised(
                alert_id=alert_id,
                figure=FIGURE,
                label="Artillery shells North Korea sent to Russia",
                previous=current,
                current=as_claim,
                direction="first" if current is None else "up",
                story=story_ref(member_rows[i]["story_id"], article["title"], [article["source"]]),
                raised_at=article["first_seen_at"],
            )
            current = as_claim
            alert_rows.append(
                {
                    "alert_id": alert_id,
                    "figure": FIGURE,
                    "label": event.label,
                    "direction": event.direction,
                    "raised_at": event.raised_at,
                    "position": article["position"],
                    "payload": alert_payload(event),
                }
            )
            delivery_rows.append(
                {
                    "alert_id": alert_id,
                    "channel": "webhook:hooks.example.org/monitor",
                    "state": "delivered",
                    "attempts": 1,
                    "requeued_after": 0,
                }
            )
        claim_rows.append(claim)
    figure_row = {
        "name": FIGURE,
        "label": "Artillery shells North Korea sent to Russia",
        "definition": "{}",
        "tracked_position": 0,
        "tracked_at": START,
        "current_value": value,
        "current_claim": json.dumps(current),
        "changed_at": claim_rows[-1]["observed_at"],
    }
    feed_rows = [
        {
            "url": f"https://feeds.example.org/{f}.xml",
            "name": f"Outlet {f}",
            "status": "failing" if f % 25 == 0 else "ok",
            "consecutive_failures": 3 if f % 25 == 0 else 0,
            "last_error": "connection refused" if f % 25 == 0 else None,
            "last_error_reason": "connect" if f % 25 == 0 else None,
            "articles": n_articles // 200,
            "origin": "config",
            "added_at": START,
            "last_success_at": START + timedelta(days=700),
        }
        for f in range(200)
    ]
    with app.engine.begin() as conn:
        feed_columns = {c.name for c in feeds.columns}
        conn.execute(
            insert(feeds), [{k: v for k, v in r.items() if k in feed_columns} for r in feed_rows]
        )
        for table, rows in (
            (articles, article_rows),
            (story_articles, member_rows),
            (stories, story_rows),
            (cluster_stories, cluster_rows),
            (figure_claims, claim_rows),
            (alerts, alert_rows),
            (deliveries, delivery_rows),
        ):
            for chunk in _chunks(rows):
                conn.execute(insert(table), chunk)
        conn.execute(insert(figures), [figure_row])
    with app.engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    app.close()


def measure(base: str, path: str, requests: int) -> tuple[float, float, float, int]:
    """p50 and p95 server wall time, p95 handler CPU time (ms), body size (bytes) of GET path."""
    times, cpus, size = [], [], 0
    for _ in range(requests):
        with urllib.request.urlopen(base + path, timeout=30) as resp:
            body = resp.read()
            assert resp.status == 200, path
            timing = resp.headers["Server-Timing"]
        parts = dict(part.strip().split(";dur=") for part in timing.split(","))
        times.append(float(parts["app"]))
        cpus.append(float(parts.get("cpu", "nan")))
        size = len(body)
    return statistics.median(times), _p95(times), _p95(cpus), size


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def run(
    n_articles: int, n_claims: int, n_alerts: int, requests: int
) -> dict[str, tuple[float, float, int]]:
    with tempfile.TemporaryDirectory(prefix="monitor-bench-web-") as tmp:
        url = f"sqlite:///{tmp}/monitor.db"
        started = time.monotonic()
        seed(url, n_articles, n_claims, n_alerts)
        print(
            f"  seeded {n_articles:,} articles, {n_claims:,} claims, {n_alerts} alerts in {time.monotonic() - started:.1f} s"
        )
        app = open_app(build({"database_url": url}, {}))
        try:
            with web_view(lambda: app, None, "127.0.0.1:0") as server:
                assert server is not None
                last_story = _last_story_id(url)
                paths = {
                    "/": "/",
                    "/figures/NAME": f"/figures/{FIGURE}",
                    "/api/stories?limit=50": "/api/stories?limit=50",
                    "/api/stories?limit=50&before=(oldest)": (
                        f"/api/stories?limit=50&before={last_story}"
                    ),
                    "/stories": "/stories",
                    "/alerts": "/alerts",
                    "/alerts.atom": "/alerts.atom",
                    "/api/figures/NAME": f"/api/figures/{FIGURE}",
                    "/feeds": "/feeds",
                }
                for path in paths.values():  # warm-up: templates compiled, caches filled
                    measure(server.url, path, 2)
                return {label: measure(server.url, path, requests) for label, path in paths.items()}
        finally:
            app.close()


def _last_story_id(url: str) -> str:
    """A story near the oldest end (a deep page: its cost must not grow either)."""
    import sqlite3

    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        row = conn.execute(
            "SELECT story_id FROM cluster_stories ORDER BY last_event_time LIMIT 1 OFFSET 60"
        ).fetchone()
    return str(row[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--claims", type=int, default=2_000)
    parser.add_argument("--alerts", type=int, default=500)
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args()
    results = {}
    for scale in (args.articles // 10, args.articles):
        print(f"history of {scale:,} articles")
        results[scale] = run(scale, args.claims, args.alerts, args.requests)
    small, large = args.articles // 10, args.articles
    print()
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    header = f"p95 at {small:,}"
    print(f"{'page':<40} {'p50 ms':>7} {'p95 ms':>7} {'p95 cpu':>8} {'size kB':>8} {header:>13}")
    for label, (p50, p95, cpu, size) in results[large].items():
        print(
            f"{label:<40} {p50:>7.1f} {p95:>7.1f} {cpu:>8.1f} {size / 1000:>8.1f} "
            f"{results[small][label][1]:>13.1f}"
        )


if __name__ == "__main__":
    main()
