"""Claims: reported counts with their qualifier, counted unit and attribution."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from monitor.text.attribution import (
    find_attribution,
    find_subject,
    is_pronoun,
    opens_quote,
    starts_quote,
)
from monitor.text.numbers import Quantity, find_quantities
from monitor.text.sentences import Sentence, split_sentences, word_set


@dataclass(frozen=True)
class Claim:
    """A reported count in an article's main text."""

    value: float
    lower: float | None
    upper: float | None
    qualifier: str | None
    approximate: bool
    unit: str
    text: str
    sentence: str
    attribution: str | None
    sentence_index: int

    def to_dict(self) -> dict[str, Any]:
        """The SPEC CLAIM object; integral numbers become ints."""
        return {
            "value": _plain(self.value),
            "lower": _plain(self.lower),
            "upper": _plain(self.upper),
            "qualifier": self.qualifier,
            "approximate": self.approximate,
            "unit": self.unit,
            "text": self.text,
            "sentence": self.sentence,
            "attribution": self.attribution,
        }


def _plain(number: float | None) -> float | int | None:
    if number is None:
        return None
    return int(number) if float(number).is_integer() else number


_TOKEN = re.compile(
    r"\s*(?:(?P<cal>\d+(?:\.\d+)?(?:x\d+)?\s?-?(?:mm|millimet(?:er|re)s?|cm|calibre|caliber)\b)"
    r"|(?P<word>[A-Za-z][A-Za-z0-9’'-]*))"
)
_STOP = word_set(
    """a an the to from in into on at by for with without of and or nor but that which who whom
    whose this these those it its their his her our your my is are was were be been being has
    have had will would could should may might can must shall do does did not as than since
    during over under between through across per via each every already also so such said says
    including like plus while when where if after before until about around against toward
    towards within among amid despite more than there here then now yet still just only even
    ago last next"""
)
_IRREGULAR = word_set(
    """people personnel men women children police staff militia infantry aircraft livestock
    cattle sheep fish deer ammunition equipment cargo artillery weaponry materiel hardware
    crew"""
)
_NOT_COUNTED = word_set(
    """second minute hour day week month year decade century centurie fortnight night weekend
    time fold point dollar euro pound yuan renminbi ruble rouble won yen hryvnia franc rupee
    peso cent penny pence shekel lira dinar rial riyal dirham krone kroner krona baht ringgit
    rand usd percent"""
)
_RATE = re.compile(
    r"\s*(?:(?:a|an|per|each|every)\s+(?:day|week|month|year|hour|minute|second|annum|night"
    r"|fortnight|quarter)\b(?!\s+(?:ago|earlier|later|before))|daily\b|weekly\b|monthly\b"
    r"|annually\b|yearly\b)",
    re.IGNORECASE,
)
_MIN_WORDS = 4  # shorter fragments ("123 votes") are counters and labels, not reports


_IRREGULAR_ENDINGS = ("children", "people", "men")  # grandchildren, servicemen, gunmen


def _is_plural(word: str) -> bool:
    lower = word.lower()
    if lower in _IRREGULAR or lower.endswith(_IRREGULAR_ENDINGS):
        return True
    return (
        len(lower) > 2
        and lower.endswith("s")
        and not lower.endswith(("ss", "us", "is", "'s", "’s"))
        and lower not in _STOP
    )


def _head(word: str) -> str:
    lower = word.lower().rstrip("’'")
    return lower[:-1] if lower.endswith("s") else lower


def _counted_unit(sentence: str, end: int) -> tuple[str, int] | None:
    """The counted noun phrase after a number, and where it ends."""
    words: list[str] = []
    pos = end
    first = True
    while len(words) < 5:
        m = _TOKEN.match(sentence, pos)
        if m is None:
            return None
        pos = m.end()
        if m["cal"]:
            continue  # "152 mm rounds": the calibre describes, the rounds are counted
        word = m["word"]
        if first and word.lower() == "of":
            first = False
            continue
        first = False
        if word.lower() in _STOP or word.lower().endswith("ly"):
            return None
        words.append(word)
        if _is_plural(word):
            after = _TOKEN.match(sentence, pos)
            if word.lower() in _IRREGULAR and after and after["word"] and _is_plural(after["word"]):
                words.append(after["word"])
                pos = after.end()
            return " ".join(words).rstrip("’'"), pos
    return None


def _claim_parts(sentence: str, quantity: Quantity) -> str | None:
    if quantity.value == 0:
        return None  # "0 comments so far": nothing is reported
    if _RATE.match(sentence, quantity.end):
        return None
    found = _counted_unit(sentence, quantity.end)
    if found is None:
        return None
    unit, unit_end = found
    if _head(unit.split()[-1]) in _NOT_COUNTED or _RATE.match(sentence, unit_end):
        return None
    return unit


class _Attributions:
    """Attribution per sentence, resolving pronouns and carrying it through quotes."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self._sentences = sentences
        self._memo: dict[int, str | None] = {}

    def __call__(self, index: int) -> str | None:
        if index not in self._memo:
            self._memo[index] = self._resolve(index)
        return self._memo[index]

    def _resolve(self, index: int) -> str | None:
        text = self._sentences[index].text
        own = find_attribution(text)
        if own is not None and not is_pronoun(own):
            return own
        if index == 0:
            return own
        previous = self._sentences[index - 1].text
        if own is not None:  # a pronoun: the speaker named just before
            return self._named_before(index) or own
        if starts_quote(text) or opens_quote(previous):
            return self(index - 1)  # the quote goes on: so does its source
        return None

    def _named_before(self, index: int) -> str | None:
        """The nearest source named before a sentence: its attribution, else its subject."""
        previous = self(index - 1)
        if previous is not None and not is_pronoun(previous):
            return previous
        subject = find_subject(self._sentences[index - 1].text)
        if subject is not None:
            return subject
        for i in range(index - 2, max(-1, index - 6), -1):
            name = self(i)
            if name is not None and not is_pronoun(name):
                return name
        return None


def extract_claims(text: str) -> list[Claim]:
    """All claims of a clean article text, in reading order."""
    sentences = split_sentences(text)
    attribution = _Attributions(sentences)
    claims: list[Claim] = []
    for index, sentence in enumerate(sentences):
        if len(sentence.text.split()) < _MIN_WORDS:
            continue
        for quantity in find_quantities(sentence.text):
            unit = _claim_parts(sentence.text, quantity)
            if unit is None:
                continue
            claims.append(
                Claim(
                    value=quantity.value,
                    lower=quantity.lower,
                    upper=quantity.upper,
                    qualifier=quantity.qualifier,
                    approximate=quantity.approximate,
                    unit=unit,
                    text=quantity.text,
                    sentence=sentence.text,
                    attribution=attribution(index),
                    sentence_index=index,
                )
            )
    return claims
