"""Fetch → parse → identity → full text, end to end against a real local server."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from monitor.polling.fetcher import Fetcher, FetchResult, FetchSettings
from monitor.polling.fulltext import needs_full_text
from monitor.polling.identity import (
    classify_entry,
    content_hash,
    dedupe_entries,
    entry_key,
    entry_text,
)
from monitor.polling.parser import ParsedFeed, parse_feed
from monitor.text.extract import extract_fragment, extract_page

if TYPE_CHECKING:
    from tests.support.feedserver import FeedServer


PARAGRAPHS = [
    "Inspectors from the river authority found that the eastern levee had shifted by "
    "nearly forty centimetres after the spring floods, according to a report released on Thursday.",
    "The authority said that about 2,300 households live within the zone that would be flooded "
    "if the levee failed, and that repairs would begin before the autumn rains.",
    "Local councillors asked why the last inspection, carried out four years ago, had rated the "
    "structure as sound, and requested that the full engineering survey be published.",
    "A spokesperson for the authority said the survey would be released once the contractors had "
    "reviewed it, and that temporary barriers were already being delivered to the site.",
]

PAGE = f"""<!DOCTYPE html><html lang="en"><head><title>Levee shifted after floods | Valley Courier</title>
<meta property="article:published_time" content="2025-04-17T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<div class="donate-banner"><p>Independent local news needs you. Donate today and support our journalism.</p></div>
<article><h1>Levee shifted after floods</h1><p class="byline">By Mira Holt</p>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2])}
<aside class="related"><h3>Related</h3><ul><li><a href="/a">Bridge closed for repairs</a></li>
<li><a href="/b">Council budget vote delayed</a></li></ul></aside>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:])}
<div class="votes"><span>▲ 128</span><span>Upvote</span></div>
<p>Share this article</p></article>
<section id="comments"><h2>37 comments</h2><p>Leave a comment</p>
<div class="comment"><p>My street flooded twice already this year and nobody came.</p></div></section>
<aside><h3>Most read</h3><ol><li><a href="/x">Festival tickets sell out</a></li><li><a href="/y">New ferry route</a></li></ol></aside>
<footer><p>We use cookies. Accept all cookies</p><p>© 2025 Valley Courier. All rights reserved.</p></footer>
</body></html>"""


def feed_xml(items: str, encoding: str = "utf-8") -> bytes:
    return (
        f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel>'
        f"<title>Valley Courier</title>{items}</channel></rss>"
    ).encode(encoding)


def item(guid: str | None, link: str | None, title: str, description: str) -> str:
    parts = [f"<title>{title}</title>", f"<description><![CDATA[{description}]]></description>"]
    if guid:
        parts.append(f'<guid isPermaLink="false">{guid}</guid>')
    if link:
        parts.append(f"<link>{link}</link>")
    return "<item>" + "".join(parts) + "</item>"


async def fetch_and_parse(url: str) -> tuple[FetchResult, ParsedFeed]:
    async with Fetcher(FetchSettings(timeout=5)) as f:
        result = await f.fetch(url)
    assert result.body is not None
    return result, parse_feed(result.body, result.content_type, result.final_url)


def test_summary_only_feed_gets_full_text_without_boilerplate(feed_server: FeedServer) -> None:
    feed_server.route("/levee", body=PAGE.encode(), content_type="text/html; charset=utf-8")
    teaser = item(
        "vc-1",
        feed_server.url("/levee"),
        "Levee shifted after floods",
        "<p>Inspectors found the eastern levee had moved…</p>",
    )
    url = feed_server.route("/rss", body=feed_xml(teaser))
    _, feed = asyncio.run(fetch_and_parse(url))
    (entry,) = feed.entries
    assert needs_full_text(entry, "auto")

    async def page() -> bytes:
        async with Fetcher() as f:
            got = await f.fetch(entry.link or "")
        assert got.body is not None
        return got.body

    extracted = extract_page(asyncio.run(page()), entry.link)
    for paragraph in PARAGRAPHS:
        assert paragraph in extracted.text
    for junk in (
        "Donate",
        "Related",
        "Bridge closed",
        "▲ 128",
        "Upvote",
        "Share this",
        "comments",
        "Leave a comment",
        "nobody came",
        "Most read",
        "Festival",
        "cookies",
        "©",
    ):
        assert junk not in extracted.text, junk
    assert extracted.has_article_text
    assert extracted.title == "Levee shifted after floods"
    assert extracted.page_date == datetime(2025, 4, 17, tzinfo=UTC)


def test_feed_supplied_html_is_cleaned_too() -> None:
    html = (
        f"<p>{PARAGRAPHS[0]}</p><div class='share-tools'><a>Share on X</a></div>"
        "<p>Support our journalism: become a member</p><script>track()</script>"
        f"<p>{PARAGRAPHS[1]}</p><p>Related</p><ul><li>Bridge closed for repairs</li></ul>"
    )
    assert extract_fragment(html) == "\n".join(PARAGRAPHS[:2])


def test_full_entry_does_not_need_the_page() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    feed = parse_feed(
        feed_xml(item("g", "https://e.org/a", "Levee", body)), None, "https://e.org/rss"
    )
    assert not needs_full_text(feed.entries[0], "auto")
    assert needs_full_text(feed.entries[0], "always")
    assert not needs_full_text(feed.entries[0], "never")


def test_edited_entry_is_a_revision_and_reused_guid_a_new_article(feed_server: FeedServer) -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    url = feed_server.route("/rss", body=feed_xml(item("vc-9", None, "Levee shifted", body)))
    _, first = asyncio.run(fetch_and_parse(url))
    old = first.entries[0]

    edited = body.replace("2,300 households", "2,450 households")
    feed_server.route("/rss", body=feed_xml(item("vc-9", None, "Levee shifted", edited)))
    _, second = asyncio.run(fetch_and_parse(url))
    new = second.entries[0]
    assert entry_key(new) == entry_key(old)
    assert (
        classify_entry(entry_text(old), content_hash(old), entry_text(new), content_hash(new))
        == "revised"
    )

    reused = (
        "<p>The spring fair returns to the market square with forty stalls and a brass band.</p>"
    )
    feed_server.route("/rss", body=feed_xml(item("vc-9", None, "Spring fair returns", reused)))
    _, third = asyncio.run(fetch_and_parse(url))
    other = third.entries[0]
    assert (
        classify_entry(entry_text(old), content_hash(old), entry_text(other), content_hash(other))
        == "reused"
    )


def test_entries_without_guid_or_link_and_duplicates(feed_server: FeedServer) -> None:
    items = (
        item(None, None, "Water levels falling", "<p>The gauge read 3.1 metres.</p>")
        + item(None, None, "Roads reopen", "<p>Two of three roads are open.</p>")
        + item(None, None, "Water levels falling", "<p>The gauge read 3.1 metres.</p>")
    )
    url = feed_server.route("/rss", body=feed_xml(items))
    _, feed = asyncio.run(fetch_and_parse(url))
    kept = dedupe_entries(feed.entries)
    assert [e.title for e in kept] == ["Water levels falling", "Roads reopen"]
    assert all(entry_key(e).startswith("sha1:") for e in kept)


def test_non_utf8_feed_over_http(feed_server: FeedServer) -> None:
    body = feed_xml(
        item("k1", None, "Crue de la Meuse à Liège", "<p>Le niveau a baissé.</p>"),
        encoding="iso-8859-1",
    )
    url = feed_server.route(
        "/rss", body=body, content_type="application/rss+xml; charset=iso-8859-1", gzip=True
    )
    _, feed = asyncio.run(fetch_and_parse(url))
    assert feed.entries[0].title == "Crue de la Meuse à Liège"
