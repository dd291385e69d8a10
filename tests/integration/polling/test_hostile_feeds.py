"""Hostile feeds and servers, each polled in one `poll --all` with a healthy feed.

Whatever a document or a server does, the poll ends with a FeedFailed (or a sanitised
FeedPolled), the schedule moves, the healthy feed's articles are stored and every
projection folds the log, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable

import pytest

from monitor.clock import utcnow
from monitor.daemon.bootstrap import App
from monitor.daemon.cycle import run_cycle
from monitor.daemon.subscriptions import add_feed
from monitor.polling.subscriptions import DeclaredFeed
from monitor.projections.feeds import feed_health
from tests.support.feedserver import FeedServer

ARTICLE = (
    "The harbour authority said on Tuesday that 412 cargo ships had been diverted since "
    "the storm season began, according to its monthly report. Officials expect the backlog "
    "to clear within weeks as the port reopens its northern berths to container traffic."
)


def rss(items: str, title: str = "Harbour News") -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}'
        f"</title><link>http://example.invalid/</link><description>d</description>{items}"
        "</channel></rss>"
    ).encode()


def item(guid: str, title: str, text: str) -> str:
    return (
        f"<item><guid>{guid}</guid><title>{title}</title>"
        f"<description><![CDATA[<p>{text}</p>]]></description></item>"
    )


@pytest.fixture
def app(make_app: Callable[..., App]) -> App:
    return make_app(polling={"timeout": "3s", "full_text": "never"})


def subscribe(app: App, *urls: str) -> None:
    for url in urls:
        add_feed(app.log, DeclaredFeed(url), "cli", utcnow())


def poll_all(app: App) -> None:
    asyncio.run(run_cycle(app, everything=True, deliver=False))


def health(app: App) -> dict[str, dict[str, object]]:
    with app.engine.connect() as conn:
        return {str(r["url"]): r for r in feed_health(conn, 900)}


def healthy_feed(server: FeedServer) -> str:
    return server.route("/healthy.xml", body=rss(item("h1", "Ships diverted", ARTICLE)))


def assert_all_projected(app: App) -> None:
    head = app.log.head()
    for projection in app.projections:
        assert app.runner(projection).position() == head, projection.name


def test_nul_and_surrogates_in_feeds_are_stored_sanitised_and_projected(
    app: App, feed_server: FeedServer
) -> None:
    good = healthy_feed(feed_server)
    json_nul = feed_server.route(
        "/nul.json",
        content_type="application/feed+json",
        body=json.dumps(
            {
                "version": "https://jsonfeed.org/version/1.1",
                "title": "feed\u0000title",
                "items": [
                    {
                        "id": "j1",
                        "title": "Ships\u0000 diverted",
                        "content_text": ARTICLE + "\u0000",
                    }
                ],
            }
        ).encode(),
    )
    raw_nul = feed_server.route(
        "/nul.xml", body=rss(item("n\x001", "Nul\x00 title", ARTICLE + "\x00"), title="Raw\x00Nul")
    )
    surrogate = feed_server.route(
        "/surrogate.xml",
        body=rss(item("s1", "Half &#xD800; a pair", ARTICLE + " &#55296;"), title="S&#xDFFF;"),
    )
    subscribe(app, good, json_nul, raw_nul, surrogate)

    poll_all(app)

    feeds = health(app)
    assert feeds[good]["articles"] == 1
    assert feeds[json_nul]["name"] == "feedtitle"
    assert feeds[json_nul]["articles"] == 1
    assert feeds[surrogate]["name"] == "S\ufffd"
    assert feeds[surrogate]["articles"] == 1
    assert feeds[raw_nul]["status"] in ("ok", "failing")
    assert_all_projected(app)
    payloads = [s.event for s in app.log.read_after(0, 10_000)]
    assert not any("\x00" in repr(e) or "\\x00" in repr(e) for e in payloads)


def deep_json(depth: int) -> bytes:
    return (
        b'{"version":"https://jsonfeed.org/version/1.1","title":"deep","items":[{"id":"1",'
        b'"title":"x","extra":' + b"[" * depth + b"]" * depth + b"}]}"
    )


def test_hostile_servers_become_failures_and_the_healthy_feed_is_stored(
    app: App, feed_server: FeedServer
) -> None:
    good = healthy_feed(feed_server)
    refused = [
        feed_server.route(f"/to-{scheme}.xml", status=302, redirect_to=target)
        for scheme, target in (
            ("data", "data:text/xml;base64,PHJzcy8+"),
            ("javascript", "javascript:alert(1)"),
            ("mailto", "mailto:editor@example.invalid"),
        )
    ]
    forever = feed_server.route(
        "/forever.xml", status=503, body=b"busy", headers={"Retry-After": "999999999999"}
    )
    cached = feed_server.route(
        "/cached.xml",
        body=rss(item("c1", "Cached", ARTICLE)),
        headers={"Cache-Control": "max-age=99999999999999999999"},
    )
    deep = feed_server.route(
        "/deep.json", content_type="application/feed+json", body=deep_json(200_000)
    )
    subscribe(app, good, *refused, forever, cached, deep)

    poll_all(app)

    feeds = health(app)
    assert feeds[good]["articles"] == 1
    assert feeds[cached]["articles"] == 1
    for url in refused:
        assert feeds[url]["status"] == "failing"
        assert feeds[url]["last_error_reason"] == "refused"
    assert feeds[deep]["last_error_reason"] == "parse_error"
    week = 7 * 86400 + 60
    for url in (*refused, forever, cached, deep):
        next_at = feeds[url]["next_poll_at"]
        assert next_at is not None, url
        assert 0 < (next_at - utcnow()).total_seconds() <= week, url  # type: ignore[operator]
    assert_all_projected(app)


def test_non_ascii_validators_are_never_resent(app: App, feed_server: FeedServer) -> None:
    good = healthy_feed(feed_server)
    etag = feed_server.route(
        "/etag.xml", body=rss(item("e1", "Etag", ARTICLE)), headers={"ETag": '"caf\xe9"'}
    )
    modified = feed_server.route(
        "/modified.xml",
        body=rss(item("m1", "Modified", ARTICLE)),
        headers={"Last-Modified": "Tue, 01 D\xe9c 2026 10:00:00 GMT"},
    )
    subscribe(app, good, etag, modified)

    poll_all(app)
    feed_server.route("/healthy.xml", body=rss(item("h2", "Berths reopen", ARTICLE + " More.")))
    poll_all(app)

    feeds = health(app)
    assert feeds[good]["articles"] == 2
    for url in (etag, modified):
        assert feeds[url]["status"] == "ok", feeds[url]["last_error"]
        sent = feed_server.last_headers(url.removeprefix(feed_server.base_url))
        assert "if-none-match" not in sent and "if-modified-since" not in sent
    assert_all_projected(app)


def test_a_huge_feed_is_taken_a_bounded_number_of_entries_per_poll(
    make_app: Callable[..., App], feed_server: FeedServer
) -> None:
    app = make_app(polling={"timeout": "3s", "full_text": "never", "max_entries_per_poll": 5})
    good = healthy_feed(feed_server)
    items = "".join(item(f"b{i}", f"Entry {i}", f"{ARTICLE} Number {i}.") for i in range(12))
    big = feed_server.route("/big.xml", body=rss(items), etag='"same"')
    subscribe(app, good, big)

    taken = []
    for _ in range(4):
        poll_all(app)
        taken.append(health(app)[big]["articles"])

    assert taken == [5, 10, 12, 12]
    assert health(app)[good]["articles"] == 1
    # While a backlog is left the feed is due again soon, whatever its interval.
    assert_all_projected(app)
