"""Feed parsing: RSS/Atom via feedparser on bytes (it never fetches), JSON Feed by hand."""

from __future__ import annotations

import calendar
import io
import json
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

import feedparser

from monitor.text import sanitise


@dataclass(frozen=True)
class ParsedEntry:
    """One entry as the feed states it."""

    guid: str | None
    link: str | None
    title: str
    summary_html: str | None
    content_html: str | None
    published: datetime | None
    updated: datetime | None
    authors: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParsedFeed:
    """A parsed feed document; `warnings` lists recoverable errors."""

    title: str | None
    link: str | None
    entries: tuple[ParsedEntry, ...]
    warnings: tuple[str, ...]
    format: str


class FeedParseError(Exception):
    """The body is not a feed (`not_a_feed`) or is too broken to yield anything (`parse_error`)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message

    def __reduce__(self) -> tuple[type[FeedParseError], tuple[str, str]]:
        # Rebuilt from both fields (a parse in a worker process raises it across a pipe).
        return (FeedParseError, (self.reason, self.message))


# feedparser asks xml.sax for the libxml2 driver first, on every parse; that import fails
# (no such module ships today) and a failed import is never cached, so each parse searched
# sys.path for it: a sixth of a cold poll cycle's CPU. Expat, its fallback, is what parses.
feedparser.api.PREFERRED_XML_PARSERS = []

_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)
_BOM = b"\xef\xbb\xbf"
# feedparser flags these but has decoded the document fine; they are not worth a warning.
_HARMLESS_BOZO = frozenset({"CharacterEncodingOverride", "NonXMLContentType"})


def parse_feed(body: bytes, content_type: str | None, url: str) -> ParsedFeed:
    """Parse a feed body fetched from `url`; raise FeedParseError when nothing usable is in it.

    Never raises anything else for any body: whatever the document does to the parsers
    (nesting deep enough to exhaust the stack, characters no encoder takes) is a
    `parse_error`. Every text field comes out sanitised (`monitor.text.sanitise`).
    """
    try:
        if _is_json(body, content_type):
            parsed = _parse_json_feed(body, content_type, url)
        else:
            parsed = _parse_xml_feed(body, content_type, url)
    except FeedParseError:
        raise
    except RecursionError:
        raise FeedParseError("parse_error", f"{url}: document nested too deeply to parse") from None
    except (ValueError, LookupError, TypeError, AttributeError, UnicodeError) as exc:
        # feedparser and the decoders raise these on hostile input (e.g. a lone surrogate
        # reference such as &#xD800; fails to encode inside feedparser).
        detail = sanitise.clean_line(f"{type(exc).__name__}: {exc}", 300)
        raise FeedParseError(
            "parse_error", f"{url} could not be parsed as a feed: {detail}"
        ) from None
    return _sanitised(parsed)


def _sanitised(feed: ParsedFeed) -> ParsedFeed:
    return ParsedFeed(
        title=sanitise.clean_title(feed.title) or None,
        link=sanitise.clean_link(feed.link),
        entries=tuple(_sanitised_entry(e) for e in feed.entries),
        warnings=tuple(w for w in (sanitise.clean_line(x) for x in feed.warnings[:20]) if w),
        format=sanitise.clean_line(feed.format, 32) or "unknown",
    )


def _sanitised_entry(e: ParsedEntry) -> ParsedEntry:
    return ParsedEntry(
        guid=sanitise.clean_guid(e.guid),
        link=sanitise.clean_link(e.link),
        title=sanitise.clean_title(e.title) or "",
        summary_html=sanitise.capped(e.summary_html, sanitise.SUMMARY_MAX),
        content_html=sanitise.capped(e.content_html, sanitise.CONTENT_MAX),
        published=e.published,
        updated=e.updated,
        authors=sanitise.clean_authors(e.authors),
    )


def _is_json(body: bytes, content_type: str | None) -> bool:
    mime = (content_type or "").split(";")[0].strip().lower()
    if mime in ("application/feed+json", "application/json") or mime.endswith("+json"):
        return True
    return body.lstrip(_BOM + b" \t\r\n").startswith(b"{")


# --- RSS / Atom -------------------------------------------------------------------------


# Character references to UTF-16 surrogates (&#xD800;, &#55296;) name no character; feedparser
# would decode them into a str no encoder accepts. They become U+FFFD before parsing.
_SURROGATE_REF = re.compile(
    rb"&#(?:[xX]0*[dD][89a-fA-F][0-9a-fA-F]{2}|0*(?:5529[6-9]|55[3-9]\d\d|56\d{3}|57[0-2]\d\d"
    rb"|573[0-3]\d|5734[0-3]));"
)


def _parse_xml_feed(body: bytes, content_type: str | None, url: str) -> ParsedFeed:
    body = _SURROGATE_REF.sub(b"&#xFFFD;", body)
    # No content-location: feedparser would rewrite relative GUIDs against the URL, and a
    # redirect would then change every entry's identity. Links are resolved below instead.
    headers = {"content-type": content_type} if content_type else {}
    # Wrapped in a stream: given raw bytes that spell a path or URL, feedparser would
    # open that file or fetch that URL itself. A stream is only ever read.
    # No sanitising or URI rewriting: entry HTML only ever becomes plain text through
    # extract_fragment (lxml_html_clean), and skipping both makes parsing ~30% cheaper.
    parsed = feedparser.parse(
        io.BytesIO(body), response_headers=headers, sanitize_html=False, resolve_relative_uris=False
    )
    entries = tuple(e for e in (_xml_entry(x, url) for x in parsed.entries) if _has_substance(e))
    warning = _bozo_message(parsed)
    if not entries:
        _raise_if_unusable(parsed, body, content_type, url, warning)
    feed = parsed.feed
    return ParsedFeed(
        title=_text(feed.get("title")),
        link=_text(feed.get("link")),
        entries=entries,
        warnings=(warning,) if warning else (),
        format=parsed.get("version") or "unknown",
    )


def _raise_if_unusable(
    parsed: Any, body: bytes, content_type: str | None, url: str, warning: str | None
) -> None:
    mime = (content_type or "").split(";")[0].strip().lower()
    if mime in ("text/html", "application/xhtml+xml") or _HTML_START.match(body[:2048]):
        raise FeedParseError("not_a_feed", f"{url} returned an HTML page, not a feed")
    if warning and "SAX" in warning:
        raise FeedParseError("parse_error", f"{url} could not be parsed as a feed: {warning}")
    if parsed.get("version"):
        return  # a well-formed feed that simply has no entries
    raise FeedParseError("not_a_feed", f"{url} is not an RSS, Atom or JSON feed")


def _bozo_message(parsed: Any) -> str | None:
    if not parsed.get("bozo"):
        return None
    exc = parsed.get("bozo_exception")
    # A declared-vs-detected encoding mismatch is routine and harmless once decoded.
    if exc is not None and type(exc).__name__ in _HARMLESS_BOZO:
        return None
    return f"{type(exc).__name__}: {exc}" if exc is not None else "malformed feed"


def _has_substance(e: ParsedEntry) -> bool:
    return bool(e.guid or e.link or e.title or e.summary_html or e.content_html)


def _xml_entry(e: Any, url: str) -> ParsedEntry:
    content = _first_content(e)
    summary = _text(e.get("summary"))
    if summary is not None and content is not None and summary.strip() == content.strip():
        summary = None
    return ParsedEntry(
        guid=_text(e.get("id")),
        link=_absolute(url, _text(e.get("link"))),
        title=_text(e.get("title")) or "",
        summary_html=summary,
        content_html=content,
        published=_struct_to_dt(e.get("published_parsed")),
        updated=_struct_to_dt(e.get("updated_parsed")),
        authors=_authors(e),
    )


def _first_content(e: Any) -> str | None:
    values = [c.get("value") for c in e.get("content", []) if c.get("value")]
    # Prefer the longest body: some feeds put a teaser first and the article second.
    return max(values, key=len) if values else None


def _authors(e: Any) -> tuple[str, ...]:
    names = [a.get("name") for a in e.get("authors", []) if isinstance(a, dict)]
    found = tuple(n.strip() for n in names if n and n.strip())
    if found:
        return found
    single = _text(e.get("author"))
    return (single,) if single else ()


def _struct_to_dt(value: time.struct_time | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (OverflowError, ValueError, OSError):
        return None


def _absolute(base: str, link: str | None) -> str | None:
    return urljoin(base, link) if link else None


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value or None


# --- JSON Feed --------------------------------------------------------------------------


def _parse_json_feed(body: bytes, content_type: str | None, url: str) -> ParsedFeed:
    try:
        doc = json.loads(_decode_json(body, content_type))
    except (ValueError, UnicodeDecodeError) as exc:
        raise FeedParseError("parse_error", f"{url} is not valid JSON: {exc}") from None
    version = doc.get("version") if isinstance(doc, dict) else None
    if not isinstance(version, str) or "jsonfeed.org/version/" not in version:
        raise FeedParseError("not_a_feed", f"{url} is JSON but not a JSON Feed")
    items = doc.get("items")
    warnings: list[str] = []
    if not isinstance(items, list):
        warnings.append("JSON Feed without an items array")
        items = []
    entries = []
    for i, item in enumerate(items):
        if isinstance(item, dict):
            entries.append(_json_entry(item, url))
        else:
            warnings.append(f"item {i} is not an object; skipped")
    return ParsedFeed(
        title=_text(doc.get("title")),
        link=_text(doc.get("home_page_url")),
        entries=tuple(entries),
        warnings=tuple(warnings),
        format="json11" if version.rstrip("/").endswith("1.1") else "json10",
    )


def _decode_json(body: bytes, content_type: str | None) -> str:
    match = re.search(r"charset=([\w.:-]+)", content_type or "", re.I)
    if match:
        try:
            return body.decode(match.group(1)).lstrip("\ufeff")
        except LookupError:
            pass
    return body.decode("utf-8-sig")


def _json_entry(item: dict[str, Any], url: str) -> ParsedEntry:
    content = _text(item.get("content_html"))
    if content is None and _text(item.get("content_text")):
        content = _plain_to_html(item["content_text"])
    item_id = item.get("id")
    return ParsedEntry(
        guid=str(item_id).strip() or None if item_id is not None else None,
        link=_absolute(url, _text(item.get("url")) or _text(item.get("external_url"))),
        title=_text(item.get("title")) or "",
        summary_html=_text(item.get("summary")),
        content_html=content,
        published=_iso_to_dt(item.get("date_published")),
        updated=_iso_to_dt(item.get("date_modified")),
        authors=_json_authors(item),
    )


def _json_authors(item: dict[str, Any]) -> tuple[str, ...]:
    raw = item.get("authors")
    if not isinstance(raw, list):
        raw = [item["author"]] if isinstance(item.get("author"), dict) else []
    return tuple(a["name"].strip() for a in raw if isinstance(a, dict) and _text(a.get("name")))


def _plain_to_html(text: str) -> str:
    from html import escape

    return "".join(f"<p>{escape(p.strip())}</p>" for p in text.split("\n") if p.strip())


def _iso_to_dt(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        dt = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return (dt if dt.tzinfo else dt.replace(tzinfo=UTC)).astimezone(UTC)
