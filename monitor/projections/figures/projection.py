"""The figures projection: every claim bound to a tracked figure, its timeline and current value.

For each ArticleObserved it reads the clean text of exactly that revision (articles
projection), binds the claims to the tracked figures and lets the change rule (rule.py)
classify them in publication order (docs/SPEC.md §7). A change after the figure was tracked
raises an AlertRaised, appended in the projection's own transaction with a deterministic id:
a replay derives the same alerts and appends nothing.

A FigureTracked fills the figure's history from every older article, silently.
Deterministic: every time comes from an event, copy marks from the stories read model
(which runs before this projection).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select

from monitor.events import (
    AlertRaised,
    ArticleObserved,
    ArticleRevised,
    FigureTracked,
    FigureUntracked,
)
from monitor.projections.articles import revision_text
from monitor.projections.figures.fold import (
    ArticleFacts,
    FigureMemory,
    asked_measures,
    effective_time,
    fold_article,
    read_claims,
)
from monitor.projections.figures.rule import story_ref
from monitor.projections.figures.store import (
    claim_object,
    load_figures,
    save_figure,
    save_rows,
    spec_of,
)
from monitor.store.eventlog import SqlEventLog, StoredEvent
from monitor.store.tables_feeds import article_revisions, articles
from monitor.store.tables_figures import figure_claims, figures
from monitor.store.tables_stories import stories, story_articles
from monitor.text.figures import may_bind, unit_matches

NAME = "figures"
ARTICLE_TYPES = (ArticleObserved.TYPE, ArticleRevised.TYPE)


class FiguresProjection:
    """Read model "figures" (figures, figure_claims); raises AlertRaised for changes."""

    name = NAME
    tables = (figures, figure_claims)

    def __init__(self, log: SqlEventLog) -> None:
        self.log = log

    def apply(self, conn: Connection, stored: StoredEvent) -> None:
        """Fold one event."""
        self.apply_batch(conn, [stored])

    def apply_batch(self, conn: Connection, batch: Sequence[StoredEvent]) -> None:
        """Fold a batch in log order; append the alerts it raised in the same transaction."""
        kinds = FigureTracked | FigureUntracked | ArticleObserved
        relevant = [s for s in batch if isinstance(s.event, kinds)]
        if not relevant:
            return
        tracked = load_figures(conn)
        texts = revisions_at(conn, [s.position for s in relevant]) if tracked else {}
        raised: list[AlertRaised] = []
        rows: list[dict[str, Any]] = []  # timeline rows, written together (nothing reads them back)
        for stored in relevant:
            event = stored.event
            if isinstance(event, FigureTracked | FigureUntracked):
                save_rows(conn, rows)  # before the figure's timeline is cleared
                rows = []
            if isinstance(event, FigureTracked):
                _track(conn, tracked, stored.position, event)
            elif isinstance(event, FigureUntracked):
                _untrack(conn, tracked, event.name)
            elif isinstance(event, ArticleObserved) and tracked:
                figs = list(tracked.values())
                text = texts.get(stored.position)
                raised.extend(fold_event(conn, figs, stored.position, event, text, rows))
        save_rows(conn, rows)
        for fig in tracked.values():
            if fig.dirty:
                save_figure(conn, fig)
        if raised:
            self.log.append(raised, conn=conn)


def _track(
    conn: Connection, tracked: dict[str, FigureMemory], position: int, event: FigureTracked
) -> None:
    """(Re)define a figure and refill its history from every older article, silently."""
    spec = spec_of(event)
    known = tracked.get(spec.name)
    if known is not None and known.spec == spec:
        return  # the same definition again: nothing changes, not even the boundary
    conn.execute(delete(figure_claims).where(figure_claims.c.figure == spec.name))
    fig = FigureMemory(
        spec=spec, tracked_position=position, tracked_at=event.tracked_at, dirty=True
    )
    tracked[spec.name] = fig
    chunk: list[StoredEvent] = []
    for stored in articles_before(conn, position):
        chunk.append(stored)
        if len(chunk) == 500:
            _backfill(conn, fig, chunk)
            chunk = []
    _backfill(conn, fig, chunk)


def _backfill(conn: Connection, fig: FigureMemory, chunk: list[StoredEvent]) -> None:
    texts = revisions_at(conn, [s.position for s in chunk])
    for stored in chunk:
        assert isinstance(stored.event, ArticleObserved)
        alerts = fold_event(conn, [fig], stored.position, stored.event, texts.get(stored.position))
        assert not alerts, "history older than the figure never alerts"


def revisions_at(conn: Connection, positions: Sequence[int]) -> dict[int, tuple[str, str]]:
    """(title, text) of the article revisions written at `positions`, read at once."""
    found: dict[int, tuple[str, str]] = {}
    for start in range(0, len(positions), 500):
        part = list(positions[start : start + 500])
        rows = conn.execute(
            select(
                article_revisions.c.position, article_revisions.c.title, article_revisions.c.text
            ).where(article_revisions.c.position.in_(part))
        )
        found.update({int(r.position): (r.title, r.text) for r in rows})
    return found


def _untrack(conn: Connection, tracked: dict[str, FigureMemory], name: str) -> None:
    """Forget a figure: its row and timeline go; tracking it again refills them silently."""
    tracked.pop(name, None)
    conn.execute(delete(figure_claims).where(figure_claims.c.figure == name))
    conn.execute(delete(figures).where(figures.c.name == name))


def articles_before(
    conn: Connection, position: int | None, chunk: int = 500
) -> Iterator[StoredEvent]:
    """ArticleObserved events below `position` (None: all), oldest first, read in chunks."""
    log, after = SqlEventLog(conn.engine), 0
    until = None if position is None else position - 1
    while True:
        batch = log.read_after(after, chunk, conn, types=[ArticleObserved.TYPE], until=until)
        yield from batch
        if len(batch) < chunk:
            return
        after = batch[-1].position


def article_facts(
    conn: Connection,
    position: int,
    event: ArticleObserved,
    revision: tuple[str, str] | None = None,
) -> ArticleFacts | None:
    """The article revision written at `position`, as the figures see it (None: no text)."""
    revision = revision or revision_text(conn, event.article_id, position)
    if revision is None or not revision[1].strip():
        return None
    title, text = revision
    copy_of = copy_mark(conn, event.article_id)
    published = event.published_at or _page_date(conn, event.article_id, position)
    return ArticleFacts(
        article_id=event.article_id,
        position=position,
        title=title or event.title,
        text=text,
        source=event.source,
        url=event.page_url or event.link,
        published_at=event.published_at,
        seen_at=event.seen_at,
        effective_at=effective_time(published, event.seen_at, _original_time(conn, copy_of)),
        copy_of=copy_of,
    )


def fold_event(
    conn: Connection,
    tracked: Sequence[FigureMemory],
    position: int,
    event: ArticleObserved,
    revision: tuple[str, str] | None = None,
    rows_out: list[dict[str, Any]] | None = None,
) -> list[AlertRaised]:
    """Record what one article revision says about each figure; return the alerts it raises.

    `revision` is the (title, text) written at `position` when the caller read it already;
    with `rows_out`, the timeline rows are added to it for the caller to write.
    """
    revision = revision or revision_text(conn, event.article_id, position)
    if revision is None or not revision[1].strip():
        return []
    specs = [fig.spec for fig in tracked]
    title, text = revision[0] or event.title, revision[1]
    if not may_bind(specs, f"{title}\n{text}"):
        return []  # no context word at all: no claim can bind, skip the extraction
    found = read_claims(text, title, asked_measures(specs))
    if not any(unit_matches(c, spec.units) for c in found.claims for spec in specs):
        return []
    facts = article_facts(conn, position, event, revision)
    if facts is None:
        return []
    rows, raised = fold_article(tracked, facts, found, lambda a: story_of(conn, a), claim_object)
    if rows_out is None:
        save_rows(conn, rows)
    else:
        rows_out.extend(rows)
    return raised


# Statements run once per article are built once (building one costs more than running it).
_PAGE_DATE = select(article_revisions.c.page_date).where(
    article_revisions.c.article_id == bindparam("article"),
    article_revisions.c.position == bindparam("position"),
)
_ORIGINAL_TIME = select(articles.c.published_at, articles.c.first_seen_at).where(
    articles.c.id == bindparam("article")
)
_COPY_MARK = select(story_articles.c.first_copy_of).where(
    story_articles.c.article_id == bindparam("article")
)
_STORY_OF = (
    select(stories.c.id, stories.c.title, stories.c.sources)
    .join(story_articles, story_articles.c.story_id == stories.c.id)
    .where(story_articles.c.article_id == bindparam("article"))
)


def _page_date(conn: Connection, article_id: str, position: int) -> datetime | None:
    params = {"article": article_id, "position": position}
    found: datetime | None = conn.execute(_PAGE_DATE, params).scalar_one_or_none()
    return found


def _original_time(conn: Connection, original: str | None) -> datetime | None:
    """The effective time of the article a copy copies (None: not a copy or not known)."""
    if original is None:
        return None
    row = conn.execute(_ORIGINAL_TIME, {"article": original}).first()
    if row is None:
        return None
    return effective_time(row.published_at, row.first_seen_at)


def copy_mark(conn: Connection, article_id: str) -> str | None:
    """The original an article copied when the stories projection placed it (None: not a copy).

    The mark as first placed, not the current one: a later take-over by an earlier-published
    original must not change what was already folded (replay would differ from live).
    """
    found = conn.execute(_COPY_MARK, {"article": article_id}).scalar_one_or_none()
    return str(found) if found else None


def story_of(conn: Connection, article: ArticleFacts) -> dict[str, Any]:
    """The alert's story: from the stories read model; id null when the article has none yet."""
    row = conn.execute(_STORY_OF, {"article": article.article_id}).first()
    if row is None:
        return story_ref(None, article.title, [article.source])
    return story_ref(row.id, row.title, json.loads(row.sources))
