"""Configuration per docs/SPEC.md §3: discovery, overrides, secrets, durations, clear rejections."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor import config as cfg
from monitor.config import ConfigError, build, load, masked, parse_duration


@pytest.fixture(autouse=True)
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Run every test in an empty directory with no MONITOR_* or systemd variables."""
    for name in (
        "MONITOR_CONFIG",
        "CONFIGURATION_DIRECTORY",
        "STATE_DIRECTORY",
        "CREDENTIALS_DIRECTORY",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("30s", 30), ("10m", 600), ("1h", 3600), ("1d", 86400), ("90", 90), (45, 45), ("1.5h", 5400)],
)
def test_durations(text: str | int, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("bad", ["10x", "", "m", "-5s", "0s", True])
def test_bad_durations_are_rejected(bad: object) -> None:
    with pytest.raises(ValueError):
        parse_duration(bad)


def test_no_file_at_all_gives_the_defaults_with_sqlite_in_the_state_dir(isolated: Path) -> None:
    config, path = load(environ={})
    assert path is None
    assert config.database_url == f"sqlite:///{isolated / 'xdg-state' / 'monitor' / 'monitor.db'}"
    assert config.polling.interval == 900
    assert config.polling.full_text == "auto"
    assert config.web.listen == "127.0.0.1:8750"


def test_state_directory_from_systemd_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STATE_DIRECTORY", "/var/lib/monitor")
    assert load(environ={})[0].database_url == "sqlite:////var/lib/monitor/monitor.db"


def test_discovery_order(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def write(path: Path, name: str) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f'[[feeds]]\nurl = "https://{name}.example/rss"\n')
        return path

    user = write(isolated / "xdg-config" / "monitor" / "monitor.toml", "user")
    assert load(environ={})[1] == user
    confdir = write(isolated / "etc" / "monitor.toml", "confdir")
    monkeypatch.setenv("CONFIGURATION_DIRECTORY", str(confdir.parent))
    assert load(environ={})[1] == confdir
    local = write(isolated / "monitor.toml", "local")
    assert load(environ={})[1] == Path("monitor.toml") and local.exists()
    env = write(isolated / "env.toml", "env")
    monkeypatch.setenv("MONITOR_CONFIG", str(env))
    assert load(environ={})[1] == env
    explicit = write(isolated / "explicit.toml", "explicit")
    config, path = load(str(explicit), environ={})
    assert path == explicit and config.feeds[0].url == "https://explicit.example/rss"


def test_environment_overrides_scalar_settings() -> None:
    config = build(
        {"polling": {"timeout": "20s"}},
        {
            "MONITOR_POLLING__TIMEOUT": "5s",
            "MONITOR_POLLING__CONCURRENCY": "4",
            "MONITOR_DATABASE_URL": "sqlite:///x.db",
        },
    )
    assert config.polling.timeout == 5
    assert config.polling.concurrency == 4
    assert config.database_url == "sqlite:///x.db"


def test_secrets_can_come_from_files_and_are_masked(tmp_path: Path) -> None:
    secret = tmp_path / "hook"
    secret.write_text("whsec_c2VjcmV0c2VjcmV0c2VjcmV0\n")
    config = build(
        {"alerts": {"webhooks": [{"url": "https://hooks.example/x", "secret_file": str(secret)}]}},
        {},
    )
    assert config.alerts.webhooks[0].secret == "whsec_c2VjcmV0c2VjcmV0c2VjcmV0"
    shown = masked(config)
    assert shown["alerts"]["webhooks"][0]["secret"] == "********"
    assert "c2VjcmV0" not in str(shown)


def test_database_password_is_masked() -> None:
    config = build({"database_url": "postgresql+psycopg://mon:hunter2@db/monitor"}, {})
    assert "hunter2" not in str(masked(config))


@pytest.mark.parametrize(
    ("data", "key", "reason"),
    [
        ({"polling": {"intervl": "10m"}}, "polling.intervl", "unknown setting"),
        ({"polling": {"interval": "10x"}}, "polling.interval", "not a duration"),
        ({"feeds": [{"url": "file:///etc/passwd"}]}, "feeds[0].url", "http:// or https://"),
        ({"feeds": [{"url": "/var/feeds/a.xml"}]}, "feeds[0].url", "http:// or https://"),
        (
            {"polling": {"full_text": "sometimes"}},
            "polling.full_text",
            "'auto', 'always' or 'never'",
        ),
        ({"polling": {"concurrency": 0}}, "polling.concurrency", "greater than or equal to 1"),
        (
            {"alerts": {"webhooks": [{"url": "https://h.example", "secret": "abc"}]}},
            "alerts.webhooks[0].secret",
            "whsec_",
        ),
        (
            {"alerts": {"email": [{"to": ["a@b"], "from": "m@b", "smtp_url": "http://mail"}]}},
            "alerts.email[0].smtp_url",
            "smtp://",
        ),
        (
            {"figures": [{"name": "x", "label": "X"}]},
            "figures[0].units",
            "required setting is missing",
        ),
        ({"web": {"listen": "everywhere"}}, "web.listen", "HOST:PORT"),
    ],
)
def test_invalid_values_name_the_key_the_value_and_why(
    data: dict[str, object], key: str, reason: str
) -> None:
    with pytest.raises(ConfigError) as info:
        build(data, {})
    assert info.value.key == key
    assert reason in info.value.reason


def test_an_unreadable_secret_file_is_an_error_naming_it() -> None:
    with pytest.raises(ConfigError) as info:
        build(
            {
                "alerts": {
                    "webhooks": [{"url": "https://h.example", "secret_file": "/no/such/file"}]
                }
            },
            {},
        )
    assert info.value.key == "alerts.webhooks[0].secret_file"
    assert "cannot read secret file" in info.value.reason


def test_malformed_toml_reports_the_line(isolated: Path) -> None:
    path = isolated / "monitor.toml"
    path.write_text('[polling]\ninterval = "10m"\ntimeout = \n')
    with pytest.raises(ConfigError, match="malformed TOML.*line 3"):
        load(environ={})


def test_a_missing_explicit_file_is_an_error() -> None:
    with pytest.raises(ConfigError, match="no such file"):
        cfg.find_config_file("/no/such/monitor.toml")
