"""A run without the config file, or with another one, never un-tracks what a file declared."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

FEED = "http://127.0.0.1:9/world.xml"  # nothing listens: polls fail fast, which is fine here
FIGURE = '[[figures]]\nname = "nk-shells"\nlabel = "Shells"\nunits = ["shells"]\ncontext = ["North Korea"]\n'


def monitor(tmp: Path, *args: str, config: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    env |= {
        "MONITOR_DATABASE_URL": f"sqlite:///{tmp / 'monitor.db'}",
        "XDG_CONFIG_HOME": str(tmp / "no-user-config"),
        "PYTHONPATH": os.pathsep.join(sys.path),
    }
    env.pop("CONFIGURATION_DIRECTORY", None)
    options = ["--config", str(config)] if config else []
    return subprocess.run(
        [sys.executable, "-m", "monitor", *options, *args],
        cwd=tmp / "elsewhere",
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def listed(tmp: Path) -> tuple[list[str], list[str]]:
    feeds = json.loads(monitor(tmp, "feeds", "list", "--json").stdout)
    figures = json.loads(monitor(tmp, "figures", "--json").stdout)
    return [f["url"] for f in feeds], [f["name"] for f in figures]


def test_only_the_declaring_file_removes_feeds_and_figures(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    etc = tmp_path / "etc.toml"
    etc.write_text(f'[[feeds]]\nurl = "{FEED}"\n\n{FIGURE}')
    first = monitor(tmp_path, "poll", config=etc)
    assert first.returncode == 0, first.stderr
    assert listed(tmp_path) == ([FEED], ["nk-shells"])

    # No config file at all (the reported accident): everything is kept, and it says so.
    bare = monitor(tmp_path, "poll")
    assert bare.returncode == 0, bare.stderr
    assert listed(tmp_path) == ([FEED], ["nk-shells"])
    output = bare.stdout + bare.stderr
    assert f"1 feed and 1 figure declared by {etc.resolve()} are kept" in output
    assert "this run uses no config file" in output

    # Another file: its own feed is added, the first file's are kept.
    other = tmp_path / "other.toml"
    other.write_text('[[feeds]]\nurl = "http://127.0.0.1:9/other.xml"\n')
    assert monitor(tmp_path, "poll", config=other).returncode == 0
    assert listed(tmp_path) == (["http://127.0.0.1:9/other.xml", FEED], ["nk-shells"])

    # The declaring file, loaded again without them: removed, with one warning line.
    etc.write_text("")
    removal = monitor(tmp_path, "poll", config=etc)
    assert removal.returncode == 0, removal.stderr
    assert listed(tmp_path) == (["http://127.0.0.1:9/other.xml"], [])
    lines = [line for line in (removal.stdout + removal.stderr).splitlines() if "removed" in line]
    assert len(lines) == 1 and "1 feed and 1 figure no longer declared by" in lines[0]
    assert FEED in lines[0] and "nk-shells" in lines[0]
