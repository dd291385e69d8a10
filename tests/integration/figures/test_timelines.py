"""Figure timelines through the real pipeline (event log, articles, stories, figures):
exactly the expected alerts — no alert from a past, increment, part, copied, stale or
earlier-published number, a revision down alerts, another place's count never does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench.timelines import run_timeline
from monitor.config import build
from monitor.daemon.bootstrap import App
from monitor.projector.runner import digest
from monitor.store.db import make_engine
from monitor.store.eventlog import SqlEventLog
from monitor.store.tables_figures import figure_claims, figures

TIMELINES = Path(__file__).resolve().parents[2] / "data" / "figures" / "timelines"


def load(name: str) -> dict[str, Any]:
    return dict(json.loads((TIMELINES / f"{name}.json").read_text()))


def statuses(outcome: Any) -> dict[tuple[str, float], str]:
    return {(e["article"]["key"], e["value"]): e["status"] for e in outcome.timeline}


def test_a_death_toll_with_a_downward_revision_and_historic_comparisons(database_url: str) -> None:
    outcome = run_timeline(load("ridgeview-fire"), database_url)
    assert outcome.keys == [("r01", 12, "first"), ("r02", 31, "up"), ("r04", 28, "down"),
                            ("r06", 36, "up")]  # fmt: skip
    seen = statuses(outcome)
    assert seen.get(("r02", 453), "past") == "past"  # another fire, long ago
    assert seen.get(("r06", 85), "past") == "past"
    assert seen[("r03", 31)] == "copy"  # a re-post with a later date is not new reporting
    assert seen[("r05", 31)] == "earlier"  # published before the revision, seen after it


def test_a_state_count_reported_next_to_national_and_neighbouring_counts(database_url: str) -> None:
    outcome = run_timeline(load("ohio-measles"), database_url)
    assert outcome.keys == [("m01", 20, "first"), ("m02", 45, "up"), ("m04", 57, "up")]
    seen = statuses(outcome)
    assert ("m02", 130) not in seen and ("m03", 40) not in seen  # national, Kentucky
    assert seen[("m04", 12)] == "new"
    assert seen[("m05", 9)] == "earlier"  # 400 days old, from a newly added feed
    assert seen.get(("m06", 140), "past") == "past"


@pytest.mark.parametrize("name", ["ridgeview-fire", "ohio-measles"])
def test_replaying_a_timeline_gives_the_same_alerts(name: str, tmp_path: Path) -> None:
    first = run_timeline(load(name), f"sqlite:///{tmp_path}/a.db")
    again = run_timeline(load(name), f"sqlite:///{tmp_path}/b.db")
    assert first.raised == again.raised and first.timeline != []


def test_rebuilding_the_figures_after_a_timeline_changes_nothing(database_url: str) -> None:
    run_timeline(load("ridgeview-fire"), database_url)
    engine = make_engine(database_url)
    try:
        log = SqlEventLog(engine)
        app = App(config=build({"database_url": database_url}), engine=engine, log=log)
        with engine.connect() as conn:
            live = digest(conn, [figures, figure_claims])
        head = log.head()
        app.runner(app.projection("figures")).rebuild()
        with engine.connect() as conn:
            assert digest(conn, [figures, figure_claims]) == live
        assert log.head() == head  # the alerts re-derived have the same ids: nothing appended
    finally:
        engine.dispose()


def test_a_recall_in_pounds_alerts_up_when_expanded_and_not_on_a_restatement(
    database_url: str,
) -> None:
    outcome = run_timeline(load("harlow-beef-recall"), database_url)  # stop 29: measures
    assert outcome.keys == [("h01", 8400, "first"), ("h02", 52600, "up")]
    seen = statuses(outcome)
    assert seen[("h02", 44200)] == "new"  # "an additional 44,200 pounds": an increment
    assert seen[("h03", 52000)] == "restated"
    assert ("h02", 900) not in seen  # the pork recall is excluded
