"""Text normalisation shared by identity, boilerplate and fingerprint code."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00ad": None,  # soft hyphen: invisible, would split words
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,
    }
)
_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\s*\n\s*")
_WORD = re.compile(r"\w+(?:['.,-]\w+)*", re.UNICODE)


def normalise_line(s: str) -> str:
    """One line: NFKC, quotes and dashes unified, inner whitespace collapsed, trimmed."""
    return " ".join(unicodedata.normalize("NFKC", s).translate(_QUOTES).split())


def normalise_text(s: str) -> str:
    """Unicode NFKC, quotes/dashes unified, whitespace collapsed (line breaks kept as one)."""
    s = unicodedata.normalize("NFKC", s).translate(_QUOTES)
    s = _SPACES.sub(" ", s)
    return _BLANK_LINES.sub("\n", s).strip()


def words(s: str) -> list[str]:
    """Lower-cased word tokens of normalised text (numbers like 1,000.5 stay one token)."""
    return [w.lower() for w in _WORD.findall(normalise_text(s))]


def shingles(tokens: list[str], n: int = 4) -> set[tuple[str, ...]]:
    """Set of n-word shingles; a text shorter than n gives one shingle of all its words."""
    if len(tokens) < n:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}
