"""The articles read model: clean main text of every article revision, derived from raw blobs.

Deriving the text here (not in the poller) means a better extractor applies to old
articles on `monitor replay`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, select

from monitor.events import ArticleObserved, ArticleRevised
from monitor.projections.parallel import ordered_map
from monitor.store import blobs
from monitor.store.db import upsert
from monitor.store.eventlog import StoredEvent
from monitor.store.tables_feeds import article_revisions, articles, source_boilerplate
from monitor.text.boilerplate import RepeatedLines
from monitor.text.extract import (
    ArticleMarkup,
    PreparedArticle,
    finish_fragment,
    finish_page,
    prepare_article,
)


@dataclass(frozen=True)
class CleanArticle:
    """The text the rest of the pipeline works on."""

    title: str
    text: str
    page_date: object


def clean_article(conn: Connection, ev: ArticleObserved, learner: RepeatedLines) -> CleanArticle:
    """Main text of an article: the fetched page when there is one, else the feed's HTML."""
    return finish_article(ev, prepare_article(markup_of(conn, ev)), learner)


def markup_of(conn: Connection, ev: ArticleObserved) -> ArticleMarkup:
    """The stored markup an article's text is extracted from."""
    return markups_of(conn, [ev])[0]


def markups_of(conn: Connection, observed: Sequence[ArticleObserved]) -> list[ArticleMarkup]:
    """The stored markup of each article, with one blob query for all of them."""
    refs = [r for ev in observed for r in (ev.content_ref, ev.summary_ref, ev.page_ref) if r]
    found = blobs.get_many(conn, refs)
    return [_markup(ev, found) for ev in observed]


def _markup(ev: ArticleObserved, found: dict[str, bytes]) -> ArticleMarkup:
    fragments = tuple(
        _blob(found, ref).decode("utf-8", errors="replace")
        for ref in (ev.content_ref, ev.summary_ref)
        if ref
    )
    if not ev.page_ref:
        return ArticleMarkup(fragments)
    return ArticleMarkup(fragments, _blob(found, ev.page_ref), ev.page_url)


def _blob(found: dict[str, bytes], ref: str) -> bytes:
    data = found.get(ref)
    if data is None:
        raise KeyError(f"blob {ref} is missing")
    return data


def markup_weight(markup: ArticleMarkup) -> int:
    """How much extraction work an article is (bytes of markup): what the pool weighs."""
    return len(markup.page or b"") + sum(len(fragment) for fragment in markup.fragments)


def finish_article(
    ev: ArticleObserved, prepared: PreparedArticle, learner: RepeatedLines
) -> CleanArticle:
    """The article's clean text given the source's repeated lines so far; then teach the
    learner this article's lines (so it must run in log order)."""
    repeated = learner.repeated(ev.source)
    texts = [finish_fragment(fragment, repeated) for fragment in prepared.fragments]
    best_fragment = max(texts, key=len, default="")
    text, title, page_date = best_fragment, ev.title, None
    if prepared.has_page:
        page = finish_page(prepared.page, repeated)
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
        """Fold a batch, keeping each source's boilerplate learner loaded across it; the rows
        are written at the end, each table in one statement."""
        learners: dict[str, RepeatedLines] = {}
        observed = [(s, s.event) for s in batch if isinstance(s.event, ArticleObserved)]
        # The costly extraction is pure and per article: on every core, results in order.
        markups = markups_of(conn, [ev for _, ev in observed])
        prepared = ordered_map(prepare_article, markups, weight=markup_weight)
        rows = _Rows()
        for (stored, ev), ready in zip(observed, prepared, strict=True):
            learner = learners.get(ev.source)
            if learner is None:
                learner = learners[ev.source] = _load_learner(conn, ev.source)
            clean = finish_article(ev, ready, learner)
            rows.add(conn, stored, ev, clean)
        rows.write(conn)
        for source, learner in sorted(learners.items()):
            upsert(
                conn,
                source_boilerplate,
                {"source": source, "state": json.dumps(learner.to_dict(), sort_keys=True)},
                ["source"],
                update=["state"],
            )


ARTICLE_UPDATE = ["title", "url", "published_at", "page_date", "revision", "position"]
REVISION_UPDATE = ["position", "title", "text", "page_date"]


class _Rows:
    """A batch's rows, folded in log order as one upsert per event would leave them: an
    article seen twice keeps its first insert-only values (first seen, feed, source) and
    takes its last updatable ones."""

    def __init__(self) -> None:
        self.articles: dict[str, dict[str, object]] = {}
        self.revisions: dict[tuple[str, int], dict[str, object]] = {}
        self.revision_of: dict[str, int] = {}

    def add(
        self, conn: Connection, stored: StoredEvent, ev: ArticleObserved, clean: CleanArticle
    ) -> None:
        revision = self._next_revision(conn, ev.article_id) if isinstance(ev, ArticleRevised) else 0
        self.revisions[(ev.article_id, revision)] = {
            "article_id": ev.article_id,
            "revision": revision,
            "position": stored.position,
            "title": clean.title,
            "text": clean.text,
            "page_date": clean.page_date,
        }
        values: dict[str, object] = {
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
        self.revision_of[ev.article_id] = revision
        known = self.articles.get(ev.article_id)
        if known is None:
            self.articles[ev.article_id] = values
        else:
            known.update({key: values[key] for key in ARTICLE_UPDATE})

    def _next_revision(self, conn: Connection, article_id: str) -> int:
        known = self.revision_of.get(article_id)
        return _next_revision(conn, article_id) if known is None else known + 1

    def write(self, conn: Connection) -> None:
        keys = ["article_id", "revision"]
        upsert(conn, article_revisions, list(self.revisions.values()), keys, REVISION_UPDATE)
        upsert(conn, articles, list(self.articles.values()), ["id"], update=ARTICLE_UPDATE)


# Statements run once per article are built once: building and keying a statement costs
# more than running it on SQLite.
_REVISION = select(articles.c.revision).where(articles.c.id == bindparam("article"))
_LEARNER = select(source_boilerplate.c.state).where(
    source_boilerplate.c.source == bindparam("source")
)
_REVISION_TEXT = select(article_revisions.c.title, article_revisions.c.text).where(
    article_revisions.c.article_id == bindparam("article"),
    article_revisions.c.position == bindparam("position"),
)


def _next_revision(conn: Connection, article_id: str) -> int:
    current = conn.execute(_REVISION, {"article": article_id}).scalar_one_or_none()
    return 0 if current is None else int(current) + 1


def _load_learner(conn: Connection, source: str) -> RepeatedLines:
    raw = conn.execute(_LEARNER, {"source": source}).scalar_one_or_none()
    return RepeatedLines.from_dict(json.loads(raw)) if raw else RepeatedLines()


def revision_text(conn: Connection, article_id: str, position: int) -> tuple[str, str] | None:
    """(title, text) of the revision written at `position` — what a later projection folds."""
    row = conn.execute(_REVISION_TEXT, {"article": article_id, "position": position}).first()
    return None if row is None else (row[0], row[1])
