"""SqlClusterState: the clustering engine's memory kept in the database, on one connection.

Reads go to the database (so a year-old original is still found and memory stays flat as
the history grows); writes are buffered for the current batch and flushed in a few
executemany statements by :meth:`SqlClusterState.flush`. Every read merges the buffer over
the database, so buffering never changes a result; the buffer is dropped at each flush.

Read caches: without a :class:`StateCache` they live for one batch. With one (the stories
projection keeps one per process) parsed story summaries, article records and document
frequencies survive from batch to batch, bounded in size, so a daemon folding a few events
at a time does not re-read and re-parse every active story each time. The cache holds
database values only and is trusted only while the database still carries the token
(folded log position, document count) its last flush wrote: a rolled-back batch, a rebuild
or another process folding meanwhile changes the token and the cache is dropped.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from typing import Any

from sqlalchemy import Connection, Table, select

from monitor.projections.candidates import CandidatePool
from monitor.projections.cluster_protocol import top_candidates
from monitor.projections.cluster_sql import IN_CHUNK, chunks, fast_upsert, select_in, sharing_all
from monitor.projections.cluster_values import ArticleRecord, StorySummary
from monitor.projections.term_counts import DOCS, SqlTermCounts
from monitor.projections.vectors import Centroid
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

POSITION = "position"
"""Counter row holding the log position of the last event the state folded (cache token)."""


def centroid_to_json(centroid: Centroid) -> str:
    """Serialise a centroid; float repr round-trips exactly, so a reload scores the same."""
    return json.dumps([[term, weight] for term, weight in centroid], separators=(",", ":"))


def centroid_from_json(raw: str) -> Centroid:
    """Inverse of :func:`centroid_to_json`."""
    return tuple((str(term), float(weight)) for term, weight in json.loads(raw))


# The two reads every article makes (its band keys, its terms), as plain SQL sent through
# the driver: both columns are plain integers and strings, and SQLAlchemy's expansion and
# processing of a few hundred IN parameters costs more than the query itself.
_BANDS = (
    "SELECT article_id, count(*) AS shared FROM cluster_bands WHERE band_key IN ({marks})"
    " GROUP BY article_id ORDER BY shared DESC, article_id"
)
_KEYS = "SELECT band_key, count(*) FROM cluster_bands WHERE band_key IN ({marks}) GROUP BY band_key"
_POSTINGS = "SELECT band_key, article_id FROM cluster_bands WHERE band_key IN ({marks})"
FEW_POSTINGS = 64
"""A band key stored for at most this many articles is read ahead with its articles; one
shared more widely (a template's, boilerplate's) is left to the counting query."""


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


Token = tuple[int, int]


@dataclass
class ActiveIndex:
    """Story id -> last event time of every stored story that ended at or after ``floor``.

    The answer to "which stories are active since ``since``" for any ``since`` at or after
    the floor, without a query per article: the stored state changes only at a flush, which
    folds its written summaries in (:meth:`update`). A ``since`` before the floor is asked
    of the database again. Bounded: each flush raises the floor to the earliest ``since``
    its batch asked for.
    """

    floor: datetime
    ended: dict[str, datetime]

    def since(self, moment: datetime) -> set[str]:
        """The indexed stories that ended at or after ``moment`` (at or after the floor)."""
        return {story_id for story_id, last in self.ended.items() if last >= moment}

    def update(self, written: Iterable[StorySummary], floor: datetime | None) -> None:
        """Fold in the summaries a flush wrote, then raise the floor to ``floor``."""
        for story in written:
            if story.last_event_time >= self.floor:
                self.ended[story.story_id] = story.last_event_time
            else:
                self.ended.pop(story.story_id, None)
        if floor is not None and floor > self.floor:
            self.floor = floor
            self.ended = {k: last for k, last in self.ended.items() if last >= floor}


@dataclass
class StateCache:
    """Database values of the cluster state kept between batches (see the module docstring).

    Each map is bounded: past its cap the entries inserted longest ago are dropped at a
    flush (an entry read or written again moves to the end), so memory stays flat.
    """

    max_stories: int = 2048
    max_articles: int = 4096
    max_terms: int = 1 << 17
    token: Token | None = None
    stories: dict[str, StorySummary] = field(default_factory=dict)
    articles: dict[str, ArticleRecord] = field(default_factory=dict)
    df: dict[str, int] = field(default_factory=dict)
    active: ActiveIndex | None = None
    pool: CandidatePool | None = None
    """The engine's arrays of the active stories (:mod:`~monitor.projections.candidates`)."""
    generation: int = 0
    """Counts the clears: what was kept beside the cache under one generation is as true
    as the cache itself (:mod:`~monitor.projections.early_originals`)."""

    def clear(self) -> None:
        """Forget everything (the database changed behind the cache's back)."""
        self.generation += 1
        self.token = None
        self.pool = None
        self.stories.clear()
        self.articles.clear()
        self.df.clear()
        self.active = None

    def trim(self, horizon: datetime | None = None) -> None:
        """Drop stories that ended before ``horizon`` (the earliest moment the latest
        articles look back to: they are offered to none of them), then the oldest entries
        of each map past its cap."""
        if horizon is not None:
            ended = [k for k, story in self.stories.items() if story.last_event_time < horizon]
            for key in ended:
                del self.stories[key]
        for found, cap in (
            (self.stories, self.max_stories),
            (self.articles, self.max_articles),
            (self.df, self.max_terms),
        ):
            excess = len(found) - cap
            if excess > 0:
                for key in list(islice(found, excess + cap // 4)):
                    del found[key]


def _put(found: dict[str, Any], key: str, value: Any) -> None:
    """Insert or replace ``key``, moving it to the newest end (eviction drops the oldest)."""
    found.pop(key, None)
    found[key] = value


class SqlClusterState:
    """:class:`~monitor.projections.cluster_protocol.ClusterState` on a database connection."""

    def __init__(self, conn: Connection, cache: StateCache | None = None) -> None:
        self.conn = conn
        self.cache = cache
        self._reset()
        if cache is not None:
            self._adopt(cache)

    def _adopt(self, cache: StateCache) -> None:
        """Use ``cache`` as the read caches when the database still carries its token."""
        rows = self.conn.execute(
            select(cluster_counters.c.name, cluster_counters.c.value).where(
                cluster_counters.c.name.in_((DOCS, POSITION))
            )
        )
        stored = {str(name): int(value) for name, value in rows}
        docs, position = stored.get(DOCS, 0), stored.get(POSITION)
        if position is None or cache.token != (position, docs):
            cache.clear()
        cache.token = None  # dirty until this batch's flush: a failure drops the cache
        self._adopted(cache, docs)

    def _dirty(self) -> None:
        # The cache now holds changes the database has not committed yet.
        if self.cache is not None:
            self.cache.token = None

    def _reset(self) -> None:
        # Read caches (database values) and write buffers (this batch's changes).
        self._articles: dict[str, ArticleRecord] = {}
        self._stories: dict[str, StorySummary] = {}
        self.counts = SqlTermCounts(self.conn)
        self._horizon: datetime | None = None  # the latest `since` asked for
        self._earliest: datetime | None = None  # the earliest `since` asked for
        self._active: ActiveIndex | None = None
        # Band keys the batch asked about ahead (prefetch); for those stored, their articles
        # (None: too many to read ahead).
        self._keys_asked: set[int] = set()
        self._postings: dict[int, list[str] | None] = {}
        self._widths: dict[int, int] = {}  # how many stored articles have a key read ahead
        self._new_articles: dict[str, ArticleRecord] = {}
        self._new_bands: dict[int, list[str]] = {}
        self._new_stories: dict[str, StorySummary] = {}

    # -- copies -------------------------------------------------------------------------

    def candidates_by_bands(self, band_keys: Sequence[int], limit: int) -> list[tuple[str, int]]:
        """The `limit` articles sharing the most band keys: (id, shared), most first, then by id.

        Counted and cut in SQL: text many articles share (templates, boilerplate) would
        otherwise send one row per shared band back to Python; keys read ahead with their
        few articles (:meth:`prefetch`) are counted here. An article's bands are either all
        stored or all still buffered, so merging the two top lists is exact.
        """
        keys = sorted(set(band_keys))
        found: Counter[str] = Counter()
        postings = self._postings
        # Keys read ahead that no stored article has cannot count: only the others are asked,
        # or, when all of those were read ahead with their articles, counted here.
        stored = [k for k in keys if k in postings or k not in self._keys_asked]
        known = [postings.get(k) for k in stored]
        if all(ids is not None for ids in known):
            for ids in known:
                found.update(ids or ())
            stored = []
        for chunk in chunks(stored):
            if len(stored) <= IN_CHUNK:
                rows = self._widest(chunk, limit)
            else:
                rows = select_in(self.conn, _BANDS, chunk)
            for article_id, count in rows:
                found[article_id] += int(count)
        buffered = self._new_bands
        for key in buffered.keys() & keys:
            found.update(buffered[key])
        return top_candidates(found, limit)

    def _widest(self, keys: Sequence[int], limit: int) -> list[tuple[Any, ...]]:
        """The stored top `limit` of :meth:`candidates_by_bands` for ``keys`` (distinct).

        When every key was read ahead as shared by at least `limit` articles (a text many
        articles repeat), the articles having all of them are looked for first
        (:func:`~.cluster_sql.sharing_all`): `limit` of them are the top, ties by id, found
        without counting every article of every key. Otherwise the counting query."""
        widths = [self._widths.get(k, 0) for k in keys]
        if keys and min(widths) >= limit:
            rarest = min(zip(widths, keys, strict=True))[1]
            ids = sharing_all(self.conn, cluster_bands, keys, rarest, limit)
            if len(ids) == limit:
                return [(article_id, len(keys)) for article_id in ids]
        return select_in(self.conn, _BANDS + " LIMIT {mark}", keys, (limit,))

    def add_bands(self, article_id: str, band_keys: Sequence[int]) -> None:
        """Index an article under its LSH band keys (buffered until :meth:`flush`)."""
        self._dirty()
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
        self._dirty()
        _put(self._articles, record.article_id, record)
        self._new_articles[record.article_id] = record

    # -- stories ------------------------------------------------------------------------

    def kept_pool(self) -> CandidatePool | None:
        """The engine's candidate pool kept in the cache (valid while the cache is)."""
        return self.cache.pool if self.cache is not None else None

    def keep_pool(self, pool: CandidatePool) -> None:
        """Keep the engine's candidate pool with the cache (nowhere without one)."""
        if self.cache is not None:
            self.cache.pool = pool

    def get_story(self, story_id: str) -> StorySummary | None:
        """One story summary, if any."""
        if story_id not in self._stories:
            self._load_stories([story_id])
        return self._stories.get(story_id)

    def active_stories(self, since: datetime) -> list[StorySummary]:
        """Stories whose last event time is at or after ``since``, ordered by id."""
        ids = self._active_stored(since)
        ids.update(self._new_stories)
        if self._horizon is None or since > self._horizon:
            self._horizon = since
        if self._earliest is None or since < self._earliest:
            self._earliest = since
        self._load_stories([i for i in ids if i not in self._stories])
        found = (self._stories[i] for i in ids if i in self._stories)
        return sorted((s for s in found if s.last_event_time >= since), key=lambda s: s.story_id)

    def _active_stored(self, since: datetime) -> set[str]:
        """Ids of the stored stories whose last event time is at or after ``since``."""
        index = self._active
        if index is None or since < index.floor:
            rows = self.conn.execute(
                select(cluster_stories.c.story_id, cluster_stories.c.last_event_time).where(
                    cluster_stories.c.last_event_time >= utc(since)
                )
            )
            index = self._active = ActiveIndex(since, {k: utc(last) for k, last in rows})
            if self.cache is not None:
                self.cache.active = index
        return index.since(since)

    def put_story(self, story: StorySummary) -> None:
        """Insert or replace one story summary."""
        self._dirty()
        _put(self._stories, story.story_id, story)
        self._new_stories[story.story_id] = story

    def _load_stories(self, story_ids: Sequence[str]) -> None:
        # Parsed summaries are kept for the batch: parsing centroids dominates otherwise.
        for chunk in chunks(sorted(story_ids)):
            rows = self.conn.execute(
                select(cluster_stories).where(cluster_stories.c.story_id.in_(chunk))
            )
            for row in rows:
                self._stories[row.story_id] = _story_from_row(row)

    # -- document frequencies -----------------------------------------------------------

    def prefetch(self, band_keys: Iterable[int], terms: Iterable[str]) -> None:
        """Read ahead, in a few queries, which of ``band_keys`` any stored article has (and
        which articles, for a key few share) and the stored counts of ``terms``: the stored
        state does not change before a flush, so every later answer stays the same."""
        keys = sorted(set(band_keys).difference(self._keys_asked))
        few: list[int] = []
        for chunk in chunks(keys):
            for key, count in select_in(self.conn, _KEYS, chunk):
                self._postings[int(key)] = None
                self._widths[int(key)] = int(count)
                if int(count) <= FEW_POSTINGS:
                    few.append(int(key))
        for chunk in chunks(sorted(few)):
            for key, article_id in select_in(self.conn, _POSTINGS, chunk):
                ids = self._postings[int(key)]
                if ids is None:
                    ids = self._postings[int(key)] = []
                ids.append(str(article_id))
        self._keys_asked.update(keys)
        self.counts.prefetch(terms)

    def term_df(self, terms: Sequence[str]) -> dict[str, int]:
        """Document frequencies of the known ``terms``."""
        return self.counts.term_df(terms)

    def term_dfs(self, terms: Sequence[str]) -> list[int]:
        """The document frequency of each of ``terms`` (0 for an unknown one)."""
        return self.counts.term_dfs(terms)

    def add_df(self, terms: Sequence[str]) -> None:
        """Count one more document containing each of ``terms``."""
        self._dirty()
        self.counts.add(terms)

    def doc_count(self) -> int:
        """Documents counted so far."""
        return self.counts.doc_count()

    # -- writing ------------------------------------------------------------------------

    def flush(self, position: int | None = None) -> None:
        """Write this batch's changes (call at the end of a batch) and drop the buffers.

        Without a :class:`StateCache` the read caches are dropped too. With one, they are
        kept (now equal to the database) under the token of ``position``, the log position
        of the last event folded, which is written with them.
        """
        self._write_articles()
        new = self._new_bands  # written in key order (index locality), keys sorted alone
        bands = [(key, article_id) for key in sorted(new) for article_id in new[key]]
        fast_upsert(self.conn, cluster_bands, bands, "")
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
        self.counts.write()
        cache = self.cache
        if cache is None or position is None:
            if cache is not None:
                cache.clear()
            self._reset()
            return
        upsert(
            self.conn, cluster_counters, {"name": POSITION, "value": position}, ["name"], ["value"]
        )
        self.counts.settle()
        if self._active is not None:
            self._active.update(self._new_stories.values(), self._earliest)
        docs = self.doc_count()
        cache.trim(self._horizon)
        cache.token = (position, docs)
        self._reset()
        self._adopted(cache, docs)

    def _adopted(self, cache: StateCache, docs: int) -> None:
        """Read through ``cache``'s maps (database values as of ``docs`` documents)."""
        self.counts.adopt(cache.df, docs)
        self._articles = cache.articles
        self._stories = cache.stories
        self._active = cache.active

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
