"""Record tracked figures from the config in the log: a FigureTracked when one is new or changed.

Planning is pure (`plan_figure_sync`); `sync_figures` reads the state, appends the plan.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine

from monitor.events import Event, FigureTracked, FigureUntracked, may_undeclare
from monitor.projections.figures import definition_json, tracked_definitions
from monitor.store.eventlog import SqlEventLog
from monitor.text.figures import FigureSpec


@dataclass(frozen=True)
class FigureSyncPlan:
    """What synchronising the figures with a config file will do."""

    events: tuple[Event, ...] = ()
    recorded: tuple[str, ...] = ()  # added or redefined
    removed: tuple[str, ...] = ()
    kept: tuple[tuple[str, str], ...] = ()  # (figure, file) declared by a file not loaded now


def tracked_event(spec: FigureSpec, now: datetime, source: str | None = None) -> FigureTracked:
    """The FigureTracked recording `spec` at `now`, declared by config file `source`."""
    return FigureTracked(
        name=spec.name,
        label=spec.label,
        units=tuple(spec.units),
        context=tuple(spec.context),
        min_change=spec.min_change,
        alert_on_first=spec.alert_on_first,
        tracked_at=now,
        source=source,
        about=tuple(spec.about),
        exclude=tuple(spec.exclude),
    )


def plan_figure_sync(
    known: Mapping[str, str],
    sources: Mapping[str, str | None],
    specs: Sequence[FigureSpec],
    source: str | None,
    now: datetime,
) -> FigureSyncPlan:
    """FigureTracked for each declared figure the read model lacks or defines differently,
    FigureUntracked for each tracked figure the file that declared it no longer lists."""
    changed = [s for s in specs if known.get(s.name) != definition_json(s)]
    declared = {s.name for s in specs}
    removed: list[str] = []
    kept: list[tuple[str, str]] = []
    for name in sorted(set(known) - declared):
        origin = sources.get(name)
        if may_undeclare(origin, source):
            removed.append(name)
        else:
            kept.append((name, origin or "an earlier configuration"))
    return FigureSyncPlan(
        events=(
            *(tracked_event(s, now, source) for s in changed),
            *(FigureUntracked(name=name, untracked_at=now) for name in removed),
        ),
        recorded=tuple(s.name for s in changed),
        removed=tuple(removed),
        kept=tuple(kept),
    )


def figure_sources(log: SqlEventLog, conn: Connection) -> dict[str, str | None]:
    """The config file each figure was last tracked from (None when not recorded)."""
    sources: dict[str, str | None] = {}
    position = 0
    while batch := log.read_after(position, 1000, conn, types=[FigureTracked.TYPE]):
        for stored in batch:
            event = stored.event
            assert isinstance(event, FigureTracked)
            sources[event.name] = event.source
        position = batch[-1].position
    return sources


def sync_figures(
    engine: Engine,
    log: SqlEventLog,
    specs: Sequence[FigureSpec],
    now: datetime,
    source: str | None = None,
) -> FigureSyncPlan:
    """Make the tracked figures match the config file `source` (None: no file was loaded).

    A process that appends while the projection has not yet caught up with another's events
    may repeat an event; folding either kind twice changes nothing.
    """
    with engine.begin() as conn:
        plan = plan_figure_sync(
            tracked_definitions(conn), figure_sources(log, conn), specs, source, now
        )
        log.append(plan.events, conn=conn)
    return plan
