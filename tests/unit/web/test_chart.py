"""Chart geometry: one point per claim, a step line that ends at the current value, bounds
as whiskers, sensible axes — for one claim and for thousands."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from monitor.web.chart import (
    TOOLTIPS_UP_TO,
    Box,
    PlotClaim,
    figure_chart,
    nice_ticks,
    points_markup,
    short_number,
    sparkline,
)

T0 = datetime(2024, 1, 1, tzinfo=UTC)


def claim(
    day: float,
    value: float,
    status: str = "restated",
    *,
    lower: float | None = None,
    upper: float | None = None,
    alert: str | None = None,
) -> PlotClaim:
    return PlotClaim(
        position=int(day * 10),
        status=status,
        value=value,
        lower=lower,
        upper=upper,
        text=f"{value:,.0f}",
        source="Harbour <Times>",
        when=(T0 + timedelta(days=day)).timestamp(),
        alert_id=alert,
    )


def path_points(path: str) -> list[tuple[float, float]]:
    """The vertices of an M/H/V path."""
    x = y = 0.0
    out = []
    for command, number in re.findall(r"([MHV])([-\d.]+(?: [-\d.]+)?)", path):
        if command == "M":
            x, y = (float(v) for v in number.split())
        elif command == "H":
            x = float(number)
        else:
            y = float(number)
        out.append((x, y))
    return out


def test_no_claim_no_chart() -> None:
    assert figure_chart([]) is None


def test_a_single_claim_is_one_point_on_a_flat_line_inside_the_plot() -> None:
    chart = figure_chart([claim(0, 36, "first")])
    assert chart is not None
    (point,) = chart.points
    box = chart.box
    assert box.x0 < point.x < box.x1 and box.y1 <= point.y <= box.y0
    assert point.current
    assert {y for _, y in path_points(chart.step_path)} == {point.y}


def test_the_step_line_follows_changes_in_log_order_and_ends_at_the_current_value() -> None:
    timeline = [
        claim(0, 100, "first"),
        claim(1, 100, "restated"),
        claim(3, 250, "changed"),
        # seen later, published earlier than the previous change: time never runs back
        claim(2, 400, "changed"),
        claim(4, 90, "past"),
        claim(5, 250, "copy"),
    ]
    chart = figure_chart(timeline)
    assert chart is not None
    assert len(chart.points) == len(timeline)
    vertices = path_points(chart.step_path)
    xs = [x for x, _ in vertices]
    assert xs == sorted(xs), "the step line never goes back in time"
    current = [p for p in chart.points if p.current]
    assert len(current) == 1 and current[0].claim.value == 400
    assert vertices[-1][1] == current[0].y == chart.current_y
    assert vertices[-1][0] == chart.box.x1, "the current value runs to the right edge"


def test_bounds_are_whiskers_and_open_bounds_are_short_stubs() -> None:
    chart = figure_chart(
        [
            claim(0, 1_000_000, "first", lower=1_000_000),  # "more than a million"
            claim(1, 3_000_000, "changed", upper=3_000_000),  # "up to 3 million"
            claim(2, 2_000_000, "changed", lower=1_500_000, upper=2_500_000),
            claim(3, 2_000_000, "restated"),
        ]
    )
    assert chart is not None
    whiskers = re.findall(r"M([\d.]+) ([\d.]+)V([\d.]+)", chart.whiskers_path)
    assert len(whiskers) == 3, "a plain value has no whisker"
    more_than, up_to, ranged = ((float(a), float(b), float(c)) for a, b, c in whiskers)
    assert more_than[2] < more_than[1] and more_than[1] - more_than[2] < 40, "stub upwards"
    assert up_to[1] > up_to[2] and up_to[1] - up_to[2] < 40, "stub downwards"
    assert ranged[1] > chart.points[2].y > ranged[2], "a range brackets its value"


def test_every_status_keeps_its_class_and_odd_ones_are_other() -> None:
    timeline = [claim(0, 1, "first"), claim(1, 2, "alternative"), claim(2, 2, 'x" onload="')]
    chart = figure_chart(timeline)
    assert chart is not None
    assert [p.status for p in chart.points] == ["first", "alternative", "other"]


def test_two_thousand_claims_stay_small_and_alerts_are_marked() -> None:
    timeline = [
        claim(
            i / 5,
            1000 + i,
            "changed" if i % 4 == 0 else "restated",
            alert=f"a{i}" if i % 4 == 0 else None,
        )
        for i in range(2000)
    ]
    chart = figure_chart(timeline)
    assert chart is not None
    markup = str(points_markup(chart))
    assert markup.count('class="pt ') == 2000
    assert markup.count('class="alert-mark"') == 500
    assert len(markup) < 200_000
    assert markup.count("<title>") == 1, "past the limit only the current point has a tooltip"
    small = figure_chart(timeline[:TOOLTIPS_UP_TO])
    assert small is not None
    assert "&lt;Times&gt;" in str(points_markup(small)), "tooltips are escaped"


def test_axis_ticks_are_round_and_labelled_short() -> None:
    assert nice_ticks(0, 6_480_000) == [0, 2_000_000, 4_000_000, 6_000_000, 8_000_000]
    assert [short_number(v) for v in (0, 450_000, 3_000_000, 2_500_000, 12.5)] == [
        "0",
        "450k",
        "3M",
        "2.5M",
        "12.5",
    ]
    chart = figure_chart([claim(0, 10, "first"), claim(400, 6_000_000, "changed")], Box())
    assert chart is not None
    assert [t.label for t in chart.y_ticks][:2] == ["0", "2M"]
    assert all(re.fullmatch(r"\d{4}-\d\d", t.label) for t in chart.x_ticks)


def test_a_sparkline_steps_through_each_value() -> None:
    vertices = path_points(sparkline([1, 3, 2]))
    levels = [y for i, (_, y) in enumerate(vertices) if i == 0 or y != vertices[i - 1][1]]
    assert len(levels) == 3
    assert levels[1] < levels[2] < levels[0], "3 highest, then 2, with 1 lowest (SVG y grows down)"
    assert sparkline([]) == ""
