"""Cheap markup → text (pure): tags and scripts dropped, entities decoded, whitespace normalised."""

from __future__ import annotations

import html
import re

from monitor.text.normalise import normalise_text

_TAG = re.compile(r"<[^>]*>")
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|h[1-6]|blockquote|tr|section|article)\b[^>]*>", re.I)
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)


def markup_to_text(markup: str | None) -> str:
    """Cheap HTML → text for hashing and comparison (no boilerplate removal)."""
    if not markup:
        return ""
    text = _SCRIPT.sub(" ", markup)
    text = _BLOCK_TAG.sub("\n", text)
    return normalise_text(html.unescape(_TAG.sub(" ", text)))
