"""Small figure reads for the web view: recent steps (sparklines), claims found in articles.

Both go through the primary key / (figure, position) index of `figure_claims` and read a
bounded number of rows; the full timeline stays `figures.figure_timeline`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select

from monitor.projections.figures import claim_object
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
