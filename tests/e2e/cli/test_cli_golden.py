"""The main tables, exactly, at 100 columns in Europe/Berlin with a fixed "now"
(MONITOR_TEST_NOW), on the demo data: a change to any table shows here as a diff.

What the demo cannot fix is normalised: the local server's port, the ids derived from its
URLs (8 hex digits), and the wall-clock times of the run (first sight, alerts raised, next
poll). Run with UPDATE_GOLDEN=1 to rewrite the files after an intended change.
"""

from __future__ import annotations

import json
import os
import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.e2e.cli.conftest import Run

GOLDEN = Path(__file__).parent / "golden"
STAMP = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d")
HEX = re.compile(r"(?<![0-9a-f])[0-9a-f]{8}(?![0-9a-f])")
PORT = re.compile(r"127\.0\.0\.1:\d{4,5}")


def normalise(text: str) -> str:
    today = datetime.now()
    run_days = {(today + timedelta(days=d)).strftime("%Y-%m-%d") for d in (-1, 0, 1)}

    def stamp(match: re.Match[str]) -> str:
        return "<run time>      " if match.group(0)[:10] in run_days else match.group(0)

    text = STAMP.sub(stamp, text)
    text = HEX.sub("########", text)
    text = PORT.sub("127.0.0.1:PORT", text)
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def copied_story(demo: Run) -> str:
    stories = json.loads(demo("stories", "--json", "--limit", "100").stdout)
    return str(max(stories, key=lambda s: len(s["articles"]))["id"])


@pytest.mark.parametrize(
    "name",
    ["stories", "story", "figures", "figure", "alerts", "feeds-list"],
)
def test_main_tables_match_their_golden_output(demo: Run, name: str) -> None:
    args = {
        "stories": ["stories"],
        "story": ["story", "STORY"],
        "figures": ["figures"],
        "figure": ["figure", "nk-shells"],
        "alerts": ["alerts"],
        "feeds-list": ["feeds", "list"],
    }[name]
    if "STORY" in args:
        args = ["story", copied_story(demo)[:10]]
    out = demo(*args)
    assert out.returncode == 0, out.stderr
    shown = normalise(out.stdout)
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(shown)
    assert shown == golden.read_text()
    assert all(len(line) <= 100 for line in shown.splitlines())
