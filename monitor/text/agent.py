"""An organisation acting on a count: the organisation that does something to the things it
counts owns the count ("The armed forces carried out 1,783 missions", "Those ports take in
about a million containers", "the two automakers recalled more than 7 million vehicles").

The rule: when the grammatical subject of the proposition governing a number is an
organisation-headed definite noun phrase ("the force", "those ports", "the Hospital
Authority", bare "police") and the number stands in that verb's object — no comma, no
preposition other than a verb's particle, no relative word between them — the subject is the
number's scope. A report verb makes the subject a source, not an owner ("The ministry
registered 340 cases" reports a count), unless its complement's subject is the subject's own
("The force said its officers had fired 16,000 rounds": the force's).
"""

from __future__ import annotations

import re

from monitor.text.sentences import word_set

# Heads of noun phrases that name organisations or the facilities an organisation is.
_ORG_HEADS = (
    r"force|forces|police|army|military|navy|union|unions|company|companies|firm|firms"
    r"|automakers?|carmakers?|coalition|agency|agencies|ministry|department|authority"
    r"|commission|government|ports?|airlines?|banks?|hospitals?|retailers?|manufacturers?"
    r"|employers?|chain|operator|utility|insurer|insurers|guild|council|board|service|guard"
    r"|terminals?"
)
# An adverbial opener ending in a comma: "Between 2010 and December 2022, ".
_OPENER = re.compile(r"\s*(?:[\"“‘']\s*)?(?:[A-Z][^,;]{0,50},\s+)?")
_ORG_NP = re.compile(
    r"(?:(?:[Tt]he|[Tt]hose|[Tt]hese|[Bb]oth|[Tt]his|[Tt]hat)\s+(?:[\w’'-]+\s+){0,2}?"
    rf"(?i:{_ORG_HEADS})|[Pp]olice)(?!['’\w-])"
)
# What a report verb says that the reporter's own do: "said its officers had", "said (that)
# they had", "told regulators it".
_OWN_COMPLEMENT = re.compile(
    r"\s+(?:also\s+|separately\s+)?(?:said|says|told(?:\s+[a-z]+){1,2})\s+(?:that\s+)?"
    r"(?:(?:its|their)\s+[a-z-]+|it|they)(?=\s)"
)
_REPORTS = word_set(
    """said says say reported reports confirmed confirms counted counts recorded records
    announced announces estimated estimates logged registered tallied documented listed put
    puts found told noted added stated published released believes believe identified
    identifies verified recovered"""
)
# Words that end the verb's reach: a preposition other than a particle, a relative or a
# subordinating word, a report verb. A particle right after a verb is the verb's own
# ("carried out", "take in", "laid off").
_BARRIERS = word_set(
    """for of to with at from by on in out off up down among into onto after before since
    during that who which whose whom where when while because as if per via including"""
)
_PARTICLES = word_set("out in off up down")
_DIGIT_COMMA = re.compile(r"(?<=\d),(?=\d)")
_WORD = re.compile(r"[\w’'.-]+")


def agent_scope(text: str, lo: int, count_at: int) -> str | None:
    """The organisation subject of the proposition starting at `lo` whose verb takes the
    number at `count_at` as its object, as written; None when there is none."""
    opener = _OPENER.match(text, lo, count_at)
    start = opener.end() if opener is not None else lo
    np = _ORG_NP.match(text, start, count_at)
    if np is None:
        return None
    verb_at = np.end()
    own = _OWN_COMPLEMENT.match(text, verb_at, count_at)
    if own is not None:
        verb_at = own.end()  # the reporter's own do what follows
    between = _DIGIT_COMMA.sub("", text[verb_at:count_at])  # "1,783 missions and inspected"
    if not between.strip() or any(c in between for c in ',;:"“”()'):
        return None
    words = [w.lower() for w in _WORD.findall(between)]
    if not words:
        return None
    previous = ""
    for word in words:
        if word in _REPORTS and own is None:
            return None
        particle = word in _PARTICLES and previous.isalpha() and previous not in _BARRIERS
        if word in _BARRIERS and not particle and not (word == "to" and previous == "up"):
            return None
        previous = word
    return np.group()
