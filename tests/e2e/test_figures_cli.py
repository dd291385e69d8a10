"""`monitor claims`, `monitor figures try` and bad [[figures]] definitions, as a user runs them:
a real subprocess on a real database filled through the real pipeline."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from bench.timelines import run_timeline
from tests.e2e.conftest import Run

TIMELINES = Path(__file__).resolve().parents[1] / "data" / "figures" / "timelines"


@pytest.fixture
def run(monitor_cli: Run) -> Run:
    """The CLI in an empty directory with a private database (tests/e2e/conftest.py)."""
    return monitor_cli


@pytest.fixture
def measles(tmp_path: Path) -> dict[str, Any]:
    """The Ohio measles timeline replayed into the database the commands read."""
    data = dict(json.loads((TIMELINES / "ohio-measles.json").read_text()))
    run_timeline(data, f"sqlite:///{tmp_path}/monitor.db")
    return data


def as_json(out: subprocess.CompletedProcess[str]) -> Any:
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_claims_shows_every_number_its_frame_and_why_each_figure_took_it_or_not(
    run: Run, measles: dict[str, Any]
) -> None:
    articles = as_json(run("claims", "--limit", "50", "--json"))
    assert len(articles) == len(measles["articles"])
    claims = {c["text"]: c for a in articles for c in a["claims"]}
    assert {"kind", "time", "scope", "head", "sentence", "bindings"} <= set(claims["20"])
    kentucky = claims["more than 40"]["bindings"]
    assert [(b["figure"], b["bound"]) for b in kentucky] == [("ohio-measles", False)]
    assert "Kentucky" in kentucky[0]["reason"]
    bound = claims["20"]["bindings"][0]
    assert (bound["bound"], bound["status"]) == (True, "first")
    assert all("unparsed" in a for a in articles)


def test_claims_of_one_article_and_of_one_figure(run: Run, measles: dict[str, Any]) -> None:
    every = as_json(run("claims", "--limit", "50", "--json"))
    one = as_json(run("claims", "--article", every[0]["id"], "--json"))
    assert [a["id"] for a in one] == [every[0]["id"]]
    for_figure = as_json(run("claims", "--figure", "ohio-measles", "--json"))
    assert for_figure and all(
        b["figure"] == "ohio-measles"
        for a in for_figure
        for c in a["claims"]
        for b in c["bindings"]
    )
    missing = run("claims", "--figure", "no-such-figure")
    assert missing.returncode == 1 and "unknown figure" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_figures_try_runs_a_definition_over_the_history_without_tracking_it(
    run: Run, measles: dict[str, Any]
) -> None:
    before = as_json(run("events", "--limit", "10000", "--json"))
    tried = as_json(
        run("figures", "try", "--units", "cases", "--context", "Ohio", "--name", "t", "--json")
    )
    expected = [(e["value"], e["direction"]) for e in measles["expected_alerts"]]
    assert [(a["current"]["value"], a["direction"]) for a in tried["alerts"]] == expected
    assert tried["current"]["value"] == expected[-1][0]
    assert {e["status"] for e in tried["timeline"]} >= {"first", "changed", "earlier"}
    assert as_json(run("events", "--limit", "10000", "--json")) == before  # nothing appended
    names = [f["name"] for f in as_json(run("figures", "--json"))]
    assert names == ["ohio-measles"]  # the tried definition is not tracked


def test_figures_try_rejects_a_definition_that_cannot_bind(run: Run) -> None:
    out = run("figures", "try", "--units", "cases", "--context", "Ohio", "--about", "new",
              "--exclude", "new")  # fmt: skip
    assert out.returncode == 2
    assert "--exclude" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.parametrize(
    ("figure", "message"),
    [
        ('units = []\ncontext = ["Ohio"]', "figures[0].units"),
        ('units = ["cases"]\ncontext = []', "figures[0].context"),
        ('units = ["cases"]\ncontext = ["Ohio"]\ncolour = "red"', "figures[0].colour"),
        ('units = ["cases"]\ncontext = ["Ohio"]\nabout = ["missing"]\nexclude = ["Missing"]',
         "figures[0].exclude"),
        ('units = ["cases"]\ncontext = ["Ohio"]\nabout = ["still missing"]\nexclude = ["missing"]',
         "overlaps about term"),
        ('units = ["cases"]\ncontext = ["Ohio"]\nmin_change = 1.5', "figures[0].min_change"),
        ('units = ["  "]\ncontext = ["Ohio"]', "is empty"),
    ],
)  # fmt: skip
def test_a_figure_that_cannot_bind_exits_78_at_start_naming_the_key(
    run: Run, tmp_path: Path, figure: str, message: str
) -> None:
    (tmp_path / "monitor.toml").write_text(f'[[figures]]\nname = "x"\nlabel = "X"\n{figure}\n')
    out = run("config", "check")
    assert out.returncode == 78, out.stderr
    assert message in out.stderr and "Traceback" not in out.stderr


def test_the_daemon_commands_refuse_such_a_figure_before_doing_anything(
    run: Run, tmp_path: Path
) -> None:
    (tmp_path / "monitor.toml").write_text(
        '[[figures]]\nname = "x"\nlabel = "X"\nunits = ["cases"]\ncontext = []\n'
    )
    for command in (("poll", "--all"), ("run",)):
        out = run(*command)
        assert out.returncode == 78, out.stderr
        assert "figures[0].context" in out.stderr and "Traceback" not in out.stderr


def test_about_and_exclude_are_accepted_and_shown_by_config_check(run: Run, tmp_path: Path) -> None:
    (tmp_path / "monitor.toml").write_text(
        '[[figures]]\nname = "maui-missing"\nlabel = "Missing in Maui"\nunits = ["people"]\n'
        'context = ["Maui"]\nabout = ["missing", "unaccounted for"]\nexclude = ["found"]\n'
    )
    out = run("config", "check")
    assert out.returncode == 0, out.stderr
    assert "unaccounted for" in out.stdout and "found" in out.stdout


def test_claims_and_figures_try_show_a_recall_in_pounds_with_its_frame(
    run: Run, tmp_path: Path
) -> None:
    """Stop 29: a figure counted in pounds shows its measure claims like any other claim."""
    data = dict(json.loads((TIMELINES / "harlow-beef-recall.json").read_text()))
    run_timeline(data, f"sqlite:///{tmp_path}/monitor.db")
    articles = as_json(run("claims", "--figure", "harlow-beef-recall", "--json"))
    claims = {c["text"]: c for a in articles for c in a["claims"]}
    assert (claims["52,600"]["measure"], claims["52,600"]["kind"]) == ("lb", "total")
    assert claims["44,200"]["kind"] == "new"
    tried = as_json(
        run("figures", "try", "--units", "lbs", "--context", "Harlow Meats", "--about",
            "recall", "--name", "t", "--json")
    )  # fmt: skip
    assert [(a["current"]["value"], a["direction"]) for a in tried["alerts"]] == [
        (8400, "first"),
        (52600, "up"),
    ]
