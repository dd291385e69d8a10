"""Clauses of a sentence: where one proposition ends and the next begins.

A clause is a span of the sentence between boundaries: semicolons, dashes, and a comma (or
nothing) before a word that opens a new clause ("while", "which", "when", "bringing", "up
from", ...). Dependent clauses ("which killed 85", "bringing the total to 412", "including 12
children") take their scope from the clause they hang on; coordinate ones ("while Kentucky has
40") name their own.
"""

from __future__ import annotations

import re

from monitor.text.patterns import alternation, folded
from monitor.text.records import record


@record
class Clause:
    """One clause: its offsets in the sentence, the word that opened it, and whether it depends."""

    start: int
    end: int
    opener: str
    dependent: bool


_DEPENDENT = (
    "which", "who", "whom", "whose", "when", "where", "bringing", "taking", "pushing", "raising",
    "lifting", "killing", "leaving", "including", "among them", "among whom", "of whom",
    "of which", "most of them", "many of them", "some of them", "all of them", "up from",
    "down from", "compared with", "compared to", "against", "from", "after", "before",
    "making", "sending", "injuring", "wounding", "displacing", "in addition to",
    "a rise from", "an increase from", "a drop from", "a decrease from", "higher than",
    "lower than", "more than", "fewer than", "the most since", "the highest since",
    "the deadliest since", "the worst since", "the largest since", "with",
)  # fmt: skip
_COORDINATE = (
    "while", "whereas", "but", "and", "although", "though", "as", "yet", "meanwhile", "and in",
    "and the", "while in", "but in",
)  # fmt: skip


def _alternation(words: tuple[str, ...]) -> str:
    return alternation(words)  # longest first, as a prefix tree (fast to reject)


# A comma before an opener; a semicolon, colon or dash anywhere; "when"/"while" even without
# a comma ("since 1906 when 700 people died").
_BOUNDARY = re.compile(
    r"(?=[,;:—\s])"  # what every alternative opens with: a cheap first test
    rf"(?:,\s+(?P<dep>{_alternation(_DEPENDENT)})\b"
    rf"|,\s+(?P<coord>{_alternation(_COORDINATE)})\b"
    r"|(?P<hard>;|\s[—–-]{1,2}\s|—|:\s|,(?=\s+(?:is|was|are|were|remains|remained)\s))"
    r"|\s(?P<bare>when|whereas|while|compared\s+with|compared\s+to|up\s+from|down\s+from)\b"
    r"|\sand\s+(?P<tally>bringing|lifting|pushing|taking)\s+(?=the\b))",
    re.IGNORECASE,
)
_BOUNDARY_FOLDED = folded(_BOUNDARY)  # for an ASCII sentence lower-cased: the same matches


def split_clauses(sentence: str) -> list[Clause]:
    """The clauses of a sentence in order; together they cover it."""
    clauses: list[Clause] = []
    start, opener, dependent = 0, "", False
    boundaries = (
        _BOUNDARY_FOLDED.finditer(sentence.lower())
        if sentence.isascii()
        else _BOUNDARY.finditer(sentence)
    )
    for m in boundaries:  # the opener is read lower-cased in either case
        clauses.append(Clause(start, m.start(), opener, dependent))
        word = m["dep"] or m["coord"] or m["bare"] or m["tally"] or ""
        start = m.start() + (m.group().index(word) if word else len(m.group()))
        if m["hard"]:
            start = m.end()
        opener = " ".join(word.lower().split())
        dependent = bool(m["dep"] or m["tally"]) or opener in (
            "when",
            "compared with",
            "compared to",
            "up from",
            "down from",
        )
    clauses.append(Clause(start, len(sentence), opener, dependent))
    return [c for c in clauses if c.end > c.start]


def clause_at(clauses: list[Clause], offset: int) -> int:
    """The index of the clause holding a character offset."""
    for index, clause in enumerate(clauses):
        if clause.start <= offset < clause.end:
            return index
    return len(clauses) - 1
