"""A counted phrase with a predicate of its own: "... reported 20 deaths and 24 people hurt",
"... with eight people still missing and 3 million affected", "57 people had died and 74 were
missing". The number opens its phrase and a verb or predicate word follows it, so what the
phrase says the counted are (hurt, affected, missing) is its own: an about term elsewhere in
the clause (the other number's "deaths", "missing", "died") does not speak of it. A bare
elliptical conjunct ("At least 53 people died in Mozambique and 225 in Malawi") has no
predicate of its own and keeps the clause's.
"""

from __future__ import annotations

import re
from typing import Any

from monitor.text.figure_scope import clause_span, phrase_of

# A verb or a predicate word after the number: "were", "had been", "hurt", "missing",
# "affected", "still unaccounted for".
_PREDICATE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|remain|remains|remained|hurt|missing|dead|injured"
    r"|wounded|homeless|alive|unaccounted|affected|displaced|evacuated|killed|died|arrested"
    r"|detained|charged|rescued|hospitali[sz]ed|sickened|infected)\b",
    re.IGNORECASE,
)

# A fronted whole the numbers of the clause are parts of: "Of those deaths, 19 were ...",
# "Among the dead, ...", "Out of 200 patients, ...".
_FRONTED_WHOLE = re.compile(r"\s*(?:of|among|out\s+of)\s", re.IGNORECASE)


def own_predicate(claim: Any) -> str | None:
    """The phrase of a claim whose number opens a later phrase of its clause and is followed by
    a predicate of its own; None otherwise (the clause's about terms then speak of it)."""
    sentence: str = getattr(claim, "sentence", "") or ""
    words: str = getattr(claim, "text", "") or ""
    start: int = getattr(claim, "start", 0) or 0
    end: int = getattr(claim, "end", 0) or 0
    if not words or end <= start or _PREDICATE.search(sentence, end) is None:
        return None  # (cheap test first: no predicate word anywhere after the number)
    begin, _ = clause_span(claim)
    phrase = phrase_of(claim)
    at = sentence.find(phrase, begin) if phrase else -1
    if at <= begin:
        return None  # the phrase opens the clause: its words are the clause's
    if _FRONTED_WHOLE.match(sentence, begin):
        return None  # "Of the 79 victims, 53 had been identified": the whole is the number's
    lead = phrase.lstrip()
    lead_at = at + len(phrase) - len(lead)
    if lead_at != start and not lead.lower().startswith("with " + words.lower()):
        return None  # something before the number in its phrase ("injuring 30")
    rest = sentence[end : at + len(phrase)]
    return phrase if _PREDICATE.search(rest) else None
