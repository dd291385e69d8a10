"""`monitor feeds ...` and `monitor poll` as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from monitor.demo.httpserver import FeedServer, Route

RSS = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title><link>http://x/</link>'
    b"<description>d</description><item><guid>a1</guid><title>Ships diverted</title><description>"
    b"The port authority said 412 cargo ships had been diverted since the storm season began, "
    b"according to its monthly report published on Tuesday morning.</description></item></channel></rss>"
)


@pytest.fixture
def monitor_cli(tmp_path: Path):  # type: ignore[no-untyped-def]
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    env.update(
        MONITOR_DATABASE_URL=f"sqlite:///{tmp_path}/monitor.db", XDG_CONFIG_HOME=str(tmp_path / "c")
    )

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "monitor", *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )

    return run


def test_add_poll_and_list_feeds(monitor_cli, feed_server: FeedServer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = feed_server.route("/good.xml", Route(body=RSS))
    down = feed_server.route("/down.xml", Route(status=500, body=b"oops"))
    assert (
        monitor_cli("feeds", "add", good, "--name", "Harbour", "--interval", "10m").returncode == 0
    )
    assert monitor_cli("feeds", "add", down).returncode == 0
    duplicate = monitor_cli("feeds", "add", good)
    assert duplicate.returncode == 1 and "already subscribed" in duplicate.stderr
    polled = monitor_cli("poll", "--all")
    assert polled.returncode == 0, polled.stderr
    assert "1 new articles" in polled.stdout and "1 failed" in polled.stdout
    listed = json.loads(monitor_cli("feeds", "list", "--json").stdout)
    by_url = {f["url"]: f for f in listed}
    assert (
        by_url[good]["status"] == "ok"
        and by_url[good]["interval"] == "10m"
        and by_url[good]["name"] == "Harbour"
    )
    assert by_url[down]["status"] == "failing"
    assert by_url[down]["last_error_reason"] == "http_status"
    assert by_url[down]["consecutive_failures"] == 1
    for key in ("last_success_at", "last_error", "next_poll_at"):
        assert key in by_url[down]
    table = monitor_cli("feeds", "list")
    assert "Harbour" in table.stdout and "failing" in table.stdout
    assert monitor_cli("feeds", "remove", down).returncode == 0
    assert [f["url"] for f in json.loads(monitor_cli("feeds", "list", "--json").stdout)] == [good]


def test_refused_urls_and_bad_durations(monitor_cli) -> None:  # type: ignore[no-untyped-def]
    refused = monitor_cli("feeds", "add", "file:///etc/passwd")
    assert refused.returncode == 1 and "only http and https" in refused.stderr
    bad = monitor_cli("feeds", "add", "https://example.org/rss", "--interval", "often")
    assert bad.returncode == 2 and "not a duration" in bad.stderr


def test_opml_import(monitor_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body><outline text="A"><outline text="One" '
        'xmlUrl="https://one.example/rss"/><outline text="One again" xmlUrl="https://one.example/rss"/>'
        '</outline><outline text="Bad" xmlUrl="ftp://files.example/feed"/></body></opml>'
    )
    out = monitor_cli("feeds", "import", str(opml))
    assert out.returncode == 0, out.stderr
    assert (
        "added 1" in out.stdout
        and "refused 1" in out.stdout
        and "ftp://files.example/feed" in out.stdout
    )


def test_a_bad_channel_is_a_configuration_error_at_start(monitor_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "monitor.toml").write_text('[[alerts.apprise]]\nurl = "nosuchscheme://x"\n')
    out = monitor_cli("poll")
    assert out.returncode == 78, out.stderr
    assert "alerts.apprise[0]" in out.stderr
    assert not (tmp_path / "monitor.db").exists()  # nothing touched before the config was valid
