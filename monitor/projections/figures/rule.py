"""The change rule (docs/SPEC.md §7): what one claim does to a figure, and the alert it raises.

Pure: the projection hands in the figure's state and the candidate; nothing here reads a
clock or a database, so a replay takes exactly the same decisions.

Statuses of a timeline entry (docs/SPEC.md §4 plus the frame statuses):
- ``first`` / ``changed``: a current total that moved the figure (the only ones that alert);
- ``restated``: within min_change of the current value (corroboration, whatever its date);
- ``copy``: the article copies one already seen;
- ``earlier``: published before the current value's reporting — fills the timeline only;
- ``stale``: within min_change of an earlier, superseded value (and not a revision);
- ``past`` / ``new`` / ``part`` / ``previous`` / ``rate``: a claim whose frame is not a
  current total (a historic number, an increment, a part, the value before a change, a rate);
- ``forecast``: a projected count ("the toll could reach 10,000", "is expected to rise to
  3,000"), kept with its frame but never the figure's value;
- ``disputed``: a count the article reports only to reject it ("dismissed claims that 300 had
  died"), likewise kept but never the figure's value;
- ``alternative``: another current total in an article whose chosen value is a different one;
- ``vague``: an order of magnitude ("officials fear hundreds have been killed", "dozens
  died") while the figure holds a precise count: kept, never the figure's value.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from monitor.events import AlertRaised
from monitor.events.base import deterministic_id
from monitor.text.figure_scope import unofficial
from monitor.text.modality import DISPUTED, FORECAST

FIRST, CHANGED, RESTATED, COPY = "first", "changed", "restated", "copy"
EARLIER, STALE, ALTERNATIVE, PAST = "earlier", "stale", "alternative", "past"
VAGUE = "vague"
MOVES = frozenset({FIRST, CHANGED})
STATUSES = (
    FIRST, CHANGED, RESTATED, COPY, EARLIER, STALE, ALTERNATIVE, PAST,
    "new", "part", "previous", "rate", FORECAST, DISPUTED, VAGUE,
)  # fmt: skip


@dataclass(frozen=True)
class FigureState:
    """What the rule needs to know about a figure before a new claim."""

    name: str
    min_change: float
    alert_on_first: bool
    tracked_position: int
    changes: tuple[float, ...]  # every value the figure stood at, oldest first; last = current
    current_at: datetime | None  # effective (publication) time of the current value
    current_vague: bool = False  # the current value is an order of magnitude ("hundreds")

    @property
    def current(self) -> float | None:
        return self.changes[-1] if self.changes else None


@dataclass(frozen=True)
class Candidate:
    """One bound claim, with the facts of its article the rule needs."""

    value: float
    effective_at: datetime  # when the reporting was published (docs/SPEC.md §7)
    position: int  # log position of the article event
    copy: bool = False
    kind: str = "total"
    time: str = "current"
    revision: str | None = None  # down | up | raised | revised, when the article presents one
    revised_from: float | None = None
    modality: str | None = None  # "forecast" | "disputed" (docs/SPEC.md §6 frame)
    vague: bool = False  # qualifier "vague": "hundreds", "dozens", "scores of"


@dataclass(frozen=True)
class Decision:
    """What one claim does to a figure."""

    status: str
    alert: bool
    direction: str | None  # up | down | first, for claims that move the figure


def same_value(value: float, reference: float, min_change: float) -> bool:
    """True when `value` differs from `reference` by at most min_change, relative to the
    reference (the current or an earlier value): 779 is 5.1 % above 741, a change at 0.05."""
    if reference == 0:
        return value == 0
    return abs(value - reference) / abs(reference) <= min_change + 1e-12


def frame_status(kind: str, time: str, modality: str | None = None) -> str | None:
    """The status of a claim whose frame keeps it from moving a figure; None for a current
    total. A projection ("could reach 10,000") is a total of its kind but says what may come,
    not what the count is, and a disputed count ("dismissed claims that 300 had died") is
    reported only to be rejected, so neither ever moves a figure."""
    if time == "past":
        return PAST
    if kind == "total" and modality in (FORECAST, DISPUTED):
        return modality  # projected ("could reach") or rejected ("denied reports that 50 ...")
    return None if kind == "total" else kind


def claim_status(claim: Any) -> str | None:
    """`frame_status` of a claim object (a Claim or anything with its frame attributes)."""
    return frame_status(
        getattr(claim, "kind", "total"),
        getattr(claim, "time", "current"),
        getattr(claim, "modality", None),
    )


def is_revision(state: FigureState, cand: Candidate) -> bool:
    """The article presents the value as a revision of the current one."""
    if cand.revision is not None:
        return True
    current = state.current
    return (
        cand.revised_from is not None
        and current is not None
        and same_value(cand.revised_from, current, state.min_change)
    )


def decide(state: FigureState, cand: Candidate) -> Decision:
    """Classify a candidate and say whether it raises an alert.

    Only a current total published no earlier than the current value can move the figure;
    only reporting that reached the log after the figure was tracked alerts. A value the
    article presents as a revision of the current one ("revised the toll down to 71") is a
    change even within min_change of a superseded value, and within min_change of the
    current one when a revision verb corrects it, whichever way ("corrected the toll to 65",
    "raised the toll to 8,778 from 8,567") or it falls ("71, down from 74"): a count that
    rises a little told only beside the value it rose from ("2,946, up from 2,901 a day
    earlier") is a restatement. A vague amount ("hundreds", "dozens") can be a figure's first
    value, but never replaces a precise one.
    """
    if cand.copy:
        return Decision(COPY, False, None)
    held = frame_status(cand.kind, cand.time, cand.modality)
    if held is not None:
        return Decision(held, False, None)
    current = state.current
    after_tracking = cand.position > state.tracked_position
    if current is None:
        return Decision(FIRST, after_tracking and state.alert_on_first, "first")
    if cand.vague and not state.current_vague:
        # "officials fear hundreds have been killed" names an order of magnitude, not a count:
        # it never replaces a figure's precise value (a later precise count still moves it).
        return Decision(VAGUE, False, None)
    revision = is_revision(state, cand) and cand.value != current
    correction = revision and (cand.value < current or cand.revision in ("revised", "raised"))
    if not correction and same_value(cand.value, current, state.min_change):
        return Decision(RESTATED, False, None)  # corroboration, whenever it was published
    if state.current_at is not None and cand.effective_at < state.current_at:
        return Decision(EARLIER, False, None)
    superseded = state.changes[:-1]
    if not revision and any(same_value(cand.value, old, state.min_change) for old in superseded):
        return Decision(STALE, False, None)
    return Decision(CHANGED, after_tracking, "down" if cand.value < current else "up")


def pick(candidates: Sequence[tuple[Any, bool]]) -> int | None:
    """Index of the one current total an article gives a figure (None: it gives none).

    `candidates` are (claim, in_headline) pairs of bound claims. Only current totals qualify
    — a historic, comparative, partial, previous or projected number never becomes the value. Among
    them: one the article presents as a revision, then one not given from a source called
    unofficial or unconfirmed, then an exact count over a bound it meets ("has crossed 400
    ... rose by 18 to 416"), then the body over the headline (which rounds), then a precise
    amount over a vague one, then the earliest in reading order.
    """
    totals = [claim for claim, _ in candidates if claim_status(claim) is None]
    ranked = [
        (
            getattr(claim, "revision", None) is None,
            hasattr(claim, "sentence") and unofficial(claim),
            _met_bound(claim, totals),
            headline,
            claim.qualifier == "vague",
            index,
        )
        for index, (claim, headline) in enumerate(candidates)
        if claim_status(claim) is None
    ]
    return min(ranked)[-1] if ranked else None


def _exact(claim: Any) -> bool:
    lower, upper = getattr(claim, "lower", None), getattr(claim, "upper", None)
    return lower is not None and lower == upper


def _met_bound(claim: Any, totals: Sequence[Any]) -> bool:
    """A one-sided bound ("more than 400", "nearly 2,000") that an exact count of the same
    article meets, within a quarter of the bound: the exact count says what the bound rounds."""
    lower, upper = getattr(claim, "lower", None), getattr(claim, "upper", None)
    if (lower is None) == (upper is None):
        return False
    bound = float(lower if lower is not None else upper)  # type: ignore[arg-type]
    for other in totals:
        if other is claim or not _exact(other):
            continue
        value = float(other.value)
        if lower is not None and bound <= value <= bound * 1.25:
            return True
        if upper is not None and bound * 0.75 <= value <= bound:
            return True
    return False


def alert_id(figure: str, value: float, occurrence: int = 0) -> str:
    """Deterministic id of the alert for `figure` reaching `value` for the n-th time.

    A figure reaches a value it had before only through a revision ("revised down to 70"
    after 70 → 74), so (figure, value, times it stood there before) names one change;
    the first time keeps the plain (figure, value) id. A replay or restart derives the
    same id, making the re-append a no-op.
    """
    parts = [AlertRaised.TYPE, figure, _number_text(value)]
    if occurrence:
        parts.append(str(occurrence))
    return deterministic_id(*parts)


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def occurrences(changes: Sequence[float], value: float) -> int:
    """How many times the figure already stood at exactly `value`."""
    text = _number_text(value)
    return sum(1 for v in changes if _number_text(v) == text)


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
    occurrence: int = 0,
) -> AlertRaised:
    """The AlertRaised event for a figure change."""
    return AlertRaised(
        alert_id=alert_id(figure, value, occurrence),
        figure=figure,
        label=label,
        previous=dict(previous) if previous is not None else None,
        current=dict(current),
        direction=direction,
        story=dict(story),
        raised_at=raised_at,
    )
