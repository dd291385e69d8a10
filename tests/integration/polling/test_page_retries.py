"""Full-text retries: a page that could not be fetched is fetched again on later polls."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime, timedelta

from monitor.clock import utcnow
from monitor.daemon.bootstrap import App
from monitor.daemon.subscriptions import add_feed
from monitor.events import ArticleObserved, ArticleRevised
from monitor.polling.fetcher import Fetcher, FetchSettings
from monitor.polling.page_retry import PAGE_RETRY_ATTEMPTS, PAGE_RETRY_FIRST
from monitor.polling.poller import Poller, due_feeds
from monitor.polling.subscriptions import DeclaredFeed
from monitor.projections.articles import revision_text
from tests.support.feedserver import FeedServer

PAGE = (
    "<html><head><title>Ships diverted</title></head><body><article><h1>Ships diverted</h1>"
    + "".join(
        f"<p>The harbour authority said on Tuesday that {400 + i} cargo ships had been "
        "diverted since the storm season began, according to its monthly report, and that "
        "the northern berths would reopen to container traffic within weeks.</p>"
        for i in range(6)
    )
    + "</article></body></html>"
).encode()


def teaser_feed(server: FeedServer, link: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Teasers</title>'
        f"<link>{server.base_url}</link><description>d</description>"
        f"<item><guid>t1</guid><title>Ships diverted</title><link>{link}</link>"
        "<description>Ships diverted, officials say…</description></item></channel></rss>"
    ).encode()


class Clock:
    def __init__(self) -> None:
        self.now = utcnow()

    def __call__(self) -> datetime:
        return self.now


def poll(app: App, clock: Clock) -> None:
    async def go() -> None:
        async with Fetcher(FetchSettings(timeout=3.0)) as fetcher:
            poller = Poller(app.engine, app.log, fetcher, full_text="auto", clock=clock)
            feeds = due_feeds(app.engine, clock(), default_interval=900, everything=True)
            await poller.poll_many(feeds)

    asyncio.run(go())


def article_events(app: App) -> list[ArticleObserved]:
    return [s.event for s in app.log.read_after(0, 10_000) if isinstance(s.event, ArticleObserved)]


def test_a_failed_page_is_fetched_on_a_later_poll_and_revises_the_article(
    make_app: Callable[..., App], feed_server: FeedServer
) -> None:
    app = make_app()
    clock = Clock()
    link = feed_server.route("/story.html", status=503, body=b"busy", content_type="text/html")
    feed = feed_server.route("/teasers.xml", body=teaser_feed(feed_server, link))
    add_feed(app.log, DeclaredFeed(feed), "cli", clock())

    poll(app, clock)
    [first] = article_events(app)
    assert first.page_ref is None

    poll(app, clock)  # not due yet: the page is not asked for again at once
    assert feed_server.hits["/story.html"] == 1

    feed_server.route("/story.html", body=PAGE, content_type="text/html")
    clock.now += timedelta(seconds=PAGE_RETRY_FIRST + 1)
    poll(app, clock)

    _, revised = article_events(app)
    assert isinstance(revised, ArticleRevised)
    assert revised.article_id == first.article_id and revised.page_ref is not None
    app.project()
    [row] = [s for s in app.log.read_after(0, 10_000) if s.id == revised.event_id]
    with app.engine.connect() as conn:
        title_text = revision_text(conn, revised.article_id, row.position)
    assert title_text is not None and "cargo ships" in title_text[1]

    clock.now += timedelta(days=2)
    poll(app, clock)  # done: no more fetches of that page
    assert feed_server.hits["/story.html"] == 2
    assert len(article_events(app)) == 2


def test_retries_back_off_and_end(make_app: Callable[..., App], feed_server: FeedServer) -> None:
    app = make_app()
    clock = Clock()
    link = feed_server.route("/story.html", status=503, body=b"busy", content_type="text/html")
    feed = feed_server.route("/teasers.xml", body=teaser_feed(feed_server, link))
    add_feed(app.log, DeclaredFeed(feed), "cli", clock())

    for _ in range(PAGE_RETRY_ATTEMPTS + 3):
        poll(app, clock)
        clock.now += timedelta(days=1)
    assert feed_server.hits["/story.html"] == PAGE_RETRY_ATTEMPTS
    assert len(article_events(app)) == 1


def test_a_refused_or_missing_page_is_not_retried(
    make_app: Callable[..., App], feed_server: FeedServer
) -> None:
    app = make_app()
    clock = Clock()
    link = feed_server.route("/gone.html", status=404, body=b"no", content_type="text/html")
    feed = feed_server.route("/teasers.xml", body=teaser_feed(feed_server, link))
    add_feed(app.log, DeclaredFeed(feed), "cli", clock())
    for _ in range(3):
        poll(app, clock)
        clock.now += timedelta(days=1)
    assert feed_server.hits["/gone.html"] == 1
