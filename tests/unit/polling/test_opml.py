"""OPML import lists http(s) feeds and refuses everything else."""

from __future__ import annotations

from monitor.polling.opml import OpmlFeed, parse_opml

OPML = b"""<?xml version="1.0"?><opml version="2.0"><head><title>subs</title></head><body>
<outline text="News"><outline text="Harbour Gazette" xmlUrl="https://news.example.org/rss"/>
<outline title="Valley" text="v" xmlUrl="http://valley.example.org/atom"/></outline>
<outline text="dup" xmlUrl="https://news.example.org/rss"/>
<outline text="local" xmlUrl="file:///etc/passwd"/><outline text="folder only"/>
</body></opml>"""


def test_feeds_are_listed_in_order_without_duplicates() -> None:
    result = parse_opml(OPML)
    assert result.feeds == (
        OpmlFeed("https://news.example.org/rss", "Harbour Gazette"),
        OpmlFeed("http://valley.example.org/atom", "Valley"),
    )


def test_non_http_urls_are_refused_with_a_reason() -> None:
    ((url, why),) = parse_opml(OPML).refused
    assert url == "file:///etc/passwd" and "only http and https" in why
