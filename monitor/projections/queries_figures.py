"""Small figure reads for the web view: recent steps (sparklines), claims found in articles.

Both go through the primary key / (figure, position) index of `figure_claims` and read a
bounded number of rows; the full timeline stays `figures.figure_timeline`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, NamedTuple

from sqlalchemy import Connection, Text, func, select, type_coerce

from monitor.projections.figures import claim_object
from monitor.projections.figures.queries import timeline_entry
from monitor.store.tables_figures import figure_claims, figures

MOVES = ("first", "changed")  # claim statuses that set the figure's value


def figure_steps(conn: Connection, name: str, limit: int = 40) -> list[dict[str, Any]]:
    """The last `limit` claims that moved the figure, oldest first: value and times."""
    fc = figure_claims.c
    rows = conn.execute(
        select(fc.value, fc.article_published_at, fc.observed_at, fc.position)
        .where(fc.figure == name, fc.status.in_(MOVES))
        .order_by(fc.position.desc())
        .limit(limit)
    ).all()
    return [
        {"value": float(r.value), "position": int(r.position), "observed_at": r.observed_at}
        for r in reversed(rows)
    ]


def claims_in_articles(conn: Connection, article_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Every tracked figure's claims made by these articles (CLAIM + figure, status), log order."""
    ids = sorted(set(article_ids))
    if not ids:
        return []
    names = list(conn.execute(select(figures.c.name)).scalars())
    found: list[dict[str, Any]] = []
    for start in range(0, len(ids), 500):
        rows = conn.execute(
            select(figure_claims)
            .where(
                figure_claims.c.figure.in_(names),
                figure_claims.c.article_id.in_(ids[start : start + 500]),
            )
            .order_by(figure_claims.c.position)
        ).all()
        found += [{**claim_object(r), "figure": r.figure, "status": r.status} for r in rows]
    return sorted(found, key=lambda c: (c["article"]["id"], c["figure"]))


def figure_summary(conn: Connection, name: str) -> dict[str, Any] | None:
    """{"name", "label", "current", "last_change_at"} of one figure; None when unknown."""
    row = conn.execute(
        select(
            figures.c.name, figures.c.label, figures.c.current_claim, figures.c.changed_at
        ).where(figures.c.name == name)
    ).first()
    if row is None:
        return None
    return {
        "name": row.name,
        "label": row.label,
        "current": json.loads(row.current_claim) if row.current_claim else None,
        "last_change_at": row.changed_at,
    }


def _epoch(value: Any) -> float:
    """POSIX seconds of a time as the driver returns it: text on SQLite (read without
    SQLAlchemy's per-row DateTime processing, which costs more than the query for a long
    timeline), a datetime on PostgreSQL; naive values are UTC."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return (moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment).timestamp()


class FigurePoint(NamedTuple):
    """One claim of a figure with only what a chart needs (the web chart draws these rows as
    they are: no copy per claim)."""

    position: int
    status: str
    value: float
    lower: float | None
    upper: float | None
    text: str
    source: str
    alert_id: str | None
    when: float  # POSIX seconds of the publication time, else of first sight


def figure_points(conn: Connection, name: str) -> list[FigurePoint]:
    """Every claim of a figure in log order, with only what a chart needs: rows of
    position, status, value, lower, upper, text, source, alert_id and `when` — POSIX
    seconds of the publication time, else of first sight."""
    fc = figure_claims.c
    when = type_coerce(func.coalesce(fc.article_published_at, fc.observed_at), Text)
    rows = conn.execute(
        select(
            fc.position,
            fc.status,
            fc.value,
            fc.lower,
            fc.upper,
            fc.text,
            fc.article_source.label("source"),
            fc.alert_id,
            when.label("when"),
        )
        .where(fc.figure == name)
        .order_by(fc.position)
    ).all()
    return [FigurePoint(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], _epoch(r[8])) for r in rows]


def figure_claims_page(
    conn: Connection, name: str, limit: int, offset: int = 0
) -> list[dict[str, Any]]:
    """At most `limit` claims of a figure, newest first (the reverse of the timeline's
    publication order), skipping `offset` — the entries of `figure NAME --json`. Bounded by
    the figure's own claims, never by the whole history."""
    fc = figure_claims.c
    query = (
        select(figure_claims)
        .where(fc.figure == name)
        # The whole primary key after the timeline's order: pages never overlap.
        .order_by(fc.effective_at.desc(), fc.position.desc(), fc.seq.desc(), fc.article_id.desc())
        .limit(limit)
        .offset(offset)
    )
    return [timeline_entry(c) for c in conn.execute(query)]


def figure_claim_count(conn: Connection, name: str) -> int:
    """How many claims a figure has (an index-only count)."""
    return int(
        conn.execute(
            select(func.count()).select_from(figure_claims).where(figure_claims.c.figure == name)
        ).scalar_one()
    )
