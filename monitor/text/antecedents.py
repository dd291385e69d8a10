"""The counted noun a bare number takes from its own sentence's words before it.

Three clause structures name the noun once and the count after it, with no noun of its own:

- an apposition sets the number off by commas after its noun: "the night's arrests, 406, were
  made in the capital" counts arrests;
- a colon list gives the count place by place after a clause naming what is counted: "Most of
  the job losses are in the valley: 1,436 in Mountain View, 119 in San Bruno" counts job losses
  (the members after the first take the noun the list hands on);
- "N of them" with no earlier claim refers to the nearest plural noun before it: "Letters mailed
  early get priority; the program delivered some 14 million of them last year" counts letters;
- a list of counts place by place after "include" names the noun in its subject: "The new cases
  include eight in San Diego County" counts new cases;
- a count in brackets after a place counts the clause's first noun: "cases have been confirmed
  in Utah (3), Washington state (2)" counts cases;
- an opening "Of the <noun> ...," phrase names what a following "N were ..." counts: "Of the
  California patients whose status is known, 32 were unvaccinated" counts patients.
"""

from __future__ import annotations

import re

from monitor.text.patterns import MONTH_ABBREVIATIONS, MONTHS
from monitor.text.sentences import word_set
from monitor.text.units import NOT_COUNTED, Unit, is_plural, singular

_NOUN = r"[a-z][a-z-]*"
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# "arrests, 406," — the noun (with up to two lowercase modifiers) right before the number
_APPOSED_BEFORE = re.compile(
    rf"(?<![\w'’-])(?P<noun>(?:{_NOUN}\s+){{0,2}}{_NOUN})(?:,|\s*[-–—])\s+$"
)
_APPOSED_AFTER = re.compile(r",(?!\s*\d)|\s*[-–—]\s")
# "...: 1,436 in Mountain View" — a colon, then a count placed by a name
_COLON_BEFORE = re.compile(r":\s+$")
_PLACED_AFTER = re.compile(
    rf"\s+(?:in|at|from)\s+(?:the\s+)?(?!(?:{MONTHS}|{MONTH_ABBREVIATIONS}|{_WEEKDAYS})\b)[A-Z]"
)  # a place, not a month or a day: "Key dates: 12 in March" is no list of counts
_OF_THEM = re.compile(r"\s+of\s+(?:them|those)\b")
# "... include eight in San Diego County": a verb of inclusion opening a list placed by name
_INCLUDE_BEFORE = re.compile(r"\b(?:include[sd]?|including)\s+$")
# "in Utah (3)", "Washington state (2)": a place (a name, maybe with a lowercase word) in brackets
_PLACE_BRACKET = re.compile(r"\b[A-Z][\w.’'-]*(?:\s+[a-z]+)?\s*\($")
# "Of the California patients whose vaccination status is known, " before the number
_OF_OPENER = re.compile(
    r"(?:^|[.;]\s+)[Oo]f\s+(?:the|those|these)\s+(?P<phrase>[^,;:\d]{3,80}),\s*$"
)
_VERB_NEXT = re.compile(r"\s+(?:were|are|was|had|have|has|remain(?:ed)?|died|tested)\b")
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
# Plural-looking words that are no counted noun: verbs, pronouns, adverbs, reporting words.
_NOT_NOUNS = word_set(
    """is was has does says goes comes makes takes gives shows tops hits marks brings sets puts
    leaves less unless always perhaps afterwards besides whereas towards as thus yes this his its
    us its figures numbers statistics data officials authorities reports news estimates terms
    others days years weeks months hours minutes times points dollars euros pounds percents
    yours ours theirs temperatures degrees highs lows prices rates scores odds ages results
    totals dates shares stocks"""
)
# People whose apposed number under a lifetime is their age: "her sons, 12, ..."; "the twins, 9"
_PERSONS = word_set(
    """children sons daughters twins triplets brothers sisters siblings girls boys kids men women
    teenagers grandchildren grandsons granddaughters parents cousins friends"""
)
_AGE_LIMIT = 120
_MODIFIER_STOP = word_set(
    """the a an of in on at to for by and or but with from its their his her our this that these
    those some many most all several other more few any each every no than as"""
)
_LOOKBACK = 200


def _counted(word: str) -> bool:
    lower = word.lower()
    return (
        is_plural(word)
        and lower not in _NOT_NOUNS
        and singular(lower) not in NOT_COUNTED
        and not (word[0].isupper() and not lower.endswith("s"))
    )


def _noun_phrase(words: list[str], i: int) -> str:
    """The plural noun `words[i]` with up to two lowercase modifiers before it ("job losses")."""
    start = i
    while (
        start > 0
        and i - start < 2
        and words[start - 1].islower()
        and words[start - 1] not in _MODIFIER_STOP
        and not is_plural(words[start - 1])
        and not words[start - 1].endswith(("ed", "ing", "ly"))
    ):
        start -= 1
    return " ".join(words[start : i + 1]).lower()


def _last_plural(text: str, first: bool) -> str | None:
    """The first (or else the last) plural counted noun phrase of `text`."""
    words = _WORD.findall(text)
    indices = [i for i, w in enumerate(words) if _counted(w) and (w.islower() or i == 0)]
    if not indices:
        return None
    return _noun_phrase(words, indices[0] if first else indices[-1])


def antecedent_unit(sentence: str, start: int, end: int, value: float) -> Unit | None:
    """The counted noun a bare number (`value`, between `start` and `end`) refers back to."""
    before = sentence[max(0, start - _LOOKBACK) : start]
    apposed = _APPOSED_BEFORE.search(before)
    if apposed is not None and _APPOSED_AFTER.match(sentence, end):
        words = apposed["noun"].split()
        aged = words[-1] in _PERSONS and value < _AGE_LIMIT
        if _counted(words[-1]) and words[-1].islower() and not aged:
            return Unit(_noun_phrase(words, len(words) - 1), end, implied=True)
    if _COLON_BEFORE.search(before) and _PLACED_AFTER.match(sentence, end):
        clause = re.split(r"[;.]\s", before.rsplit(":", 1)[0])[-1]
        noun = _last_plural(clause, first=True)
        if noun is not None:
            return Unit(noun, end, implied=True)
    if _OF_THEM.match(sentence, end):
        noun = _last_plural(before, first=False)
        if noun is not None:
            return Unit(noun, end, implied=True)
    clause = re.split(r"[;:]\s|\.\s", before)[-1]
    if (_INCLUDE_BEFORE.search(before) and _PLACED_AFTER.match(sentence, end)) or (
        sentence.startswith(")", end) and _PLACE_BRACKET.search(before)
    ):
        noun = _last_plural(clause, first=True)
        if noun is not None:
            return Unit(noun, end, implied=True)
    opener = _OF_OPENER.search(before)
    if opener is not None and _VERB_NEXT.match(sentence, end):
        noun = _last_plural(opener["phrase"], first=True)
        if noun is not None:
            return Unit(noun, end, implied=True)
    return None
