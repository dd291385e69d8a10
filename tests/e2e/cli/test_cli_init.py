"""`monitor init` gives a new user a valid, commented configuration and the next steps;
shell completion works through the lazy command group."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tests.e2e.cli.conftest import Run, runner


def test_init_writes_a_valid_commented_config_and_the_next_three_commands(tmp_path: Path) -> None:
    run = runner(tmp_path, None)
    out = run("init")
    assert out.returncode == 0, out.stderr
    written = (tmp_path / "monitor.toml").read_text()
    data = tomllib.loads(written)
    assert len(data["feeds"]) == 1 and len(data["figures"]) == 1
    assert "# about = [" in written and "# exclude = [" in written
    assert "alerts" not in data or not data["alerts"].get("webhooks")
    assert "# [[alerts.webhooks]]" in written and "# [[alerts.email]]" in written
    steps = [line.split("#")[0].strip() for line in out.stdout.splitlines()[1:]]
    assert steps == ["monitor config check", "monitor poll", "monitor stories"]
    checked = run("config", "check")
    assert checked.returncode == 0, checked.stderr


def test_init_never_overwrites_and_names_the_file_in_the_next_steps(tmp_path: Path) -> None:
    run = runner(tmp_path, None)
    target = tmp_path / "etc" / "monitor.toml"
    target.parent.mkdir()
    first = run("init", str(target))
    assert first.returncode == 0 and f"monitor --config {target} poll" in first.stdout
    target.write_text("# mine\n")
    again = run("init", str(target))
    assert again.returncode == 1 and "already exists" in again.stderr
    assert target.read_text() == "# mine\n"
    missing = run("init", str(tmp_path / "no" / "such" / "dir.toml"))
    assert missing.returncode == 1 and "Traceback" not in missing.stderr


def test_bash_completion_lists_commands_and_subcommands(tmp_path: Path) -> None:
    run: Run = runner(tmp_path, None)
    script = run(env={"_MONITOR_COMPLETE": "bash_source"})
    assert script.returncode == 0 and "_monitor_completion" in script.stdout
    words = run(
        env={"_MONITOR_COMPLETE": "bash_complete", "COMP_WORDS": "monitor fe", "COMP_CWORD": "1"}
    )
    assert "feeds" in words.stdout
    sub = run(
        env={
            "_MONITOR_COMPLETE": "bash_complete",
            "COMP_WORDS": "monitor feeds l",
            "COMP_CWORD": "2",
        }
    )
    assert "list" in sub.stdout
