"""Key names of an article: the people, places and organisations its lead is about.

A light, deterministic extractor without a gazetteer. Capitalised words of the headline
(unless it is Title Cased) and the first paragraph are names, except

- a sentence's first word when the same word also occurs in lower case in the article
  ("Deadly crush at ...", "Stampede kills ...": ordinary words that start a sentence);
- words common in ordinary English by the word-frequency prior of
  :mod:`monitor.text.priors` ("North", "Court", "President"; country names and leaders
  stay: "China", "Trump"), month names, and the outlet's own name (a dateline's
  "(Meridian Press)").

What is left are the distinctive names ("hualien", "burhan", "bukavu"), which two reports
of one event share and two same-day events in different places or by different actors do
not. :func:`event_numbers` gives the counts and amounts of the text, without dates, times
and years.
"""

from __future__ import annotations

import re

from monitor.text.priors import is_common
from monitor.text.terms import STOPWORDS, stem

LEAD_WORDS = 70
"""Words of the body read as its lead (a dateline and the first sentence or two)."""
COMMON = 0.06
"""Names found in more than this share of articles (by the prior) are not distinctive."""

_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
MONTHS = frozenset(_MONTHS.split())
_TOKEN = re.compile(r"[^\W\d_][\w’'.&-]*|\d[\d,.:]*|[.!?;:\"“”()]", re.UNICODE)
_SENTENCE_END = frozenset('.!?;:"“”()')
_POSSESSIVE = re.compile(r"['’]s$")
_DATE = re.compile(rf"\b(?:{'|'.join(_MONTHS.split())})\.?\s+\d{{1,2}}\b", re.IGNORECASE)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")


def lead(text: str, words: int = LEAD_WORDS) -> str:
    """The first paragraph of ``text``, at most ``words`` words."""
    first = text.strip().split("\n", 1)[0]
    return " ".join(first.split()[:words])


def _normal(token: str) -> str:
    return _POSSESSIVE.sub("", token.strip(".-&’'")).lower()


def _name_words(text: str, lower_words: frozenset[str], exclude: frozenset[str]) -> set[str]:
    found: set[str] = set()
    initial = True
    for raw in _TOKEN.findall(text):
        if raw in _SENTENCE_END:
            initial = True
            continue
        was_initial, initial = initial, raw.endswith(".") and "." not in raw[:-1]
        if not raw[:1].isupper():
            continue
        word = _normal(raw)
        if was_initial and word in lower_words:
            continue
        if len(word) < 3 or word in STOPWORDS or word in MONTHS or word in exclude:
            continue
        normal = stem(word)
        if not is_common(normal.replace(".", ""), COMMON):
            found.add(normal)
    return found


def key_names(title: str, text: str, source: str = "", title_case: bool = False) -> set[str]:
    """Distinctive name words of the headline (unless Title Cased) and the lead paragraph."""
    exclude = frozenset(w.lower() for w in re.findall(r"\w+", source))
    lower_words = frozenset(w for w in re.findall(r"\b[a-z][\w’'-]*", text))
    found = _name_words(lead(text), lower_words, exclude)
    if not title_case:
        found |= _name_words(title, lower_words, exclude)
    return found


def event_numbers(text: str) -> set[str]:
    """Counts and amounts of ``text`` (at least 10; no dates, times of day or years)."""
    cleaned = _TIME.sub(" ", _DATE.sub(" ", text))
    found: set[str] = set()
    for match in _NUMBER.finditer(cleaned):
        number = match.group().replace(",", "").rstrip(".")
        if len(number) == 4 and number[:2] in ("19", "20"):
            continue
        try:
            if float(number) >= 10:
                found.add(number)
        except ValueError:
            continue
    return found
