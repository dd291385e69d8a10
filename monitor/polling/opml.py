"""OPML import: the feed URLs (and names) listed in an OPML document."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from monitor.polling.urls import UnsupportedURL, check_url

# No entity expansion, DTD loading or network: an OPML file is untrusted input.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=True)
_STRICT = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@dataclass(frozen=True)
class OpmlFeed:
    """One feed outline."""

    url: str
    title: str | None


@dataclass(frozen=True)
class OpmlImport:
    """Feeds found, and outlines refused (URL, reason) such as file: or ftp: URLs."""

    feeds: tuple[OpmlFeed, ...]
    refused: tuple[tuple[str, str], ...]


def parse_opml(data: bytes) -> OpmlImport:
    """Every outline with an xmlUrl, in document order, duplicates dropped; bad URLs refused.

    Raises ValueError naming the problem for anything that is not an OPML document (empty,
    truncated before its root, an RSS or HTML file).
    """
    if not data.strip():
        raise ValueError("the file is empty, not an OPML document")
    broken: str | None = None
    try:
        root = etree.fromstring(data, _STRICT)
    except etree.XMLSyntaxError as exc:
        broken = str(exc)  # sloppy exports are common: read what can be read, below
        try:
            root = etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError:
            root = None
    if root is None and broken:
        raise ValueError(f"not an OPML document: {broken}")
    if root is None:
        raise ValueError("not an OPML document (no XML element could be read)")
    tag = etree.QName(root).localname.lower() if isinstance(root.tag, str) else ""
    if tag != "opml":
        raise ValueError(f"not an OPML document: its root element is <{tag or '?'}>, not <opml>")
    feeds: dict[str, OpmlFeed] = {}
    refused: list[tuple[str, str]] = []
    for outline in root.iter("outline"):
        raw = outline.get("xmlUrl") or outline.get("xmlurl")
        if not raw:
            if (outline.get("type") or "").lower() in ("rss", "atom"):
                name = outline.get("text") or outline.get("title") or "(untitled)"
                refused.append((name, "a feed outline without an xmlUrl"))
            continue
        try:
            url = check_url(raw)
        except UnsupportedURL as exc:
            refused.append((raw, str(exc)))
            continue
        title = (outline.get("title") or outline.get("text") or "").strip() or None
        feeds.setdefault(url, OpmlFeed(url=url, title=title))
    if broken and not feeds and not refused:
        raise ValueError(f"not a well-formed OPML document (truncated?): {broken}")
    return OpmlImport(feeds=tuple(feeds.values()), refused=tuple(refused))
