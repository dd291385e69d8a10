"""Chart geometry for a figure: pure functions from a timeline to coordinates (no I/O).

The template (`templates/chart.svg`) turns the result into inline SVG, escaping every text.
x is publication time (first sight when the article has no date), y the value as reported.
The step line follows the claims that moved the figure, in the order they were observed,
so it always ends at the current value; bounds ("more than", "up to") are whiskers, an open
end drawn as a short stub in its direction.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

STATUSES = ("first", "changed", "restated", "copy", "past")
MOVES = frozenset({"first", "changed"})


@dataclass(frozen=True)
class Box:
    """The SVG canvas and the plot area inside it (margins hold the axes' labels)."""

    width: int = 880
    height: int = 320
    left: int = 64
    right: int = 16
    top: int = 16
    bottom: int = 36

    @property
    def x0(self) -> float:
        return float(self.left)

    @property
    def x1(self) -> float:
        return float(self.width - self.right)

    @property
    def y0(self) -> float:
        """Bottom of the plot (smallest value)."""
        return float(self.height - self.bottom)

    @property
    def y1(self) -> float:
        """Top of the plot (largest value)."""
        return float(self.top)


@dataclass(frozen=True)
class Point:
    """One claim on the chart."""

    x: float
    y: float
    status: str
    label: str  # tooltip: date, words as written, source, status
    anchor: str  # id of its row in the timeline table
    current: bool
    alert_id: str | None


@dataclass(frozen=True)
class Tick:
    """An axis tick: its coordinate and label."""

    at: float
    label: str


@dataclass(frozen=True)
class Chart:
    """Everything the SVG template draws."""

    box: Box
    points: tuple[Point, ...]
    step_path: str  # the figure's value over time
    whiskers_path: str  # bounds of every bounded claim, one path
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    current_y: float | None


def claim_time(claim: Mapping[str, Any]) -> datetime:
    """When a claim was published: the article's date, else when it was observed."""
    raw = (claim.get("article") or {}).get("published_at") or claim.get("observed_at")
    return parse_time(str(raw))


def parse_time(raw: str) -> datetime:
    """An ISO-8601 time as aware UTC."""
    moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def short_number(value: float) -> str:
    """3000000 → '3M', 450000 → '450k', 12.5 → '12.5'."""
    magnitude = abs(value)
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if magnitude >= size:
            scaled = value / size
            return f"{scaled:.{0 if scaled == int(scaled) else 1}f}{suffix}"
    return f"{value:g}"


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high]."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    exponent = math.floor(math.log10(raw))
    step = min(m * 10**exponent for m in (1, 2, 2.5, 5, 10) if m * 10**exponent >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value <= high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high:
        ticks.append(round(value, 10))
    return ticks


def _value_range(timeline: Sequence[Mapping[str, Any]]) -> tuple[float, float]:
    values: list[float] = []
    for claim in timeline:
        values += [
            float(v)
            for v in (claim["value"], claim.get("lower"), claim.get("upper"))
            if v is not None
        ]
    low, high = min(values), max(values)
    if low >= 0:
        low = 0.0
    if high == low:
        high = low + (abs(low) or 1.0)
    return low, high * 1.08 if high > 0 else high


def _time_range(times: Sequence[datetime]) -> tuple[datetime, datetime]:
    start, end = min(times), max(times)
    if end - start < timedelta(days=2):
        start, end = start - timedelta(days=1), end + timedelta(days=1)
    pad = (end - start) * 0.02
    return start - pad, end + pad


def _time_ticks(start: datetime, end: datetime, box: Box, scale_x: Any) -> tuple[Tick, ...]:
    span = end - start
    fmt = "%Y-%m-%d" if span < timedelta(days=120) else "%Y-%m"
    count = 6
    return tuple(
        Tick(
            scale_x(start + span * (i + 0.5) / count),
            (start + span * (i + 0.5) / count).strftime(fmt),
        )
        for i in range(count)
    )


def _tooltip(claim: Mapping[str, Any], when: datetime) -> str:
    source = (claim.get("article") or {}).get("source") or ""
    return f"{when:%Y-%m-%d} · {claim.get('text') or claim['value']} · {source} · {claim['status']}"


def figure_chart(timeline: Sequence[Mapping[str, Any]], box: Box = Box()) -> Chart | None:
    """The chart of a figure's timeline (claims in log order); None when it has no claim."""
    if not timeline:
        return None
    times = [claim_time(c) for c in timeline]
    t_start, t_end = _time_range(times)
    v_low, v_high = _value_range(timeline)
    t_span = (t_end - t_start).total_seconds()

    def sx(moment: datetime) -> float:
        return round(box.x0 + (moment - t_start).total_seconds() / t_span * (box.x1 - box.x0), 1)

    def sy(value: float) -> float:
        return round(box.y0 - (value - v_low) / (v_high - v_low) * (box.y0 - box.y1), 1)

    moves = [i for i, c in enumerate(timeline) if c["status"] in MOVES]
    current_index = moves[-1] if moves else None
    points = tuple(
        Point(
            x=sx(when),
            y=sy(float(c["value"])),
            status=c["status"] if c["status"] in STATUSES else "other",
            label=_tooltip(c, when),
            anchor=f"c{c.get('position', i)}",
            current=i == current_index,
            alert_id=c.get("alert_id"),
        )
        for i, (c, when) in enumerate(zip(timeline, times, strict=True))
    )
    return Chart(
        box=box,
        points=points,
        step_path=_step_path([points[i] for i in moves], box),
        whiskers_path=_whiskers(timeline, points, box, sy),
        x_ticks=_time_ticks(t_start, t_end, box, sx),
        y_ticks=tuple(
            Tick(sy(v), short_number(v)) for v in nice_ticks(v_low, v_high) if v <= v_high
        ),
        current_y=points[current_index].y if current_index is not None else None,
    )


def _step_path(steps: Sequence[Point], box: Box) -> str:
    """Horizontal runs at each value, vertical jumps at each change; time never runs back
    (a change published before the previous one jumps at the previous one's time)."""
    if not steps:
        return ""
    x = steps[0].x
    parts = [f"M{x:g} {steps[0].y:g}"]
    for step in steps[1:]:
        x = max(x, step.x)
        parts.append(f"H{x:g}V{step.y:g}")
    parts.append(f"H{box.x1:g}")
    return "".join(parts)


OPEN_END = 26.0  # px: how far a whisker reaches past the value when the bound is open


def _whiskers(
    timeline: Sequence[Mapping[str, Any]], points: Sequence[Point], box: Box, sy: Any
) -> str:
    """One path of vertical whiskers from lower to upper bound; an open bound ("more than",
    "up to") is a short stub in its direction, not a line to the edge."""
    parts = []
    for claim, point in zip(timeline, points, strict=True):
        lower, upper = claim.get("lower"), claim.get("upper")
        if (lower is None and upper is None) or lower == upper == claim["value"]:
            continue
        bottom = sy(float(lower)) if lower is not None else min(point.y + OPEN_END, box.y0)
        top = sy(float(upper)) if upper is not None else max(point.y - OPEN_END, box.y1)
        if bottom != top:
            parts.append(f"M{point.x:g} {bottom:g}V{top:g}")
    return "".join(parts)


def sparkline(values: Sequence[float], width: int = 120, height: int = 28) -> str:
    """A step sparkline (SVG path data) of the figure's successive values."""
    if not values:
        return ""
    low, high = min(min(values), 0.0), max(values)
    span = (high - low) or 1.0
    step = (width - 4) / max(len(values), 1)

    def y(value: float) -> float:
        return round(height - 2 - (value - low) / span * (height - 4), 1)

    parts = [f"M2 {y(values[0]):g}"]
    for i, value in enumerate(values[1:], start=1):
        parts.append(f"H{round(2 + i * step, 1):g}V{y(value):g}")
    parts.append(f"H{width - 2}")
    return "".join(parts)
