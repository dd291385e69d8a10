"""Feed text is untrusted: titles, names, links and sentences reach the pages escaped, and
only http(s) links become clickable."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Callable, Iterator
from xml.sax.saxutils import escape

import pytest

from monitor.daemon.bootstrap import App
from monitor.daemon.cycle import run_cycle
from monitor.demo.httpserver import FeedServer
from monitor.web.server import ServerSettings
from monitor.web.wiring import web_view
from tests.integration.web.conftest import Site

EVIL_TITLE = '<script>alert("title")</script> Harbour <b>reopens</b> "berths" & more'
EVIL_LINK = "javascript:alert(document.cookie)"
EVIL_TEXT = (
    'The harbour authority said that 412 cargo ships had been diverted <a href="javascript:'
    'alert(1)">details</a> since the storm season began, according to its monthly report. '
    "Officials expect the backlog to clear within weeks as the port reopens its northern "
    "berths to container traffic, the authority said on Tuesday."
)


def hostile_feed() -> bytes:
    """RSS whose channel title, item title, link and text all carry markup or script."""
    item = (
        f"<item><guid>evil-1</guid><title>{escape(EVIL_TITLE)}</title>"
        f"<link>{escape(EVIL_LINK)}</link>"
        f"<description>{escape(EVIL_TEXT)}</description></item>"
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape('<script>x()</script>Evil Feed')}</title><link>http://example.invalid/</link>"
        f"<description>d</description>{item}</channel></rss>"
    ).encode()


@pytest.fixture
def hostile_site(make_app: Callable[..., App], feed_server: FeedServer) -> Iterator[Site]:
    """A database holding one story from the hostile feed, served by the web view."""
    url = feed_server.route("/evil.xml", body=hostile_feed())
    app = make_app(feeds=[{"url": url}])
    asyncio.run(run_cycle(app, everything=True))
    with web_view(lambda: app, None, "127.0.0.1:0", ServerSettings(idle_timeout=1.0)) as server:
        assert server is not None
        yield Site(server.url)


def story_id(site: Site) -> str:
    stories = json.loads(site.get("/api/stories").text)
    assert len(stories) == 1, "the hostile entry was stored as an article"
    return str(stories[0]["id"])


def test_titles_and_links_from_feeds_are_escaped_on_every_page(hostile_site: Site) -> None:
    sid = story_id(hostile_site)
    for path in ("/", "/stories", f"/stories/{sid}", "/feeds"):
        page = hostile_site.get(path)
        assert page.status == 200, path
        assert "<script" not in page.text.lower(), f"{path} carries a live script element"
        assert not re.search(r"href\s*=\s*[\"']?\s*javascript:", page.text, re.I), path
    story_page = hostile_site.get(f"/stories/{sid}").text
    assert "&lt;script&gt;alert(" in story_page, "the title is shown, as text"
    assert "&lt;b&gt;reopens&lt;/b&gt;" in story_page


def test_a_javascript_link_is_shown_as_text_not_made_clickable(hostile_site: Site) -> None:
    sid = story_id(hostile_site)
    article = json.loads(hostile_site.get(f"/api/stories/{sid}").text)["articles"][0]
    page = hostile_site.get(f"/stories/{sid}").text
    if article["url"] and article["url"].lower().startswith("javascript:"):
        assert 'href="javascript:' not in page.lower()
    assert '<a href="javascript' not in page.lower()


def test_the_api_returns_feed_text_verbatim_as_json(hostile_site: Site) -> None:
    sid = story_id(hostile_site)
    reply = hostile_site.get(f"/api/stories/{sid}")
    assert reply.headers["content-type"].startswith("application/json")
    assert reply.headers["x-content-type-options"] == "nosniff", "never sniffed as HTML"
    assert "<script>" in json.loads(reply.text)["title"]
