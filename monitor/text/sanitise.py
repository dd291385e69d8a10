"""Text from outside (feeds, pages, servers) made safe to store on every database.

One function family, applied before any event is made: NUL and the other C0 control
characters except tab and newline are removed (PostgreSQL text cannot hold NUL; none of
them means anything in news text), carriage returns become newlines, lone surrogates
(which no UTF-8 encoder accepts) become U+FFFD, and each kind of field has a length cap.

Limits (characters, see README "Limits and hostile input"):
  title 1,000 · author 200 (at most 20 authors) · link 2,048 (a longer link is dropped,
  since a cut link is a wrong link) · GUID 1,024 (a longer one is replaced by its hash,
  which keeps the entry's identity stable) · summary 100,000 · entry content 1,000,000 ·
  one-line messages (errors, warnings) 2,000.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

TITLE_MAX = 1_000
AUTHOR_MAX = 200
AUTHORS_MAX = 20
LINK_MAX = 2_048
GUID_MAX = 1_024
SUMMARY_MAX = 100_000
CONTENT_MAX = 1_000_000
MESSAGE_MAX = 2_000

# C0 controls except \t (09) and \n (0A); \r (0D) is handled first (CRLF → LF); DEL too.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean(text: str) -> str:
    """`text` without NUL/C0 controls (tab and newline kept) and with lone surrogates replaced."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROLS.sub("", text)
    if _SURROGATE.search(text):
        # A valid pair is only ever one code point in a str; what is left is lone halves.
        text = _SURROGATE.sub("\ufffd", text)
    return text


def capped(text: str | None, limit: int) -> str | None:
    """clean(text) cut to `limit` characters (None stays None)."""
    if text is None:
        return None
    text = clean(text)
    return text if len(text) <= limit else text[:limit]


def clean_title(text: str | None) -> str | None:
    """A feed or entry title: cleaned, one line, at most TITLE_MAX characters."""
    value = capped(text, TITLE_MAX * 2)
    if value is None:
        return None
    return " ".join(value.split())[:TITLE_MAX]


def clean_line(text: str | None, limit: int = MESSAGE_MAX) -> str | None:
    """A one-line message (an error, a warning, a header value): cleaned, newlines folded."""
    value = capped(text, limit * 2)
    if value is None:
        return None
    return " ".join(value.split())[:limit]


def clean_link(text: str | None) -> str | None:
    """A link: cleaned and stripped of whitespace; None when longer than LINK_MAX."""
    value = capped(text, LINK_MAX + 1)
    if value is None:
        return None
    value = "".join(value.split())
    return value if value and len(value) <= LINK_MAX else None


def clean_guid(text: str | None) -> str | None:
    """A GUID: cleaned; one over GUID_MAX is replaced by "sha1:" + its hash (stable identity)."""
    if text is None:
        return None
    value = clean(text).strip()
    if not value:
        return None
    if len(value) > GUID_MAX:
        return "sha1:" + hashlib.sha1(value.encode("utf-8")).hexdigest()
    return value


def clean_authors(names: Iterable[str]) -> tuple[str, ...]:
    """Author names: cleaned, one line each, capped, at most AUTHORS_MAX of them."""
    out: list[str] = []
    for name in names:
        value = clean_line(name, AUTHOR_MAX)
        if value:
            out.append(value)
        if len(out) == AUTHORS_MAX:
            break
    return tuple(out)
