"""`monitor feeds ...` and `monitor poll` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from monitor.demo.httpserver import FeedServer, Route
from tests.e2e.conftest import Run

RSS = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title><link>http://x/</link>'
    b"<description>d</description><item><guid>a1</guid><title>Ships diverted</title><description>"
    b"The port authority said 412 cargo ships had been diverted since the storm season began, "
    b"according to its monthly report published on Tuesday morning.</description></item></channel></rss>"
)


def test_add_poll_and_list_feeds(monitor_cli: Run, feed_server: FeedServer, tmp_path: Path) -> None:
    good = feed_server.route("/good.xml", Route(body=RSS))
    down = feed_server.route("/down.xml", Route(status=500, body=b"oops"))
    assert (
        monitor_cli("feeds", "add", good, "--name", "Harbour", "--interval", "10m").returncode == 0
    )
    refused = monitor_cli("feeds", "add", down)
    assert (
        refused.returncode == 1 and "HTTP 500" in refused.stderr and "--no-check" in refused.stderr
    )
    assert monitor_cli("feeds", "add", down, "--no-check").returncode == 0
    duplicate = monitor_cli("feeds", "add", good)
    assert duplicate.returncode == 1 and "already subscribed" in duplicate.stderr
    polled = monitor_cli("poll", "--all")
    assert polled.returncode == 0, polled.stderr
    assert "polled 2 feeds: 1 new article," in polled.stdout
    assert "warning: 1 feed of 2 failed to poll" in polled.stderr
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
    strict = monitor_cli("poll", "--all", "--strict")
    assert strict.returncode == 1 and "1 feed of 2 failed to poll" in strict.stderr
    assert monitor_cli("feeds", "remove", down).returncode == 0
    assert [f["url"] for f in json.loads(monitor_cli("feeds", "list", "--json").stdout)] == [good]


def test_refused_urls_and_bad_durations(monitor_cli: Run) -> None:
    refused = monitor_cli("feeds", "add", "file:///etc/passwd")
    assert refused.returncode == 1 and "only http and https" in refused.stderr
    bad = monitor_cli("feeds", "add", "https://example.org/rss", "--interval", "often")
    assert bad.returncode == 2 and "not a duration" in bad.stderr


def test_opml_import(monitor_cli: Run, tmp_path: Path) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body><outline text="A"><outline text="One" '
        'xmlUrl="https://one.example/rss"/><outline text="One again" xmlUrl="https://one.example/rss"/>'
        '</outline><outline text="Bad" xmlUrl="ftp://files.example/feed"/></body></opml>'
    )
    out = monitor_cli("feeds", "import", str(opml))
    assert out.returncode == 0, out.stderr
    assert (
        "added 1 feed," in out.stdout
        and "1 refused" in out.stdout
        and "ftp://files.example/feed" in out.stdout
    )


def test_a_bad_channel_is_a_configuration_error_at_start(monitor_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "monitor.toml").write_text('[[alerts.apprise]]\nurl = "nosuchscheme://x"\n')
    out = monitor_cli("poll")
    assert out.returncode == 78, out.stderr
    assert "alerts.apprise[0]" in out.stderr
    assert not (tmp_path / "monitor.db").exists()  # nothing touched before the config was valid


PAGE = (
    b'<!doctype html><html><head><title>Harbour</title><link rel="alternate" '
    b'type="application/rss+xml" href="/good.xml"></head><body>news</body></html>'
)


def test_add_validates_the_url_and_discovers_the_feed_a_page_advertises(
    monitor_cli: Run, feed_server: FeedServer
) -> None:
    feed = feed_server.route("/good.xml", Route(body=RSS))
    page = feed_server.route("/index.html", Route(body=PAGE, content_type="text/html"))
    plain = feed_server.route(
        "/about.html", Route(body=b"<html><body>hi</body></html>", content_type="text/html")
    )
    added = monitor_cli("feeds", "add", page)
    assert added.returncode == 0, added.stderr
    assert "is a web page" in added.stdout and feed in added.stdout
    listed = json.loads(monitor_cli("feeds", "list", "--json").stdout)
    assert [(f["url"], f["name"]) for f in listed] == [(feed, "Harbour News")]
    refused = monitor_cli("feeds", "add", plain)
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1 and "advertises none" in refused.stderr


def test_set_pauses_renames_and_export_round_trips(
    monitor_cli: Run, feed_server: FeedServer, tmp_path: Path
) -> None:
    feed = feed_server.route("/good.xml", Route(body=RSS))
    assert monitor_cli("feeds", "add", feed).returncode == 0
    assert monitor_cli("feeds", "set", feed, "--paused", "--name", "Port").returncode == 0
    polled = monitor_cli("poll", "--all")
    assert polled.returncode == 0 and "polled 0 feeds" in polled.stdout  # paused: not polled
    (row,) = json.loads(monitor_cli("feeds", "list", "--json").stdout)
    assert row["paused"] is True and row["name"] == "Port"
    assert monitor_cli("feeds", "set", feed, "--resumed").returncode == 0
    assert "polled 1 feed" in monitor_cli("poll", "--all").stdout
    exported = tmp_path / "out.opml"
    assert monitor_cli("feeds", "export", str(exported)).returncode == 0
    assert monitor_cli("feeds", "remove", feed).returncode == 0
    again = monitor_cli("feeds", "import", str(exported))
    assert again.returncode == 0 and "added 1 feed," in again.stdout
    assert [f["name"] for f in json.loads(monitor_cli("feeds", "list", "--json").stdout)] == [
        "Port"
    ]


def test_import_refuses_what_is_not_opml(monitor_cli: Run, tmp_path: Path) -> None:
    rss, empty, cut = tmp_path / "feed.xml", tmp_path / "empty.opml", tmp_path / "cut.opml"
    rss.write_bytes(RSS)
    empty.write_text("")
    cut.write_text('<?xml version="1.0"?><opml version="2.0"><bo')
    for file, reason in (
        (rss, "root element is <rss>"),
        (empty, "empty"),
        (cut, "not a well-formed OPML"),
    ):
        out = monitor_cli("feeds", "import", str(file))
        assert out.returncode == 1, (file, out.stderr)
        assert reason in out.stderr and "Traceback" not in out.stderr
        assert out.stderr.count("\n") == 1


def test_a_config_declared_feed_is_removed_from_the_config_not_the_cli(
    monitor_cli: Run, tmp_path: Path
) -> None:
    (tmp_path / "monitor.toml").write_text('[[feeds]]\nurl = "http://127.0.0.1:9/x.xml"\n')
    assert monitor_cli("db", "upgrade").returncode == 0
    assert monitor_cli("poll").returncode == 0
    out = monitor_cli("feeds", "remove", "http://127.0.0.1:9/x.xml")
    assert out.returncode == 1 and "declared in" in out.stderr and "monitor.toml" in out.stderr
