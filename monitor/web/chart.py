"""Chart geometry for a figure: pure functions from a timeline to coordinates (no I/O).

The template (`templates/chart.svg`) turns the result into inline SVG, escaping every text.
x is publication time (first sight when the article has no date), y the value as reported.
The step line follows the claims that moved the figure, in the timeline's order (publication,
then sighting), so it ends at the current value; bounds ("more than", "up to") are whiskers, an open
end drawn as a short stub in its direction.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple

from markupsafe import Markup, escape

from monitor.projections.queries_figures import FigurePoint

# Every timeline status of docs/SPEC.md §4 and the held-back ones of the change rule
# (monitor/projections/figures/rule.py), each coloured by the stylesheet.
STATUSES = (
    "first",
    "changed",
    "restated",
    "copy",
    "earlier",
    "stale",
    "past",
    "new",
    "part",
    "previous",
    "rate",
    "alternative",
)
_CLASS_NAME = re.compile(r"[a-z][a-z_-]{0,31}")  # other statuses keep their name as a class
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


PlotClaim = FigurePoint
"""What the chart needs of one claim: the rows of `queries_figures.figure_points`, charted as
they are (no copy per claim)."""


class Point(NamedTuple):
    """One claim on the chart (a NamedTuple, like PlotClaim)."""

    x: float
    y: float
    status: str
    claim: PlotClaim
    current: bool
    alert_id: str | None

    @property
    def label(self) -> str:
        """Tooltip: date, words as written, source, status."""
        return _tooltip(self.claim)


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
    step_path: Markup  # the figure's value over time (numbers only: nothing to escape)
    whiskers_path: Markup  # bounds of every bounded claim, one path
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    current_y: float | None


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


def _value_range(timeline: Sequence[PlotClaim]) -> tuple[float, float]:
    low = min(c.value for c in timeline)
    high = max(c.value for c in timeline)
    lowers = [c.lower for c in timeline if c.lower is not None]
    uppers = [c.upper for c in timeline if c.upper is not None]
    low = min(low, *lowers) if lowers else low
    high = max(high, *uppers) if uppers else high
    if low >= 0:
        low = 0.0
    if high == low:
        high = low + (abs(low) or 1.0)
    return low, high * 1.08 if high > 0 else high


DAY = 86400.0


def _time_range(times: Sequence[float]) -> tuple[float, float]:
    start, end = min(times), max(times)
    if end - start < 2 * DAY:
        start, end = start - DAY, end + DAY
    pad = (end - start) * 0.02
    return start - pad, end + pad


def _time_ticks(start: float, end: float, scale_x: Any) -> tuple[Tick, ...]:
    span = end - start
    fmt = "%Y-%m-%d" if span < 120 * DAY else "%Y-%m"
    count = 6
    moments = [start + span * (i + 0.5) / count for i in range(count)]
    return tuple(Tick(scale_x(t), datetime.fromtimestamp(t, UTC).strftime(fmt)) for t in moments)


def _tooltip(claim: PlotClaim) -> str:
    words = claim.text or f"{claim.value:g}"
    day = datetime.fromtimestamp(claim.when, UTC).date().isoformat()
    return f"{day} · {words} · {claim.source} · {claim.status}"


def figure_chart(timeline: Sequence[PlotClaim], box: Box = Box()) -> Chart | None:
    """The chart of a figure's timeline (claims in log order); None when it has no claim."""
    if not timeline:
        return None
    t_start, t_end = _time_range([c.when for c in timeline])
    v_low, v_high = _value_range(timeline)
    x0, y0 = box.x0, box.y0
    x_scale = (box.x1 - x0) / (t_end - t_start)
    y_scale = (y0 - box.y1) / (v_high - v_low)

    def sx(moment: float) -> float:
        return round(x0 + (moment - t_start) * x_scale, 1)

    def sy(value: float) -> float:
        return round(y0 - (value - v_low) * y_scale, 1)

    moves = [i for i, c in enumerate(timeline) if c.status in MOVES]
    current_index = moves[-1] if moves else None
    points = tuple(
        Point(
            sx(c.when),
            sy(c.value),
            c.status if _CLASS_NAME.fullmatch(c.status) else "other",
            c,
            i == current_index,
            c.alert_id,
        )
        for i, c in enumerate(timeline)
    )
    return Chart(
        box=box,
        points=points,
        step_path=Markup(_step_path([points[i] for i in moves], box)),
        whiskers_path=Markup(_whiskers(timeline, points, box, sy)),
        x_ticks=_time_ticks(t_start, t_end, sx),
        y_ticks=tuple(
            Tick(sy(v), short_number(v)) for v in nice_ticks(v_low, v_high) if v <= v_high
        ),
        current_y=points[current_index].y if current_index is not None else None,
    )


TOOLTIPS_UP_TO = 400  # beyond this many points the table carries the details (page size)


def points_markup(chart: Chart) -> Markup:
    """The points and alert marks as SVG elements (tooltips escaped by markupsafe).

    Written here rather than in the template: 2,000 points through Jinja's per-attribute
    escaping cost more than the rest of the page.
    """
    tooltips = len(chart.points) <= TOOLTIPS_UP_TO
    marks, dots = [], []
    for p in chart.points:
        if p.alert_id:
            ring = f'<circle class="alert-mark" cx="{p.x:g}" cy="{p.y:g}" r="9"'
            ring += f"><title>alert {escape(p.alert_id)}</title></circle>" if tooltips else "/>"
            marks.append(f'<a href="/alerts#{escape(p.alert_id)}">{ring}</a>')
        attrs = f'class="pt {p.status}" cx="{p.x:g}" cy="{p.y:g}" r="{5.5 if p.current else 4:g}"'
        if p.current:
            attrs += ' data-current="true"'
        dots.append(
            f"<circle {attrs}><title>{escape(p.label)}</title></circle>"
            if tooltips or p.current
            else f"<circle {attrs}/>"
        )
    return Markup("\n".join([*marks, '<g class="points">', *dots, "</g>"]))


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


def _whiskers(timeline: Sequence[PlotClaim], points: Sequence[Point], box: Box, sy: Any) -> str:
    """One path of vertical whiskers from lower to upper bound; an open bound ("more than",
    "up to") is a short stub in its direction, not a line to the edge."""
    parts = []
    y_bottom, y_top = box.y0, box.y1
    for claim, point in zip(timeline, points, strict=True):
        lower, upper = claim.lower, claim.upper
        if (lower is None and upper is None) or lower == upper == claim.value:
            continue
        bottom = sy(lower) if lower is not None else min(point.y + OPEN_END, y_bottom)
        top = sy(upper) if upper is not None else max(point.y - OPEN_END, y_top)
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
