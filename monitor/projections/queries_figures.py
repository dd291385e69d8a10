"""Small figure reads for the web view: recent steps (sparklines), claims found in articles.

Both go through the primary key / (figure, position) index of `figure_claims` and read a
bounded number of rows; the full timeline stays `figures.figure_timeline`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, func, select

from monitor.projections.figures import claim_object
from monitor.store.dialects import epoch_seconds
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


def _epoch(conn: Connection, column: Any) -> Any:
    """POSIX seconds of a timestamp column, computed by the database."""
    return epoch_seconds(conn, column)


def figure_points(conn: Connection, name: str) -> list[Any]:
    """Every claim of a figure in log order, with only what a chart needs: rows of
    position, status, value, lower, upper, text, source, alert_id and `when` — POSIX
    seconds of the publication time, else of first sight, computed in SQL (parsing 2,000
    timestamps per page in Python would cost more than the query)."""
    fc = figure_claims.c
    when = _epoch(conn, func.coalesce(fc.article_published_at, fc.observed_at))
    return list(
        conn.execute(
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
    )


def figure_claims_page(
    conn: Connection, name: str, limit: int, before: int | None = None
) -> list[dict[str, Any]]:
    """The claims of at most `limit` articles of a figure, newest first (log order, an
    article's claims in reading order; a page never cuts an article's rows), each a CLAIM
    with status, copy_of, alert_id and position — the entries of `figure NAME --json`."""
    fc = figure_claims.c
    positions = select(fc.position).where(fc.figure == name)
    if before is not None:
        positions = positions.where(fc.position < before)
    wanted = positions.distinct().order_by(fc.position.desc()).limit(limit).subquery()
    query = (
        select(figure_claims)
        .where(fc.figure == name, fc.position.in_(select(wanted.c.position)))
        .order_by(fc.position.desc(), fc.seq)
    )
    return [
        {
            **claim_object(c),
            "status": c.status,
            "copy_of": c.copy_of,
            "alert_id": c.alert_id,
            "position": int(c.position),
        }
        for c in conn.execute(query)
    ]


def figure_claim_count(conn: Connection, name: str) -> int:
    """How many claims a figure has (an index-only count)."""
    return int(
        conn.execute(
            select(func.count()).select_from(figure_claims).where(figure_claims.c.figure == name)
        ).scalar_one()
    )
