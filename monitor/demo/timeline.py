"""The demo's sample set (monitor/demo/data): rounds of entries rendered as RSS, Atom and JSON Feed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from email.utils import format_datetime
from functools import cache
from importlib import resources
from typing import Any
from xml.sax.saxutils import escape

import lxml.html

from monitor.demo.httpserver import FeedServer, Route

DATA = resources.files("monitor.demo") / "data"
CONTENT_TYPES = {
    "rss": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
    "json": "application/feed+json; charset=utf-8",
}


@dataclass(frozen=True)
class Entry:
    """One sample entry."""

    feed: str
    guid: str
    title: str
    page: str
    published: str
    summary: str
    content_in_feed: bool


@cache
def timeline() -> dict[str, Any]:
    """The parsed timeline.json."""
    data: dict[str, Any] = json.loads((DATA / "timeline.json").read_text(encoding="utf-8"))
    return data


def rounds() -> list[str]:
    """Round labels in order."""
    return [r["label"] for r in timeline()["rounds"]]


def entries_until(round_index: int) -> list[Entry]:
    """Every entry published in rounds 0..round_index (feeds keep their older items)."""
    out: list[Entry] = []
    for rnd in timeline()["rounds"][: round_index + 1]:
        out.extend(Entry(**e) for e in rnd["entries"])
    return out


def page_bytes(page: str) -> bytes:
    """A sample page's HTML."""
    return (DATA / page).read_bytes()


def page_path(entry: Entry) -> str:
    """The URL path the demo server serves the entry's page at."""
    return "/" + entry.page


def _article_html(page: str) -> str:
    root = lxml.html.fromstring(page_bytes(page))
    found = root.xpath("//article") or root.xpath("//main") or [root]
    return "".join(lxml.html.tostring(child, encoding="unicode") for child in found[0])


def render_feed(slug: str, round_index: int, base_url: str) -> tuple[bytes, str]:
    """The document feed `slug` serves after `round_index` rounds, and its content type."""
    feed = next(f for f in timeline()["feeds"] if f["slug"] == slug)
    items = [e for e in entries_until(round_index) if e.feed == slug]
    items.sort(key=lambda e: e.published, reverse=True)
    render = {"rss": _rss, "atom": _atom, "json": _json}[feed["format"]]
    return render(feed, items, base_url).encode("utf-8"), CONTENT_TYPES[feed["format"]]


def _iso_to_rfc822(value: str) -> str:
    from datetime import datetime

    return format_datetime(datetime.fromisoformat(value.replace("Z", "+00:00")))


def _rss(feed: dict[str, Any], items: list[Entry], base: str) -> str:
    parts = []
    for e in items:
        content = (
            f"<content:encoded><![CDATA[{_article_html(e.page)}]]></content:encoded>"
            if e.content_in_feed
            else ""
        )
        parts.append(
            f'<item><guid isPermaLink="false">{escape(e.guid)}</guid><title>{escape(e.title)}</title>'
            f"<link>{escape(base + page_path(e))}</link><pubDate>{_iso_to_rfc822(e.published)}</pubDate>"
            f"<description>{escape(e.summary)}</description>{content}</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{escape(feed['title'])}</title><link>{escape(base)}/</link>"
        f"<description>{escape(feed['title'])}</description>{''.join(parts)}</channel></rss>"
    )


def _atom(feed: dict[str, Any], items: list[Entry], base: str) -> str:
    parts = []
    for e in items:
        content = (
            f'<content type="html">{escape(_article_html(e.page))}</content>'
            if e.content_in_feed
            else ""
        )
        parts.append(
            f"<entry><id>{escape(e.guid)}</id><title>{escape(e.title)}</title>"
            f'<link href="{escape(base + page_path(e))}"/><published>{e.published}</published>'
            f"<updated>{e.published}</updated><summary>{escape(e.summary)}</summary>{content}</entry>"
        )
    updated = items[0].published if items else "2023-01-01T00:00:00Z"
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(feed['title'])}</title><id>{escape(base)}/{feed['slug']}</id>"
        f"<updated>{updated}</updated>{''.join(parts)}</feed>"
    )


def _json(feed: dict[str, Any], items: list[Entry], base: str) -> str:
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed["title"],
        "home_page_url": base + "/",
        "items": [
            {
                "id": e.guid,
                "url": base + page_path(e),
                "title": e.title,
                "date_published": e.published,
                "summary": e.summary,
                **({"content_html": _article_html(e.page)} if e.content_in_feed else {}),
            }
            for e in items
        ],
    }
    return json.dumps(doc, ensure_ascii=False)


def feed_path(slug: str) -> str:
    """The URL path of a demo feed."""
    return f"/feeds/{slug}"


def install_round(server: FeedServer, round_index: int) -> dict[str, str]:
    """Serve the feeds as they stand after `round_index` (and every page); returns slug → URL."""
    urls = {}
    for feed in timeline()["feeds"]:
        body, content_type = render_feed(feed["slug"], round_index, server.base_url)
        urls[feed["slug"]] = server.route(
            feed_path(feed["slug"]),
            Route(body=body, content_type=content_type, etag=f'"r{round_index}"'),
        )
    for entry in entries_until(len(timeline()["rounds"]) - 1):
        server.route(
            page_path(entry),
            Route(body=page_bytes(entry.page), content_type="text/html; charset=utf-8"),
        )
    return urls
