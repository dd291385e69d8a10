"""A poll cycle against real feeds on loopback: the events it writes and the health it reports."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from sqlalchemy import select

from monitor.clock import utcnow
from monitor.daemon.bootstrap import App
from monitor.daemon.cycle import run_cycle
from monitor.daemon.subscriptions import add_feed, import_opml
from monitor.polling.subscriptions import DeclaredFeed, SubscriptionError
from monitor.projections.feeds import feed_health
from monitor.store.tables_feeds import article_revisions, articles
from tests.support.feedserver import FeedServer, Route

ARTICLE = (
    "The harbour authority said on Tuesday that 412 cargo ships had been diverted since "
    "the storm season began, according to its monthly report. Officials expect the backlog "
    "to clear within weeks as the port reopens its northern berths to container traffic."
)


def rss(*items: str, title: str = "Harbour News") -> bytes:
    body = "".join(items)
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>http://example.invalid/</link><description>d</description>{body}</channel></rss>"
    ).encode()


def item(guid: str, title: str, text: str, link: str | None = None) -> str:
    link_xml = f"<link>{link}</link>" if link else ""
    return f"<item><guid>{guid}</guid><title>{title}</title>{link_xml}<description><![CDATA[<p>{text}</p>]]></description></item>"


def event_types(app: App, after: int = 0) -> list[str]:
    return [s.type for s in app.log.read_after(after, 10_000)]


def cycle(app: App, everything: bool = True) -> None:
    asyncio.run(run_cycle(app, everything=everything))


def health(app: App) -> dict[str, dict[str, object]]:
    with app.engine.connect() as conn:
        return {r["url"]: r for r in feed_health(conn, 900)}


@pytest.fixture
def app(make_app: Callable[..., App]) -> App:
    return make_app(polling={"timeout": "2s", "full_text": "auto"})


def subscribe(app: App, *urls: str) -> None:
    for url in urls:
        add_feed(app.log, DeclaredFeed(url), "cli", utcnow())


def test_good_and_broken_feeds_in_one_cycle(app: App, feed_server: FeedServer) -> None:
    good = feed_server.route(
        "/good.xml",
        body=rss(
            item("g1", "Ships diverted", ARTICLE), item("g2", "Berths reopen", ARTICLE + " More.")
        ),
        etag='"v1"',
    )
    failing = feed_server.route(
        "/busy.xml", status=503, body=b"busy", headers={"Retry-After": "120"}
    )
    broken = feed_server.route("/broken.xml", body=b"<rss><channel><item><title>x</ti")
    html = feed_server.route(
        "/page.html",
        body=b"<!doctype html><html><body><p>Hello</p></body></html>",
        content_type="text/html",
    )
    subscribe(app, good, failing, broken, html)
    start = app.log.head()

    cycle(app)

    types = event_types(app, start)
    assert types.count("ArticleObserved") == 2
    assert types.count("FeedFailed") == 3
    feeds = health(app)
    assert feeds[good]["status"] == "ok" and feeds[good]["articles"] == 2
    assert feeds[failing]["status"] == "failing"
    assert feeds[failing]["last_error_reason"] == "http_status"
    assert feeds[broken]["last_error_reason"] in ("parse_error", "not_a_feed")
    assert feeds[html]["last_error_reason"] == "not_a_feed"
    assert feeds[failing]["next_poll_at"] is not None
    # 503 with Retry-After: 120 is not retried before two minutes.
    assert (feeds[failing]["next_poll_at"] - utcnow()).total_seconds() > 100  # type: ignore[operator]


def test_an_unchanged_feed_answers_304_and_writes_nothing(
    app: App, feed_server: FeedServer
) -> None:
    url = feed_server.route("/f.xml", body=rss(item("a", "A", ARTICLE)), etag='"e1"')
    subscribe(app, url)
    cycle(app)
    head = app.log.head()
    cycle(app)
    assert feed_server.last_headers("/f.xml")["if-none-match"] == '"e1"'
    assert app.log.head() == head


def test_an_edited_entry_is_a_revision_and_a_reused_guid_a_new_article(
    app: App, feed_server: FeedServer
) -> None:
    url = feed_server.route("/f.xml", body=rss(item("a", "Ships diverted", ARTICLE)))
    subscribe(app, url)
    cycle(app)
    feed_server.route(
        "/f.xml", body=rss(item("a", "Ships diverted", ARTICLE.replace("412", "415")))
    )
    cycle(app)
    feed_server.route(
        "/f.xml",
        body=rss(
            item(
                "a",
                "Election results",
                "Voters in the northern district elected a new council after a campaign dominated by housing, transport and the cost of heating homes through the winter months.",
            )
        ),
    )
    cycle(app)
    events = [
        s.event for s in app.log.read_after(0) if s.type in ("ArticleObserved", "ArticleRevised")
    ]
    assert [type(e).__name__ for e in events] == [
        "ArticleObserved",
        "ArticleRevised",
        "ArticleObserved",
    ]
    assert events[0].article_id == events[1].article_id  # type: ignore[attr-defined]
    assert events[2].article_id != events[0].article_id  # type: ignore[attr-defined]
    with app.engine.connect() as conn:
        texts = conn.execute(
            select(article_revisions.c.revision, article_revisions.c.text).order_by(
                article_revisions.c.position
            )
        ).all()
    assert [r[0] for r in texts] == [0, 1, 0]
    assert "415" in texts[1][1]


def test_a_summary_only_entry_gets_the_page_text_without_boilerplate(
    app: App, feed_server: FeedServer
) -> None:
    page = (
        "<!doctype html><html><head><title>Ships diverted</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        "<div class='donate'><p>Your support helps us tell the story. Donate today.</p></div>"
        f"<article><h1>Ships diverted</h1><p>{ARTICLE}</p><p>{ARTICLE.replace('412', 'four hundred')}</p></article>"
        "<aside><h3>Related</h3><ul><li><a href='/a'>Designer handbag now $99</a></li><li><a href='/b'>Ten gadgets under $25</a></li></ul></aside>"
        "<div class='votes'>123 votes</div><p>Leave a comment</p></body></html>"
    )
    link = feed_server.route(
        "/story.html", body=page.encode(), content_type="text/html; charset=utf-8"
    )
    url = feed_server.route(
        "/teasers.xml", body=rss(item("t1", "Ships diverted", "Ships diverted...", link=link))
    )
    subscribe(app, url)
    cycle(app)
    assert feed_server.hits["/story.html"] == 1
    with app.engine.connect() as conn:
        text = conn.execute(select(article_revisions.c.text)).scalar_one()
        title = conn.execute(select(articles.c.title)).scalar_one()
    assert "412 cargo ships" in text
    assert "handbag" not in text and "Donate" not in text and "votes" not in text
    assert title == "Ships diverted"


def test_410_gone_stops_polling_and_says_so(app: App, feed_server: FeedServer) -> None:
    url = feed_server.route("/gone.xml", status=410, body=b"gone")
    subscribe(app, url)
    cycle(app)
    cycle(app, everything=False)
    assert feed_server.hits["/gone.xml"] == 1
    feed = health(app)[url]
    assert feed["status"] == "gone" and feed["next_poll_at"] is None
    assert "FeedGone" in event_types(app)


def test_a_permanent_redirect_moves_the_feed(app: App, feed_server: FeedServer) -> None:
    new = feed_server.route("/new.xml", body=rss(item("a", "A", ARTICLE)))
    old = feed_server.route("/old.xml", status=301, redirect_to="/new.xml")
    subscribe(app, old)
    cycle(app)
    assert "FeedMoved" in event_types(app)
    assert set(health(app)) == {new}


def test_file_urls_are_refused_with_a_clear_message(app: App) -> None:
    with pytest.raises(SubscriptionError, match="only http and https"):
        add_feed(app.log, DeclaredFeed("file:///etc/passwd"), "cli", utcnow())


def test_opml_import_skips_duplicates_and_reports_bad_entries(app: App) -> None:
    subscribe(app, "https://one.example/rss")
    opml = b"""<?xml version="1.0"?><opml version="2.0"><body>
      <outline text="News"><outline text="One" xmlUrl="https://one.example/rss"/>
        <outline text="Nested"><outline text="Two" xmlUrl="https://two.example/feed"/></outline></outline>
      <outline text="Local" xmlUrl="file:///tmp/feed.xml"/></body></opml>"""
    result = import_opml(app.log, opml, utcnow())
    assert result.added == ("https://two.example/feed",)
    assert result.skipped == ("https://one.example/rss",)
    assert [url for url, _ in result.refused] == ["file:///tmp/feed.xml"]


def test_feeds_from_the_config_file_are_synchronised(
    make_app: Callable[..., App], feed_server: FeedServer
) -> None:
    url = feed_server.route("/c.xml", body=rss(item("a", "A", ARTICLE)))
    etc = "/etc/monitor/monitor.toml"
    app = make_app(source=etc, feeds=[{"url": url, "name": "Config feed", "interval": "5m"}])
    cycle(app)
    feed = health(app)[url]
    assert feed["name"] == "Config feed" and feed["interval"] == 300 and feed["status"] == "ok"
    assert feed["source"] == etc
    elsewhere = make_app(source="/home/ana/other.toml", feeds=[])
    cycle(elsewhere)
    assert url in health(elsewhere), "another file never removes what this one declared"
    app2 = make_app(source=etc, feeds=[])
    cycle(app2)
    assert url not in health(app2)


BAD_FEEDS = {
    "timeout": Route(hang=True),
    "too_large": Route(stream_bytes=3_000_000),
    "connect": None,  # nothing listens there
    "redirect loop": Route(status=302, redirect_to="/bad.xml"),
    "http_status": Route(status=404, body=b"no such feed"),
    "not_a_feed": Route(body=b"<html><body>hello</body></html>", content_type="text/html"),
    "parse_error": Route(body=b"\x00\x01garbage that is not xml at all"),
}


@pytest.mark.parametrize("case", sorted(BAD_FEEDS))
def test_one_broken_feed_is_an_event_and_never_affects_the_others(
    make_app: Callable[..., App], feed_server: FeedServer, case: str
) -> None:
    app = make_app(polling={"timeout": "1s", "max_bytes": 1_000_000})
    good = feed_server.route(
        "/good.xml", body=rss(item("g1", "Ships diverted", ARTICLE)), gzip=True
    )
    route = BAD_FEEDS[case]
    bad = feed_server.route("/bad.xml", route) if route else "http://127.0.0.1:9/bad.xml"
    subscribe(app, good, bad)
    start = app.log.head()
    cycle(app)
    events = [s.event for s in app.log.read_after(start)]
    failed = [e for e in events if type(e).__name__ == "FeedFailed"]
    assert len(failed) == 1 and failed[0].url == bad  # type: ignore[attr-defined]
    expected = {"redirect loop": "http_status", "parse_error": ("parse_error", "not_a_feed")}.get(
        case, case
    )
    assert failed[0].reason in (expected if isinstance(expected, tuple) else (expected,))  # type: ignore[attr-defined]
    observed = [e for e in events if type(e).__name__ == "ArticleObserved"]
    assert [e.feed_url for e in observed] == [good]  # type: ignore[attr-defined]
    assert health(app)[good]["status"] == "ok"


def test_entries_without_guid_or_link_and_non_utf8_text(app: App, feed_server: FeedServer) -> None:
    doc = (
        '<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>Café</title>'
        "<link>http://x/</link><description>d</description>"
        "<item><title>Réfugiés à Genève</title><description>Selon le HCR, 1 200 réfugiés sont arrivés à Genève.</description></item>"
        "<item><title>Réfugiés à Genève</title><description>Selon le HCR, 1 200 réfugiés sont arrivés à Genève.</description></item>"
        "</channel></rss>"
    ).encode("iso-8859-1")
    url = feed_server.route(
        "/latin1.xml", body=doc, content_type="application/rss+xml; charset=iso-8859-1"
    )
    subscribe(app, url)
    cycle(app)
    observed = [s.event for s in app.log.read_after(0) if s.type == "ArticleObserved"]
    assert len(observed) == 1  # the duplicate entry inside the document is folded
    assert observed[0].title == "Réfugiés à Genève"  # type: ignore[attr-defined]
    assert observed[0].entry_key.startswith("sha1:")  # type: ignore[attr-defined]
    cycle(app)
    assert [s.type for s in app.log.read_after(0)].count("ArticleObserved") == 1
