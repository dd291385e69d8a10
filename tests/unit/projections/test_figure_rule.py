"""The change rule (docs/SPEC.md §7): which claims move a figure, in publication order, which
raise an alert, and the alert's id."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from monitor.projections.figures.rule import (
    Candidate,
    FigureState,
    alert_id,
    decide,
    make_alert,
    occurrences,
    pick,
    same_value,
    story_ref,
)

TRACKED_AT = 100  # log position of the figure's FigureTracked
DAY = datetime(2025, 3, 1, tzinfo=UTC)


def figure(*changes: float, current_at: datetime | None = DAY, first: bool = True) -> FigureState:
    return FigureState(
        name="toll",
        min_change=0.05,
        alert_on_first=first,
        tracked_position=TRACKED_AT,
        changes=tuple(changes),
        current_at=current_at if changes else None,
    )


def claim(value: float, days: float = 1, position: int = 150, **frame: object) -> Candidate:
    return Candidate(value, DAY + timedelta(days=days), position, **frame)  # type: ignore[arg-type]


def outcome(state: FigureState, cand: Candidate) -> tuple[str, bool, str | None]:
    d = decide(state, cand)
    return d.status, d.alert, d.direction


def test_the_first_value_alerts_when_alert_on_first() -> None:
    assert outcome(figure(), claim(36)) == ("first", True, "first")
    assert outcome(figure(first=False), claim(36)) == ("first", False, "first")


def test_newer_reporting_beyond_min_change_is_a_change_up_or_down() -> None:
    assert outcome(figure(36), claim(53)) == ("changed", True, "up")
    assert outcome(figure(36, 53), claim(41)) == ("changed", True, "down")


def test_a_value_within_min_change_of_the_current_is_a_restatement() -> None:
    assert outcome(figure(1_000_000), claim(1_040_000)) == ("restated", False, None)
    assert outcome(figure(1_000_000), claim(1_000_000, days=-3)) == ("restated", False, None)


def test_reporting_published_before_the_current_value_never_moves_or_alerts() -> None:
    # a feed added today whose only item is 400 days old
    assert outcome(figure(120, 150), claim(97, days=-400, position=900)) == (
        "earlier", False, None,
    )  # fmt: skip


def test_a_value_of_an_earlier_superseded_report_is_stale_whatever_its_date() -> None:
    assert outcome(figure(70, 74), claim(70, days=5)) == ("stale", False, None)


def test_a_revision_of_the_current_value_alerts_even_when_the_value_was_seen_before() -> None:
    assert outcome(figure(70, 74), claim(71, revision="down")) == ("changed", True, "down")
    assert outcome(figure(70, 74), claim(70, revised_from=74.0)) == ("changed", True, "down")
    assert outcome(figure(70, 74), claim(70, revised_from=120.0)) == ("stale", False, None)


def test_a_small_rise_given_beside_the_current_value_restates_it() -> None:
    # "The earthquake has killed 2,946 people, up from 2,901 a day earlier": a small rise
    # reported beside the current value is no revision of it, so min_change still holds.
    assert outcome(figure(2497, 2901), claim(2946, revised_from=2901.0)) == (
        "restated",
        False,
        None,
    )
    assert outcome(figure(2497, 2901), claim(2946, revision="up", revised_from=2901.0)) == (
        "restated",
        False,
        None,
    )
    # ... while a revision verb correcting it upward ("raised the toll to 2,946 from 2,901")
    # presents the value as a revision of the current one, so it moves it (SPEC 7 "unless").
    assert outcome(figure(2497, 2901), claim(2946, revision="raised", revised_from=2901.0)) == (
        "changed",
        True,
        "up",
    )
    # ... and so does a correction downward ("revised the toll down to 2,850").
    assert outcome(figure(2497, 2901), claim(2850, revision="down")) == ("changed", True, "down")
    assert outcome(figure(2497, 2901), claim(2880, revision="revised")) == (
        "changed",
        True,
        "down",
    )


@pytest.mark.parametrize(
    ("kind", "time", "status"),
    [("total", "past", "past"), ("new", "current", "new"), ("part", "current", "part"),
     ("previous", "current", "previous"), ("rate", "current", "rate")],
)  # fmt: skip
def test_only_a_current_total_can_move_a_figure(kind: str, time: str, status: str) -> None:
    assert outcome(figure(36), claim(700, kind=kind, time=time)) == (status, False, None)
    assert outcome(figure(), claim(700, kind=kind, time=time)) == (status, False, None)


def test_a_copy_never_moves_the_figure_even_with_a_new_number() -> None:
    assert outcome(figure(36), claim(90, copy=True)) == ("copy", False, None)
    assert outcome(figure(), claim(90, copy=True)) == ("copy", False, None)


@pytest.mark.parametrize("position", [1, 50, TRACKED_AT])
def test_reporting_older_than_the_tracking_moves_the_history_without_alerts(position: int) -> None:
    assert outcome(figure(), claim(20, position=position)) == ("first", False, "first")
    assert outcome(figure(20), claim(90, position=position)) == ("changed", False, "up")


@dataclass(frozen=True)
class Found:
    value: float
    qualifier: str | None = None
    kind: str = "total"
    time: str = "current"
    revision: str | None = None
    lower: float | None = None
    upper: float | None = None


def test_pick_prefers_an_exact_count_over_a_bound_it_meets() -> None:
    # "The toll has crossed 400 ... The number of deaths rose by 18 to 416"
    crossed = Found(400, qualifier="more than", lower=400)
    assert pick([(crossed, False), (Found(416, lower=416, upper=416), False)]) == 1
    nearly = Found(2000, qualifier="nearly", upper=2000)
    assert pick([(nearly, False), (Found(1960, lower=1960, upper=1960), False)]) == 1
    # a bound the exact count does not meet is another count: reading order decides
    assert pick([(crossed, False), (Found(390, lower=390, upper=390), False)]) == 0
    assert pick([(crossed, False), (Found(900, lower=900, upper=900), False)]) == 0


def test_pick_never_takes_a_historic_or_comparative_number() -> None:
    claims = [(Found(700, time="past"), False), (Found(97, kind="previous"), False),
              (Found(41), False)]  # fmt: skip
    assert pick(claims) == 2
    assert pick([(Found(700, time="past"), False)]) is None


def test_pick_prefers_a_revision_then_the_body_then_a_precise_amount_then_reading_order() -> None:
    assert pick([(Found(74), False), (Found(71, revision="down"), False)]) == 1
    assert pick([(Found(40), True), (Found(41), False)]) == 1
    assert pick([(Found(2e5, qualifier="vague"), False), (Found(1e5), False)]) == 1
    assert pick([(Found(41), False), (Found(44), False)]) == 0


@pytest.mark.parametrize(
    ("value", "reference", "same"),
    [(1_040_000, 1_000_000, True), (1_050_000, 1_000_000, True), (1_100_000, 1_000_000, False),
     (0, 0, True), (1_000_000, 3_000_000, False), (779, 741, False), (741, 779, True),
     (500, 483, True), (1, 0, False)],
)  # fmt: skip
def test_same_value_is_a_difference_within_min_change_of_the_reference(
    value: float, reference: float, same: bool
) -> None:
    assert same_value(value, reference, 0.05) is same


def test_the_alert_id_names_one_change_and_a_revisited_value_gets_a_new_one() -> None:
    assert alert_id("toll", 3_000_000) == alert_id("toll", 3_000_000.0)
    assert len({alert_id("toll", v) for v in (20, 36, 53, 6e6)}) == 4
    assert alert_id("toll", 70) != alert_id("other", 70)
    assert occurrences([70, 74], 70) == 1
    assert alert_id("toll", 70, occurrences([70, 74], 70)) != alert_id("toll", 70)


def test_the_alert_event_carries_the_change_and_uses_the_deterministic_id() -> None:
    at = datetime(2024, 2, 27, 6, 5, tzinfo=UTC)
    alert = make_alert(
        figure="toll",
        label="Deaths",
        value=53,
        previous={"value": 36},
        current={"value": 53, "kind": "total"},
        direction="up",
        story=story_ref("s1", "Toll rises", ["Meridian", "Harbour", "Meridian"]),
        raised_at=at,
    )
    assert alert.event_id == alert.alert_id == alert_id("toll", 53)
    assert alert.story == {"id": "s1", "title": "Toll rises", "sources": ["Harbour", "Meridian"]}
    assert (alert.previous, alert.direction, alert.raised_at) == ({"value": 36}, "up", at)


def test_a_forecast_never_moves_a_figure() -> None:
    """ "The toll could reach 10,000" is a total of its kind, but projected: held back."""
    decision = decide(figure(1002), claim(10_000, modality="forecast"))
    assert (decision.status, decision.alert) == ("forecast", False)
    assert decide(figure(), claim(10_000, modality="forecast")).status == "forecast"


def test_pick_passes_over_a_forecast_for_the_reported_count() -> None:
    @dataclass(frozen=True)
    class Told:
        value: float
        modality: str | None = None
        qualifier: str | None = None
        kind: str = "total"
        time: str = "current"

    told = [(Told(10_000, "forecast"), False), (Told(1_644), False)]
    assert pick(told) == 1
    assert pick([(Told(100, "forecast"), False)]) is None


def test_a_disputed_count_never_moves_a_figure() -> None:
    """ "Police dismissed claims that more than 300 had died": a total, but rejected."""
    decision = decide(figure(146), claim(300, modality="disputed"))
    assert (decision.status, decision.alert) == ("disputed", False)
    assert decide(figure(), claim(300, modality="disputed")).status == "disputed"


def test_a_vague_amount_never_replaces_a_precise_count() -> None:
    # "Officials fear that hundreds of miners have been killed" while the toll stands at 17.
    assert outcome(figure(17), claim(200, vague=True)) == ("vague", False, None)
    # ... and the next precise count is measured against the 17 the figure still holds.
    assert outcome(figure(17), claim(151)) == ("changed", True, "up")


def test_a_vague_amount_can_be_the_first_value_and_a_precise_count_replaces_it() -> None:
    assert outcome(figure(), claim(200, vague=True)) == ("first", True, "first")
    vague_now = FigureState("toll", 0.05, True, TRACKED_AT, (200,), DAY, current_vague=True)
    assert outcome(vague_now, claim(2000, vague=True)) == ("changed", True, "up")
    assert outcome(vague_now, claim(35)) == ("changed", True, "down")
