"""The figures projection: every claim about a tracked figure, its timeline and current value.

For each ArticleObserved/ArticleRevised it reads the clean text of exactly that revision
(articles projection), finds each tracked figure's claims, keeps one value per article
(`pick_claim`) and classifies it against the figure's history. A claim that changes the
figure after the figure was tracked raises an AlertRaised, appended in the projection's own
transaction with a deterministic id: a replay derives the same alerts and appends nothing.

A FigureTracked fills the figure's history from every older article, silently.
Deterministic: every time comes from an event, copy marks from the stories read model
(which runs before this projection).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, func, select

from monitor.alerts.rules import COPY, FigureState, decide, make_alert, story_ref
from monitor.clock import iso
from monitor.events import (
    AlertRaised,
    ArticleObserved,
    ArticleRevised,
    FigureTracked,
    FigureUntracked,
)
from monitor.projections.articles import revision_text
from monitor.store.db import upsert
from monitor.store.eventlog import SqlEventLog, StoredEvent
from monitor.store.tables_figures import figure_claims, figures
from monitor.store.tables_stories import stories, story_articles
from monitor.text.claims import Claim, extract_claims
from monitor.text.figures import FigureSpec, pick_claim
from monitor.text.figures import figure_claims as claims_of_figure

NAME = "figures"
_ARTICLE_TYPES = (ArticleObserved.TYPE, ArticleRevised.TYPE)


# --- definitions ---------------------------------------------------------------------------


def spec_of(event: FigureTracked) -> FigureSpec:
    """The figure definition a FigureTracked carries."""
    return FigureSpec(
        name=event.name,
        label=event.label,
        units=tuple(event.units),
        context=tuple(event.context),
        min_change=event.min_change,
        alert_on_first=event.alert_on_first,
    )


def definition_json(spec: FigureSpec) -> str:
    """A figure definition as stable JSON (what `figures.definition` holds)."""
    data = asdict(spec)
    data["units"], data["context"] = list(spec.units), list(spec.context)
    return json.dumps(data, sort_keys=True, separators=(",", ":"))


def _spec_from_json(text: str) -> FigureSpec:
    return FigureSpec.from_mapping(json.loads(text))


# --- CLAIM objects -------------------------------------------------------------------------


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else float(value)


def claim_object(row: Any) -> dict[str, Any]:
    """The SPEC CLAIM of a figure_claims row (a Row or a mapping of its columns)."""
    r = row._mapping if hasattr(row, "_mapping") else row
    return {
        "value": _number(r["value"]),
        "lower": _number(r["lower"]),
        "upper": _number(r["upper"]),
        "qualifier": r["qualifier"],
        "approximate": bool(r["approximate"]),
        "unit": r["unit"],
        "text": r["text"],
        "sentence": r["sentence"],
        "attribution": r["attribution"],
        "article": {
            "id": r["article_id"],
            "title": r["article_title"],
            "url": r["article_url"],
            "source": r["article_source"],
            "published_at": iso(r["article_published_at"]),
        },
        "observed_at": iso(r["observed_at"]),
    }


def _dump(claim: dict[str, Any] | None) -> str | None:
    return None if claim is None else json.dumps(claim, sort_keys=True, ensure_ascii=False)


# --- in-memory state of a figure during a batch ----------------------------------------------


@dataclass
class _Figure:
    spec: FigureSpec
    tracked_position: int
    tracked_at: datetime
    history: list[float] = field(default_factory=list)
    current: float | None = None
    current_claim: dict[str, Any] | None = None
    changed_at: datetime | None = None
    dirty: bool = False

    def state(self) -> FigureState:
        return FigureState(
            name=self.spec.name,
            min_change=self.spec.min_change,
            alert_on_first=self.spec.alert_on_first,
            tracked_position=self.tracked_position,
            history=tuple(self.history),
            current=self.current,
        )


def _load_figures(conn: Connection) -> dict[str, _Figure]:
    loaded: dict[str, _Figure] = {}
    for row in conn.execute(select(figures).order_by(figures.c.name)):
        fig = _Figure(
            spec=_spec_from_json(row.definition),
            tracked_position=int(row.tracked_position),
            tracked_at=row.tracked_at,
            current=row.current_value,
            current_claim=json.loads(row.current_claim) if row.current_claim else None,
            changed_at=row.changed_at,
        )
        fig.history = [
            float(v)
            for v in conn.execute(
                select(figure_claims.c.value)
                .where(figure_claims.c.figure == row.name, figure_claims.c.status != COPY)
                .order_by(figure_claims.c.position)
            ).scalars()
        ]
        loaded[row.name] = fig
    return loaded


def _save_figure(conn: Connection, fig: _Figure) -> None:
    upsert(
        conn,
        figures,
        {
            "name": fig.spec.name,
            "label": fig.spec.label,
            "definition": definition_json(fig.spec),
            "tracked_position": fig.tracked_position,
            "tracked_at": fig.tracked_at,
            "current_value": fig.current,
            "current_claim": _dump(fig.current_claim),
            "changed_at": fig.changed_at,
        },
        ["name"],
        update=[
            "label",
            "definition",
            "tracked_position",
            "tracked_at",
            "current_value",
            "current_claim",
            "changed_at",
        ],
    )


# --- the projection ------------------------------------------------------------------------


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
        tracked = _load_figures(conn)
        raised: list[AlertRaised] = []
        for stored in relevant:
            event = stored.event
            if isinstance(event, FigureTracked):
                self._track(conn, tracked, stored.position, event)
            elif isinstance(event, FigureUntracked):
                _untrack(conn, tracked, event.name)
            elif isinstance(event, ArticleObserved) and tracked:
                raised.extend(_fold_article(conn, list(tracked.values()), stored.position, event))
        for fig in tracked.values():
            if fig.dirty:
                _save_figure(conn, fig)
        if raised:
            self.log.append(raised, conn=conn)

    @staticmethod
    def _track(
        conn: Connection, tracked: dict[str, _Figure], position: int, event: FigureTracked
    ) -> None:
        """(Re)define a figure and refill its history from every older article, silently."""
        spec = spec_of(event)
        known = tracked.get(spec.name)
        if known is not None and known.spec == spec:
            return  # the same definition again: nothing changes, not even the boundary
        conn.execute(delete(figure_claims).where(figure_claims.c.figure == spec.name))
        fig = _Figure(spec=spec, tracked_position=position, tracked_at=event.tracked_at, dirty=True)
        tracked[spec.name] = fig
        for stored in _articles_before(conn, position):
            assert isinstance(stored.event, ArticleObserved)
            alerts = _fold_article(conn, [fig], stored.position, stored.event)
            assert not alerts, "history older than the figure never alerts"


def _untrack(conn: Connection, tracked: dict[str, _Figure], name: str) -> None:
    """Forget a figure: its row and timeline go; tracking it again refills them silently."""
    tracked.pop(name, None)
    conn.execute(delete(figure_claims).where(figure_claims.c.figure == name))
    conn.execute(delete(figures).where(figures.c.name == name))


def _articles_before(conn: Connection, position: int, chunk: int = 500) -> Iterator[StoredEvent]:
    """Article events with a position below `position`, oldest first (read in chunks)."""
    log, after = SqlEventLog(conn.engine), 0
    while True:
        batch = log.read_after(after, chunk, conn, types=_ARTICLE_TYPES, until=position - 1)
        yield from batch
        if len(batch) < chunk:
            return
        after = batch[-1].position


def _fold_article(
    conn: Connection, tracked: Sequence[_Figure], position: int, event: ArticleObserved
) -> list[AlertRaised]:
    """Record what one article revision says about each figure; return the alerts it raises."""
    revision = revision_text(conn, event.article_id, position)
    if revision is None or not revision[1].strip():
        return []
    title, text = revision
    all_claims = extract_claims(text)
    picks = [
        (fig, pick_claim(_body_first(claims_of_figure(fig.spec, text, all_claims), title)))
        for fig in tracked
    ]
    found = [(fig, claim) for fig, claim in picks if claim is not None]
    if not found:
        return []
    copy_of = _copy_of(conn, event.article_id)
    raised: list[AlertRaised] = []
    for fig, claim in found:
        values = _claim_row(fig.spec.name, position, event, title, claim, copy_of)
        alert = _record(conn, fig, values, event)
        if alert is not None:
            raised.append(alert)
    return raised


def _words(text: str) -> str:
    return " ".join(text.casefold().split())


def _body_first(claims: list[Claim], title: str) -> list[Claim]:
    """The claims outside the headline, when there are any.

    Headlines round and compress ("over a million" for the body's "more than a million") and
    never carry the attribution, so the body's sentence is the one worth showing.
    """
    head = _words(title)
    if len(head.split()) < 3:
        return claims
    body = [c for c in claims if not (_words(c.sentence) in head or head in _words(c.sentence))]
    return body or claims


def _record(
    conn: Connection, fig: _Figure, values: dict[str, Any], event: ArticleObserved
) -> AlertRaised | None:
    """Classify one claim, write its row, move the figure; the alert when the rule says so."""
    decision = decide(
        fig.state(), values["value"], values["position"], values["copy_of"] is not None
    )
    claim = claim_object(values)
    alert: AlertRaised | None = None
    if decision.alert and decision.direction is not None:
        alert = make_alert(
            figure=fig.spec.name,
            label=fig.spec.label,
            value=values["value"],
            previous=fig.current_claim,
            current=claim,
            direction=decision.direction,
            story=_story_of(conn, event.article_id, values),
            raised_at=event.seen_at,
        )
    upsert(
        conn,
        figure_claims,
        {**values, "status": decision.status, "alert_id": alert.alert_id if alert else None},
        ["figure", "article_id", "position"],
        update=["status", "alert_id"],
    )
    if decision.status != COPY:
        fig.history.append(values["value"])
    if decision.direction is not None:
        fig.current, fig.current_claim, fig.changed_at = decision.current, claim, event.seen_at
    fig.dirty = True
    return alert


def _claim_row(
    figure: str,
    position: int,
    event: ArticleObserved,
    title: str,
    claim: Claim,
    copy_of: str | None,
) -> dict[str, Any]:
    return {
        "figure": figure,
        "article_id": event.article_id,
        "position": position,
        "value": claim.value,
        "lower": claim.lower,
        "upper": claim.upper,
        "qualifier": claim.qualifier,
        "approximate": claim.approximate,
        "unit": claim.unit,
        "text": claim.text,
        "sentence": claim.sentence,
        "attribution": claim.attribution,
        "article_title": title or event.title,
        "article_url": event.page_url or event.link,
        "article_source": event.source,
        "article_published_at": event.published_at,
        "observed_at": event.seen_at,
        "copy_of": copy_of,
    }


def _copy_of(conn: Connection, article_id: str) -> str | None:
    """The original an article copied when the stories projection placed it (None: not a copy).

    The mark as first placed, not the current one: a later take-over by an earlier-published
    original must not change what was already folded (replay would differ from live).
    """
    found = conn.execute(
        select(story_articles.c.first_copy_of).where(story_articles.c.article_id == article_id)
    ).scalar_one_or_none()
    return str(found) if found else None


def _story_of(conn: Connection, article_id: str, values: dict[str, Any]) -> dict[str, Any]:
    """The alert's story: from the stories read model; id null when the article has none yet."""
    row = conn.execute(
        select(stories.c.id, stories.c.title, stories.c.sources)
        .join(story_articles, story_articles.c.story_id == stories.c.id)
        .where(story_articles.c.article_id == article_id)
    ).first()
    if row is None:
        return story_ref(None, values["article_title"], [values["article_source"]])
    return story_ref(row.id, row.title, json.loads(row.sources))


# --- read queries (CLI, web view) ------------------------------------------------------------


def figures_overview(conn: Connection) -> list[dict[str, Any]]:
    """Every tracked figure with its current value: SPEC-shaped rows for `monitor figures`."""
    counts: dict[str, int] = dict(
        conn.execute(
            select(figure_claims.c.figure, func.count()).group_by(figure_claims.c.figure)
        ).all()
    )
    return [
        {
            "name": row.name,
            "label": row.label,
            "current": json.loads(row.current_claim) if row.current_claim else None,
            "last_change_at": iso(row.changed_at),
            "tracked_at": iso(row.tracked_at),
            "claims": int(counts.get(row.name, 0)),
        }
        for row in conn.execute(select(figures).order_by(figures.c.name))
    ]


def figure_timeline(conn: Connection, name: str) -> dict[str, Any] | None:
    """`figure NAME --json`: {"name","label","current","timeline"}; None for an unknown figure."""
    row = conn.execute(select(figures).where(figures.c.name == name)).first()
    if row is None:
        return None
    claims = conn.execute(
        select(figure_claims)
        .where(figure_claims.c.figure == name)
        .order_by(figure_claims.c.position)
    ).all()
    return {
        "name": row.name,
        "label": row.label,
        "current": json.loads(row.current_claim) if row.current_claim else None,
        "timeline": [
            {
                **claim_object(c),
                "status": c.status,
                "copy_of": c.copy_of,
                "alert_id": c.alert_id,
                "position": int(c.position),
            }
            for c in claims
        ],
    }


def figure_names(conn: Connection) -> list[str]:
    """Names of the tracked figures, sorted."""
    return list(conn.execute(select(figures.c.name).order_by(figures.c.name)).scalars())


def tracked_definitions(conn: Connection) -> dict[str, str]:
    """name → definition JSON of every figure the read model tracks."""
    return {
        str(name): str(definition)
        for name, definition in conn.execute(select(figures.c.name, figures.c.definition))
    }


__all__ = [
    "FiguresProjection",
    "claim_object",
    "definition_json",
    "figure_names",
    "figure_timeline",
    "figures_overview",
    "spec_of",
    "tracked_definitions",
]
