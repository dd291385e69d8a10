"""Whether a count is told for one day or one night: a day's count ("12 died on Monday"), a
day's haul of arrests or finds, a night's count ("overnight", "the third straight night"),
which the kind rules read as an increment rather than a running total.
"""

from __future__ import annotations

import re

from monitor.text.clauses import Clause
from monitor.text.frame_values import _Q, Span

_ORDINAL_WORDS = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"

# One night of unrest, in the number's own comma-delimited segment or a sentence-opening one:
# "arrested 1,311 overnight", "on a fourth consecutive night", "667 Arrested On Third Night". A
# dated night ("on Wednesday night") is when a running count stood, not a window.
_NIGHT = re.compile(
    rf"\bovernight\b|\b(?:(?:the|a|that|its)\s+)?{_ORDINAL_WORDS}\s+(?:(?:straight|consecutive"
    r"|successive)\s+)?night\b"
    # the night the sentence before named, taken up as the count's own: "the night's arrests",
    # "figures for the night" (not a state lasting it: "on standby for the night")
    r"|\bthe\s+night['’]s\s|\b(?:figures|tall(?:y|ies)|counts?|totals?|numbers)\s+for\s+the"
    r"\s+night\b",
    re.IGNORECASE,
)

# A conjunction opening another clause; "and" before a number only joins the counts of one
# list ("listed 1,350 vehicles and 234 buildings").
_CONJUNCTION = re.compile(r"\b(?:as|while|after|before|when|and)\s", re.IGNORECASE)
_RELATIVE_PRONOUN = re.compile(r"\b(?:that|which|who)\s", re.IGNORECASE)
_SEGMENT_END = re.compile(r"[,;:]\s|\s[-–—]\s")
_WITH_SEGMENT = re.compile(r"with\s", re.IGNORECASE)


_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# One named day in the number's own segment: "on Sunday", "on Tuesday alone", "at Sunday's
# march" — not a report's day ("said on Sunday"), not the end of a running count ("by Sunday").
_ON_DAY = re.compile(
    rf"(?<!said\s)(?<!told\s)(?<!reported\s)(?<!announced\s)\b[Oo]n\s+(?P<day>{_WEEKDAY})"
    r"(?!['’]|\s+night)\b"
)  # a night is `_one_night`'s: "arrested on Wednesday night" reads as that night's tally
# What happened to the counted that day, as a simple past: "were detained", "killed", "arrived".
_DAY_EVENT = re.compile(
    r"\b(?:detained|arrested|killed|died|released|freed|arrived|landed|rescued|evacuated"
    r"|deported|crossed|found|recovered|pulled)\b"
)
_RUNNING = re.compile(
    r"\b(?:has|have|had|toll|total|tally|so\s+far|since|number\s+of)\b", re.IGNORECASE
)
_MORE_WORD = re.compile(r"\b(?:more|another|further)\b(?!\s+than)", re.IGNORECASE)
_NUMBER_WORD = re.compile(r"\d")


def _one_day(sentence: str, span: Span, clause: Clause) -> bool:
    """True when the clause counts day by day ("More than 2,000 people arrived on Monday, 5,000
    on Tuesday and nearly 3,000 on Wednesday", "were detained on Saturday and 317 on Sunday")
    and the number's own segment names one of those days: each is that day's increment. One
    day alone says nothing of the sort ("killed at least 144 people on Friday" is the event's
    toll; "police arrested 27 people on Saturday" may be the first count of all), nor does a
    running count ("had been", "the toll", "dozens more on Sunday" after a first day's)."""
    days = {m.group("day") for m in _ON_DAY.finditer(sentence, clause.start, clause.end)}
    if len(days) < 2 or _RUNNING.search(sentence, clause.start, clause.end):
        return False
    if _MORE_WORD.search(sentence, clause.start, clause.end):
        return False
    cuts = [m for m in _SEGMENT_END.finditer(sentence, clause.start, clause.end)]
    end = min([m.start() for m in cuts if m.start() >= span.end], default=clause.end)
    own = _ON_DAY.search(sentence, span.end, end)
    if own is None or _NUMBER_WORD.search(sentence, span.unit_end, own.start()):
        return False  # the day after the number is the next number's
    return _DAY_EVENT.search(sentence, clause.start, clause.end) is not None


# A haul told by the day it was made: people detained or arrested, bodies found or recovered
# on one named day are that day's haul, added to whatever came before ("Police also arrested
# 12 people on Monday", "317 people were detained on Sunday", "774 people were
# detained at Sunday's march", "Rescuers found eight bodies on Friday morning") - unlike a
# perfect ("have arrested 483"), a running count ("the toll", "since June", "so far") or a
# count kept ("the hotspot held 1,104 people on Monday").
_HAUL_VERB = r"(?:detained|arrested|rounded\s+up|recovered|found)"
_HAUL_BEFORE = re.compile(  # an active arrest only with "also" ("Police arrested 27 people on
    # Saturday" may be the first count of all); bodies found on a day are a search's haul
    r"(?<!\bhas\s)(?<!\bhave\s)(?<!\bhad\s)\b(?:also\s+"
    + _HAUL_VERB
    + r"|recovered|found)\s+"
    + _Q
    + "$"
)
_HAUL_AFTER = re.compile(
    r"[^,;\d]{0,40}?\s(?:were|was|had\s+been)\s+(?:also\s+)?(?:" + _HAUL_VERB + r"|held)\b"
)
_HAUL_DAY = re.compile(
    rf"(?<!said\s)(?<!told\s)(?<!reported\s)(?<!announced\s)\b(?:[Oo]n\s+{_WEEKDAY}\b"
    rf"(?!['’]|\s+night)|[Aa]t\s+{_WEEKDAY}['’]s\s)"
)
_HAUL_RUNNING = re.compile(
    r"\b(?:toll|total|tally|so\s+far|to\s+date|in\s+all|since|number\s+of|bringing|taking"
    r"|raising|pushing|overall|altogether)\b",
    re.IGNORECASE,
)


def _day_haul(sentence: str, span: Span, clause: Clause) -> bool:
    """True for a count detained, arrested, found or recovered on the one day its own segment
    of the clause names (see `_HAUL_VERB`)."""
    if not (
        _HAUL_BEFORE.search(sentence, max(clause.start, span.start - 40), span.start)
        or _HAUL_AFTER.match(sentence, span.unit_end)
    ):
        return False
    if _HAUL_RUNNING.search(sentence, clause.start, clause.end):
        return False
    cuts = [m for m in _SEGMENT_END.finditer(sentence, clause.start, clause.end)]
    start = max([m.end() for m in cuts if m.end() <= span.start], default=clause.start)
    end = min([m.start() for m in cuts if m.start() >= span.end], default=clause.end)
    day = _HAUL_DAY.search(sentence, start, end)
    if day is None:
        return False
    if day.start() < span.start:
        return True
    return not _NUMBER_WORD.search(sentence, span.unit_end, day.start())  # not the next number's


def _one_night(sentence: str, span: Span, clause: Clause) -> bool:
    """True when the number's own segment of its clause (between commas, semicolons and
    dashes), or a numberless segment opening the sentence right before it, names one night:
    "667 arrests across the country overnight", "On the third night, police arrested 667"."""
    if _REACHED.search(sentence, max(0, span.start - 12), span.start):
        return False  # "the toll rose to 51 overnight": the running count the night reached
    cuts = [m for m in _SEGMENT_END.finditer(sentence, clause.start, clause.end)]
    start = max([m.end() for m in cuts if m.end() <= span.start], default=clause.start)
    end = min([m.start() for m in cuts if m.start() >= span.end], default=clause.end)
    night = _NIGHT.search(sentence, start, end)
    if (
        night is None
        and _WITH_SEGMENT.match(sentence, start)
        and not _RUNNING.search(sentence, start, end)
    ):
        night = _NIGHT.search(sentence, 0, start)  # "figures for the night listed
        # 1,350 burned cars, with 79 officers injured": the with-phrase belongs to its segment
    if (
        night is not None
        and night.start() < span.start
        and _RELATIVE_PRONOUN.search(sentence, start, night.start())
    ):
        return False  # "A fire that tore through the town overnight has killed 12": the
        # night is the relative clause's, the count the perfect's running total
    if night is not None:
        lo, hi = sorted((night.start(), span.start))
        return not any(
            m.group().lower() != "and " or not sentence[m.end() : m.end() + 1].isdigit()
            for m in _CONJUNCTION.finditer(sentence, lo, hi)
        )  # not "486 Arrested On Fifth Night
        # As 45,000 Officers Patrol": the night is the other clause's
    lead = _SEGMENT_END.search(sentence)
    return (
        lead is not None
        and lead.end() == start
        and not any(ch.isdigit() for ch in sentence[: lead.start()])  # an opening adverbial
        and bool(_NIGHT.search(sentence, 0, lead.start()))
    )


_REACHED = re.compile(r"\bto\s+" + _Q + "$", re.IGNORECASE)
