"""Text-level boilerplate removal: what survives main-text extraction but is not reporting."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from typing import Any

from monitor.text.normalise import normalise_line

# A line is judged on its own; keyword rules only apply to short lines so that a
# long paragraph which merely mentions "comments" or "donate" is never dropped.
SHORT_LINE_WORDS = 30

# Lines seen in at least this many distinct articles of one source are boilerplate.
REPEATED_MIN_ARTICLES = 3
# Only short lines are learned: a background paragraph repeated across a developing
# story is reporting (and may carry the very figure we track), not boilerplate.
REPEATED_MAX_WORDS = 25
# Bound the per-source memory; lines beyond it are evicted deterministically.
REPEATED_MAX_LINES = 5000

_I = re.IGNORECASE

# Whole-line patterns: the entire (normalised) line must match.
_WHOLE_LINE = [
    re.compile(p, _I)
    for p in (
        r"(?:advertisement|advertising|sponsored(?: content)?|ad)",
        r"(?:share|tweet|email|print|save|copy link|pin it|whatsapp)(?:\s*(?:this|article|story))?",
        r"share (?:this|the) (?:article|story|page|post)(?: on .*)?",
        r"share on (?:facebook|twitter|x|linkedin|whatsapp|reddit|email).*",
        r"(?:[\d.,]+[km]?\s*)?(?:comments?|replies|votes?|points?|likes?|upvotes?|shares?)"
        r"(?:\s*\(?[\d.,]+[km]?\)?)?",
        r"[▲▼↑↓+\-]?\s*[\d.,]+[km]?\s*[▲▼↑↓]?",  # bare vote counters
        r"(?:up|down)vote(?:s|d)?(?:\s*[\d.,]+)?",
        r"(?:was this (?:article|page|story)? ?helpful\??)(?:\s*(?:yes|no)\s*)*",
        r"(?:skip to (?:main )?content|back to top|top of page)",
        r"(?:read|see|view|show|load) (?:more|all|the)? ?comments?.*",
    )
]

# Keyword patterns: a match anywhere in a short line drops it.
_SHORT_LINE_KEYWORDS = re.compile(
    "|".join(
        (
            r"\bdonat(?:e|ion|ing)\b",
            r"\bsupport (?:our|independent|quality|us|this|the) (?:journalism|reporting|work|newsroom)",
            r"\b(?:become|join) (?:a|our) (?:member|supporter|subscriber|patron)",
            r"\bmake a (?:one-off |monthly |recurring )?contribution\b",
            r"\bsubscribe (?:to|for|now|today)\b",
            r"\bsign up (?:for|to) (?:our|the) (?:\w+ )?newsletter",
            r"\bnewsletter sign[- ]?up\b",
            r"\b(?:leave|post|add|write) (?:a|your) (?:comment|reply)",
            r"\bjoin the (?:conversation|discussion|debate)\b",
            r"\bbe the first to comment\b",
            r"\bcomments? (?:are|is) (?:closed|open)\b",
            r"\bwhat do you think\?",
            r"\bwe use cookies\b",
            r"\bcookie (?:policy|settings|preferences|notice|consent)\b",
            r"\baccept (?:all )?cookies\b",
            r"\bfollow us on\b",
            r"\bshare this (?:article|story|page)\b",
            r"\bclick here to\b",
            r"\ball rights reserved\b",
            r"^©|\bcopyright ©",
        )
    ),
    _I,
)

# Inline teaser lines such as "Read more: Another headline".
_TEASER = re.compile(r"^(?:read|see) (?:more|also)\b\s*[:\-|>»]", _I)

# Headings that open a list of links to other articles; the heading and the
# list-like lines that follow it are dropped.
_LIST_HEADING = re.compile(
    r"(?:related(?: (?:articles?|stories|news|content|posts|links|coverage|topics|reading))?"
    r"|more (?:on|from|about|in|stories|news|articles|to read|like this)(?: .{0,40})?"
    r"|read (?:more|next|also)|see also|also read|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)"
    r"|recommended(?: (?:for you|articles|stories|reading))?|recommendations?"
    r"|rankings?|most (?:read|popular|viewed|shared|commented)|popular (?:now|stories|articles)"
    r"|trending(?: now| stories)?|top stories|latest (?:news|stories|articles)|editor'?s picks)"
    r"\s*:?",
    _I,
)
_LIST_ITEM_MAX_WORDS = 18
_SENTENCE_END = re.compile(r"[.!?…][\"')\]]*$")
_LIST_MARKER = re.compile(r"^(?:[-*•·▪►>]|\d{1,2}[.)])\s+")


def strip_boilerplate(text: str, repeated: frozenset[str] = frozenset()) -> str:
    """Drop appeals, prompts, counters, share/cookie lines, related-link lists and `repeated` lines."""
    kept: list[str] = []
    in_list = False
    for raw in text.splitlines():
        line = normalise_line(raw)
        if not line:
            in_list = False
            continue
        if in_list and _looks_like_list_item(line):
            continue
        in_list = False
        if _LIST_HEADING.fullmatch(line):
            in_list = True
            continue
        if line in repeated or is_boilerplate_line(line):
            continue
        kept.append(raw.strip())
    return "\n".join(kept)


def is_boilerplate_line(line: str) -> bool:
    """True for a single normalised line that is boilerplate on its own merits."""
    if any(p.fullmatch(line) for p in _WHOLE_LINE):
        return True
    if _TEASER.match(line):
        return True
    return len(line.split()) <= SHORT_LINE_WORDS and bool(_SHORT_LINE_KEYWORDS.search(line))


def _looks_like_list_item(line: str) -> bool:
    """A headline-like line: marked as a list item, or short without a sentence ending."""
    if _LIST_MARKER.match(line):
        return True
    return len(line.split()) <= _LIST_ITEM_MAX_WORDS and not _SENTENCE_END.search(line)


class RepeatedLines:
    """Learns, per source, the short lines that recur across its articles (deterministic)."""

    def __init__(self, min_articles: int = REPEATED_MIN_ARTICLES) -> None:
        self.min_articles = min_articles
        # source -> line -> the min_articles smallest article keys it was seen in
        self._seen: dict[str, dict[str, list[str]]] = {}

    def observe(self, source: str, lines: Iterable[str], article: str | None = None) -> None:
        """Record the lines of one article; `article` (default: a hash of the lines) dedupes."""
        distinct = sorted({n for n in (normalise_line(x) for x in lines) if _learnable(n)})
        if not distinct:
            return
        key = article or hashlib.sha1("\n".join(distinct).encode()).hexdigest()[:16]
        table = self._seen.setdefault(source, {})
        for line in distinct:
            keys = table.setdefault(line, [])
            if key not in keys:
                # Keeping the smallest keys (not the first seen) makes the state
                # independent of the order articles were observed in.
                keys.append(key)
                keys.sort()
                del keys[self.min_articles :]
        if len(table) > REPEATED_MAX_LINES:
            self._evict(table)

    def repeated(self, source: str) -> frozenset[str]:
        """Normalised lines seen in at least `min_articles` distinct articles of `source`."""
        table = self._seen.get(source, {})
        return frozenset(line for line, keys in table.items() if len(keys) >= self.min_articles)

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable state."""
        return {
            "min_articles": self.min_articles,
            "sources": {
                s: {k: list(v) for k, v in sorted(t.items())} for s, t in sorted(self._seen.items())
            },
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RepeatedLines:
        """Rebuild from `to_dict` output."""
        obj = cls(int(data.get("min_articles", REPEATED_MIN_ARTICLES)))
        for source, table in data.get("sources", {}).items():
            obj._seen[source] = {line: sorted(keys) for line, keys in table.items()}
        return obj

    def _evict(self, table: dict[str, list[str]]) -> None:
        # Keep confirmed and most-seen lines; ties broken by text so replays agree.
        ranked = sorted(table.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        table.clear()
        table.update(ranked[: REPEATED_MAX_LINES // 2])


def _learnable(line: str) -> bool:
    return bool(line) and len(line.split()) <= REPEATED_MAX_WORDS
