"""`config check` and every command's start refuse a bad configuration with exit status 78,
naming every problem of the file at once, what to write instead, and where a value came
from (the file or the environment)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.cli.conftest import runner

BAD = """\
database_url = "mysql://monitor:hunter2@db.example.org/monitor"
[polling]
timeot = "20s"
[[figures]]
name = "NK Shells"
label = "Shells"
units = ["shells"]
context = ["North Korea"]
[[alerts.email]]
to = ["not an address"]
from = "monitor@example.org"
smtp_url = "smtp://mail.example.org"
[[alerts.apprise]]
url = "nonsense://"
"""


def test_all_problems_of_a_file_at_once_with_the_real_pattern_and_a_suggestion(
    tmp_path: Path,
) -> None:
    (tmp_path / "monitor.toml").write_text(BAD)
    run = runner(tmp_path, tmp_path / "monitor.toml")
    for command in (["config", "check"], ["stories"], ["poll"]):
        out = run(*command)
        assert out.returncode == 78, (command, out.stderr)
        assert "Traceback" not in out.stderr
    lines = run("config", "check").stderr.splitlines()
    assert lines[0] == "configuration error: 5 problems:"
    text = "\n".join(lines)
    assert "database_url = 'mysql://monitor:********@db.example.org/monitor': unsupported" in text
    assert "hunter2" not in text
    assert "polling.timeot = '20s': unknown setting; did you mean 'timeout'?" in text
    assert "figures[0].name = 'NK Shells': must match the pattern ^[a-z0-9][a-z0-9_-]*$" in text
    assert "alerts.email[0].to: 'not an address' is not an e-mail address" in text
    assert "alerts.apprise[0].url = 'nonsense://********': Apprise cannot use this URL" in text
    assert not (tmp_path / "state").exists(), "a refused start creates nothing"


@pytest.mark.parametrize(
    ("url", "accepted"),
    [
        ("not a url", False),
        ("mysql://u@h/db", False),
        ("postgresql+psycopg2://u@h/db", False),
        ("postgresql://", False),
        ("sqlite:///{tmp}/m.db", True),
        ("postgresql+psycopg://monitor@127.0.0.1:5432/monitor", True),
    ],
)
def test_database_urls_by_scheme_and_driver_named_as_environment(
    tmp_path: Path, url: str, accepted: bool
) -> None:
    run = runner(tmp_path, None)
    out = run("config", "check", env={"MONITOR_DATABASE_URL": url.format(tmp=tmp_path)})
    if accepted:
        assert out.returncode == 0, out.stderr
    else:
        assert out.returncode == 78
        assert out.stderr.startswith("configuration error: MONITOR_DATABASE_URL (environment) =")


def test_an_environment_override_is_named_as_such(tmp_path: Path) -> None:
    run = runner(tmp_path, None)
    out = run("config", "check", env={"MONITOR_POLLING__TIMEOUT": "soon"})
    assert out.returncode == 78
    assert out.stderr.strip() == (
        "configuration error: MONITOR_POLLING__TIMEOUT (environment) = 'soon': "
        "not a duration (use e.g. 30s, 10m, 1h, 1d)"
    )


def test_good_addresses_and_apprise_urls_pass(tmp_path: Path) -> None:
    (tmp_path / "monitor.toml").write_text(
        "[[alerts.email]]\n"
        'to = ["desk@example.org", "Night Desk <night@example.org>"]\n'
        'from = "monitor@example.org"\nsmtp_url = "smtp://mail.example.org"\n'
        '[[alerts.apprise]]\nurl = "json://127.0.0.1:9/notify"\n'
    )
    out = runner(tmp_path, tmp_path / "monitor.toml")("config", "check")
    assert out.returncode == 0, out.stderr
