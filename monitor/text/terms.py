"""Salient terms of an article for event clustering: title words, body words, named entities.

Terms carry a field prefix so one bag holds all three feature spaces of the
TF-IDF model (Miranda et al. 2018 compare title, body and entity vectors
separately): ``t:`` title words, ``b:`` body words, ``e:`` capitalised phrases,
their words and numbers. Everything is a pure function of the text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache

TITLE = "t:"
BODY = "b:"
ENTITY = "e:"
FIELDS = (TITLE, BODY, ENTITY)

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")
PHONE = re.compile(
    r"(?=[+(\d])(?<![\w.])(?:\+\d{1,3}(?:[ -]\(?\d{1,4}\)?){2,}|\(?\d{1,4}\)?(?:[ -]\d{2,4}){2,}"
    r"|\d{3}-\d{4})(?![\w-])"
)
"""A telephone number ("1-800-225-5324", "+44 20 7946 0958", "(202) 555-0143", "555-0143")
or a date written the same way ("2024-12-28"): three or more digit groups joined by spaces
or hyphens, or a US local number. Its digit groups are no counts of the event. (The look-ahead
only skips, cheaply, the characters no telephone number starts with.)"""
_UPPER = "".join(c for c in map(chr, range(0x250)) if c.isupper())
_NAME_RUN = re.compile(rf"[{_UPPER}][\w’'.&-]*(?:[ \t]+[{_UPPER}][\w’'.&-]*)*")

_STOPWORD_TEXT = """a about above after again against all almost also although am among an and any are
around as at be because been before being below between both but by can could did do
    does doing down during each either even ever every few for from further had has have
    having he her here hers herself him himself his how however i if in into is it its
    itself just last least less like made make many may me might more most much must my
    near nearly never new next no nor not now of off on once one only or other our ours
    out over own per same says said say she should since so some still such than that the
    their theirs them then there these they this those though through thus to too under
    until up upon us very was we were what when where whether which while who whom whose
    why will with within without would yet you your yours according told tells week weeks
    year years month months day days time monday tuesday wednesday thursday friday saturday
    sunday today yesterday two three four five six seven eight nine ten mr mrs ms"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
"""Function words and calendar words: they say nothing about which event is reported."""


def drop_possessive(word: str) -> str:
    """``word`` without a trailing 's or ’s (the word must not end in a newline)."""
    return word[:-2] if word.endswith(_POSSESSIVES) else word


_POSSESSIVES = ("'s", "’s")


@lru_cache(maxsize=1 << 14)  # bounded: the common vocabulary fits; rare words are recomputed
def stem(word: str) -> str:
    """Very light English stemming: fold plurals so 'shells' and 'shell' meet."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=1 << 14)  # bounded: the common vocabulary fits; rare tokens are recomputed
def _normal_word(word: str) -> str | None:
    """Possessive dropped and stemmed, or None for stopwords; cached: vocabularies are Zipfian."""
    word = drop_possessive(word)  # findall's words hold no newline
    if len(word) < 2 or word in STOPWORDS:
        return None
    return stem(word)


def content_words(text: str) -> Iterator[str]:
    """Lower-cased, lightly stemmed words of ``text`` minus stopwords and one-letter tokens."""
    # map/filter over the C-level cache: no Python frame per word (a normal form is never "").
    return filter(None, map(_normal_word, _WORD.findall(text.lower())))


def numbers(text: str) -> Iterator[str]:
    """Numbers of ``text`` normalised (thousands separators dropped, years kept), not those
    of telephone numbers (:data:`PHONE`)."""
    for match in _NUMBER.finditer(PHONE.sub(" ", text)):
        yield match.group().replace(",", "").rstrip(".")


def _is_capitalised(token: str) -> bool:
    return token[:1].isupper()


@lru_cache(maxsize=1 << 14)  # bounded: names recur across articles; a hit costs no frame
def _ends_name(raw: str) -> bool:
    """A possessive or a sentence full stop (not an initialism like 'U.S.') ends a name."""
    return raw.endswith(("'s", "’s")) or (raw.endswith(".") and "." not in raw[:-1])


@lru_cache(maxsize=1 << 14)  # bounded: names recur across articles; a hit costs no frame
def name_word(raw: str) -> str:
    """A capitalised token as a name's word: edge punctuation and a possessive dropped, in
    lower case (the token must hold no newline)."""
    return drop_possessive(raw.strip(".-&’'")).lower()


def name_runs(text: str) -> Iterator[list[str]]:
    """Runs of capitalised words, split at punctuation, possessives and sentence ends."""
    for match in _NAME_RUN.finditer(text):
        run: list[str] = []
        for raw in match.group().split():
            token = name_word(raw)  # split(): no newline
            if token:
                run.append(token)
            if _ends_name(raw) and run:
                yield run
                run = []
        if run:
            yield run


def entities(text: str) -> Iterator[str]:
    """Named-entity-like terms: capitalised phrases, each of their words, and numbers."""
    for run in name_runs(text):
        # Stopwords are dropped, so a sentence-initial 'The' or 'In' never makes a name.
        words = [stem(w) for w in run if w not in STOPWORDS and len(w) > 1]
        yield from words
        if len(words) > 1:
            yield " ".join(words)
    for number in numbers(text):
        yield "#" + number


@lru_cache(maxsize=8)  # the features of one article ask of its headline three times
def is_title_case(title: str) -> bool:
    """Headline Case Capitalises Every Word, which makes capitalisation meaningless."""
    tokens = [t for t in _WORD.findall(title) if t.lower() not in STOPWORDS]
    return len(tokens) >= 3 and sum(_is_capitalised(t) for t in tokens) / len(tokens) > 0.8


def _prefixed(prefix: str, terms: Iterable[str]) -> dict[str, int]:
    # Counted before prefixing: one string concatenation per distinct term, not per token.
    return {prefix + term: n for term, n in Counter(terms).items()}


def term_counts(title: str, text: str) -> Counter[str]:
    """Raw term frequencies of an article over the three fields (title, body, entities)."""
    entity_source = text if is_title_case(title) else f"{title}\n{text}"
    return Counter(  # the prefixes keep the fields' terms apart
        {
            **_prefixed(TITLE, content_words(title)),
            **_prefixed(BODY, content_words(text)),
            **_prefixed(ENTITY, entities(entity_source)),
        }
    )


def field_of(term: str) -> str:
    """The field prefix of a term produced by :func:`term_counts`."""
    return term[:2]
