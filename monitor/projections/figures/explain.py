"""Seeing why: every claim of stored articles with its frame and binding (`monitor claims`),
and a dry run of a figure definition over the stored history (`monitor figures try`).

Pure queries: they take a Connection, read the read models and the log, and never write —
a dry run appends no event and tracks nothing. The CLI formats; a web view can reuse them.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select

from monitor.events import ArticleObserved
from monitor.projections.articles import revision_text
from monitor.projections.figures.fold import (
    ArticleFacts,
    FigureMemory,
    asked_measures,
    bindings,
    claim_values,
    effective_time,
    fold_article,
    read_claims,
)
from monitor.projections.figures.projection import (
    article_facts,
    articles_before,
    copy_mark,
    story_of,
)
from monitor.projections.figures.queries import timeline_entry
from monitor.projections.figures.store import claim_object, iso
from monitor.store.tables_feeds import articles
from monitor.store.tables_figures import figure_claims, figures
from monitor.store.tables_stories import story_articles
from monitor.text.dating import dated
from monitor.text.figures import Binding, FigureSpec, may_bind, unit_matches


class UnknownSelection(LookupError):
    """The story, article or figure asked for does not exist."""


def _tracked(conn: Connection) -> list[FigureSpec]:
    return [
        FigureSpec.from_mapping(json.loads(d))
        for d in conn.execute(select(figures.c.definition).order_by(figures.c.name)).scalars()
    ]


def _article_ids(
    conn: Connection, story: str | None, article: str | None, figure: FigureSpec | None, limit: int
) -> list[str]:
    query = select(articles.c.id).order_by(articles.c.first_seen_at, articles.c.id)
    if article is not None:
        query = query.where(articles.c.id == article)
    if story is not None:
        query = query.join(story_articles, story_articles.c.article_id == articles.c.id).where(
            story_articles.c.story_id == story
        )
    ids = [str(i) for i in conn.execute(query).scalars()]
    if not ids:
        what = "article" if article is not None else "story" if story is not None else None
        if what is not None:
            raise UnknownSelection(f"unknown {what} {article or story!r}")
    return ids if figure is not None else ids[-limit:]


def _statuses(conn: Connection, article_id: str) -> dict[tuple[str, int], str]:
    rows = conn.execute(
        select(figure_claims.c.figure, figure_claims.c.seq, figure_claims.c.status).where(
            figure_claims.c.article_id == article_id
        )
    )
    return {(r.figure, int(r.seq)): str(r.status) for r in rows}


def _binding_view(b: Binding, status: str | None) -> dict[str, Any]:
    return {"figure": b.figure, "bound": b.bound, "reason": b.reason, "status": status}


def _other_quantities(text: str) -> list[dict[str, Any]]:
    """The quantities of a text that are not counts, each with its sentence; offsets are in the
    sentence (monitor/text/quantities.py). Kept apart from the claims, never mixed in."""
    from monitor.text.quantities import other_quantities
    from monitor.text.sentences import split_sentences

    out: list[dict[str, Any]] = []
    for index, sentence in enumerate(split_sentences(text)):
        for q in other_quantities(sentence.text):
            out.append({**q.to_dict(), "sentence": sentence.text, "sentence_index": index})
    return out


def _article_report(
    conn: Connection,
    article_id: str,
    specs: list[FigureSpec],
    only: FigureSpec | None,
    quantities: bool = False,
) -> dict[str, Any] | None:
    row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
    if row is None:
        return None
    revision = revision_text(conn, article_id, int(row.position))
    title, text = revision if revision is not None else (row.title, "")
    found = read_claims(text, title, asked_measures([*specs, *([only] if only else [])]))
    published = effective_time(row.published_at, row.first_seen_at)
    found = dataclasses.replace(found, claims=dated(found.claims, published))  # as the fold does
    if only is not None and not any(unit_matches(c, only.units) for c in found.claims):
        return None
    per_claim = bindings(specs, found) if specs else [[] for _ in found.claims]
    status = _statuses(conn, article_id)
    claims = []
    for seq, (claim, bound) in enumerate(zip(found.claims, per_claim, strict=True)):
        frame = claim_values(claim, bound[0] if bound else Binding("", False, ""))
        frame.pop("reason")
        frame["scope"] = getattr(claim, "scope", frame["scope"])
        frame["scope_source"] = getattr(claim, "scope_source", frame["scope_source"])
        frame["modifiers"] = list(getattr(claim, "modifiers", ()) or ())
        frame["modality"] = getattr(claim, "modality", None)
        if getattr(claim, "measure", None) is not None:  # "69,093 pounds": "lb" (stop 29)
            frame["measure"] = claim.measure
        frame["start"], frame["end"] = getattr(claim, "start", None), getattr(claim, "end", None)
        views = [
            _binding_view(b, status.get((b.figure, seq)))
            for b in bound
            if only is None or b.figure == only.name
        ]
        claims.append({**frame, "bindings": views})
    report = {
        "id": article_id,
        "title": title,
        "source": row.source,
        "url": row.url,
        "published_at": iso(row.published_at),
        "first_seen_at": iso(row.first_seen_at),
        "copy_of": copy_mark(conn, article_id),
        "claims": claims,
        "unparsed": [{"sentence": s, "reason": r} for s, r in found.unparsed],
    }
    if quantities:
        report["quantities"] = _other_quantities(text)
    return report


def claims_report(
    conn: Connection,
    *,
    story: str | None = None,
    article: str | None = None,
    figure: str | None = None,
    limit: int = 20,
    quantities: bool = False,
) -> list[dict[str, Any]]:
    """Every number found in the selected articles, its frame, and per tracked figure whether
    it was bound and why not. `figure` keeps the articles with a claim counting its unit.
    Without a selection: the `limit` most recently seen articles. With `quantities`, each
    article also lists its other quantities (money, percentages, measures, durations,
    magnitudes) under "quantities", apart from its claims."""
    specs = _tracked(conn)
    only = None
    if figure is not None:
        only = next((s for s in specs if s.name == figure), None)
        if only is None:
            raise UnknownSelection(f"unknown figure {figure!r}")
    reports = [
        _article_report(conn, a, specs, only, quantities)
        for a in _article_ids(conn, story, article, only, limit)
    ]
    return [r for r in reports if r is not None]


def try_figure(conn: Connection, spec: FigureSpec) -> dict[str, Any]:
    """Dry run of a definition over every stored article, as if tracked before the first:
    the timeline it would have and the alerts it would have raised. Writes nothing."""
    fig = FigureMemory(spec=spec, tracked_position=0, tracked_at=datetime.min.replace(tzinfo=UTC))
    rows: list[dict[str, Any]] = []
    alerts: list[dict[str, Any]] = []
    for stored in articles_before(conn, None):
        assert isinstance(stored.event, ArticleObserved)
        facts = article_facts(conn, stored.position, stored.event)
        if facts is None or not may_bind([spec], f"{facts.title}\n{facts.text}"):
            continue
        new_rows, raised = fold_article(
            [fig],
            facts,
            read_claims(facts.text, facts.title, asked_measures([fig.spec])),
            _story(conn),
            claim_object,
        )
        rows += new_rows
        alerts += [
            {
                "id": a.alert_id,
                "type": "figure.changed",
                "figure": a.figure,
                "direction": a.direction,
                "created_at": iso(a.raised_at),
                "previous": a.previous,
                "current": a.current,
            }
            for a in raised
        ]
    rows.sort(key=lambda r: (effective_time(r["effective_at"], r["effective_at"]), r["position"]))
    return {
        "figure": {
            **asdict(spec),
            "units": list(spec.units),
            "context": list(spec.context),
            "about": list(spec.about),
            "exclude": list(spec.exclude),
        },
        "current": fig.current_claim,
        "timeline": [timeline_entry(r) for r in rows],
        "alerts": alerts,
    }


def _story(conn: Connection) -> Any:
    def of(article: ArticleFacts) -> dict[str, Any]:
        return story_of(conn, article)

    return of
