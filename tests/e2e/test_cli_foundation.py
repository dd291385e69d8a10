"""The command line as a user runs it: a real subprocess, real files, SPEC exit statuses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import monitor


@pytest.fixture
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Run `python -m monitor ARGS` in an empty directory with a private database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    env.update(
        MONITOR_DATABASE_URL=f"sqlite:///{tmp_path}/monitor.db",
        XDG_CONFIG_HOME=str(tmp_path / "cfg"),
        XDG_STATE_HOME=str(tmp_path / "state"),
    )

    def _run(
        *args: str, extra_env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "monitor", *args],
            cwd=tmp_path,
            env={**env, **(extra_env or {})},
            capture_output=True,
            text=True,
            timeout=60,
        )

    return _run


def test_help_and_version(run) -> None:  # type: ignore[no-untyped-def]
    out = run("--help")
    assert out.returncode == 0
    for command in ("events", "replay", "db", "config"):
        assert command in out.stdout
    version = run("--version")
    assert version.returncode == 0 and monitor.__version__ in version.stdout


def test_db_upgrade_then_events_json_on_a_fresh_database(run) -> None:  # type: ignore[no-untyped-def]
    upgraded = run("db", "upgrade")
    assert upgraded.returncode == 0, upgraded.stderr
    assert "upgraded from empty" in upgraded.stdout
    assert "schema is current" in run("db", "upgrade").stdout
    events = run("events", "--json")
    assert events.returncode == 0 and json.loads(events.stdout) == []


def test_config_check_masks_secrets(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "monitor.toml").write_text(
        '[[alerts.webhooks]]\nurl = "https://hooks.example/m"\nsecret = "whsec_dGVzdHRlc3R0ZXN0dGVzdA=="\n'
    )
    out = run("config", "check", "--json")
    assert out.returncode == 0, out.stderr
    shown = json.loads(out.stdout)
    assert shown["file"].endswith("monitor.toml")
    assert shown["config"]["alerts"]["webhooks"][0]["secret"] == "********"
    assert "dGVzdHRlc3R0ZXN0" not in out.stdout


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[polling]\ninterval = "soon"\n', "polling.interval = 'soon': not a duration"),
        ("[polling]\ntimeout = \n", "malformed TOML"),
        ("[surprise]\nx = 1\n", "surprise: unknown setting"),
    ],
)
def test_invalid_configuration_exits_78_without_a_traceback(  # type: ignore[no-untyped-def]
    run, tmp_path: Path, toml: str, message: str
) -> None:
    (tmp_path / "monitor.toml").write_text(toml)
    out = run("config", "check")
    assert out.returncode == 78
    assert message in out.stderr
    assert "Traceback" not in out.stderr


def test_a_corrupt_database_is_one_clear_line_and_exit_1(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "monitor.db").write_bytes(b"garbage" * 500)
    out = run("db", "upgrade")
    assert out.returncode == 1
    assert "not an SQLite database" in out.stderr
    assert "Traceback" not in out.stderr
    assert (tmp_path / "monitor.db").read_bytes() == b"garbage" * 500


def test_usage_errors_exit_2(run) -> None:  # type: ignore[no-untyped-def]
    assert run("events", "--limit", "zero").returncode == 2
    assert run("no-such-command").returncode == 2


def test_logs_are_json_lines_when_not_on_a_terminal(run) -> None:  # type: ignore[no-untyped-def]
    run("db", "upgrade")
    out = run("--log-level", "debug", "replay")
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stderr.splitlines() if line.startswith("{")]
    assert any(line.get("event") == "replay finished" for line in lines)


def test_corruption_in_the_middle_of_the_file_is_one_clear_line(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3
    from datetime import UTC, datetime, timedelta

    from monitor.events import FeedAdded
    from monitor.store import migrations
    from monitor.store.db import make_engine
    from monitor.store.eventlog import SqlEventLog

    path = tmp_path / "monitor.db"
    engine = make_engine(f"sqlite:///{path}")
    migrations.upgrade(engine)
    t0 = datetime(2024, 1, 1, tzinfo=UTC)
    SqlEventLog(engine).append(
        [
            FeedAdded(f"https://s{i}.example/{'x' * 200}", None, None, "cli", t0 + timedelta(i))
            for i in range(3000)
        ]
    )
    engine.dispose()
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    data = bytearray(path.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle : middle + 8192] = b"\xde\xad\xbe\xef" * 2048  # two pages of the events table
    path.write_bytes(bytes(data))

    out = run("replay")
    assert out.returncode == 1, out.stdout + out.stderr
    assert "Traceback" not in out.stderr
    errors = [line for line in out.stderr.splitlines() if "corrupt" in line]
    assert len(errors) == 1 and "backup" in errors[0], out.stderr
