"""Autodiscovery: an HTML page names its feeds with <link rel="alternate" type=...>."""

from __future__ import annotations

from monitor.polling.discovery import advertised_feeds

PAGE = b"""<!doctype html><html><head>
<link rel="stylesheet" href="/site.css">
<link rel="alternate" type="application/rss+xml" title="World news" href="/world/rss.xml">
<link rel="alternate" type="application/atom+xml" href="https://cdn.example.org/all.atom">
<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
<link rel="alternate" hreflang="fr" href="/fr/">
</head><body>hello</body></html>"""


def test_feeds_advertised_by_a_page_are_found_with_absolute_urls() -> None:
    assert advertised_feeds(PAGE, "https://example.org/news/") == [
        ("https://example.org/world/rss.xml", "World news"),
        ("https://cdn.example.org/all.atom", None),
    ]


def test_a_page_without_feed_links_or_garbage_yields_none() -> None:
    assert advertised_feeds(b"<html><head></head><body>x</body></html>", "https://e.org/") == []
    assert advertised_feeds(b"", "https://e.org/") == []
    assert advertised_feeds(b"\x00\xff\xfe not html", "https://e.org/") == []
