"""The change rule: which claims move a figure, which raise an alert, and the alert's id."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from monitor.alerts.rules import FigureState, alert_id, decide, make_alert, story_ref

TRACKED_AT = 100  # log position of the figure's FigureTracked


def figure(
    *history: float,
    current: float | None = None,
    alert_on_first: bool = True,
    min_change: float = 0.05,
) -> FigureState:
    if current is None and history:
        current = history[-1]
    return FigureState(
        name="nk-shells",
        min_change=min_change,
        alert_on_first=alert_on_first,
        tracked_position=TRACKED_AT,
        history=tuple(history),
        current=current,
    )


def test_the_first_value_alerts_when_alert_on_first() -> None:
    d = decide(figure(), 1_000_000, position=101)
    assert (d.status, d.current, d.alert, d.direction) == ("first", 1_000_000, True, "first")


def test_the_first_value_moves_the_figure_silently_without_alert_on_first() -> None:
    d = decide(figure(alert_on_first=False), 1_000_000, position=101)
    assert (d.status, d.current, d.alert) == ("first", 1_000_000, False)


def test_a_larger_value_is_a_change_upwards() -> None:
    d = decide(figure(1_000_000), 3_000_000, position=150)
    assert (d.status, d.current, d.alert, d.direction) == ("changed", 3_000_000, True, "up")


def test_a_smaller_value_is_a_change_downwards() -> None:
    d = decide(figure(3_000_000), 2_000_000, position=150)
    assert (d.status, d.current, d.alert, d.direction) == ("changed", 2_000_000, True, "down")


def test_a_value_within_min_change_of_the_current_is_a_restatement() -> None:
    d = decide(figure(1_000_000), 1_040_000, position=150)
    assert (d.status, d.current, d.alert, d.direction) == ("restated", 1_000_000, False, None)


def test_a_value_the_figure_had_before_is_a_restatement_whatever_its_date() -> None:
    d = decide(figure(1_000_000, 3_000_000, 5_000_000), 1_000_000, position=400)
    assert (d.status, d.current, d.alert) == ("restated", 5_000_000, False)


def test_a_copy_never_moves_the_figure_even_with_a_new_number() -> None:
    d = decide(figure(1_000_000), 9_000_000, position=150, copy=True)
    assert (d.status, d.current, d.alert, d.direction) == ("copy", 1_000_000, False, None)


def test_a_copy_of_the_first_report_does_not_count_as_the_first_value() -> None:
    d = decide(figure(), 1_000_000, position=150, copy=True)
    assert (d.status, d.current, d.alert) == ("copy", None, False)


@pytest.mark.parametrize("position", [1, 50, TRACKED_AT])
def test_reporting_older_than_the_tracking_fills_history_without_alerts(position: int) -> None:
    first = decide(figure(), 200_000, position=position)
    changed = decide(figure(200_000), 1_000_000, position=position)
    assert (first.status, first.alert) == ("first", False)
    assert (changed.status, changed.current, changed.alert) == ("changed", 1_000_000, False)


def test_the_alert_id_is_the_same_for_the_same_change_and_differs_between_changes() -> None:
    assert alert_id("nk-shells", 3_000_000) == alert_id("nk-shells", 3_000_000.0)
    ids = {alert_id("nk-shells", v) for v in (200_000, 1_000_000, 3_000_000, 5_000_000, 6e6)}
    assert len(ids) == 5
    assert alert_id("nk-shells", 1_000_000) != alert_id("other-figure", 1_000_000)
    assert alert_id("nk-shells", 1_000_000) != alert_id("nk-shells", 1_000_000.5)


def test_the_alert_event_carries_the_change_and_uses_the_deterministic_id() -> None:
    at = datetime(2024, 2, 27, 6, 5, tzinfo=UTC)
    current = {"value": 3_000_000, "text": "up to about 3 million"}
    alert = make_alert(
        figure="nk-shells",
        label="Artillery shells North Korea sent to Russia",
        value=3_000_000,
        previous={"value": 1_000_000},
        current=current,
        direction="up",
        story=story_ref("s1", "Seoul raises estimate", ["Meridian", "Harbour", "Meridian"]),
        raised_at=at,
    )
    assert alert.event_id == alert.alert_id == alert_id("nk-shells", 3_000_000)
    assert alert.story == {
        "id": "s1",
        "title": "Seoul raises estimate",
        "sources": ["Harbour", "Meridian"],
    }
    assert (alert.previous, alert.current, alert.direction, alert.raised_at) == (
        {"value": 1_000_000},
        current,
        "up",
        at,
    )
