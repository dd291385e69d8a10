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
from functools import lru_cache

from monitor.text.priors import is_common
from monitor.text.terms import PHONE, STOPWORDS, name_word, stem

LEAD_WORDS = 70
"""Words of the body read as its lead (a dateline and the first sentence or two)."""
COMMON = 0.06
"""Names found in more than this share of articles (by the prior) are not distinctive."""

_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
MONTHS = frozenset(_MONTHS.split())
_ROLE_TEXT = """
minister ministry prime president presidential vice chief chairman chairwoman chair general
secretary spokesman spokeswoman spokesperson official officials police army military navy
department agency university court supreme company group party government state national
federal council committee commission union association associated press news agency
institute centre center office authority authorities forces force joint staff service
services board bank central international world global united republic democratic people
new city county province region district street road airport station hospital school
senator governor mayor king queen prince judge justice capital western eastern northern
southern north south east west
"""
ROLE_WORDS = frozenset(_ROLE_TEXT.split())
"""Capitalised words that are titles, roles or kinds of institution, not names."""
RARE = 0.002
"""A sentence's capitalised first word is a name only if rarer than this or capitalised elsewhere."""
_TOKEN = re.compile(r"[^\W\d_][\w’'.&-]*|\d[\d,.:]*|[.!?;:\"“”()]", re.UNICODE)
_SENTENCE_END = frozenset('.!?;:"“”()')
# The look-ahead only skips, cheaply, the words no month name starts with.
_DATE = re.compile(
    rf"\b(?=[jfmasond])(?:{'|'.join(_MONTHS.split())})\.?\s+\d{{1,2}}\b", re.IGNORECASE
)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")
_OUTLET_WORD = re.compile(r"\w+")
_LOWER_WORD = re.compile(r"\b[a-z][\w’'-]*")
_PER_ARTICLE = 8
"""Texts whose derived values are kept: the features of one article read them in turn."""


@lru_cache(maxsize=_PER_ARTICLE)
def lower_words(text: str) -> frozenset[str]:
    """The words ``text`` writes in lower case (cached: several features of an article ask)."""
    return frozenset(_LOWER_WORD.findall(text))


@lru_cache(maxsize=_PER_ARTICLE)
def lead(text: str, words: int = LEAD_WORDS) -> str:
    """The first paragraph of ``text``, at most ``words`` words."""
    first = text.strip().split("\n", 1)[0]
    return " ".join(first.split()[:words])


_normal = name_word  # cached; a token holds no newline


@lru_cache(maxsize=_PER_ARTICLE)
def _capitalised(text: str) -> tuple[tuple[tuple[str, bool], ...], frozenset[str]]:
    """Capitalised tokens as (normal word, starts a sentence) and the words seen mid-sentence
    (cached: the text, its lead and the headline are read for both key-name sets)."""
    found: list[tuple[str, bool]] = []
    inner: set[str] = set()
    initial = True
    for raw in _TOKEN.findall(text):
        if raw in _SENTENCE_END:
            initial = True
            continue
        was_initial, initial = initial, raw.endswith(".") and "." not in raw[:-1]
        if raw[:1].isupper():
            word = _normal(raw)
            found.append((word, was_initial))
            if not was_initial:
                inner.add(word)
    return tuple(found), frozenset(inner)


def _name_words(
    text: str, lower: frozenset[str], inner: frozenset[str], exclude: frozenset[str]
) -> set[str]:
    found: set[str] = set()
    for word, initial in _capitalised(text)[0]:
        if len(word) < 3 or word in STOPWORDS or word in MONTHS or word in ROLE_WORDS:
            continue
        if word in exclude:
            continue
        plain = stem(word).replace(".", "")
        if initial and (word in lower or (word not in inner and is_common(plain, RARE))):
            continue  # an ordinary word that starts a sentence
        if not is_common(plain, COMMON):
            found.add(stem(word))
    return found


@lru_cache(maxsize=1 << 10)  # bounded: an outlet's name recurs in each of its articles
def outlet_words(source: str) -> frozenset[str]:
    """The words of an outlet's name, in lower case: never its articles' key names."""
    return frozenset(w.lower() for w in _OUTLET_WORD.findall(source))


def key_names(title: str, text: str, source: str = "", title_case: bool = False) -> set[str]:
    """Distinctive name words of the headline (unless Title Cased) and the lead paragraph."""
    exclude = outlet_words(source)
    lower = lower_words(text)
    inner = _capitalised(text)[1]
    found = _name_words(lead(text), lower, inner, exclude)
    if not title_case:
        found |= _name_words(title, lower, inner, exclude)
    return found


def event_numbers(text: str) -> set[str]:
    """Counts and amounts of ``text`` (at least 10; no dates, times of day, years or
    telephone numbers)."""
    cleaned = _TIME.sub(" ", _DATE.sub(" ", PHONE.sub(" ", text)))
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
