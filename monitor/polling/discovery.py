"""Feed autodiscovery: the feeds an HTML page advertises with <link rel="alternate">."""

from __future__ import annotations

from urllib.parse import urljoin

from lxml import html as lxml_html

FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/json",
    "application/rdf+xml",
    "text/xml",
    "application/xml",
)


def advertised_feeds(page: bytes, base_url: str) -> list[tuple[str, str | None]]:
    """(absolute URL, title) of every feed the page's head advertises, in document order."""
    try:
        root = lxml_html.fromstring(page)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return []
    found: dict[str, str | None] = {}
    for link in root.iter("link"):
        rel = {part.lower() for part in (link.get("rel") or "").split()}
        kind = (link.get("type") or "").split(";")[0].strip().lower()
        href = (link.get("href") or "").strip()
        if "alternate" in rel and kind in FEED_TYPES and href:
            url = urljoin(base_url, href)
            if url.startswith(("http://", "https://")):
                found.setdefault(url, (link.get("title") or "").strip() or None)
    return list(found.items())
