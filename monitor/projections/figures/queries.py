"""Read queries of the figures read model (CLI, web view)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, func, select

from monitor.projections.figures.store import claim_object, iso
from monitor.store.tables_figures import figure_claims, figures


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


def timeline_entry(row: Any) -> dict[str, Any]:
    """One timeline entry: the CLAIM plus status, copy mark, alert id and log position."""
    r = row._mapping if hasattr(row, "_mapping") else row
    return {
        **claim_object(r),
        "status": r["status"],
        "copy_of": r["copy_of"],
        "alert_id": r["alert_id"],
        "position": int(r["position"]),
    }


def figure_timeline(conn: Connection, name: str) -> dict[str, Any] | None:
    """`figure NAME --json`: {"name","label","current","timeline"}; None for an unknown figure.

    The timeline is in publication order (docs/SPEC.md §7), then in the order it was seen.
    """
    row = conn.execute(select(figures).where(figures.c.name == name)).first()
    if row is None:
        return None
    claims = conn.execute(
        select(figure_claims)
        .where(figure_claims.c.figure == name)
        .order_by(figure_claims.c.effective_at, figure_claims.c.position, figure_claims.c.seq)
    ).all()
    return {
        "name": row.name,
        "label": row.label,
        "current": json.loads(row.current_claim) if row.current_claim else None,
        "timeline": [timeline_entry(c) for c in claims],
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
