"""Main-text extraction for pages (trafilatura) and feed-supplied HTML (lxml_html_clean)."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import htmldate
import lxml.html
import trafilatura
from lxml_html_clean import Cleaner

from monitor.text import sanitise
from monitor.text.boilerplate import strip_boilerplate
from monitor.text.markup import markup_to_text
from monitor.text.normalise import normalise_line

# A page needs this many words of main text to count as carrying an article.
ARTICLE_MIN_WORDS = 40

# Chosen on bench/extraction.py (181 pages, shingle F1): readers' comments are never
# reporting (+0.007), and precision mode keeps link lists and teasers out (+0.004);
# recall mode and dropping tables both scored lower.
_TRAFILATURA_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "favor_precision": True,
    "deduplicate": False,
}

_BLOCKS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "figure",
        "figcaption",
        "pre",
        "hr",
    }
)
# Containers whose class or id names them as non-article furniture inside feed HTML.
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|social|related|comments?|donat\w*|newsletter|promo|advert\w*|"
    r"ads?|subscribe|recommend\w*|ranking|vote\w*|rating|cookie\w*)(?:$|[\s_-])",
    re.I,
)
_CLEANER = Cleaner(
    scripts=True,
    javascript=True,
    comments=True,
    style=True,
    inline_style=True,
    links=False,
    meta=True,
    page_structure=False,
    processing_instructions=True,
    embedded=True,
    frames=True,
    forms=True,
    annoying_tags=True,
    remove_unknown_tags=False,
    safe_attrs_only=False,  # class/id are needed to spot furniture; nothing is rendered
)


@dataclass(frozen=True)
class Extracted:
    """Main text of a page (paragraphs joined by newlines) with its title and original date."""

    text: str
    title: str | None
    page_date: datetime | None
    has_article_text: bool


# Extraction cost grows faster than the page (about 3 s per MB of markup on the reference
# machine, more for bigger pages), so one page's cost is bounded by its size: scripts,
# styles, SVG and comments are dropped, then only the first PAGE_MAX_BYTES are extracted.
# A bound in bytes, not seconds, keeps the articles projection deterministic on replay.
PAGE_MAX_BYTES = 1_000_000
# Over this size (after the cut) trafilatura skips its fallback extractors (readability,
# jusText), which cost most on big pages; smaller pages (nearly all articles) keep them.
FAST_ABOVE_BYTES = 250_000
_INERT_OPEN = re.compile(rb"<(?:!--|(script|style|svg|noscript|template)[\s/>])", re.I)
_INERT_CLOSE = {
    tag: re.compile(rb"</" + tag + rb"\s*>", re.I)
    for tag in (b"script", b"style", b"svg", b"noscript", b"template")
}


def page_budget(html: str | bytes) -> bytes:
    """The part of a page that is extracted: inert blocks removed, cut to PAGE_MAX_BYTES."""
    data = html.encode("utf-8", "replace") if isinstance(html, str) else html
    if len(data) <= PAGE_MAX_BYTES:
        return data
    data = _drop_inert(data[: 4 * PAGE_MAX_BYTES])
    if len(data) > PAGE_MAX_BYTES:
        cut = data.rfind(b"<", 0, PAGE_MAX_BYTES)
        data = data[: cut if cut > PAGE_MAX_BYTES // 2 else PAGE_MAX_BYTES]
    return data


def _drop_inert(data: bytes) -> bytes:
    """Remove script/style/svg/noscript/template blocks and comments, in linear time.

    A block never closed loses only its opening tag (what follows may be the article); once
    a tag's closing is known to be absent, it is not searched for again.
    """
    kept: list[bytes] = []
    unclosed: set[bytes] = set()
    at = 0
    while (found := _INERT_OPEN.search(data, at)) is not None:
        start, tag = found.start(), found.group(1)
        if tag is None:  # a comment
            end = data.find(b"-->", start + 4)
            stop = len(data) if end < 0 else end + 3
        else:
            tag = tag.lower()
            tag_end = data.find(b">", start)
            closing = None
            if tag_end > 0 and data[tag_end - 1 : tag_end] != b"/" and tag not in unclosed:
                closing = _INERT_CLOSE[tag].search(data, tag_end)
                if closing is None:
                    unclosed.add(tag)
            stop = len(data) if tag_end < 0 else closing.end() if closing else tag_end + 1
        kept.append(data[at:start])
        at = stop
    kept.append(data[at:])
    return b" ".join(kept)


def extract_page(
    html: str | bytes, url: str | None = None, repeated: frozenset[str] = frozenset()
) -> Extracted:
    """Extract a full page's main text, title and original publication date (of at most the
    first PAGE_MAX_BYTES of its markup, see `page_budget`)."""
    data = page_budget(html)
    tree = trafilatura.load_html(data)
    if tree is None:
        return Extracted(text="", title=None, page_date=None, has_article_text=False)
    page_date = _page_date(copy.deepcopy(tree), url)
    meta = trafilatura.extract_metadata(copy.deepcopy(tree), default_url=url)
    fast = len(data) > FAST_ABOVE_BYTES
    raw = trafilatura.extract(tree, url=url, fast=fast, **_TRAFILATURA_OPTIONS) or ""
    text = sanitise.capped(strip_boilerplate(raw, repeated), sanitise.CONTENT_MAX) or ""
    title = normalise_line(meta.title) if meta is not None and meta.title else None
    return Extracted(
        text=text,
        title=sanitise.clean_title(title) or None,
        page_date=page_date,
        has_article_text=len(text.split()) >= ARTICLE_MIN_WORDS,
    )


def extract_fragment(html: str, repeated: frozenset[str] = frozenset()) -> str:
    """Feed-supplied HTML (content or summary) → plain text, cleaned and boilerplate-stripped."""
    if not html or not html.strip():
        return ""
    html = sanitise.clean(html)  # lxml refuses NUL and controls; PostgreSQL refuses NUL
    if "<" not in html:
        return strip_boilerplate(markup_to_text(html), repeated)
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
        root = _CLEANER.clean_html(root)
    except (lxml.etree.ParserError, ValueError):
        return strip_boilerplate(markup_to_text(html), repeated)
    _drop_furniture(root)
    return sanitise.clean(strip_boilerplate(_block_text(root), repeated))


def _page_date(tree: Any, url: str | None) -> datetime | None:
    try:
        found = htmldate.find_date(tree, original_date=True, url=url, outputformat="%Y-%m-%d")
    except Exception:  # htmldate raises assorted errors on odd markup; a date is optional
        return None
    if not found:
        return None
    try:
        return datetime.strptime(found, "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError:
        return None


def _drop_furniture(root: Any) -> None:
    doomed = [
        el
        for el in root.iter()
        if isinstance(el.tag, str)
        and el is not root
        and _FURNITURE.search(f"{el.get('class', '')} {el.get('id', '')}")
    ]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def _block_text(root: Any) -> str:
    parts: list[str] = []
    _walk(root, parts)
    lines = (normalise_line(x) for x in "".join(parts).split("\n"))
    return "\n".join(x for x in lines if x)


def _walk(el: Any, parts: list[str]) -> None:
    block = isinstance(el.tag, str) and el.tag.lower() in _BLOCKS
    if block:
        parts.append("\n")
    if isinstance(el.tag, str) and el.text:
        parts.append(el.text)
    for child in el:
        _walk(child, parts)
        if child.tail:
            parts.append(child.tail)
    if block:
        parts.append("\n")
