"""/readyz's verdict: database, scheduler and projection lag."""

from __future__ import annotations

from monitor.daemon.health import Lag, readiness, worst_lag

CAUGHT_UP = [Lag("articles", 0, 0.0), Lag("stories", 0, 0.0)]


def test_ready_when_everything_is_fine() -> None:
    verdict = readiness(database=True, scheduler=True, lags=CAUGHT_UP)
    assert verdict.ready
    assert verdict.reasons == ()
    assert verdict.checks["projection_lag_seconds"] == 0.0


def test_each_failed_check_is_a_reason() -> None:
    verdict = readiness(database=False, scheduler=False, lags=[])
    assert not verdict.ready
    assert verdict.reasons == ("database unreachable", "scheduler not running")


def test_a_projection_behind_the_limit_makes_it_not_ready() -> None:
    lags = [Lag("articles", 3, 10.0), Lag("stories", 4200, 300.0)]
    verdict = readiness(database=True, scheduler=True, lags=lags, limit=120.0)
    assert not verdict.ready
    assert verdict.reasons == ("projection stories is 300 s (4200 events) behind",)
    assert verdict.checks["projection_lag_events"] == 4200


def test_a_small_lag_is_still_ready() -> None:
    verdict = readiness(database=True, scheduler=True, lags=[Lag("articles", 12, 2.5)], limit=5)
    assert verdict.ready


def test_the_worst_lag_is_the_oldest() -> None:
    assert worst_lag([Lag("a", 900, 1.0), Lag("b", 2, 40.0)]) == Lag("b", 2, 40.0)
    assert worst_lag([]) is None
