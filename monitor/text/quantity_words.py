"""Quantities written with words the number grammar leaves: fractions of a whole and "one" as a
count (tests/data/quantities/README.md, the public NewsQuant benchmark's conventions).

Fractions: a fraction word with its number ("half", "a third", "two-thirds", "three quarters")
taken of a whole ("half of last year's crop", "half the staff") or standing after a qualifier
("more than half"),
valued as a share of one rounded to three decimals; never an ordinal's part ("the second half
of the year"), a multiplier ("a third larger") or a percentage point (the grammar's).

"one" is a count of the noun it stands before ("according to one study") or of the plural noun
of "one of the/its/their ... NOUNs" ("one of the best speakers"); never a pronoun or an idiom
("no one", "the one", "one another", "one in seven", "one day", "at one point", "one that"),
a name ("Capital One": capitalised inside a sentence) or a hyphenated compound ("one-off").
"""

from __future__ import annotations

import re

from monitor.text.quantity_grammar import Amount
from monitor.text.quantity_units import is_plural, singular_noun
from monitor.text.sentences import word_set

_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9}  # fmt: skip
_PARTS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
          "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
          "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10}  # fmt: skip
_PART_RE = "|".join(sorted(_PARTS, key=len, reverse=True))
_COUNT_RE = "|".join(sorted(_COUNTS, key=len, reverse=True))
_FRACTION = re.compile(
    rf"(?<![\w-])(?:(?P<n>{_COUNT_RE})[\s-])?(?P<part>{_PART_RE})(?![\w-])", re.IGNORECASE
)
_OF_AFTER = re.compile(r"\s+of\s+(?!a\s+(?:percentage\s+)?point)", re.IGNORECASE)
# "half the staff", "half its value": "half" takes a whole without "of" ("half the size", "half the
# price" compare, they take nothing)
_HALF_THE = re.compile(
    r"\s+(?:the|its|their|his|her|our|all)\s+(?!(?:size|price|cost|speed|rate|length|height|"
    r"weight|distance|time|amount)\b)[A-Za-z]",
    re.IGNORECASE,
)
_QUALIFIED = re.compile(
    r"\b(?:about|around|roughly|nearly|almost|over|under|than|some|just)\s+$", re.IGNORECASE
)
_ORDINAL_BEFORE = re.compile(
    r"\b(?:the|first|second|third|fourth|final|last|latter|former|back|front|other)\s+$",
    re.IGNORECASE,
)

_ONE = re.compile(r"(?<![\w-])one(?![\w-])", re.IGNORECASE)
_NOT_COUNTED_BEFORE = re.compile(
    r"\b(?:no|any|every|each|the|this|that|which|such|some|little|another|the\s+only)\s+$",
    re.IGNORECASE,
)
_RATIO_AFTER = re.compile(r"\s+(?:in|out\s+of)\s+(?:every\s+)?(?:\d|[a-z]+\b)", re.IGNORECASE)
_OF_THE = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|these|those|my|your|[A-Z]\w+'s)\s+"
    r"(?:(?:[A-Z][\w-]*\s+){0,3}[A-Za-z][\w-]*'s\s+)?"  # an owner: "of the Governing Council's"
    r"(?:[\d,]+\s+)?(?P<words>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2})"
)
_NOUN_AFTER = re.compile(r"\s+(?:(?P<mod>[a-z][a-z-]*)\s+)?(?P<noun>[a-z][a-z-]*)\b")
_NOT_NOUNS = word_set(
    """of in on at by to for from with and or but the a an as than that this these those who
    which whom whose were was are is be been being have has had will would could should may
    might can did do does not no more less fewer still also each per another other others day
    time times way hand thing things after before while when where if so too more most last
    such way like than then there here it its their them they he she we you i me us his her
    our said says say told way every very only just even ever again over under about around
    beside near among inside outside behind into onto through against during without within
    upon below above across along alive dead alone apiece each"""
)
_ADJECTIVE_ENDS = ("ed", "al", "ive", "ous", "ic", "ful", "less", "able", "ible", "ing", "ary")
_ADJECTIVES = word_set(
    "small big large single new old young major key senior top lone main former other local"
    " more extra additional further"  # "one more hike": one beyond those told
)
_LY_NOUNS = word_set("family ally rally supply assembly anomaly monopoly reply belly bully jelly")


def _share(n: str | None, part: str) -> float:
    count = _COUNTS[n.lower()] if n else 1
    return round(count / _PARTS[part.lower()], 3)


def _numbered(n: str | None) -> bool:
    """Whether a fraction's number counts its parts ("two-thirds"), not "a third"."""
    return n is not None and n.lower() not in ("a", "an", "one")


def read_fractions(text: str) -> list[Amount]:
    """Fractions of a whole as shares of one ("two-thirds of the country" is 0.667)."""
    out = []
    for m in _FRACTION.finditer(text):
        part = m["part"].lower()
        if not m["n"] and part not in ("half", "halves"):
            continue  # a bare "third" or "quarter" is an ordinal or a period
        ordinal = _ORDINAL_BEFORE.search(text, max(0, m.start() - 10), m.start())
        if ordinal and (not _numbered(m["n"]) or ordinal[0].split()[0].lower() != "the"):
            continue  # "the second half of the year"; "the two-thirds of votes" is a share
        taken_of = bool(_OF_AFTER.match(text, m.end())) or (
            part == "half" and not m["n"] and bool(_HALF_THE.match(text, m.end()))
        )
        qualified = bool(_QUALIFIED.search(text, max(0, m.start() - 14), m.start()))
        if not (taken_of or qualified) or (not taken_of and re.match(r"\s+an?\b", text[m.end() :])):
            continue  # "half an hour" is a duration, not a share
        out.append(Amount(_share(m["n"], part), None, "fraction", "fraction", m.group(),
                          m.start(), m.end()))  # fmt: skip
    return out


def _adjective(word: str) -> bool:
    return word in _ADJECTIVES or word.endswith(_ADJECTIVE_ENDS)


def _counted(text: str, end: int) -> str | None:
    """The noun a "one" ending at `end` counts, singular; None when it counts nothing."""
    of = _OF_THE.match(text, end)
    if of:  # "one of the best speakers": the first plural of the next three words
        for word in of["words"].split():
            if word in _NOT_NOUNS:
                return None
            if is_plural(word):
                return singular_noun(word)
        return None
    m = _NOUN_AFTER.match(text, end)
    if m is None:
        return None
    mod, noun = m["mod"], m["noun"]
    if mod is None or not _adjective(mod) or noun in _NOT_NOUNS or is_plural(noun):
        noun = mod or noun  # the first word is the noun unless it is an adjective
    if (
        noun in _NOT_NOUNS
        or is_plural(noun)
        or (noun.endswith(("ed", "ly")) and noun not in _LY_NOUNS)
    ):
        return None
    return noun


_AT_BEFORE = re.compile(r"\bat\s+$", re.IGNORECASE)


def is_idiom_one(text: str, start: int, end: int) -> bool:
    """Whether the "one" at text[start:end] is a pronoun, an idiom, a ratio or a name rather
    than a count: "no one", "the one", "at one point", "one in seven", "Capital One"."""
    if text[start:end].lower() != "one":
        return False
    head = text[:start].rstrip()
    if text[start] == "O" and head and head[-1] not in ".!?:\"'“(":
        return True  # "Capital One", "Formula One": a name
    if _NOT_COUNTED_BEFORE.search(text, max(0, start - 12), start):
        return True  # "no one", "the one", "every one"
    if _AT_BEFORE.search(text, max(0, start - 4), start):
        return True  # "at one point", "at one time"
    return bool(_RATIO_AFTER.match(text, end))  # "one in seven": a ratio


_ON_OR_AT_BEFORE = re.compile(r"\b(?:on|at)\s+$", re.IGNORECASE)


def is_one_moment(text: str, start: int, end: int) -> bool:
    """ "On one day the Bank bought ...", "at one stage": "one" with a unit of time after "on"
    or "at" names a moment, not a length of time."""
    written = text[start:end].lower()
    if not written.startswith(("one ", "one-")):
        return False
    return bool(_ON_OR_AT_BEFORE.search(text, max(0, start - 4), start))


def read_ones(text: str) -> list[Amount]:
    """Every "one" that counts a noun ("killed one person", "one of the best speakers")."""
    out = []
    for m in _ONE.finditer(text):
        start = m.start()
        if is_idiom_one(text, start, m.end()):
            continue
        noun = _counted(text, m.end())
        if noun is not None:
            out.append(Amount(1.0, None, "count", noun, noun, start, m.end()))
    return out
