"""Appending article events the way the poller does, for the stories tests."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import Any

from monitor.daemon.bootstrap import App
from monitor.events import ArticleObserved, ArticleRevised
from monitor.projections.clustering import (
    ArticleDoc,
    Assignment,
    ClusterEngine,
    InMemoryClusterState,
)
from monitor.store import blobs

DATA = Path(__file__).resolve().parents[2] / "data" / "stories"
LABELLED_T0 = datetime(2024, 3, 5, 8, 0, tzinfo=UTC)  # the seen time of a row that gives none


def labelled_rows() -> list[dict[str, Any]]:
    """The labelled evaluation set (both parts), in arrival order."""
    rows: list[dict[str, Any]] = []
    for path in sorted(DATA.glob("part*.jsonl")):
        rows.extend(json.loads(line) for line in path.read_text("utf-8").splitlines() if line)
    return rows


def when(value: str | None) -> datetime | None:
    """An evaluation-file time (ISO 8601, trailing Z)."""
    return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


def labelled_docs() -> list[ArticleDoc]:
    """The labelled set as the clustering engine reads it, in arrival order."""
    return [
        ArticleDoc(
            r["id"],
            r["outlet"],
            r["title"],
            r["body"],
            when(r.get("published_at")),
            when(r["seen_at"]) or LABELLED_T0,
        )
        for r in labelled_rows()
    ]


def assigned_in_memory(docs: list[ArticleDoc]) -> list[Assignment]:
    """What the engine assigns the documents with its in-memory state: what every stored
    state must match."""
    engine = ClusterEngine(InMemoryClusterState())
    return [engine.assign(d) for d in docs]


def html_of(text: str) -> str:
    """Paragraphs as the HTML a feed entry carries."""
    return "".join(f"<p>{escape(p)}</p>" for p in text.split("\n") if p.strip())


def article_event(
    app: App,
    article_id: str,
    *,
    source: str,
    title: str,
    text: str,
    seen_at: datetime,
    published_at: datetime | None = None,
    revised: bool = False,
    link: str | None = None,
) -> ArticleObserved:
    """An ArticleObserved (or ArticleRevised) whose content blob is stored, as polling does."""
    html = html_of(text)
    with app.engine.begin() as conn:
        ref = blobs.put(conn, html.encode("utf-8")) if html else None
    cls = ArticleRevised if revised else ArticleObserved
    return cls(
        article_id=article_id,
        feed_url=f"http://{source.lower().replace(' ', '-')}.invalid/feed.xml",
        source=source,
        entry_key=article_id,
        title=title,
        link=link,
        guid=article_id,
        published_at=published_at,
        seen_at=seen_at,
        content_hash=blobs.blob_hash(html.encode("utf-8")),
        summary_ref=None,
        content_ref=ref,
        page_ref=None,
        page_url=None,
    )


def row_event(app: App, row: dict[str, Any]) -> ArticleObserved:
    """The event of one labelled row."""
    seen = when(row["seen_at"])
    assert seen is not None
    return article_event(
        app,
        row["id"],
        source=row["outlet"],
        title=row["title"],
        text=row["body"],
        seen_at=seen,
        published_at=when(row.get("published_at")),
    )
