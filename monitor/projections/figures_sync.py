"""Record tracked figures from the config in the log: a FigureTracked when one is new or changed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Engine

from monitor.events import FigureTracked, FigureUntracked
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
        about=tuple(spec.about),
        exclude=tuple(spec.exclude),
    )


def sync_figures(
    engine: Engine, log: SqlEventLog, specs: Sequence[FigureSpec], now: datetime
) -> list[str]:
    """Make the tracked figures match the config: FigureTracked for each figure the read model
    lacks or defines differently, FigureUntracked for each it tracks that the config dropped.

    Returns the names recorded. A process that appends while the projection has not yet
    caught up with another's events may repeat one; folding either kind twice changes nothing.
    """
    with engine.begin() as conn:
        known = tracked_definitions(conn)
        changed = [s for s in specs if known.get(s.name) != definition_json(s)]
        dropped = sorted(set(known) - {s.name for s in specs})
        log.append(
            [
                *(tracked_event(s, now) for s in changed),
                *(FigureUntracked(name=name, untracked_at=now) for name in dropped),
            ],
            conn=conn,
        )
    return [s.name for s in changed] + dropped
