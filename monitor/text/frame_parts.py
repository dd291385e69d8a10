"""Whether a number is a part of a whole counted in the same sentence: a member of a breakdown
("1,167 died - 522 men, 246 women and 399 children"), an apposed member, the rest of a whole
or those among it, and the head noun (`_head`) these rules compare.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from monitor.text.frame_values import _Q, Frame, Span

# A count apposed to its share of a whole is a part of that whole: "About 25.6 million people,
# more than half of Sudan's population", "900,000 children in Mozambique, about half of the 1.8
# million affected there", "More than 900 people, or about 15 percent of the total": the whole
# is the total, those counted, a numbered whole or a population (not "half of them children",
# what the count is made of; not "17% of the union's members", another count's whole).
_SHARE_APPOSED = re.compile(
    r"[^,;.]{0,40}?,\s+(?:or\s+)?(?:(?:about|around|roughly|some|nearly|almost|more\s+than"
    r"|over|less\s+than|just\s+under|just\s+over)\s+)?(?:half|a\s+third|a\s+quarter"
    r"|two[\s-]thirds|three[\s-]quarters|a\s+fifth|\d+(?:\.\d+)?\s*(?:percent|per\s+cent|%))"
    r"\s+of\s+(?:the\s+total|those\s|the\s+(?:(?:some|about|roughly|estimated)\s+)?\d"
    r"|(?:the\s+|its\s+|their\s+|(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)*['’]s\s+)population)",
    re.IGNORECASE,
)


# A running total led to its new value: "The death toll ... increased (by 10) to 261", "the
# toll reached 500" (a period after it says when, not what was counted in it).
_TOTAL_RISE = re.compile(
    r"\b(?<!daily\s)(?<!new\s)(?:(?:death\s+)?toll|total|tally|caseload|(?:total\s+)?number\s+of"
    r"\s+(?!new\b)[a-z]+)\b[^,;]{0,60}?\b(?:(?:rose|risen|increased|climbed|jumped|grew|went\s+up)"
    r"\s+(?:by\s+[\d,]+\s+)?to|reached|stood\s+at|hit|passed|topped)\s+" + _Q + "$",
    re.IGNORECASE,
)


_ASIDE_OPEN = re.compile(r"\s[-–—]\s|\s—|\(")
_ASIDE_CLOSE = re.compile(r"\s[-–—](?:\s|$)|—|\)")
_AMONG = re.compile(
    r"\s+(?:were|are|was|is)\s+(?:also\s+)?among\s+(?:the|those|these)\s+(?:[a-z]+\s+)?\d"
)  # a whole with its number: "among the 1,731 dead", not "among those killed"
_LIST_GAP = re.compile(r"\s*(?:,\s*|\s+and\s+|,\s+and\s+)$")


def _breakdown_member(
    sentence: str, span: Span, spans: Sequence[Span], frames: Sequence[Frame]
) -> bool:
    """True for a number inside a dash or bracket aside that breaks down the total just
    before it: "1,167 people died - 522 men, 246 women and 399 children - ...", "42 deaths
    (30 adults and 12 children)"."""
    at = len(frames)
    if at == 0 or span.implied:
        return False  # "Greater Manchester (160), followed by Merseyside (148)": no breakdown
    whole = next((i for i in range(at - 1, -1, -1) if frames[i].kind == "total"), None)
    if whole is None:
        return False
    opening = _ASIDE_OPEN.search(sentence, spans[whole].unit_end, span.start)
    if opening is None or _ASIDE_CLOSE.search(sentence, opening.end(), span.start):
        return False
    members = [s for s in spans[whole + 1 : at]]
    return all(opening.end() <= s.start for s in members) and (
        not members or bool(_LIST_GAP.search(sentence, members[-1].unit_end, span.start))
    )


# The rest of a whole: "The remaining 74 people are missing", "DNA tests were run on the other
# 20 bodies" (those left of a count the story has, a part of it).
_REST_BEFORE = re.compile(r"\b(?:the|its|their)\s+(?:remaining|other)\s+" + _Q + "$", re.I)
# Said to be among a whole the sentence names without a number: "six members of her family
# who lived on the 22nd floor were among the missing" (not "among those killed when their
# vehicle collided ...", a count of its own event; see `_AMONG`).
_AMONG_WHOLE = re.compile(
    r"[^,;.]{0,60}?\s(?:were|are|was|is)\s+(?:also\s+)?among\s+the\s+(?:[a-z]+\s+)?"
    r"(?:dead|missing|victims|killed|injured|wounded|hostages|detained|arrested|casualties"
    r"|fatalities|survivors|evacuated)\b"
)


def _rest_or_among(sentence: str, span: Span, spans: Sequence[Span]) -> bool:
    """True for the rest of a whole ("the remaining 74") or a count among a named whole."""
    if _REST_BEFORE.search(sentence, max(0, span.start - 40), span.start):
        return True
    among = _AMONG_WHOLE.match(sentence, span.unit_end)
    return among is not None and not any(
        span.unit_end <= s.start < among.end() for s in spans if s is not span
    )


# Who a count is made of, by sex or age: a list of them apposed to a count of people breaks it
# down ("420 protesters had been arrested, 347 men and 73 women").
_MEMBER_HEADS = frozenset(
    (
        "men",
        "women",
        "children",
        "boys",
        "girls",
        "adults",
        "minors",
        "teenagers",
        "infants",
        "babies",
        "males",
        "females",
    )
)
_APPOSED_GAP = re.compile(r",\s+|\s+and\s+|,\s+and\s+")
_WHOLE_GAP = re.compile(r"[^,;:.\d]{0,60},\s+")  # the rest of the whole's phrase, then a comma
_VERB_NEXT = re.compile(
    r"\s+(?:(?:were|was|are|is|had|have|has|will|would|died|remain(?:ed)?)\b|(?!aged\b)[a-z]+ed\s+(?!to\b))"
)


def _apposed_member(
    sentence: str, span: Span, spans: Sequence[Span], frames: Sequence[Frame]
) -> bool:
    """True for a count of men, women or children listed right after a count of people, by a
    comma, and the members of that list after it."""
    at = len(frames)
    if at == 0 or _head(sentence, span) not in _MEMBER_HEADS:
        return False
    last = at
    while (
        last + 1 < len(spans)
        and _head(sentence, spans[last + 1]) in _MEMBER_HEADS
        and _APPOSED_GAP.fullmatch(sentence, spans[last].unit_end, spans[last + 1].start)
    ):
        last += 1
    if _VERB_NEXT.match(sentence, spans[last].unit_end):
        return False  # "..., 12 children were hurt": a clause of its own
    for i in range(at - 1, -1, -1):
        gap = sentence[spans[i].unit_end : spans[i + 1].start]
        if _head(sentence, spans[i]) not in _MEMBER_HEADS:
            return (
                frames[i].kind == "total"
                and _WHOLE_GAP.fullmatch(gap) is not None
                and (i == 0 or _head(sentence, spans[i - 1]) not in _MEMBER_HEADS)
            )
        if not _APPOSED_GAP.fullmatch(gap):
            return False
    return False


def _among_after(sentence: str, span: Span, spans: Sequence[Span]) -> bool:
    """True for a number said to be among a whole: "350 women were among the 1,731 dead",
    and the list that leads to it ("645 children and 350 women were among ...")."""
    current = span
    for later in [s for s in spans if s.start > span.start][:3]:
        if _AMONG.match(sentence, current.unit_end):
            return True
        gap = sentence[current.unit_end : later.start]
        if gap.strip(" ,") not in ("and", ""):
            return False
        current = later
    return bool(_AMONG.match(sentence, current.unit_end))


def _head(sentence: str, span: Span) -> str:
    words = sentence[span.end : span.unit_end].split()
    return words[-1].lower() if words else ""
