"""The articles read model: clean main text of every article revision, derived from raw blobs.

Deriving the text here (not in the poller) means a better extractor applies to old
articles on `monitor replay`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, select

from monitor.events import ArticleObserved, ArticleRevised
from monitor.store import blobs
from monitor.store.db import upsert
from monitor.store.eventlog import StoredEvent
from monitor.store.tables_feeds import article_revisions, articles, source_boilerplate
from monitor.text.boilerplate import RepeatedLines
from monitor.text.extract import extract_fragment, extract_page


@dataclass(frozen=True)
class CleanArticle:
    """The text the rest of the pipeline works on."""

    title: str
    text: str
    page_date: object


def clean_article(conn: Connection, ev: ArticleObserved, learner: RepeatedLines) -> CleanArticle:
    """Main text of an article: the fetched page when there is one, else the feed's HTML."""
    repeated = learner.repeated(ev.source)
    fragments = [
        extract_fragment(blobs.get_text(conn, ref) or "", repeated)
        for ref in (ev.content_ref, ev.summary_ref)
        if ref
    ]
    best_fragment = max(fragments, key=len, default="")
    text, title, page_date = best_fragment, ev.title, None
    if ev.page_ref:
        page = extract_page(blobs.get(conn, ev.page_ref), url=ev.page_url, repeated=repeated)
        page_date = page.page_date
        if page.has_article_text or len(page.text) > len(best_fragment):
            text = page.text
        title = ev.title or page.title or ""
    learner.observe(ev.source, text.splitlines(), article=ev.article_id)
    return CleanArticle(title=title, text=text, page_date=page_date)


class ArticlesProjection:
    """Folds ArticleObserved/ArticleRevised into `articles` and `article_revisions`."""

    name = "articles"
    tables = (articles, article_revisions, source_boilerplate)

    def apply(self, conn: Connection, stored: StoredEvent) -> None:
        """Fold one event."""
        self.apply_batch(conn, [stored])

    def apply_batch(self, conn: Connection, batch: Sequence[StoredEvent]) -> None:
        """Fold a batch, keeping each source's boilerplate learner loaded across it."""
        learners: dict[str, RepeatedLines] = {}
        for stored in batch:
            ev = stored.event
            if not isinstance(ev, ArticleObserved):
                continue
            learner = learners.get(ev.source) or _load_learner(conn, ev.source)
            learners[ev.source] = learner
            clean = clean_article(conn, ev, learner)
            self._write(conn, stored, ev, clean)
        for source, learner in sorted(learners.items()):
            upsert(
                conn,
                source_boilerplate,
                {"source": source, "state": json.dumps(learner.to_dict(), sort_keys=True)},
                ["source"],
                update=["state"],
            )

    @staticmethod
    def _write(
        conn: Connection, stored: StoredEvent, ev: ArticleObserved, clean: CleanArticle
    ) -> None:
        revision = _next_revision(conn, ev.article_id) if isinstance(ev, ArticleRevised) else 0
        upsert(
            conn,
            article_revisions,
            {
                "article_id": ev.article_id,
                "revision": revision,
                "position": stored.position,
                "title": clean.title,
                "text": clean.text,
                "page_date": clean.page_date,
            },
            ["article_id", "revision"],
            update=["position", "title", "text", "page_date"],
        )
        values = {
            "id": ev.article_id,
            "feed_url": ev.feed_url,
            "source": ev.source,
            "title": clean.title,
            "url": ev.page_url or ev.link,
            "published_at": ev.published_at,
            "page_date": clean.page_date,
            "first_seen_at": ev.seen_at,
            "revision": revision,
            "position": stored.position,
        }
        update = ["title", "url", "published_at", "page_date", "revision", "position"]
        upsert(conn, articles, values, ["id"], update=update)


def _next_revision(conn: Connection, article_id: str) -> int:
    current = conn.execute(
        select(articles.c.revision).where(articles.c.id == article_id)
    ).scalar_one_or_none()
    return 0 if current is None else int(current) + 1


def _load_learner(conn: Connection, source: str) -> RepeatedLines:
    raw = conn.execute(
        select(source_boilerplate.c.state).where(source_boilerplate.c.source == source)
    ).scalar_one_or_none()
    return RepeatedLines.from_dict(json.loads(raw)) if raw else RepeatedLines()


def revision_text(conn: Connection, article_id: str, position: int) -> tuple[str, str] | None:
    """(title, text) of the revision written at `position` — what a later projection folds."""
    row = conn.execute(
        select(article_revisions.c.title, article_revisions.c.text).where(
            article_revisions.c.article_id == article_id, article_revisions.c.position == position
        )
    ).first()
    return None if row is None else (row[0], row[1])
