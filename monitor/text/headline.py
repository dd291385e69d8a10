"""Headlines as their own kind of sentence: which lines are Title Case headlines, how they split
into clauses, and which of their capitalised words are names.

A Title Case headline capitalises every word, so capitals say nothing of names, and it packs
several statements into one line without the commas and verbs of running text ("Hamas Frees
24 Hostages As Israel Releases 39 Prisoners On First Day Of Truce"; "153 Killed, 133 Injured In
Itaewon Crowd Surge"; "Thai Cave Rescue: Four Boys Brought Out As Nine Remain Trapped"). Each
number's clause is its own: the headline splits at " As ", " After ", " While ", " When ", ";",
":", " — " and "|". A comma does not end a clause here ("Salesforce To Cut 10% Of Staff, About
8,000 Jobs": the jobs are the cut's); binding's phrase of a number stops at commas already.

A capitalised word is a **name** when it is a known place or a country's adjective, a word
English hardly uses (the word-frequency prior: "Itaewon", "Jassy", "Brumadinho"), or an acronym
that is no English word ("AWS", not "LIVE"). Common words ("Crush", "Stampede", "Site", "Not",
"Sweeping Overhaul") are not, whatever their capitals.
"""

from __future__ import annotations

import re
from functools import lru_cache

from monitor.text import gazetteer
from monitor.text.lexicon import zipf
from monitor.text.scope import is_place
from monitor.text.sentences import word_set
from monitor.text.titlecase import is_title_case

RARE = 2.6
"""A word less common than this (Zipf scale, about once in 2.5 million words) reads as a name."""
_ACRONYM_RARE = 3.5  # an all-capitals word below this is an acronym ("AWS"), above a shout
_BREAK = re.compile(
    r"\s*(?:;|:(?!\d)|\s[—–|]\s|\s-\s|\s(?:As|After|While|When|Whereas|But|Even\s+As)\s)\s*"
)
_WORD = re.compile(r"[^\W\d_][\w’'.&-]*")
_POSSESSIVE = re.compile(r"['’]s?$")
_FUNCTION = word_set(
    """a an the in on at of for to from by with as and or but after before over above under
    below into onto amid among since until during despite than via near off out up down is are
    was were be been has have had will would could may might says say said not no now still
    when where while who what why how its it his her their them they this that these those
    already far also just all more most only so yet even again back very then here there new
    top past nears near pass passes tops hits hit reaches rises climbs"""
)
_SUFFIX_NOUN = re.compile(r"(?:ment|tion|sion|ness|ity|ance|ence|ure)s?$")
_PAST_BEFORE = re.compile(r"\b(?:Since|Than|since|than)\s+(?:[Tt]he\s+)?$")


@lru_cache(maxsize=4096)
def is_headline(text: str) -> bool:
    """A Title Case headline (see :func:`monitor.text.titlecase.is_title_case`)."""
    return is_title_case(text)


@lru_cache(maxsize=1024)
def clause_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) offsets of a headline's clauses, in order."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for m in _BREAK.finditer(text):
        if m.start() > begin:
            spans.append((begin, m.start()))
        begin = m.end()
    if begin < len(text):
        spans.append((begin, len(text)))
    return tuple(spans) or ((0, len(text)),)


def clause_span(text: str, offset: int) -> tuple[int, int]:
    """The headline clause holding the character at `offset`."""
    spans = clause_spans(text)
    for begin, end in spans:
        if offset < end:
            return begin, end
    return spans[-1]


def _bare(word: str) -> str:
    return _POSSESSIVE.sub("", word)


@lru_cache(maxsize=8192)
def is_name_word(word: str) -> bool:
    """A capitalised word that is a name whatever the casing of the line around it."""
    bare = _bare(word)
    if not bare[:1].isupper() or bare.lower() in _FUNCTION:
        return False
    if len(bare) > 1 and bare.isupper():
        return zipf(bare) < _ACRONYM_RARE
    if gazetteer.lookup(bare) or gazetteer.is_demonym(bare):
        return True  # a known place, not a place's suffix alone ("State", "County")
    return zipf(bare) < RARE


def _common(word: str) -> bool:
    bare = _bare(word)
    return bare.lower() in _FUNCTION or not is_name_word(bare)


def is_common_phrase(phrase: str, opening: bool = False) -> bool:
    """A capitalised phrase made only of common words ("Halloween Crush", "Not"): no name.
    At the headline's opening a single common word may be a brand ("Amazon", "Tesla"), so
    there only a shout ("LIVE"), a noun of an event's shape ("Derailment") or several common
    words ("Forensic Service") are common."""
    words = _WORD.findall(phrase)
    if not words or is_place(_bare(phrase)) or not all(_common(w) for w in words):
        return False
    if not opening:
        return True
    return len(words) > 1 or words[0].isupper() or bool(_SUFFIX_NOUN.search(words[0]))


def _runs(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """Runs of capitalised words between `begin` and `end` that are not function words or
    verbs (a word ending in -s/-ed/-ing that is a common word)."""
    runs: list[tuple[int, int]] = []
    start = stop = -1
    for m in _WORD.finditer(text, begin, end):
        w = m.group()
        bare = _bare(w)
        inflected = not w.endswith(("'s", "’s")) and bare.lower().endswith(("s", "ed", "ing"))
        part = (
            bare[:1].isupper()
            and bare.lower() not in _FUNCTION
            and not (inflected and _common(bare) and not is_place(bare))
        )
        if part and start >= 0 and text[stop : m.start()].strip() == "":
            stop = m.end()
        elif part:
            if start >= 0:
                runs.append((start, stop))
            start, stop = m.start(), m.end()
        elif start >= 0:
            runs.append((start, stop))
            start = -1
    if start >= 0:
        runs.append((start, stop))
    return runs


def names(text: str, begin: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The name phrases of a headline between `begin` and `end`: runs of capitalised words
    holding a name word ("Seoul's Itaewon", "Houston's Astroworld Festival", "Chile")."""
    stop = len(text) if end is None else end
    found = []
    for a, b in _runs(text, begin, stop):
        phrase = text[a:b]
        if any(is_name_word(w) for w in _WORD.findall(phrase)) or is_place(_bare(phrase)):
            found.append((a, b))
    return found


def past_reference(text: str, start: int) -> bool:
    """The name at `start` follows "Since" or "Than": another event's ("Since Lima In 1964")."""
    return _PAST_BEFORE.search(text, 0, start) is not None
