"""The stories read model: every article in exactly one story, copies marked (docs/SPEC.md §6).

Projection "stories" folds each ArticleObserved: the clean text the articles projection
wrote for that event (`revision_text`) goes through the clustering engine, whose memory is
the cluster-state tables (:mod:`monitor.projections.cluster_state`). Rows written:

- ``story_articles``: the article's story, ``copy_of``, event time, similarity, position.
- ``stories``: recomputed for every story a batch touched — first/last seen (from the
  articles' first sight), the earliest event time, sorted sources, article count and a
  representative title (see :func:`representative_title`).

ArticleRevised is deliberately ignored: an edited article keeps the story (and the copy
mark) it was given when first seen, so a typo fix never moves reporting between stories
and a replay cannot depend on when revisions arrived. An article with empty text (a
headline-only entry, a page that failed to extract) still gets a story: its own.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Table, bindparam, func, or_, select, update

from monitor.clock import as_utc as utc
from monitor.events import ArticleObserved
from monitor.projections.article_features import Article, ArticleFeatures, batch_features
from monitor.projections.cluster_state import CLUSTER_TABLES, SqlClusterState, StateCache
from monitor.projections.clustering import (
    ArticleDoc,
    Assignment,
    ClusterEngine,
    ClusterParams,
    event_time_of,
    story_id_for,
)
from monitor.projections.early_originals import EarlyOriginals, Original
from monitor.projections.feature_cache import FeatureCache, feature_key
from monitor.store.db import upsert
from monitor.store.eventlog import StoredEvent
from monitor.store.tables_feeds import article_revisions, articles
from monitor.store.tables_stories import stories, story_articles
from monitor.text.boilerplate import is_boilerplate_line
from monitor.text.priors import word_probability
from monitor.text.terms import content_words

NAME = "stories"
UNTITLED = "(untitled)"
_MIN_HEADLINE_WORDS = 3
_IN_CHUNK = 500
TITLE_CANDIDATES = 16
"""Originals, in story order, whose headlines compete to name the story (bounded work)."""

STORY_PARAMS = ClusterParams(max_backdate=timedelta(days=3650))
"""The engine's defaults, except that any claimed date before first sight is believed.

A feed's first poll brings its backlog: weeks or years of entries seen at one instant.
Their claimed dates are all that separates last month's briefing from this month's, so a
claim years old is trusted too (a date after first sight still is not). Copies take their
original's time whatever they claim, so a re-dated re-post cannot make old reporting new.
"""


class ArticleTextMissing(RuntimeError):
    """The articles projection has not yet written the text this event needs; retry later."""


@dataclass(frozen=True)
class Member:
    """One article of a story, as the stories row is computed from it."""

    article_id: str
    copy_of: str | None
    event_time: datetime
    position: int
    title: str
    source: str
    first_seen_at: datetime


def representative_title(members: Sequence[Member]) -> str:
    """The story's headline: the most representative of its first originals' headlines.

    Candidates are the headlines of the story's first :data:`TITLE_CANDIDATES` originals
    in story order (event time, then log order) that read like headlines: at least three
    words and not a boilerplate line. Copies never lend their title (an aggregator's
    re-post re-words it). The title is the candidates' medoid: the headline with the
    highest summed similarity to the other candidates (cosine of their content words,
    weighted by rarity in English), so the report most write-ups agree with names the
    story, not whichever came first; ties go to the headline with more content words,
    then to the earlier. As originals arrive the medoid may move, deterministically.
    Without candidates: any non-empty original title, then any title at all.
    """
    ordered = sorted(members, key=lambda m: (m.event_time, m.position))
    originals = [m.title.strip() for m in ordered if m.copy_of is None and m.title.strip()]
    anything = [m.title.strip() for m in ordered if m.title.strip()]
    early = [m.title.strip() for m in ordered if m.copy_of is None][:TITLE_CANDIDATES]
    headlines = [t for t in early if _is_headline(t)]
    if headlines:
        return medoid_title(headlines)
    for choice in (originals, anything):
        if choice:
            return choice[0]
    return UNTITLED


@lru_cache(maxsize=1 << 12)  # bounded; a story's title is recomputed by every batch it grows
def _title_vector(title: str) -> dict[str, float]:
    return {w: -math.log(word_probability(w)) for w in sorted(set(content_words(title)))}


def medoid_title(titles: Sequence[str]) -> str:
    """The headline most similar to all the others (see :func:`representative_title`)."""
    return _medoid(tuple(titles))


@lru_cache(maxsize=1 << 12)  # a settled story's candidates stay the same batch after batch
def _medoid(titles: tuple[str, ...]) -> str:
    vectors = [_title_vector(t) for t in titles]
    norms = [math.sqrt(sum(v * v for v in vec.values())) or 1.0 for vec in vectors]
    best: tuple[float, int, int] | None = None
    for i, mine in enumerate(vectors):
        total = 0.0
        for j, theirs in enumerate(vectors):
            if i != j:
                dot = sum(mine[w] * theirs[w] for w in sorted(mine.keys() & theirs.keys()))
                total += dot / (norms[i] * norms[j])
        rank = (round(total, 9), len(mine), -i)
        if best is None or rank > best:
            best = rank
    assert best is not None
    return titles[-best[2]]


def _is_headline(title: str) -> bool:
    return len(title.split()) >= _MIN_HEADLINE_WORDS and not is_boilerplate_line(title)


def story_row(story_id: str, members: Sequence[Member]) -> dict[str, Any]:
    """The ``stories`` row summarising ``members`` (at least one)."""
    return {
        "id": story_id,
        "title": representative_title(members),
        "first_seen_at": utc(min(m.first_seen_at for m in members)),
        "last_seen_at": utc(max(m.first_seen_at for m in members)),
        "event_time": utc(min(m.event_time for m in members)),
        "sources": json.dumps(sorted({m.source for m in members})),
        "articles": len(members),
        "position": max(m.position for m in members),
    }


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), _IN_CHUNK):
        yield items[start : start + _IN_CHUNK]


def _is_first_sight(stored: StoredEvent) -> bool:
    # ArticleRevised subclasses ArticleObserved; only the first sight places an article.
    return type(stored.event) is ArticleObserved


class StoriesProjection:
    """Read model "stories" (stories, story_articles and the cluster state)."""

    name = NAME
    tables: tuple[Table, ...] = (stories, story_articles, *CLUSTER_TABLES)

    def __init__(
        self, params: ClusterParams | None = None, ahead: FeatureCache | None = None
    ) -> None:
        self.params = params or STORY_PARAMS
        # Features computed ahead where the text first existed (the daemon's parse worker),
        # taken instead of computed when their key matches (see feature_cache).
        self.ahead = ahead
        # Parsed cluster state kept between batches; trusted only while the database
        # carries its token (see monitor.projections.cluster_state).
        self.cache = StateCache()
        # Each story's first originals, trusted while the cache is (see early_originals).
        self.early = EarlyOriginals(TITLE_CANDIDATES)

    def apply(self, conn: Connection, stored: StoredEvent) -> None:
        """Fold one event."""
        self.apply_batch(conn, [stored])

    def apply_batch(self, conn: Connection, batch: Sequence[StoredEvent]) -> None:
        """Place every first-seen article of the batch, then refresh the stories it touched."""
        firsts = [s for s in batch if _is_first_sight(s)]
        if not firsts:
            return
        placed = _already_placed(conn, [_event(s).article_id for s in firsts])
        texts = _revision_texts(conn, [s.position for s in firsts])
        todo: list[tuple[StoredEvent, ArticleDoc]] = []
        for stored in firsts:
            ev = _event(stored)
            if ev.article_id in placed:
                continue
            placed.add(ev.article_id)
            found = texts.get((ev.article_id, stored.position))
            todo.append((stored, self._doc(stored.position, ev, found)))
        # The text features depend on no state: computed ahead, on the process pool when
        # the batch is worth it, while the articles are placed one by one in log order.
        wanted = [(d.title, d.text, d.source, d.link) for _, d in todo if d.text.strip()]
        computed = self._features(wanted)
        features = (next(computed) if d.text.strip() else None for _, d in todo)
        state = SqlClusterState(conn, self.cache)
        early = self.early
        early.sync(self.cache.generation)  # after the state adopted (or cleared) the cache
        engine = ClusterEngine(state, self.params)
        rows: dict[str, dict[str, Any]] = {}  # insertion order is log order
        handed: list[tuple[str, str]] = []
        for (stored, doc), found in zip(todo, engine.read_ahead(features), strict=True):
            assignment = self._place(engine, doc, found)
            if assignment.displaced is not None:
                _hand_over(conn, rows, assignment.displaced, doc.article_id, assignment)
                handed.append((assignment.story_id, assignment.displaced))
            rows[doc.article_id] = _member_row(
                _event(stored), stored.position, assignment, doc.title
            )
        state.flush(position=firsts[-1].position)  # the same whatever the batch sizes
        upsert(
            conn,
            story_articles,
            list(rows.values()),
            ["article_id"],
            update=["story_id", "copy_of", "event_time", "similarity", "position", "title"],
        )
        early.fold(handed, rows.values())
        refresh_stories(conn, sorted({str(r["story_id"]) for r in rows.values()}), early)

    def _features(self, articles: Sequence[Article]) -> Iterator[ArticleFeatures]:
        """The features of each article in order: those computed ahead when there are,
        the others computed now (:func:`~.article_features.batch_features`)."""
        if self.ahead is None:
            return batch_features(articles)
        ahead = [self.ahead.take(feature_key(*article)) for article in articles]
        missing = batch_features(
            [a for a, found in zip(articles, ahead, strict=True) if found is None]
        )
        return (found if found is not None else next(missing) for found in ahead)

    @staticmethod
    def _doc(position: int, ev: ArticleObserved, found: tuple[str, str] | None) -> ArticleDoc:
        """The article as the engine reads it (``found``: its title and text at first sight)."""
        if found is None:
            raise ArticleTextMissing(
                f"article {ev.article_id} at position {position} has no text yet: "
                "the articles projection must run before stories"
            )
        title, text = found
        return ArticleDoc(
            article_id=ev.article_id,
            source=ev.source,
            title=title,
            text=text,
            published_at=utc(ev.published_at) if ev.published_at else None,
            seen_at=utc(ev.seen_at),
            link=ev.link,
        )

    def _place(
        self, engine: ClusterEngine, doc: ArticleDoc, features: ArticleFeatures | None
    ) -> Assignment:
        """Where the engine put the article (an empty text founds its own story)."""
        if features is None:
            return Assignment(
                story_id=story_id_for(doc.article_id),
                copy_of=None,
                is_new_story=True,
                event_time=event_time_of(doc, self.params.max_backdate),
                similarity=0.0,
            )
        return engine.assign(doc, features)


def _event(stored: StoredEvent) -> ArticleObserved:
    ev = stored.event
    assert isinstance(ev, ArticleObserved)
    return ev


def _hand_over(
    conn: Connection,
    pending: dict[str, dict[str, Any]],
    former: str,
    original: str,
    assignment: Assignment,
) -> None:
    """Point the former original and its copies at the article that took over from it."""
    moment = utc(assignment.event_time)
    conn.execute(
        update(story_articles)
        .where(or_(story_articles.c.article_id == former, story_articles.c.copy_of == former))
        .values(copy_of=original, event_time=moment)
    )
    for row in pending.values():
        if row["article_id"] == former or row["copy_of"] == former:
            row.update(copy_of=original, event_time=moment)


def _member_row(ev: ArticleObserved, position: int, a: Assignment, title: str) -> dict[str, Any]:
    return {
        "article_id": ev.article_id,
        "title": title,
        "story_id": a.story_id,
        "copy_of": a.copy_of,
        "first_copy_of": a.copy_of,
        "event_time": utc(a.event_time),
        # Rounded so the stored float is the same on every database and in every digest.
        "similarity": round(a.similarity, 6),
        "position": position,
    }


def _revision_texts(conn: Connection, positions: Sequence[int]) -> dict[tuple[str, int], Any]:
    """(article id, position) -> (title, text) of the revisions written at ``positions``:
    what :func:`~monitor.projections.articles.revision_text` gives, in one query a chunk."""
    found: dict[tuple[str, int], Any] = {}
    for start in range(0, len(positions), _IN_CHUNK):
        chunk = list(positions[start : start + _IN_CHUNK])
        rows = conn.execute(_REVISIONS, {"positions": chunk})
        for article_id, position, title, text in rows:
            found[(article_id, int(position))] = (title, text)
    return found


_REVISIONS = select(
    article_revisions.c.article_id,
    article_revisions.c.position,
    article_revisions.c.title,
    article_revisions.c.text,
).where(article_revisions.c.position.in_(bindparam("positions", expanding=True)))


def _already_placed(conn: Connection, article_ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(sorted(set(article_ids))):
        found.update(
            conn.execute(
                select(story_articles.c.article_id).where(story_articles.c.article_id.in_(chunk))
            ).scalars()
        )
    return found


def _member_rows(conn: Connection, story_ids: Sequence[str], *columns: Any) -> Iterator[Any]:
    """Members of the given stories joined with their article rows, in log order per story."""
    for chunk in _chunks(story_ids):
        yield from conn.execute(
            select(story_articles.c.story_id, story_articles.c.article_id, *columns)
            .join(articles, articles.c.id == story_articles.c.article_id)
            .where(story_articles.c.story_id.in_(chunk))
            .order_by(story_articles.c.position)
        )


def _members(conn: Connection, story_ids: Sequence[str]) -> dict[str, list[Member]]:
    """Every member of the given stories, with the article columns the summary needs."""
    by_story: dict[str, list[Member]] = {}
    columns = (
        story_articles.c.copy_of,
        story_articles.c.event_time,
        story_articles.c.position,
        story_articles.c.title,
        articles.c.source,
        articles.c.first_seen_at,
    )
    for r in _member_rows(conn, story_ids, *columns):
        by_story.setdefault(r.story_id, []).append(
            Member(
                article_id=r.article_id,
                copy_of=r.copy_of,
                event_time=utc(r.event_time),
                position=int(r.position),
                title=r.title or "",
                source=r.source,
                first_seen_at=utc(r.first_seen_at),
            )
        )
    return by_story


def refresh_stories(
    conn: Connection, story_ids: Sequence[str], early: EarlyOriginals | None = None
) -> None:
    """Recompute the ``stories`` rows of the given stories from their members.

    Equal to :func:`story_row` over every member, without reading every member: a long
    story is touched by each batch that adds to it, so its counts, times and sources are
    aggregated in SQL and its headline is looked for among its first few originals (those
    ``early`` keeps, else read, and then kept there).
    """
    rows = _aggregates(conn, story_ids)
    for story_id, sources in _sources(conn, story_ids).items():
        rows[story_id]["sources"] = json.dumps(sources)
    kept = early.titles(story_ids) if early is not None else {}
    read = _early_originals(conn, [s for s in story_ids if s not in kept])
    if early is not None:
        for story_id, originals in read.items():
            early.remember(story_id, originals)
    early_titles = {**kept, **{k: [o[2] for o in v] for k, v in read.items()}}
    titles = _settled_titles(early_titles)
    unsure = sorted(set(rows) - set(titles))
    for story_id, found in _members(conn, unsure).items():
        titles[story_id] = representative_title(found)
    for story_id, row in rows.items():
        row["title"] = titles[story_id]
    update = ["title", "first_seen_at", "last_seen_at", "event_time", "sources", "articles"]
    upsert(conn, stories, [rows[k] for k in sorted(rows)], ["id"], update=[*update, "position"])


def _aggregates(conn: Connection, story_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Per story: article count, first/last sight, earliest event time, latest position."""
    found: dict[str, dict[str, Any]] = {}
    sa = story_articles.c
    for chunk in _chunks(story_ids):
        query = (
            select(
                sa.story_id,
                func.count(),
                func.min(articles.c.first_seen_at),
                func.max(articles.c.first_seen_at),
                func.min(sa.event_time),
                func.max(sa.position),
            )
            .join(articles, articles.c.id == sa.article_id)
            .where(sa.story_id.in_(chunk))
            .group_by(sa.story_id)
        )
        for story_id, count, first, last, event_time, position in conn.execute(query):
            found[story_id] = {
                "id": story_id,
                "first_seen_at": utc(first),
                "last_seen_at": utc(last),
                "event_time": utc(event_time),
                "articles": int(count),
                "position": int(position),
            }
    return found


def _sources(conn: Connection, story_ids: Sequence[str]) -> dict[str, list[str]]:
    """Per story: its sources, sorted."""
    found: dict[str, list[str]] = {}
    for chunk in _chunks(story_ids):
        query = (
            select(story_articles.c.story_id, articles.c.source)
            .join(articles, articles.c.id == story_articles.c.article_id)
            .where(story_articles.c.story_id.in_(chunk))
            .distinct()
            .order_by(story_articles.c.story_id, articles.c.source)
        )
        for story_id, source in conn.execute(query):
            found.setdefault(story_id, []).append(source)
    return found


def _early_originals(conn: Connection, story_ids: Sequence[str]) -> dict[str, list[Original]]:
    """Each story's first `TITLE_CANDIDATES` originals in story order (stories with none
    are left out)."""
    sa = story_articles.c
    found: dict[str, list[Original]] = {}
    for chunk in _chunks(story_ids):
        # Ranked within the chunk's stories only (the partitions are per story, so the
        # ranks are the same), not over every original of the history.
        ranked = (
            select(
                sa.story_id,
                sa.title,
                sa.event_time,
                sa.position,
                sa.article_id,
                func.row_number()
                .over(partition_by=sa.story_id, order_by=(sa.event_time, sa.position))
                .label("rank"),
            )
            .join(articles, articles.c.id == sa.article_id)  # members are articles with a row
            .where(sa.copy_of.is_(None), sa.story_id.in_(chunk))
            .subquery()
        )
        r = ranked.c
        query = (
            select(r.story_id, r.title, r.event_time, r.position, r.article_id)
            .where(r.story_id.in_(chunk), r.rank <= TITLE_CANDIDATES)
            .order_by(r.story_id, r.rank)
        )
        for story_id, title, event_time, position, article_id in conn.execute(query):
            original = (utc(event_time), int(position), (title or "").strip(), str(article_id))
            found.setdefault(story_id, []).append(original)
    return found


def _settled_titles(found: dict[str, list[str]]) -> dict[str, str]:
    """Titles settled by each story's first `TITLE_CANDIDATES` originals in story order.

    When some of them read like headlines, their medoid is the story's title (later
    originals never compete). Stories where they settle nothing are left out; the caller
    reads all their members.
    """
    titles: dict[str, str] = {}
    for story_id, early in found.items():
        headlines = [t for t in early if _is_headline(t)]
        if headlines:
            titles[story_id] = medoid_title(headlines)
    return titles


# --- read queries (docs/SPEC.md §4 shapes) -----------------------------------------------------------


def _article_json(row: Any) -> dict[str, Any]:
    return {
        "id": row.article_id,
        "title": row.title,
        "url": row.url,
        "source": row.source,
        "published_at": utc(row.published_at) if row.published_at else None,
        "first_seen_at": utc(row.first_seen_at),
        "copy_of": row.copy_of,
    }


def _story_articles(conn: Connection, story_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    columns = (
        story_articles.c.copy_of,
        articles.c.title,
        articles.c.url,
        articles.c.source,
        articles.c.published_at,
        articles.c.first_seen_at,
    )
    for row in _member_rows(conn, story_ids, *columns):
        found.setdefault(row.story_id, []).append(_article_json(row))
    return found


def _story_json(row: Any, members: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": row.id,
        "title": row.title,
        "first_seen_at": utc(row.first_seen_at),
        "last_seen_at": utc(row.last_seen_at),
        "event_time": utc(row.event_time),
        "sources": json.loads(row.sources),
        "articles": members,
    }


def stories_list(conn: Connection, since: datetime | None = None) -> list[dict[str, Any]]:
    """Stories last seen at or after ``since``, newest first, each with its articles."""
    query = select(stories).order_by(stories.c.last_seen_at.desc(), stories.c.id)
    if since is not None:
        query = query.where(stories.c.last_seen_at >= utc(since))
    rows = conn.execute(query).all()
    members = _story_articles(conn, [r.id for r in rows])
    return [_story_json(r, members.get(r.id, [])) for r in rows]


def story_detail(conn: Connection, story_id: str) -> dict[str, Any] | None:
    """One story with its articles (copies carry ``copy_of``), or None when unknown."""
    row = conn.execute(select(stories).where(stories.c.id == story_id)).first()
    if row is None:
        return None
    return _story_json(row, _story_articles(conn, [story_id]).get(story_id, []))


def story_of_article(conn: Connection, article_id: str) -> str | None:
    """The id of the story an article belongs to, if it has been placed."""
    return conn.execute(
        select(story_articles.c.story_id).where(story_articles.c.article_id == article_id)
    ).scalar_one_or_none()
