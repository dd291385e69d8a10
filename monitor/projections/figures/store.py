"""The figures read model's rows: definitions, CLAIM objects, loading and saving figure state."""

from __future__ import annotations

import json
from datetime import UTC
from typing import Any

from sqlalchemy import Connection, select

from monitor.clock import iso as iso  # the CLAIM objects' times (re-exported)
from monitor.events import FigureTracked
from monitor.projections.figures.fold import FigureMemory
from monitor.projections.figures.rule import MOVES
from monitor.store.db import upsert
from monitor.store.tables_figures import figure_claims, figures
from monitor.text.figures import FigureSpec


def spec_of(event: FigureTracked) -> FigureSpec:
    """The figure definition a FigureTracked carries."""
    return FigureSpec(
        name=event.name,
        label=event.label,
        units=tuple(event.units),
        context=tuple(event.context),
        min_change=event.min_change,
        alert_on_first=event.alert_on_first,
        about=tuple(event.about),
        exclude=tuple(event.exclude),
    )


def definition_json(spec: FigureSpec) -> str:
    """A figure definition as stable JSON (what `figures.definition` holds).

    `about` and `exclude` appear only when given, so definitions stored before they existed
    still compare equal and upgrading does not re-track every figure.
    """
    data: dict[str, Any] = {
        "name": spec.name,
        "label": spec.label,
        "units": list(spec.units),
        "context": list(spec.context),
        "min_change": spec.min_change,
        "alert_on_first": spec.alert_on_first,
    }
    if spec.about:
        data["about"] = list(spec.about)
    if spec.exclude:
        data["exclude"] = list(spec.exclude)
    return json.dumps(data, sort_keys=True, separators=(",", ":"))


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else float(value)


def claim_object(row: Any) -> dict[str, Any]:
    """The SPEC CLAIM of a figure_claims row (a Row or a mapping of its columns), with the
    frame that made it what it is: scope, kind, time, and `frame` for the details."""
    r = row._mapping if hasattr(row, "_mapping") else row
    return {
        "value": _number(r["value"]),
        "lower": _number(r["lower"]),
        "upper": _number(r["upper"]),
        "qualifier": r["qualifier"],
        "approximate": bool(r["approximate"]),
        "unit": r["unit"],
        "scope": r["scope"],
        "kind": r["kind"],
        "time": r["time"],
        "frame": {
            "head": r["head"],
            "scope": r["scope"],
            "scope_source": r["scope_source"],
            "kind": r["kind"],
            "time": r["time"],
            "time_ref": r["time_ref"],
            "revision": r["revision"],
            "revised_from": _number(r["revised_from"]),
            "modality": r.get("status") if r.get("status") in ("forecast", "disputed") else None,
            "binding": r["reason"],
        },
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
        "effective_at": iso(r["effective_at"]),
    }


def dump(claim: dict[str, Any] | None) -> str | None:
    return None if claim is None else json.dumps(claim, sort_keys=True, ensure_ascii=False)


def load_figures(conn: Connection) -> dict[str, FigureMemory]:
    """Every tracked figure with the values it stood at, in the order it reached them."""
    loaded: dict[str, FigureMemory] = {}
    for row in conn.execute(select(figures).order_by(figures.c.name)):
        fig = FigureMemory(
            spec=FigureSpec.from_mapping(json.loads(row.definition)),
            tracked_position=int(row.tracked_position),
            tracked_at=row.tracked_at,
            current_at=row.current_at,
            current_claim=json.loads(row.current_claim) if row.current_claim else None,
            changed_at=row.changed_at,
        )
        fig.changes = [
            float(v)
            for v in conn.execute(
                select(figure_claims.c.value)
                .where(figure_claims.c.figure == row.name, figure_claims.c.status.in_(MOVES))
                .order_by(figure_claims.c.position, figure_claims.c.seq)
            ).scalars()
        ]
        if fig.current_at is not None:
            fig.current_at = (
                fig.current_at if fig.current_at.tzinfo else fig.current_at.replace(tzinfo=UTC)
            )
        loaded[row.name] = fig
    return loaded


def save_figure(conn: Connection, fig: FigureMemory) -> None:
    """Write a figure's row (its definition and where it stands)."""
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
            "current_claim": dump(fig.current_claim),
            "changed_at": fig.changed_at,
            "current_at": fig.current_at,
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
            "current_at",
        ],
    )


def save_rows(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Write timeline rows (a replayed article overwrites its own rows)."""
    if not rows:
        return
    keys = ["figure", "article_id", "position", "seq"]
    upsert(conn, figure_claims, rows, keys, update=[k for k in rows[0] if k not in keys])
