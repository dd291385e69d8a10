"""`monitor demo`: the whole pipeline offline, on a fresh install, well within a minute."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from rich.console import Console

from monitor.demo.run import run_demo
from monitor.demo.timeline import timeline

EXPECTED = timeline()["expected"]


def test_the_demo_shows_stories_a_timeline_and_exactly_the_expected_alerts(tmp_path: Path) -> None:
    result = run_demo(Console(file=io.StringIO()), tmp_path / "demo")
    values = [w["data"]["current"]["value"] for w in result.webhooks]
    assert values == [a["value"] for a in EXPECTED["alerts"]]
    assert [w["data"]["direction"] for w in result.webhooks] == [
        a["direction"] for a in EXPECTED["alerts"]
    ]
    assert len(result.stories) == len(EXPECTED["stories"])
    copies = [a for s in result.stories for a in s["articles"] if a["copy_of"]]
    assert len(copies) == len(EXPECTED["copies"])
    statuses = [c["status"] for c in result.figure["timeline"]]
    assert statuses.count("copy") == 2 and statuses.count("first") == 1
    assert (tmp_path / "demo" / "monitor.toml").is_file()


def test_the_demo_command_runs_offline_and_says_what_it_did(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    out = subprocess.run(
        [sys.executable, "-m", "monitor", "demo"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert "5 alerts received by the local webhook receiver, every signature verified" in out.stdout
    assert (
        "Stories" in out.stdout
        and "Figure: Artillery shells North Korea sent to Russia" in out.stdout
    )
