"""Record tracked figures from the config in the log: a FigureTracked when one is new or changed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Engine

from monitor.events import FigureTracked
from monitor.projections.figures import definition_json, tracked_definitions
from monitor.store.eventlog import SqlEventLog
from monitor.text.figures import FigureSpec


def tracked_event(spec: FigureSpec, now: datetime) -> FigureTracked:
    """The FigureTracked recording `spec` at `now`."""
    return FigureTracked(
        name=spec.name,
        label=spec.label,
        units=tuple(spec.units),
        context=tuple(spec.context),
        min_change=spec.min_change,
        alert_on_first=spec.alert_on_first,
        tracked_at=now,
    )


def sync_figures(
    engine: Engine, log: SqlEventLog, specs: Sequence[FigureSpec], now: datetime
) -> list[str]:
    """Append a FigureTracked for each figure the read model lacks or defines differently.

    Returns the names recorded. The event's id ignores `tracked_at`, so a second process (or
    a retry before the projection caught up) appending the same definition adds nothing.
    """
    with engine.begin() as conn:
        known = tracked_definitions(conn)
        changed = [s for s in specs if known.get(s.name) != definition_json(s)]
        log.append([tracked_event(s, now) for s in changed], conn=conn)
    return [s.name for s in changed]
