"""Whether an entry is a teaser whose linked page must be fetched for its full text (pure)."""

from __future__ import annotations

import re

from monitor.polling.parser import ParsedEntry
from monitor.text.markup import markup_to_text

# Fewer words than this and an entry is a teaser: the linked page is fetched ("auto").
FULL_TEXT_MIN_WORDS = 80

_TEASER_END = re.compile(
    r"(?:\.\.\.|…|\[\s*(?:\.\.\.|…)\s*\]|\b(?:read more|continue reading|read the full (?:story|article))"
    r"\W*)\s*$",
    re.I,
)


def needs_full_text(entry: ParsedEntry, policy: str) -> bool:
    """Whether to fetch the linked page: "always", "never", or "auto" (teaser or short entry)."""
    if policy == "always":
        return entry.link is not None
    if policy == "never" or entry.link is None:
        return False
    text = markup_to_text(entry.content_html) or markup_to_text(entry.summary_html)
    return len(text.split()) < FULL_TEXT_MIN_WORDS or bool(_TEASER_END.search(text))
