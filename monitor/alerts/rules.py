"""The change rule: when a figure's new claim raises an alert, and the alert it raises.

Pure: the figures projection hands in the figure's state and the candidate value; nothing
here reads a clock or a database, so a replay takes exactly the same decisions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from monitor.events import AlertRaised
from monitor.events.base import deterministic_id
from monitor.text.figures import direction, track

FIRST, CHANGED, RESTATED, COPY = "first", "changed", "restated", "copy"


@dataclass(frozen=True)
class FigureState:
    """What the rule needs to know about a figure before a new claim."""

    name: str
    min_change: float
    alert_on_first: bool
    tracked_position: int
    history: tuple[float, ...]  # every earlier non-copy value, oldest first
    current: float | None


@dataclass(frozen=True)
class Decision:
    """What one claim does to a figure."""

    status: str
    current: float | None  # the figure's value after the claim
    alert: bool
    direction: str | None  # up | down | first, for claims that move the figure


def decide(state: FigureState, candidate: float, position: int, copy: bool = False) -> Decision:
    """Classify a claim found at log `position` and say whether it raises an alert.

    Only reporting that reached the log after the figure was tracked alerts: older articles
    fill the history silently, so adding a figure later or replaying never alerts about old
    news. A copy never moves the figure; a restatement (equal within min_change to any
    value the figure already had) neither.
    """
    status, current = track(state.history, state.current, candidate, state.min_change, copy)
    moved = status in (FIRST, CHANGED)
    wanted = status == CHANGED or (status == FIRST and state.alert_on_first)
    return Decision(
        status=status,
        current=current,
        alert=wanted and position > state.tracked_position,
        direction=direction(state.current, candidate) if moved else None,
    )


def alert_id(figure: str, value: float) -> str:
    """Deterministic id of the alert for `figure` reaching `value`.

    A figure never changes to the same value twice (a value equal to an earlier one is a
    restatement), so (figure, value) names one change: distinct changes get distinct ids and
    a replay or restart derives the same id, making the re-append a no-op.
    """
    return deterministic_id(AlertRaised.TYPE, figure, _number_text(value))


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def story_ref(story_id: str | None, title: str, sources: Sequence[str]) -> dict[str, Any]:
    """The alert's `story` object: {"id", "title", "sources"}."""
    return {"id": story_id, "title": title, "sources": sorted(set(sources))}


def make_alert(
    *,
    figure: str,
    label: str,
    value: float,
    previous: Mapping[str, Any] | None,
    current: Mapping[str, Any],
    direction: str,
    story: Mapping[str, Any],
    raised_at: datetime,
) -> AlertRaised:
    """The AlertRaised event for a figure change."""
    return AlertRaised(
        alert_id=alert_id(figure, value),
        figure=figure,
        label=label,
        previous=dict(previous) if previous is not None else None,
        current=dict(current),
        direction=direction,
        story=dict(story),
        raised_at=raised_at,
    )
