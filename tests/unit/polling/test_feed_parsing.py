"""Feeds of every supported format parse from bytes; broken ones fail with a reason."""

from __future__ import annotations

import importlib.abc
import json
import sys
from datetime import UTC, datetime

import pytest

from monitor.polling.parser import FeedParseError, parse_feed

URL = "https://news.example.org/feed"

RSS20 = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Gazette</title><link>https://news.example.org/</link>
<item><guid isPermaLink="false">hg-101</guid><title>Ferry timetable changes</title>
<link>/2025/ferry</link><description>Short teaser.</description>
<content:encoded><![CDATA[<p>The harbour board moved the first ferry to 6:40.</p>]]></content:encoded>
<pubDate>Tue, 03 Jun 2025 09:30:00 +0200</pubDate><author>desk@example.org (Ana Ruiz)</author></item>
</channel></rss>"""

RSS10 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://news.example.org/"><title>Old Format</title><link>https://news.example.org/</link></channel>
<item rdf:about="https://news.example.org/a1"><title>Bridge reopens</title>
<link>https://news.example.org/a1</link><description>Traffic flows again.</description></item>
</rdf:RDF>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Post</title>
<link href="https://valley.example.org/"/><id>urn:valley</id><updated>2025-06-01T10:00:00Z</updated>
<entry><id>urn:valley:7</id><title>Dam inspection finds cracks</title>
<link href="https://valley.example.org/dam"/><published>2025-06-01T08:00:00Z</published>
<updated>2025-06-01T10:00:00Z</updated><author><name>Lee Park</name></author>
<content type="html">&lt;p&gt;Engineers counted 14 cracks.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss20_entry_keeps_what_the_feed_states() -> None:
    feed = parse_feed(RSS20, "application/rss+xml", URL)
    assert feed.format == "rss20"
    assert feed.title == "Harbour Gazette"
    (entry,) = feed.entries
    assert entry.guid == "hg-101"
    assert entry.link == "https://news.example.org/2025/ferry"  # resolved against the feed URL
    assert entry.title == "Ferry timetable changes"
    assert entry.summary_html == "Short teaser."
    assert entry.content_html is not None and "6:40" in entry.content_html
    assert entry.published == datetime(2025, 6, 3, 7, 30, tzinfo=UTC)
    assert feed.warnings == ()


def test_rss10_and_atom_are_parsed() -> None:
    rdf = parse_feed(RSS10, "application/rdf+xml", URL)
    assert rdf.format == "rss10" and rdf.entries[0].title == "Bridge reopens"
    atom = parse_feed(ATOM, "application/atom+xml", URL)
    assert atom.format == "atom10"
    (entry,) = atom.entries
    assert entry.guid == "urn:valley:7"
    assert entry.authors == ("Lee Park",)
    assert entry.published == datetime(2025, 6, 1, 8, tzinfo=UTC)
    assert entry.updated == datetime(2025, 6, 1, 10, tzinfo=UTC)


@pytest.mark.parametrize(("version", "fmt"), [("1", "json10"), ("1.1", "json11")])
def test_json_feed_is_detected_and_parsed(version: str, fmt: str) -> None:
    doc = {
        "version": f"https://jsonfeed.org/version/{version}",
        "title": "River Wire",
        "items": [
            {
                "id": 42,
                "url": "https://river.example.org/42",
                "title": "Levee holds",
                "content_text": "Water peaked at 7.2 metres.\nNo homes flooded.",
                "date_published": "2025-05-30T12:00:00+02:00",
                "authors": [{"name": "Sam Ode"}],
            },
            "junk",
        ],
    }
    feed = parse_feed(json.dumps(doc).encode(), "application/feed+json", URL)
    assert feed.format == fmt
    entry = feed.entries[0]
    assert entry.guid == "42"
    assert entry.content_html == "<p>Water peaked at 7.2 metres.</p><p>No homes flooded.</p>"
    assert entry.published == datetime(2025, 5, 30, 10, tzinfo=UTC)
    assert entry.authors == ("Sam Ode",)
    assert len(feed.warnings) == 1  # the junk item is reported, not fatal


def test_json_without_jsonfeed_version_is_not_a_feed() -> None:
    with pytest.raises(FeedParseError) as caught:
        parse_feed(b'{"hello": "world"}', None, URL)
    assert caught.value.reason == "not_a_feed"


def test_recoverable_errors_yield_entries_and_a_warning() -> None:
    broken = RSS20.replace(b"</channel>", b"<item><title>Second & broken</title></item></channel>")
    feed = parse_feed(broken, "application/rss+xml", URL)
    assert [e.guid for e in feed.entries][:1] == ["hg-101"]
    assert feed.warnings and "not well-formed" in feed.warnings[0]


def test_html_page_is_not_a_feed() -> None:
    page = b"<!DOCTYPE html><html><head><title>Home</title></head><body><p>Hi</p></body></html>"
    with pytest.raises(FeedParseError) as caught:
        parse_feed(page, "text/html; charset=utf-8", URL)
    assert caught.value.reason == "not_a_feed"
    assert URL in str(caught.value)


def test_hopelessly_malformed_xml_is_a_parse_error() -> None:
    with pytest.raises(FeedParseError) as caught:
        parse_feed(b"<<<rss <<< \x00", "application/xml", URL)
    assert caught.value.reason == "parse_error"


@pytest.mark.parametrize("encoding", ["iso-8859-1", "windows-1251", "utf-16", "shift_jis"])
def test_non_utf8_feeds_decode_from_declaration(encoding: str) -> None:
    title = {
        "iso-8859-1": "Café à Liège",
        "windows-1251": "Новости дня",
        "utf-16": "Größe ☂",
        "shift_jis": "東京の天気",
    }[encoding]
    xml = (
        f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel>'
        f"<title>x</title><item><guid>g</guid><title>{title}</title></item></channel></rss>"
    )
    feed = parse_feed(xml.encode(encoding), f"application/xml; charset={encoding}", URL)
    assert feed.entries[0].title == title


def test_charset_from_content_type_is_used_when_the_document_does_not_say() -> None:
    xml = '<rss version="2.0"><channel><item><guid>g</guid><title>Zürich</title></item></channel></rss>'
    feed = parse_feed(xml.encode("iso-8859-1"), "text/xml; charset=iso-8859-1", URL)
    assert feed.entries[0].title == "Zürich"


def test_a_body_naming_a_local_file_is_parsed_as_text_not_opened(tmp_path: object) -> None:
    from pathlib import Path

    secret = Path(str(tmp_path)) / "secret.xml"
    secret.write_bytes(RSS20)
    with pytest.raises(FeedParseError):
        parse_feed(str(secret).encode(), "application/xml", URL)


class _ImportRecorder(importlib.abc.MetaPathFinder):
    """Notes every module an import statement looks for, then lets the real finders work."""

    def __init__(self) -> None:
        self.wanted: list[str] = []

    def find_spec(self, fullname: str, path: object, target: object = None) -> None:
        self.wanted.append(fullname)


def test_parsing_imports_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    # feedparser would try a missing SAX driver on every parse; a failed import is not
    # cached, so each attempt searched sys.path again.
    parse_feed(RSS20, "application/rss+xml", URL)  # warm: anything imported lazily once
    recorder = _ImportRecorder()
    monkeypatch.setattr(sys, "meta_path", [recorder, *sys.meta_path])
    for _ in range(3):
        parse_feed(RSS20, "application/rss+xml", URL)
    assert recorder.wanted == []
