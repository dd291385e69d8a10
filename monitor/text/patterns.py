"""Regular-expression building: word lists as alternations the matcher can reject quickly.

`alternation(["at least", "at most", "almost"])` matches exactly what the plain alternation
`at\\s+least|at\\s+most|almost` (longest word first) matches, and in the same order of
preference, but written as a prefix tree: `(?=[a])a(?:t\\s+(?:least|most)|lmost)`. The
matcher then tests each character once instead of entering every alternative in turn,
which matters for case-insensitive patterns tried at every word of a text.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from functools import lru_cache

WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
"""The weekday names as a regex alternation (match them case-sensitively)."""
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
"""The month names, in full, as a regex alternation (match them case-sensitively)."""
MONTH_ABBREVIATIONS = "Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec"
"""The months' short forms as written before a day ("Feb. 13"), a regex alternation."""

_END = ""  # the trie key marking a word that ends at this node
_Trie = dict[str, "_Trie"]


def _tokens(word: str) -> list[str]:
    """A word as regex atoms: each character escaped, each space any run of white space."""
    return [r"\s+" if ch == " " else re.escape(ch) for ch in word]


def _emit(node: _Trie) -> str:
    parts = [token + _emit(child) for token, child in node.items() if token != _END]
    if not parts:
        return ""
    body = "|".join(parts)
    if _END in node:
        return f"(?:{body})?"  # greedy: the longer word first, as in longest-first order
    return body if len(parts) == 1 else f"(?:{body})"


def alternation(words: Iterable[str]) -> str:
    """A prefix-tree regex equal to the alternation of `words`, longest first.

    Only words sharing a prefix can match at the same place, and among those the tree keeps
    the longest-first preference, so the regex matches what the flat alternation does.
    A leading look-ahead on the possible first characters rejects other places at once.
    """
    ordered = sorted(set(words), key=lambda w: (-len(w), w))  # a fixed order
    if not ordered or any(not w for w in ordered):
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    root: _Trie = {}
    for word in ordered:
        node = root
        for token in _tokens(word):
            node = node.setdefault(token, {})
        node[_END] = {}
    firsts = sorted({w[0] for w in ordered})
    guard = "" if len(firsts) < 2 or " " in firsts else f"(?=[{''.join(map(re.escape, firsts))}])"
    return f"{guard}(?:{_emit(root)})"


def may_hold(text: str, words: tuple[str, ...]) -> bool:
    """Whether `text` holds one of `words` (lowercase ASCII) in any letter case: a test to run
    before a case-insensitive regex that cannot match without one of them. A text that is not
    ASCII always passes (such a regex also matches "ſ", "ı" or the Kelvin sign for s, i, k)."""
    if not text.isascii():
        return True
    lower = text.lower()
    return any(map(lower.__contains__, words))


def lowered(text: str) -> str | None:
    """`text` lower-cased once for several `holds` tests; None when it is not ASCII."""
    return text.lower() if text.isascii() else None


def holds(lower: str | None, words: tuple[str, ...]) -> bool:
    """`may_hold(text, words)` for `lower = lowered(text)`: the same answer, the text
    lower-cased once for all the tests of one window."""
    return lower is None or any(map(lower.__contains__, words))


def folded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The case-sensitive twin of a case-insensitive pattern, for ASCII text lower-cased.

    On ASCII text an ASCII letter of the pattern matches either case of itself and nothing
    else, so the lower-case pattern matches the lower-cased text at the same places, with the
    same spans, and faster (the matcher folds no case). Only for patterns without an escape
    that lower-casing would change (\\S, \\W, \\D, \\B, \\A, \\Z), a character by number or
    back-reference, or an inline flag: those are refused."""
    if not pattern.flags & re.IGNORECASE or _UNFOLDABLE.search(pattern.pattern):
        raise ValueError(f"cannot fold {pattern.pattern[:40]!r}")
    lowered = pattern.pattern.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P=")
    return re.compile(lowered, pattern.flags & ~re.IGNORECASE)


@lru_cache(maxsize=32)  # the few sentences being read, asked for by each of their readers
def ascii_lower(text: str) -> str | None:
    """`text` lower-cased when it is ASCII (what a `folded` twin reads), else None."""
    return text.lower() if text.isascii() else None


class CaseFree:
    """A case-insensitive pattern that reads ASCII text through its `folded` twin: the same
    matches at the same offsets (with the same positions, ends and groups' spans), faster.

    A match found by the twin is a match in the lower-cased text: its `string` and the text
    of its groups are lower case, so only callers that read positions, or compare a group's
    text lower-cased, use this; text that is not ASCII is read by the pattern itself."""

    __slots__ = ("pattern", "twin")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.twin = folded(pattern)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        low = ascii_lower(text)
        if low is None:
            return self.pattern.match(text, pos, endpos)
        return self.twin.match(low, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        low = ascii_lower(text)
        if low is None:
            return self.pattern.search(text, pos, endpos)
        return self.twin.search(low, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        low = ascii_lower(text)
        if low is None:
            return self.pattern.fullmatch(text, pos, endpos)
        return self.twin.fullmatch(low, pos, endpos)


_UNFOLDABLE = re.compile(
    r"\\(?:[A-Z]|x|u00[4-7]|[0-9]|N\{)|\(\?[a-zA-Z-]+[:)]|\(\?P[<=][^>)]*[A-Z]"
)
