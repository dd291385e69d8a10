"""OPML import: the feed URLs (and names) listed in an OPML document."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from monitor.polling.urls import UnsupportedURL, check_url

# No entity expansion, DTD loading or network: an OPML file is untrusted input.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=True)


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
    """Every outline with an xmlUrl, in document order, duplicates dropped; bad URLs refused."""
    root = etree.fromstring(data, _PARSER)
    if root is None:
        raise ValueError("not an OPML document")
    feeds: dict[str, OpmlFeed] = {}
    refused: list[tuple[str, str]] = []
    for outline in root.iter("outline"):
        raw = outline.get("xmlUrl") or outline.get("xmlurl")
        if not raw:
            continue
        try:
            url = check_url(raw)
        except UnsupportedURL as exc:
            refused.append((raw, str(exc)))
            continue
        title = (outline.get("title") or outline.get("text") or "").strip() or None
        feeds.setdefault(url, OpmlFeed(url=url, title=title))
    return OpmlImport(feeds=tuple(feeds.values()), refused=tuple(refused))
