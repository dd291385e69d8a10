"""SqlClusterState: the clustering engine's memory kept in the database, on one connection.

Reads go to the database (so a year-old original is still found and memory stays flat as
the history grows); writes are buffered for the current batch and flushed in a few
executemany statements by :meth:`SqlClusterState.flush`. Every read merges the buffer over
the database, so buffering never changes a result; the buffer and the read caches are
dropped at each flush, which bounds them by one batch.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, func, select

from monitor.projections.clustering import ArticleRecord, Centroid, StorySummary, top_candidates
from monitor.store.db import as_utc as utc
from monitor.store.db import upsert
from monitor.store.tables_clusters import (
    cluster_articles,
    cluster_bands,
    cluster_counters,
    cluster_stories,
    cluster_terms,
)

CLUSTER_TABLES: tuple[Table, ...] = (
    cluster_bands,
    cluster_articles,
    cluster_stories,
    cluster_terms,
    cluster_counters,
)
"""Every table of the cluster state (a rebuild clears them all)."""

DOCS = "docs"
"""Counter row holding the number of documents counted into the term DF."""

_IN_CHUNK = 500  # bound on bound parameters per IN (...) list


def centroid_to_json(centroid: Centroid) -> str:
    """Serialise a centroid; float repr round-trips exactly, so a reload scores the same."""
    return json.dumps([[term, weight] for term, weight in centroid], separators=(",", ":"))


def centroid_from_json(raw: str) -> Centroid:
    """Inverse of :func:`centroid_to_json`."""
    return tuple((str(term), float(weight)) for term, weight in json.loads(raw))


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), _IN_CHUNK):
        yield items[start : start + _IN_CHUNK]


def _story_from_row(row: Any) -> StorySummary:
    return StorySummary(
        story_id=row.story_id,
        first_event_time=utc(row.first_event_time),
        last_event_time=utc(row.last_event_time),
        size=int(row.size),
        centroid=centroid_from_json(row.centroid),
    )


def _article_from_row(row: Any) -> ArticleRecord:
    return ArticleRecord(
        article_id=row.article_id,
        story_id=row.story_id,
        event_time=utc(row.event_time),
        seen_at=utc(row.seen_at),
        copy_of=row.copy_of,
        shingles=bytes(row.shingles),
    )


class SqlClusterState:
    """:class:`~monitor.projections.clustering.ClusterState` on a database connection."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._reset()

    def _reset(self) -> None:
        # Read caches (database values) and write buffers (this batch's changes).
        self._articles: dict[str, ArticleRecord] = {}
        self._stories: dict[str, StorySummary] = {}
        self._df_read: dict[str, int] = {}
        self._docs_read: int | None = None
        self._new_articles: dict[str, ArticleRecord] = {}
        self._new_bands: dict[int, list[str]] = {}
        self._new_stories: dict[str, StorySummary] = {}
        self._new_df: Counter[str] = Counter()
        self._new_docs = 0

    # -- copies -------------------------------------------------------------------------

    def candidates_by_bands(self, band_keys: Sequence[int], limit: int) -> list[tuple[str, int]]:
        """The `limit` articles sharing the most band keys: (id, shared), most first, then by id.

        Counted and cut in SQL: text many articles share (templates, boilerplate) would
        otherwise send one row per shared band back to Python. An article's bands are
        either all stored or all still buffered, so merging the two top lists is exact.
        """
        keys = sorted(set(band_keys))
        found: Counter[str] = Counter()
        shared = func.count().label("shared")
        for chunk in _chunks(keys):
            rows = self.conn.execute(
                select(cluster_bands.c.article_id, shared)
                .where(cluster_bands.c.band_key.in_(chunk))
                .group_by(cluster_bands.c.article_id)
                .order_by(shared.desc(), cluster_bands.c.article_id)
                .limit(limit if len(keys) <= _IN_CHUNK else None)
            )
            for article_id, count in rows:
                found[article_id] += int(count)
        for key in keys:
            found.update(self._new_bands.get(key, ()))
        return top_candidates(found, limit)

    def add_bands(self, article_id: str, band_keys: Sequence[int]) -> None:
        """Index an article under its LSH band keys (buffered until :meth:`flush`)."""
        for key in set(band_keys):
            self._new_bands.setdefault(key, []).append(article_id)

    def get_article(self, article_id: str) -> ArticleRecord | None:
        """The stored record of one article, if any."""
        record = self._articles.get(article_id)
        if record is None:
            row = self.conn.execute(
                select(cluster_articles).where(cluster_articles.c.article_id == article_id)
            ).first()
            if row is None:
                return None
            record = self._articles[article_id] = _article_from_row(row)
        return record

    def put_article(self, record: ArticleRecord) -> None:
        """Insert or replace one article record."""
        self._articles[record.article_id] = record
        self._new_articles[record.article_id] = record

    # -- stories ------------------------------------------------------------------------

    def get_story(self, story_id: str) -> StorySummary | None:
        """One story summary, if any."""
        if story_id not in self._stories:
            self._load_stories([story_id])
        return self._stories.get(story_id)

    def active_stories(self, since: datetime) -> list[StorySummary]:
        """Stories whose last event time is at or after ``since``, ordered by id."""
        ids = set(
            self.conn.execute(
                select(cluster_stories.c.story_id).where(
                    cluster_stories.c.last_event_time >= utc(since)
                )
            ).scalars()
        )
        ids.update(self._new_stories)
        self._load_stories([i for i in ids if i not in self._stories])
        found = (self._stories[i] for i in ids if i in self._stories)
        return sorted((s for s in found if s.last_event_time >= since), key=lambda s: s.story_id)

    def put_story(self, story: StorySummary) -> None:
        """Insert or replace one story summary."""
        self._stories[story.story_id] = story
        self._new_stories[story.story_id] = story

    def _load_stories(self, story_ids: Sequence[str]) -> None:
        # Parsed summaries are kept for the batch: parsing centroids dominates otherwise.
        for chunk in _chunks(sorted(story_ids)):
            rows = self.conn.execute(
                select(cluster_stories).where(cluster_stories.c.story_id.in_(chunk))
            )
            for row in rows:
                self._stories[row.story_id] = _story_from_row(row)

    # -- document frequencies -----------------------------------------------------------

    def term_df(self, terms: Sequence[str]) -> dict[str, int]:
        """Document frequencies of the known ``terms``."""
        missing = sorted({t for t in terms if t not in self._df_read})
        for chunk in _chunks(missing):
            rows = self.conn.execute(
                select(cluster_terms.c.term, cluster_terms.c.df).where(
                    cluster_terms.c.term.in_(chunk)
                )
            )
            self._df_read.update({row.term: int(row.df) for row in rows})
            self._df_read.update({t: 0 for t in chunk if t not in self._df_read})
        counts = {t: self._df_read[t] + self._new_df.get(t, 0) for t in terms}
        return {t: n for t, n in counts.items() if n}

    def add_df(self, terms: Sequence[str]) -> None:
        """Count one more document containing each of ``terms``."""
        self._new_df.update(set(terms))
        self._new_docs += 1

    def doc_count(self) -> int:
        """Documents counted so far."""
        if self._docs_read is None:
            stored = self.conn.execute(
                select(cluster_counters.c.value).where(cluster_counters.c.name == DOCS)
            ).scalar_one_or_none()
            self._docs_read = int(stored or 0)
        return self._docs_read + self._new_docs

    # -- writing ------------------------------------------------------------------------

    def flush(self) -> None:
        """Write this batch's changes and drop every cache (call at the end of a batch)."""
        self._write_articles()
        bands = [
            {"band_key": key, "article_id": article_id}
            for key, ids in sorted(self._new_bands.items())
            for article_id in ids
        ]
        upsert(self.conn, cluster_bands, bands, ["band_key", "article_id"])
        stories = [
            {
                "story_id": s.story_id,
                "first_event_time": utc(s.first_event_time),
                "last_event_time": utc(s.last_event_time),
                "size": s.size,
                "centroid": centroid_to_json(s.centroid),
            }
            for _, s in sorted(self._new_stories.items())
        ]
        upsert(
            self.conn,
            cluster_stories,
            stories,
            ["story_id"],
            update=["first_event_time", "last_event_time", "size", "centroid"],
        )
        self._write_df()
        self._reset()

    def _write_articles(self) -> None:
        rows = [
            {
                "article_id": r.article_id,
                "story_id": r.story_id,
                "event_time": utc(r.event_time),
                "seen_at": utc(r.seen_at),
                "copy_of": r.copy_of,
                "shingles": r.shingles,
            }
            for _, r in sorted(self._new_articles.items())
        ]
        upsert(
            self.conn,
            cluster_articles,
            rows,
            ["article_id"],
            update=["story_id", "event_time", "seen_at", "copy_of", "shingles"],
        )

    def _write_df(self) -> None:
        if self._new_df:
            # Counts read earlier in this batch plus the increments: the new absolute values.
            self.term_df(list(self._new_df))
            rows = [
                {"term": t, "df": self._df_read[t] + n} for t, n in sorted(self._new_df.items())
            ]
            upsert(self.conn, cluster_terms, rows, ["term"], update=["df"])
        if self._new_docs:
            total = self.doc_count()
            upsert(self.conn, cluster_counters, {"name": DOCS, "value": total}, ["name"], ["value"])
