"""A figure added to the config later: `monitor replay` fills its history from the log, silently."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from rich.console import Console

from monitor.demo.run import run_demo


def test_replay_fills_a_new_figures_history_without_alerting(tmp_path: Path) -> None:
    work = tmp_path / "demo"
    run_demo(Console(file=io.StringIO()), work)
    config = work / "monitor.toml"
    config.write_text(
        config.read_text()
        + '\n[[figures]]\nname = "nk-missiles"\nlabel = "Missiles North Korea sent to Russia"\n'
        'units = ["ballistic missiles", "missiles"]\ncontext = ["North", "North Korea", "Pyongyang"]\n'
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}

    def monitor(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "monitor", "--config", str(config), *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    alerts_before = json.loads(monitor("alerts", "--json").stdout)
    replay = monitor("replay")
    assert replay.returncode == 0, replay.stderr
    figure = json.loads(monitor("figure", "nk-missiles", "--json").stdout)
    assert figure["timeline"], "the history was filled from articles already in the log"
    assert figure["timeline"][0]["text"] == "dozens"
    assert json.loads(monitor("alerts", "--json").stdout) == alerts_before  # and nothing alerted
    shells = json.loads(monitor("figure", "nk-shells", "--json").stdout)
    assert shells["current"]["value"] == 6_000_000  # the other figure's replay is unchanged
