"""The layering, enforced from the code's own imports (docs/ARCHITECTURE.md §2).

events ← store ← text ← projector ← features (polling, projections, alerts) ← daemon ← faces
(cli, web, demo); config, logging and clock sit below everything. A layer imports only the
layers below it, and no feature imports another: features meet only through the event log.
The contract lives in pyproject.toml (`[tool.importlinter]`); this test runs it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "monitor"
STORE = PACKAGE / "store"
# The daemon's liveness probe touches the database file through a raw DBAPI cursor on
# purpose (no write lock, no transaction); it reads no event.
_LIVENESS_PROBE = re.compile(r'cursor\.execute\("SELECT max\(position\) FROM events"\)')


def _sources_outside_the_store() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py")) if STORE not in p.parents]


def test_imports_point_inward_and_features_do_not_import_each_other() -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from importlinter.cli import lint_imports_command as c; sys.exit(c())",
            str(ROOT / "pyproject.toml"),
            "--no-cache",
            "--no-logo",
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=100,
    )
    broken = run.stdout[run.stdout.find("Broken contracts") :]
    assert run.returncode == 0, broken or run.stdout + run.stderr


def test_only_the_store_asks_which_database_it_is_on() -> None:
    asks = re.compile(r"\bis_sqlite\(|\.dialect\.name\b|with_for_update\(")
    found = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in _sources_outside_the_store()
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if asks.search(line)
    ]
    assert found == [], "dialect checks belong in monitor/store/dialects"


def test_only_the_store_reads_the_events_table() -> None:
    raw = re.compile(r"from monitor\.store\.tables import [^\n]*\bevents\b|\bFROM events\b", re.I)
    found = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in _sources_outside_the_store()
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if raw.search(line) and not _LIVENESS_PROBE.search(line)
    ]
    assert found == [], "read the log through EventLog (monitor/store/eventlog.py)"
