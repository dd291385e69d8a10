"""deploy/monitor.service passes `systemd-analyze verify` and scores at most 2.0 on exposure.

`verify` refuses a unit whose ExecStart binary does not exist, and the unit points at
/usr/local/bin/monitor (where deploy/README.md installs it). The test checks a copy whose
ExecStart names an executable that exists here; nothing else is changed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

UNIT = Path(__file__).resolve().parents[3] / "deploy" / "monitor.service"
MAX_EXPOSURE = 2.0
# `--threshold` counts in tenths of the printed exposure level (systemd's 0-100 scale).
THRESHOLD = int(MAX_EXPOSURE * 10)

pytestmark = pytest.mark.skipif(
    shutil.which("systemd-analyze") is None,
    reason="systemd-analyze is not installed (.ci/run installs the systemd package)",
)


@pytest.fixture
def unit_copy(tmp_path: Path) -> Path:
    """The unit with ExecStart pointing at this interpreter (same name, so same unit)."""
    text = UNIT.read_text(encoding="utf-8")
    copy = tmp_path / UNIT.name
    copy.write_text(
        text.replace("ExecStart=/usr/local/bin/monitor", f"ExecStart={sys.executable} -m monitor"),
        encoding="utf-8",
    )
    return copy


def analyze(*args: str) -> subprocess.CompletedProcess[str]:
    """Run systemd-analyze, capturing its output."""
    return subprocess.run(
        ["systemd-analyze", *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_the_unit_passes_systemd_analyze_verify(unit_copy: Path) -> None:
    result = analyze("verify", str(unit_copy))
    assert result.returncode == 0, result.stderr
    assert "monitor.service" not in result.stderr, result.stderr


def test_the_unit_exposure_is_at_most_two(unit_copy: Path) -> None:
    result = analyze("security", "--offline=true", f"--threshold={THRESHOLD}", str(unit_copy))
    found = re.search(r"Overall exposure level for \S+: ([\d.]+)", result.stdout)
    assert found, result.stdout + result.stderr
    assert float(found[1]) <= MAX_EXPOSURE
    assert result.returncode == 0


def test_the_unit_is_a_watched_notify_service() -> None:
    settings = dict(
        line.split("=", 1)
        for line in UNIT.read_text(encoding="utf-8").splitlines()
        if "=" in line and not line.startswith("#")
    )
    assert settings["Type"] == "notify"
    assert settings["Restart"] == "on-failure"
    assert settings["WatchdogSec"]
    assert settings["DynamicUser"] == "yes"
    assert settings["ProtectSystem"] == "strict"
    assert settings["ExecStart"] == "/usr/local/bin/monitor run"
