"""Running `monitor` as a user does, for the CLI's end-to-end tests: a real subprocess on
the demo data (built once per session by `monitor demo --keep`, offline), fixed width, zone
and clock so tables read the same on every run."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

Run = Callable[..., subprocess.CompletedProcess[str]]

# A fixed terminal and clock (MONITOR_TEST_NOW: the "now" ages are measured from).
FIXED = {"COLUMNS": "100", "TZ": "Europe/Berlin", "MONITOR_TEST_NOW": "2024-09-01T12:00:00Z"}


def clean_env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    env.pop("FORCE_COLOR", None)
    env.update(
        FIXED,
        XDG_CONFIG_HOME=str(tmp / "cfg"),
        XDG_STATE_HOME=str(tmp / "state"),
        NO_COLOR="1",
    )
    return env


def runner(cwd: Path, config: Path | None) -> Run:
    def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        head = ["--config", str(config)] if config is not None else []
        return subprocess.run(
            [sys.executable, "-m", "monitor", *head, *args],
            cwd=cwd,
            env={**clean_env(cwd), **(env or {})},
            capture_output=True,
            text=True,
            timeout=120,
        )

    return run


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's database and config, built once (a few seconds, no network)."""
    where = tmp_path_factory.mktemp("demo")
    built = runner(where, None)("demo", "--keep", str(where / "kept"))
    assert built.returncode == 0, built.stderr
    return where / "kept"


@pytest.fixture(scope="session")
def demo(demo_dir: Path) -> Run:
    """`monitor --config <demo> ARGS` (read commands only: the data is shared)."""
    return runner(demo_dir, demo_dir / "monitor.toml")


@pytest.fixture
def fresh(tmp_path: Path) -> Run:
    """`monitor ARGS` on a private, empty database in an empty directory."""
    config = tmp_path / "monitor.toml"
    config.write_text(f'database_url = "sqlite:///{tmp_path}/monitor.db"\n')
    return runner(tmp_path, config)
