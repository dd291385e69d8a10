"""The whole of a partitive ("304 of the 476 passengers died", "17% of the union's 146,000
members", "Of the 62 confirmed patients, 43 had recovered"): the clause's predicate tells what
the part did, not the whole. So a figure's `about` term must occur in the whole's own noun
phrase ("of the 97 dead", "of the 62 confirmed cases") for the whole to belong to it
(docs/SPEC.md §6: the about term must be the claim's own).
"""

from __future__ import annotations

import re
from typing import Any

from monitor.text.sentences import word_set

# What stands before "of the": a number, a share or a quantifier ("304 of the", "17% of the
# union's", "most of the", "Twenty-two of the ship's"); "all of the N" is the N itself.
_PART = (
    r"(?:\d[\d,.]*(?:\s*(?:%|percent|per\s+cent|million|billion|thousand))?"
    r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty"
    r"|fifty|sixty|seventy|eighty|ninety|hundreds|thousands|dozens|most|half|many|some"
    r"|none|several|few)(?:-[a-z]+)?)"
)
_OWNER = r"(?:the|its|their|his|her|those|these|(?:the\s+)?[A-Z][\w.&’'-]*['’]s)"
_WHOLE_BEFORE = re.compile(
    rf"(?:(?<![\w-]){_PART}\s+of|^\s*[Oo]f|[,;:]\s+of)\s+{_OWNER}\s+(?:[\w’'-]+['’]s\s+)?$",
    re.IGNORECASE,
)
# A participle after the counted noun still belongs to the whole's phrase ("of the 97 people
# killed in the fire", "of the 95 people killed have been named", "the 2.5 million phones
# sold in"), and so does a relative clause on it
# ("of the 3 million phones it had shipped"); an intransitive past verb is the part's
# predicate ("passengers died").
_PREDICATES = word_set("died perished survived remained were was are is had have has stayed lived")
_POSTMODIFIER = re.compile(
    r"\s+(?P<word>[a-z]+)(?=\s+(?:in|on|at|by|during|since|so|have|has|had|were|was|are|is"
    r"|will)\b)"
)
_RELATIVE = re.compile(r"\s+(?:that|which|who|whom|it|they|he|she|we)\s+[^,;.]*")


def whole_phrase(claim: Any) -> str | None:
    """The whole's own noun phrase when the claim is the whole of a partitive, else None."""
    sentence = getattr(claim, "sentence", "")
    start = int(getattr(claim, "start", 0) or 0)
    end = int(getattr(claim, "end", 0) or 0)
    if not isinstance(sentence, str) or " of " not in f" {sentence[max(0, start - 40) : start]}":
        return None
    if _WHOLE_BEFORE.search(sentence[max(0, start - 60) : start]) is None:
        return None
    words = (getattr(claim, "unit", "") or "").split()
    head = words[-1] if words else ""
    at = sentence.find(head, end, end + 60) if head else -1
    stop = at + len(head) if at >= 0 else end
    relative = _RELATIVE.match(sentence, stop)
    extra = None if relative is not None else _POSTMODIFIER.match(sentence, stop)
    if relative is not None:
        stop = relative.end()
    elif extra is not None and extra["word"] not in _PREDICATES:
        stop = extra.end()
    return sentence[start:stop]


# "1,125 of the jail's 1,542 prisoners", "Twenty-two of the ship's 29 crew members": the whole's
# owner, written right after the part.
_WHOLE_OWNER = re.compile(
    r"\s+of\s+(?P<owner>(?:the\s+|(?-i:T)he\s+)?[\w-]+(?:\s+(?-i:[A-Z])[\w-]*){0,2})['’]s"
    r"\s+(?:(?:more\s+than|over|at\s+least|up\s+to|an\s+estimated|estimated|about|some|roughly"
    r"|around|nearly|almost)\s+)?\d",
    re.IGNORECASE,
)


def whole_owner(sentence: str, end: int) -> str | None:
    """The owner of the whole a part ending at `end` is taken of ("1,125 of the jail's 1,542
    prisoners" -> "the jail"): the part's scope when its own clause names none."""
    m = _WHOLE_OWNER.match(sentence, end)
    return None if m is None else m["owner"]
