"""`monitor claims --all-quantities`: each article's other quantities (money, percentages,
measures, durations, magnitudes) listed apart from its claims, as a user runs it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from bench.timelines import run_timeline
from tests.e2e.conftest import Run

FLOODS = {
    "name": "valley-floods",
    "kind": "disaster",
    "description": "Flood deaths with the money, rain and percentages around them (fictional).",
    "figure": {
        "name": "valley-floods",
        "label": "Flood deaths in the valley",
        "units": ["people"],
        "context": [],
        "about": ["killed"],
        "exclude": [],
        "min_change": 0.05,
        "alert_on_first": True,
    },
    "tracked_at": "2025-03-01T00:00:00Z",
    "articles": [
        {
            "id": "f01",
            "outlet": "Valley Times",
            "title": "Floods hit the valley",
            "body": "Floods have killed 14 people after 152 mm of rain fell in 48 hours.\n"
            "Repairs will cost about $2 billion, and insurers expect claims to rise 12%.",
            "published_at": "2025-03-02T09:00:00Z",
            "seen_at": "2025-03-02T09:30:00Z",
            "copy_of": None,
        }
    ],
    "expected_alerts": [],
}


@pytest.fixture
def floods(tmp_path: Path) -> None:
    run_timeline(FLOODS, f"sqlite:///{tmp_path}/monitor.db")


def as_json(out: subprocess.CompletedProcess[str]) -> Any:
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_all_quantities_lists_the_other_quantities_apart_from_the_claims(
    monitor_cli: Run, floods: None
) -> None:
    (article,) = as_json(monitor_cli("claims", "--all-quantities", "--json"))
    assert [c["text"] for c in article["claims"]] == ["14"]
    got = [(q["text"], q["kind"], q["unit"], q["value"]) for q in article["quantities"]]
    assert got == [
        ("152 mm", "measure", "mm", 152),
        ("48 hours", "duration", "h", 48),
        ("about $2 billion", "money", "USD", 2_000_000_000),
        ("12%", "percent", "%", 12),
    ]
    first = article["quantities"][0]
    assert first["sentence"][first["start"] : first["end"]] == "152 mm"


def test_without_the_option_the_claims_output_is_unchanged(monitor_cli: Run, floods: None) -> None:
    (article,) = as_json(monitor_cli("claims", "--json"))
    assert "quantities" not in article


def test_the_table_shows_the_other_quantities(monitor_cli: Run, floods: None) -> None:
    out = monitor_cli("claims", "--all-quantities")
    assert out.returncode == 0, out.stderr
    assert "other quantities" in out.stdout and "152 mm" in out.stdout and "USD" in out.stdout
