"""The subject a relative clause interrupts: "The company, which employs 3,000 people, will cut
500 jobs", "The hotspot, which the Red Cross has run since June, held 1,104 people".

English sets a non-restrictive relative clause off by commas right after the noun phrase it
describes. When a sentence opens with a bare noun phrase and such a clause, that noun phrase
is the subject both of the relative clause ("which employs 3,000": the company's) and of the
predicate that follows it ("will cut 500 jobs": the company's), whatever subject the relative
clause itself names ("which the Red Cross has run").
"""

from __future__ import annotations

import re

from monitor.text.sentences import word_set

# A bare noun phrase: a name or a definite phrase, up to six words, before the comma.
_OPENING_NP = re.compile(r"\s*(?P<np>(?:[Tt]he\s+)?[A-Z][\w’'.&-]*(?:\s+[\w’'.&-]+){0,5}?)\s*,\s*$")
# Words no bare subject noun phrase holds: prepositions, conjunctions, verbs' auxiliaries,
# titles of people (a person is "who", but "Prime Minister X, which" never occurs).
_NOT_IN_NP = word_set(
    """in on at of for by to from after before when while as since if and or but with
    during until though although because is are was were has have had will would said says
    mr mrs ms dr minister president mayor chief governor spokesman spokeswoman"""
)


def opening_subject(text: str, lo: int, hi: int) -> str | None:
    """The noun phrase `text[lo:hi]` (the sentence's first clause, ending with the comma before
    a relative clause) as written, when it is a bare subject noun phrase; else None."""
    m = _OPENING_NP.fullmatch(text, lo, hi)
    if m is None:
        return None
    np = m["np"]
    words = np.lower().split()
    if any(ch.isdigit() for ch in np) or any(w in _NOT_IN_NP for w in words):
        return None
    return np


# Where the interrupted predicate resumes: a comma, then a verb (an auxiliary, a past form, a
# common irregular past) rather than another item of a list inside the relative clause.
_RESUMES = re.compile(
    r",\s+(?=(?:has|have|had|is|are|was|were|will|would|could|can|may|also|then|now|later"
    r"|began|held|cut|put|lost|shed|took|gave|sent|kept|made|set|went|rose|fell|grew|stood"
    r"|drew|brought|left|laid|sold|built|paid|said|told|says|[a-z]{3,}ed)\b)"
)
_REPORTS_NEXT = re.compile(
    r",\s+(?:(?:has|have|had|also)\s+)?(?:said|says|told|reported|estimated|announced"
    r"|confirmed|added|noted|warned|stated)\b"
)


def resumed_predicate(text: str, lo: int, hi: int) -> tuple[int, bool] | None:
    """Where, between `lo` (a relative clause's start) and `hi`, the predicate it interrupted
    resumes, and whether that predicate reports ("..., said the toll had reached 1,000"): the
    interrupted subject is then the source, not the owner, of what follows."""
    m = _RESUMES.search(text, lo, hi)
    if m is None:
        return None
    return m.end(), _REPORTS_NEXT.match(text, m.start()) is not None
