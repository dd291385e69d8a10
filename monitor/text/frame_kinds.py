"""The kind rules of a frame: whether a number is a running `total`, a `new` increment, a `part`
of a whole, a `previous` value or a `rate` (`_kind`, reading the day/night rules of
`frame_days` and the share cues of `frame_parts`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from monitor.text.clauses import Clause
from monitor.text.frame_days import _day_haul, _one_day, _one_night
from monitor.text.frame_earlier import earlier_estimate, earlier_value
from monitor.text.frame_parts import _SHARE_APPOSED, _TOTAL_RISE
from monitor.text.frame_times import _FROM_END, _past_ref
from monitor.text.frame_values import _Q, Span
from monitor.text.patterns import MONTHS, CaseFree, holds, lowered, may_hold
from monitor.text.scope import PLACE_COUNT
from monitor.text.shares import part_of_population

_PREVIOUS_BEFORE = re.compile(
    r"(?:\b(?:up|down|increase|increased|decrease|decreased|rise|rose|drop|dropped|fell|jump"
    r"|climb|climbed|revised|lowered|raised|cut|corrected|adjusted|reduced|grew|surged|a\s+jump"
    r"|an\s+increase|a\s+rise|a\s+drop|a\s+decrease|a\s+decline|declined)\s+from"
    r"|\b(?:compared\s+(?:with|to)|against|versus|vs\.?|previously|earlier\s+(?:figure|estimate"
    r"|count|toll|tally)\s+of|initially|originally|(?:previous|first|initial|original|prior)\s+(?:figure|estimate|count|toll"
    r"|tally)\s+of|had\s+previously\s+(?:reported|said|put\s+it\s+at)|from\s+an?\s+(?:earlier"
    r"|initial|previous|original)(?:\s+\w+)??(?:\s+of)?"
    r"|earlier\s+(?:\w+\s+){0,3}?(?:an?\s+)?(?:toll|figure|estimate|count|tally)\s+of"
    r"|(?:earlier|initial|previous|first|original|prior)\s+(?:tall(?:y|ies)|counts?|figures?"
    r"|estimates?|reports?)\s+(?:had\s+)?(?:put|placed)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?at"
    r"|which\s+had\s+stood\s+at"
    # "The recall, first announced in February at 778,562 cars, ...": its first size
    r"|(?:first|initially|originally)\s+(?:announced|reported|put|given|estimated|set)"
    r"(?:\s+(?:in|on|last)\s+[\w.]+(?:\s+\d{1,2})?)?\s+(?:at|as)))"
    rf"\s+(?:the\s+)?{_Q}$",
    re.IGNORECASE,
)
# The same cue with a longer noun phrase than `_KIND_REACH` takes in: "Earlier estimates had
# put the number of miners missing at more than 100".
_EARLIER_PUT_LONG = re.compile(
    r"\b(?:earlier|initial|previous|first|original|prior)\s+(?:tall(?:y|ies)|counts?|figures?"
    r"|estimates?|reports?)\s+(?:had\s+)?(?:put|placed)\s+the\s+(?:[\w’'-]+\s+){1,7}?at\s+"
    + _Q
    + "$",
    re.IGNORECASE,
)
_PREVIOUS_BEFORE_CF = CaseFree(_PREVIOUS_BEFORE)  # read through its folded twin (patterns.CaseFree)
_PREVIOUS_AFTER = re.compile(
    r"\s+(?:(?:reported|given|announced|recorded|counted)\s+|of\s+)?(?:a|one|the)\s+(?:day|week"
    r"|month)\s+(?:earlier|before)\b"
)  # "far more than the 99 reported a day earlier"
# A definite number given earlier the same day or before: "below the 334 reported in the
# morning", "the 19 announced earlier", "the 40 given previously".
_THE_BEFORE = re.compile(r"\bthe\s+" + _Q + "$", re.IGNORECASE)  # "the (roughly) 150 estimated"
_THE_BEFORE_CF = CaseFree(_THE_BEFORE)  # read through its folded twin (patterns.CaseFree)
_REPORTED_EARLIER = re.compile(
    r"\s+(?:reported|given|announced|recorded|counted|cited|estimated)\s+(?:earlier(?:\s+in\s+the\s+"
    r"(?:day|week))?|previously|(?:in|on)\s+the\s+morning|that\s+morning|last\s+week"
    r"|the\s+(?:previous|day\s+before|night\s+before))\b",
    re.IGNORECASE,
)
# A definite number its source had given before, in a contact relative clause: "well above the
# 400,000 it had first suggested", "the 90 officials had earlier reported".
_HAD_GIVEN = re.compile(
    r"\s+(?:that\s+|which\s+)?(?:it|they|he|she|officials|authorities|the\s+[a-z]+)\s+had\s+"
    r"(?:first\s+|initially\s+|earlier\s+|originally\s+|previously\s+)?"
    r"(?:suggested|estimated|reported|said|given|announced|cited|put\s+forward)\b"
)
# The value a relative clause says the count had before: "The toll, which had stood at 334, ...".
_HAD_STOOD = re.compile(
    r"(?:,\s+|^\s*)which\s+had\s+(?:previously\s+)?(?:stood|been|reached|risen|climbed|grown)\s+"
    r"(?:at\s+|to\s+)?" + _Q + "$"
)
# A corrected value: "the number of deaths is 275 and not 288".
# A value the sentence sets aside for the one it gives: "275 and not 288", "Killed 2,975, Not
# 64", "more than 1,400 people, not the 64 in its official tally".
_NOT_BEFORE = re.compile(r"(?:\band|,)\s+(?:not|Not|NOT)\s+(?:the\s+)?" + _Q + "$")

# A count for one reporting window is an increment: "2,292 patients were admitted in the 24
# hours to Sunday", "with 10 deaths recorded in the previous 24 hours".
_WINDOW = re.compile(
    r"\b(?:in|over|during|within)\s+the\s+(?:past|last|previous|preceding)?\s*(?:24|48|72)\s+hours"
    r"|\b(?:in|over)\s+the\s+(?:past|last|previous|preceding)\s+(?:day|24-hour\s+period)\b"
    # a few days counted apart: "a peak of 8,141 disembarkations in the past three days"
    r"|\bin\s+the\s+(?:past|last|previous|preceding)\s+(?:two|three|four|five|six|[2-6])"
    r"\s+days\b"
    # one day set apart: "23 deaths and 342 new cases on Thursday alone", "died in a single day"
    r"|\bon\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:\s+(?:night|morning|evening))?\s+alone\b"
    r"|\b(?:yesterday|today)\s+alone\b|\bin\s+(?:a\s+single|one)\s+day\b"
    # part of a day set apart: "58 bodies brought out since the morning alone"
    r"|\bsince\s+(?:the|this)\s+(?:morning|afternoon|evening)(?:\s+alone)?\b"
    r"|\bsince\s+(?:dawn|daybreak|sunrise)\b"
    # the day a count was made, pointed at: "38 deaths reported that day", "22 patients died
    # there the same day", "72 rescued that day"
    r"|\b(?:reported|recorded|confirmed|registered|rescued|found|recovered|arrested|detained"
    r"|admitted|died|killed)\s+(?:there\s+|alive\s+)?(?:that|the\s+same)\s+(?:day|night)\b",
    re.IGNORECASE,
)
_WINDOW_CF = CaseFree(_WINDOW)  # read through its folded twin (patterns.CaseFree)

# A count for one week or one day, written right after it: "26 in the first week of the outbreak
# and 23 in the second", "one case was confirmed in the week to 20 October"; or a subject set on
# one day: "Clashes across the country on Sunday killed at least 98 people".
_ORDINAL = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
_WEEK_AFTER = re.compile(
    r"(?:\s+(?:(?:was|were|had\s+been|have\s+been|has\s+been)\s+)?(?:confirmed|reported"
    r"|recorded|registered|detected|added|identified))?\s+(?:in|during|over)\s+the\s+"
    rf"(?:{_ORDINAL}\s+week\b|week\s+(?:to|ending|up\s+to)\s|{_ORDINAL}(?=\s*[.,;]|$))",
    re.IGNORECASE,
)
# One calendar month of a running count, in a month-by-month account ("After 396 deaths in
# September, 359 people died in October, 274 in November") or as the subject the count is given
# with ("September was the deadliest month, with 396 deaths"): that month's increment. A single
# dated action keeps its count ("Meta laid off 11,000 workers in November").
_MONTH_AFTER = re.compile(
    r"(?:\s+(?:(?:were|was|had\s+been|have\s+been)\s+)?(?:died|killed|dead|confirmed|reported"
    rf"|recorded|registered))?\s+(?:in|during)\s+(?-i:{MONTHS})\b(?!\s+\d)(?!,?\s*(?:19|20)\d\d\b)",
    re.IGNORECASE,
)
_MONTH_WORDS = tuple(m.lower() for m in MONTHS.split("|"))
_IN_MONTH = re.compile(rf"\b(?:in|during)\s+((?-i:{MONTHS}))\b", re.IGNORECASE)
_MONTH_SUBJECT = re.compile(
    rf"^\s*(?-i:{MONTHS})\s+(?:was|saw|had)\s+(?:the\s+)?[^,;]{{0,50}}?\bmonth\b[^;]{{0,60}}?"
    r",\s+with\s+(?:(?:[^,;]|,(?=\d)){0,40}?\s+and\s+)?" + _Q + "$",
    re.IGNORECASE,
)
# A number's own phrase ending on the day it was counted: "72 rescued that day", "22 patients
# died there the same day".
_OWN_DAY = re.compile(
    r"(?:\s+[\w-]+){0,4}?\s+(?:reported|recorded|confirmed|registered|rescued|found|recovered"
    r"|arrested|detained|admitted|died|killed)\s+(?:there\s+|alive\s+)?(?:that|the\s+same)"
    r"\s+(?:day|night)\b"
)
# The same, led by its verb: "as divers pulled more than 20 bodies from the ship that day".
_VERB_BEFORE_DAY = re.compile(
    r"\b(?:pulled|recovered|found|rescued|arrested|detained|retrieved|admitted)\s+" + _Q + "$"
)
_THAT_DAY_AFTER = re.compile(r"(?:\s+[\w’'-]+){0,5}?\s+(?:that|the\s+same)\s+(?:day|night)\b")
_DAY_SUBJECT = re.compile(
    r"\bon\s+(?-i:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+(?:alone\s+)?(?:killed|left"
    r"|wounded|injured|claimed|arrested|sickened)\s+(?:the\s+lives\s+of\s+)?" + _Q + "$",
    re.IGNORECASE,
)
# A relative clause telling when the subject event happened ("The floods that hit Middle
# Tennessee on Saturday killed at least 21"): the day dates the event, whose whole toll the
# number is, not one day's share of a longer one ("Clashes on Sunday killed at least 98").
_EVENT_RELATIVE = re.compile(
    r"\b(?:that|which)\s+(?:[\w’'-]+\s+){0,2}?(?:hit|struck|swept|tore|slammed|battered|ravaged"
    r"|devastated|flooded|occurred|happened)\b[^,;]*$",
    re.IGNORECASE,
)
# "Eight people died during the same period": the window the sentence before named, when that
# was one reporting window ("257 new infections in the past 24 hours"), not a quarter.
_SAME_WINDOW = re.compile(r"\b(?:in|over|during)\s+the\s+same\s+(?:period|time|day)\b", re.I)
_PART_AFTER = re.compile(
    r"\s+(?:of|among)\s+(?!the\s+(?:day|week|month|year)\s+(?:before|earlier)\b)"
    r"(?:the|them|those|these|whom|which|its|their|all)\b|\s+of\s+\d"
    r"|\s+of\s+(?-i:[A-Z])[\w-]*(?:\s+[A-Z][\w-]*)*['’]s\s+\d",
    re.I,
)
# "N of them" followed straight by the noun that picks the part out ("325 of them students",
# "20 of them children"), not by a place, a verb or an adverb ("45 of them in Gaines County").
_OF_THEM_NOUN = re.compile(
    r"\s+of\s+(?:them|whom|those)\s+(?!(?:in|at|on|across|around|from|near|outside|inside"
    r"|within|along|throughout|were|was|are|is|had|have|has|being|been|will|would|could|still"
    r"|now|all|and|or|so|already|reportedly|said|died|lived|live)\b)(?:[a-z][\w-]*)\b"
)
# "N of its members", "over 3,100 of their cars": the owner's own count when no number of the
# whole follows ("about 4,400 of its 5,500 contract workers" is a part of those 5,500).
_OF_ITS_OWN = re.compile(
    r"\s+of\s+(?:its|their)\s+(?!(?:[\w’'-]+\s+){0,2}?(?:\d|(?:some|about|roughly|around"
    r"|nearly|almost|over)\s+\d))",
    re.I,
)
# "killed 20 and injured another 50", "destroyed 10,000 houses and damaged a further 55,000":
# "another" after a second verb counts what that verb did, not more of what the first did.
_OTHER_VERB_FURTHER = re.compile(
    r"\b(?P<first>[a-z]{3,}ed)\s+(?:[^,;]{0,40}?)\d[\d,.]*(?:\s+[a-z-]+){0,2}\s+and\s+"
    r"(?P<second>[a-z]{3,}ed)\s+(?:another|a\s+further|an\s+additional|an\s+extra)\s+" + _Q + "$"
)


def _other_verb(before: str) -> bool:
    """Whether the two verbs `_OTHER_VERB_FURTHER` found differ (not "added 5 and added another")."""
    m = _OTHER_VERB_FURTHER.search(before)
    return m is not None and m["first"] != m["second"]


# A rate after a pair of counted nouns: "55,000 repair kits and replacement devices a week".
_RATE_AFTER_PAIR = re.compile(
    r"\s+(?:and|or)\s+(?:[a-z][\w-]*\s+){1,2}?(?:a|per)\s+(?:day|week|month|year)\b"
    r"(?!\s+(?:earlier|before|later|ago|after)\b)"
)
# What may stand between two members of one breakdown: ", three were Syrians and one",
# ", while one victim", ", driving licence numbers for 29,188 of them and email addresses for".
_PARALLEL_GAP = re.compile(
    r"(?:\s+[a-z][\w’'-]*){0,4}?\s*(?:,\s*(?:and\s+|while\s+)?|\s+and\s+|\s+while\s+)"
    r"(?:(?![a-z]+ed\b)[a-z][\w’'-]*\s+){0,3}?(?:for\s+|of\s+)?$"
)


def _parallel_part(sentence: str, span: Span, spans: Sequence[Span]) -> bool:
    """Whether the number continues a breakdown whose member before it is a partitive part
    ("Three of the missing were Lebanese nationals, three were Syrians and one was Egyptian")."""
    earlier = [s for s in spans if s.start < span.start]
    if not earlier:
        return False
    first = earlier[-1]
    own = sentence[span.end : span.unit_end].strip()
    if own and own != sentence[first.end : first.unit_end].strip():
        return False  # "..., and 500 nurses picketed": a count of its own noun
    if not _PART_AFTER.match(sentence, first.end) and not _parallel_part(sentence, first, spans):
        return False
    gap = sentence[first.unit_end : span.start]
    if len(gap) > 60 or any(ch.isdigit() or ch in ";:" for ch in gap):
        return False
    rest = re.sub(
        r"^\s+(?:of|among)\s+(?:the|them|those|these|whom|which|its|their|all)\b", "", gap
    )
    rest = re.sub(
        r"^(?:\s+[\w’'-]+){0,2}?\s+(?:were|was|are|is|had|have)\b(?:\s+[\w’'-]+){0,3}", "", rest
    )
    return bool(_PARALLEL_GAP.fullmatch(rest))


# A partitive count placed by its verb at a named place or a site: "about 2,000 of the strikers
# would be in the Twin Ports", "4,200 of them were still at the reception centre" (that place's
# count by the corpus convention), not a condition ("20 of them were in hospital", "in their 70s").
_HELD_AT_PLACE = re.compile(
    r"\s+(?:of|among)\s+(?:the|them|those|these)(?:\s+[a-z][\w-]*)?\s+(?:would\s+be|will\s+be"
    r"|were|was|are|is|remained|stayed)\s+(?:still\s+)?(?:in|at)\s+(?:the\s+)?"
    r"(?:(?-i:[A-Z])[\w.-]+|(?:reception|evacuation|relief|refugee)\s+(?:centre|center|camp|site)s?"
    r"|morgue|mortuary|camp)\b"
)
# The subset a count is "among": "43 Syrians were among the dead" (not "among those killed when
# their vehicle collided ...": an event of their own, tests/unit/text/test_claims13_parts.py).
_AMONG_AFTER = re.compile(
    r"(?:\s+[\w’'-]+){0,3}?\s+(?:were|was|are|is)\s+(?:also\s+|reportedly\s+)?among\s+"
    r"the\s+(?:dead|victims|killed|injured|wounded|missing|casualties|fatalities)\b",
    re.IGNORECASE,
)
# A place apposed with its size: "Donggala, a regency of some 300,000 people", "a city of 2
# million": the place's own population, never a part of a count the sentence opened with.
_POPULATION_APPOSED = re.compile(
    r",\s+(?:a|an)\s+(?:[a-z]+\s+){0,2}?(?:city|town|regency|district|province|county|region"
    r"|state|island|village|country|nation|municipality|area|suburb|community)\s+of\s+" + _Q + "$"
)
_OF_OWNER = re.compile(r"\s+of\s+(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)['’]s\s+\d")
# "bringing the county's toll to 17 and the state's to 30": an owner whose noun the sentence
# gave before ("the state's [toll] to 30") owns the number.
_ELLIPTIC_OWNER = re.compile(
    r"['’]s\s+[\w-]+(?:\s+[\w-]+)?\s+to\s+[^,;]{1,40}?\s+and\s+"
    r"(?P<name>(?:the|its|their)\s+[a-z][\w-]*|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)['’]s\s+to\s+$"
)
_PART_BEFORE = re.compile(
    r"\b(?:including|includes|include|included|among\s+them|among\s+whom|of\s+whom|of\s+which"
    r"|among\s+those|among\s+the\s+dead\s+were|among\s+the\s+dead|most\s+of\s+them)"
    rf"\s+{_Q}$",
    re.IGNORECASE,
)
_NEW_BEFORE = re.compile(
    r"\b(?:another|an\s+additional|additional|added|adding|adds|add|a\s+further|an\s+extra"
    r"|(?:a\s+)?(?:rise|increase|jump|spike|surge)\s+of|(?:rose|increased|grew|climbed|jumped"
    r"|went\s+up|up)\s+by|new|confirmed\s+another|reported\s+another)\s+" + _Q + "$",
    re.IGNORECASE,
)
_OF_THE_LEAD = re.compile(
    r"\s*[\"“]?(?:Of|Among)\s+(?:the|those|these|its|their|all)\b[^,;]{1,80},\s*" + _Q + "$"
)
# A lead's whole that is itself an increment: "Of the new admissions,", "Of the 38 deaths
# reported that day,".
_NEW_WHOLE = re.compile(
    r"\b(?:new|additional|latest|more)\s+[a-z]|\b(?:that|the\s+same)\s+(?:day|night)\b"
    r"|\b(?:in|over)\s+the\s+(?:past|last|previous)\s+(?:24|48|72)\s+hours\b",
    re.IGNORECASE,
)
_OF_LEAD_ANY = re.compile(
    r"\s*[\"“]?(?:Of|Among)\s+(?:the|those|these|its|their|all)\b[^,;]{1,80},"
)
_EVERY_PERIOD = re.compile(r"\b(?:each|every|per)\s+(?:day|week|month|year)\b", re.IGNORECASE)
_JOIN = re.compile(
    r"\bjoin(?:ed|ing|s)?\s+(?:the\s+|a\s+)?(?:strike|walkout|picket\s+lines?|stoppage|protest)",
    re.IGNORECASE,
)
_WALKOUT_AFTER = re.compile(r"\s+(?:had\s+|have\s+)?walked\s+out\b")
_THAN_BASELINE = re.compile(
    r"\s+than\s+(?:usual|normal|expected|average|would\s+(?:normally\s+)?(?:be\s+)?expected"
    r"|in\s+an?\s+(?:normal|average|typical)\b)"
)
_STILL_AFTER = re.compile(r"\s+(?:were\s+|are\s+|was\s+|is\s+)?still\b")
_COMPARED = re.compile(r"\b(?:compared\s+(?:with|to)|against|versus|vs\.?)\s+" + _Q + "$", re.I)
_OTHER_PERIOD = re.compile(
    r"\s+(?:(?:for\s+(?:all\s+of\s+|the\s+whole\s+of\s+)?|in\s+(?:all\s+of\s+)?|during\s+)"
    r"(?:(?:18|19|20)\d\d|last\s+year|the\s+previous\s+year)"
    # ... or the current period, set against an earlier one: "700,000 in 2023, compared with
    # 1.2 million this year"
    r"|(?:so\s+far\s+)?this\s+(?:year|month|week|season)|so\s+far|to\s+date|now)\b",
    re.IGNORECASE,
)
# A count given as one more round of something is an increment: "in a second round of layoffs".
_ROUND = re.compile(
    r"\b(?:a|an|the|its|their)\s+(?:second|third|fourth|fifth|new|fresh|further|latest|another"
    r"|additional)\s+(?:round|wave|batch|tranche)\s+of\b"
    # one round named by its day: "Thursday's round hit 258 workers"
    r"|\b(?-i:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day['’]s\s+(?:round|wave|batch)\b",
    re.IGNORECASE,
)
# A count in one division of the organisation is a part of the organisation's count.
_DIVISION_AFTER = re.compile(
    r"(?:\s+[a-z]+){0,2}?\s+(?:in|at|from|across)\s+its\s+(?:[\w-]+\s+){0,3}?"
    r"(?:division|unit|arm|subsidiary|department|segment|studios?)\b"
)
_ROUND_STOP = re.compile(
    r",\s*(?:and|but|while|whereas)\b|;|\s[—–]\s"
    # a clause of its own after the count: "rose to 870, ..., after his office added names
    # from a fresh batch of reports" (the batch is what the office added, not the count)
    r"|,\s*(?:after|because|when)\s+(?:his|her|its|their|the)\s+\w+\s+(?:had\s+|has\s+)?[a-z]+ed\b"
)

# A number of people in hospital: part of the cases counted before it in the sentence.
_HOSPITAL_AFTER = re.compile(
    r"(?:\s+[a-z]+){0,2}?\s+(?:(?:had|have|has)\s+been\s+|were\s+|was\s+|are\s+)?"
    r"(?:hospitali[sz]ed|in\s+hospital|admitted\s+to\s+hospital|taken\s+to\s+hospital)\b"
)
_CASE_HEADS = frozenset(("cases", "case", "infections", "infection", "illnesses"))
_NEW_MODIFIERS = frozenset(("new", "additional", "more", "further", "extra", "fresh"))

_FROM_TO = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_TO_NEXT = re.compile(r"\s+(?:\w+\s+)?to\s+", re.IGNORECASE)
_RATE_HINT = re.compile(r"\b(?:a|per|each|every)\s+(?:day|week|month|year|hour)\b|\bdaily\b")


# A count compared with an earlier moment of the same count: "46 more than a week earlier",
# "12 more than on Friday", "90 more than last week".
_MORE_THAN_BEFORE = re.compile(
    r"\s+more\s+than\s+(?:(?:a|one|the)\s+(?:day|week|month|year)\s+(?:earlier|before|ago)"
    r"|(?:on\s+)?(?:last\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|yesterday|week|month)\b|(?:at\s+)?the\s+(?:previous|last)\s+(?:count|update|report)\b)"
)
# The earlier moment a comparison names, described by the "when" clause that follows it:
# "nearly 200 more deaths than on Tuesday, when the UN had reported 589 dead".
_THAN_THEN = re.compile(  # also a change "from" that moment: "a drop from a week earlier, when"
    r"\b(?:than|from)\s+(?:on\s+)?(?:(?:last\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    r"|Sunday|week|month)|yesterday|(?:a|one|the)\s+(?:day|week|month)\s+(?:earlier|before))"
    r"\s*,?\s*$"
)
_UP_BY_BEFORE = re.compile(r"\b(?:up|down)\s+(?:by\s+)?" + _Q + "$", re.IGNORECASE)
_FROM_EARLIER = re.compile(
    r"\s+(?:\w+\s+)?(?:from|on|over|since)\s+(?:a|one|the)\s+(?:day|week|month|year)"
    r"\s+(?:earlier|before|ago)\b|\s+(?:\w+\s+)?(?:from|on|over|since)\s+(?:last|the\s+previous)"
    r"\s+(?:day|week|month|year|update|report|count)\b",
    re.IGNORECASE,
)
_KIND_REACH = 48  # the longest kind cue before a number: "an earlier estimate of nearly "

_SOURCE_HINTS = (
    "according", "citing", "quoted", "said", "says", "told", "reported", "added", "noted",
    "announced", "confirmed", "estimated", "wrote",
)  # fmt: skip


@dataclass(frozen=True)
class _Reading:
    """One number of a clause, as the kind rules read it: its sentence, span and clause, the
    sentence's other spans, whether a locative is attached to it, and the window before it
    (`before`, lower-cased once as `low` for the word tests of `holds`)."""

    sentence: str
    span: Span
    clause: Clause
    spans: Sequence[Span]
    attached: bool
    before: str
    low: str | None


def _change_rule(at: _Reading) -> str | None:
    """A change written beside the count it moved ("rose by 26 to 75", "46 more than a week
    earlier") or another period's own total ("compared with 285 for all of 2024")."""
    sentence, span, before, low = at.sentence, at.span, at.before, at.low
    changed = holds(low, _CHANGE_BY_WORDS)
    if changed and _CHANGE_BY.search(before) and _TO_COUNT.match(sentence, span.unit_end):
        return "new"  # "rose by 26 to 75", "up 26 to 75": the change, not the count reached
    if (
        changed
        and holds(low, _UP_DOWN_WORDS)
        and _UP_BY_BEFORE.search(before)
        and _FROM_EARLIER.match(sentence, span.unit_end)
    ):
        return "new"  # "1,022 cases as of June 6, up 41 from a week earlier": the rise
    if " more than " in sentence[span.end : span.unit_end + 12] and _MORE_THAN_BEFORE.match(
        sentence, span.unit_end
    ):
        return "new"  # "314 cases so far, 46 more than a week earlier": the week's rise
    compares = holds(low, _COMPARED_WORDS)  # each regex runs only when it can match
    if compares and _COMPARED.search(before) and _OTHER_PERIOD.match(sentence, span.unit_end):
        return "total"  # "compared with 285 for all of 2024": another period's own total
    return None


def _previous_rule(at: _Reading) -> str | None:
    """An earlier value of the same count ("up from 97", "the 90 it had earlier estimated",
    "275 and not 288", "lowered from 88 to 71")."""
    sentence, span, clause, before, low = at.sentence, at.span, at.clause, at.before, at.low
    compares = holds(low, _COMPARED_WORDS)
    if (
        ((compares or holds(low, _PREVIOUS_WORDS)) and _PREVIOUS_BEFORE_CF.search(before))
        or _PREVIOUS_AFTER.match(sentence, span.unit_end)
        or (
            _THE_BEFORE_CF.search(before)
            and (
                _REPORTED_EARLIER.match(sentence, span.unit_end)
                or (" had " in sentence and _HAD_GIVEN.match(sentence, span.unit_end))
            )
        )
        or (
            may_hold(sentence[span.unit_end : clause.end], _SUPERSEDED_WORDS)
            and _SUPERSEDED.match(sentence, span.unit_end, clause.end)
        )
        or (" it " in sentence[span.unit_end :] and _LATER_STOOD.match(sentence, span.unit_end))
        or (
            " at " in before
            and _EARLIER_PUT_LONG.search(sentence, max(clause.start, span.start - 110), span.start)
        )
        or (
            "from" in before  # what _FROM_END needs (case-sensitive)
            and _FROM_END.search(before)
            and (
                _TO_THEN_FROM.search(sentence, clause.start, span.start)
                or _TO_N_COMMA.search(sentence, max(0, clause.start - 70), clause.start)
            )
        )
    ):
        return "previous"
    if earlier_value(sentence, clause.start, span.start):
        return "previous"  # "Earlier that day the service had raised the number missing to 24"
    if earlier_estimate(sentence, clause.start, span.start, span.unit_end):
        return "previous"  # "Officials had initially estimated that about 1,000 people ..."
    if ("not" in before or "Not" in before or "NOT" in before) and _NOT_BEFORE.search(before):
        return "previous"  # "275 and not 288"
    if "which had" in before and _HAD_STOOD.search(before):
        return "previous"  # "The toll, which had stood at 334, was lowered to 210"
    if clause.opener == "when" and _THAN_THEN.search(
        sentence, max(0, clause.start - 48), clause.start
    ):
        return "previous"  # "200 more deaths than on Tuesday, when the UN had reported 589"
    if " before " in sentence[span.unit_end :] and _REVISED_LATER.match(sentence, span.unit_end):
        return "previous"  # "put the toll at 2,445 ..., before the minister lowered it to 1,000"
    if (
        holds(low, ("from",))
        and _FROM_TO.search(before)
        and _TO_NEXT.match(sentence, span.unit_end)
    ):
        return "previous"  # "lowered from 88 to 71"
    return None


def _joining_rule(at: _Reading) -> str | None:
    """What joins or recurs: a walkout joined ("8,700 workers walked out"), a rate ("13
    children die every day"), a strike joined, a day's own haul, a count's named new part."""
    sentence, span, clause, before, low = at.sentence, at.span, at.clause, at.before, at.low
    if _WALKOUT_AFTER.match(sentence, span.unit_end) and not _past_ref(
        sentence, clause.start, clause.end
    ):
        return "new"  # "8,700 workers walked out of Ford's Kentucky Truck Plant" joined the strike
    if _RATE_AFTER_PAIR.match(sentence, span.unit_end):
        return "rate"  # "about 55,000 repair kits and replacement devices a week"
    if may_hold(sentence[clause.start : clause.end], ("each", "every", "per")) and (
        _EVERY_PERIOD.search(sentence, clause.start, clause.end)
    ):
        return "rate"  # "13 children die every day", "1,600 people ... each year"
    if (
        may_hold(sentence[span.end : clause.end], ("join",))
        and _JOIN.search(sentence, span.end, clause.end)
    ) and not PLACE_COUNT.fullmatch(sentence, span.end, span.unit_end):
        return "new"  # "7,000 workers at two more plants would join the strike"
    if (" that " in sentence or " same " in sentence) and (
        _OWN_DAY.match(sentence, span.end)
        or (_VERB_BEFORE_DAY.search(before) and _THAT_DAY_AFTER.match(sentence, span.end))
    ):
        return "new"  # "2,431 pulled out alive, including 72 rescued that day": the day's
    if (
        not span.implied
        and _NEW_MODIFIERS & set(span.modifiers)
        and holds(low, ("includ",))
        and _INCLUDES_LIST.search(before)
    ):
        return "new"  # "That count included 11 new deaths and 575 more infections": what the
        # count gained, named by the number's own "new" / "more", not a part picked out of it
    # "up from nine deaths and 57 hospitalizations"
    return None


def _part_rule(at: _Reading) -> str | None:
    """A part of a whole, or the total of a sub-scope or owner (lists, "of them", "including",
    "accounts for", shares, an "Of the ..." lead)."""
    sentence, span, clause, spans, attached, before, low = (
        at.sentence,
        at.span,
        at.clause,
        at.spans,
        at.attached,
        at.before,
        at.low,
    )
    if "and" in before and _AND_BEFORE.search(before):
        earlier = [s for s in spans if clause.start <= s.start < span.start]
        inherited = _kind(sentence, earlier[-1], clause, spans) if earlier else None
        if inherited == "previous":
            return "previous"
        if inherited == "part":  # "22 of them were in their 70s and 13 in their 60s": a part
            return "total" if attached else "part"  # "... and nine in Terry County": its total
        if inherited == "new" and not attached and _NEW_MODIFIERS & set(earlier[-1].modifiers):
            return "new"  # "recorded 39,688 new suspected cases and 183 deaths": the same window's
    if "," in before and _INCLUSION_LIST.search(before):
        return "part"  # "included 18 Chinese nationals, two South Koreans and a Laotian"
    if holds(low, ("account",)) and (_ACCOUNTS_FOR.search(before) or _ACCOUNTS_AND.search(before)):
        return "total"  # "Texas accounts for 259 of those 301 cases": Texas's total
    if " of " in sentence[span.end : span.end + 4] and part_of_population(sentence, span.end):
        return "total"  # "88,780 of the territory's 120,000 ethnic Armenians had fled"
    if " of " in sentence[span.end : span.end + 4] and _OF_ITS_OWN.match(sentence, span.end):
        return "total"  # "2,500 of its members": its own count of them, no whole given
    if not attached and _parallel_part(sentence, span, spans):
        return "part"  # "Three of the missing were Lebanese, three were Syrians and one ..."
    if " among " in sentence[span.end : clause.end] and _AMONG_AFTER.match(sentence, span.end):
        return "part"  # "43 Syrians were among the dead": a subset of the count named after it
    if _PART_AFTER.match(sentence, span.end) or (
        holds(low, _PART_WORDS) and _PART_BEFORE.search(before)
    ):
        if attached and _NEW_MODIFIERS & set(span.modifiers) and _INCLUDES_LIST.search(before):
            return "new"  # "The new cases include eight in San Diego County": its new ones
        if attached and _OF_THEM_NOUN.match(sentence, span.end):
            return "part"  # "476 people, 325 of them students from a school in Ansan": the
            # noun picks the part out; the place is the school's, not the part's own scope
        if not attached and _HELD_AT_PLACE.match(sentence, span.unit_end):
            return "total"  # "about 2,000 of the strikers would be in the Twin Ports": theirs
        return "total" if attached else "part"  # "45 of them in Gaines County": its total
    if "of" in sentence[span.unit_end : span.unit_end + 90] and _SHARE_APPOSED.match(
        sentence, span.unit_end
    ):
        return "part"  # "More than 900 people, or about 15 percent of the total, ...": a share
    if " of " in before and _POPULATION_APPOSED.search(before):
        return "total"  # "11 in Donggala, a regency of some 300,000 people": its population
    lead = _OF_LEAD_ANY.match(sentence)
    if lead is not None and lead.end() <= span.start:
        if attached and _NEW_WHOLE.search(sentence, lead.start(), lead.end()):
            return "new"  # "Of the new admissions, 741 were in Dhaka": Dhaka's share of them
        return "total" if attached else "part"  # "Of those cases, 80 were ... and 113 had ..."
    if clause.opener in ("including", "among them", "of whom", "of which", "most of them"):
        return "part"
    return None


def _new_word_rule(at: _Reading) -> str | None:
    """An increment named by its words ("another", "a further", "nine more dead", "a second
    round of layoffs"), unless another fate or a baseline."""
    sentence, span, clause, spans, before, low = (
        at.sentence,
        at.span,
        at.clause,
        at.spans,
        at.before,
        at.low,
    )
    if " and " in before and _OTHER_VERB_FURTHER.search(before) and _other_verb(before):
        return "total"  # "destroyed 10,000 houses and damaged a further 55,000": another fate
    if (holds(low, _NEW_WORDS) and _NEW_BEFORE.search(before)) or (
        not span.implied and _NEW_MODIFIERS & set(span.modifiers)
    ):
        if _STILL_AFTER.match(sentence, span.unit_end):
            return "total"  # "with a further 10,100 people still listed as missing"
        if " than " in sentence[span.end : span.unit_end + 12] and _THAN_BASELINE.match(
            sentence, span.unit_end
        ):
            return "total"  # "1,052 more deaths than usual": the excess over a baseline, a
            # count of its own, not what a running count gained
        return "new"
    if (span.implied or _MORE_FATE.match(sentence, span.end)) and _MORE_AFTER.match(
        sentence, span.end
    ):
        return "new"  # "while 2,000 more were still being processed", "nine more dead"
    if " its " in sentence[span.unit_end : span.unit_end + 60] and _DIVISION_AFTER.match(
        sentence, span.unit_end
    ):
        return "part"  # "eliminating about 100 roles in its video games division": a part
    if "round" in sentence or "wave" in sentence or "batch" in sentence:
        later = [s.start for s in spans if s.start > span.start]
        stop = _ROUND_STOP.search(sentence, span.end)
        end = min([*later[:1], stop.start() if stop else len(sentence)])
        if _ROUND.search(sentence, clause.start, end):
            return "new"  # "cut 9,000 jobs ..., in a second round of layoffs": an increment
    return None


def _period_rule(at: _Reading) -> str | None:
    """A count of one reporting period: a week, a month of a month-by-month account, a night,
    a 24-hour window, a day."""
    sentence, span, clause, before = at.sentence, at.span, at.clause, at.before
    if ("week" in sentence and _WEEK_AFTER.match(sentence, span.unit_end)) or (
        "day" in before
        and (day := _DAY_SUBJECT.search(before)) is not None
        and not _EVENT_RELATIVE.search(
            sentence, clause.start, span.start - len(before) + day.start()
        )
    ):
        return "new"  # "26 in the first week", "Clashes on Sunday killed at least 98"
    if may_hold(sentence, _MONTH_WORDS) and (
        (
            _MONTH_AFTER.match(sentence, span.unit_end)
            and len(set(_IN_MONTH.findall(sentence))) > 1
            and not _TOTAL_RISE.search(sentence, clause.start, span.start)
        )
        or _MONTH_SUBJECT.match(sentence[: span.start])
    ):
        return "new"  # "359 people died in October", "September was the deadliest month, with 396"
    if "night" in sentence and _one_night(sentence, span, clause):
        return "new"  # "police arrested 1,311 people during a fourth consecutive night"
    if ("hours" in sentence or "day" in sentence or "since" in sentence) and _WINDOW_CF.search(
        sentence, clause.start, clause.end
    ):
        if _TOTAL_RISE.search(sentence, clause.start, span.start):
            return "total"  # "the death toll increased by 10 to 261 in the 24 hours to
            # Tuesday": the window dates the rise; the toll it rose to is the running total
        return "new"  # "2,292 patients were admitted in the 24 hours to Sunday"
    if "day" in sentence and _one_day(sentence, span, clause):
        return "new"  # "317 people were detained across the country on Sunday": that day's
    if "day" in sentence and _day_haul(sentence, span, clause):
        return "new"  # "Police detained 364 people on Monday": that day's detentions
    return None


_RULES = (_change_rule, _previous_rule, _joining_rule, _part_rule, _new_word_rule, _period_rule)


def _kind(
    sentence: str, span: Span, clause: Clause, spans: Sequence[Span], attached: bool = False
) -> str:
    """total / new / part / previous / rate for one number of its clause: the first of the named
    rules (`_RULES`, in order) that reads a kind, else total."""
    if span.rate:
        return "rate"
    before = sentence[max(clause.start, span.start - _KIND_REACH) : span.start]
    at = _Reading(sentence, span, clause, spans, attached, before, lowered(before))
    for rule in _RULES:
        found = rule(at)
        if found is not None:
            return found
    return "total"


# A number a later revision in the same sentence replaced: "put the toll at 2,445 at the start
# of the week, before the health minister lowered it to about 1,000".
_REVISED_LATER = re.compile(
    r"[^;:.\d]{0,50}?,?\s+before\s+(?:[\w’'-]+\s+){0,5}?(?:lower(?:ed|ing)|rais(?:ed|ing)"
    r"|revis(?:ed|ing)|cut(?:ting)?|reduc(?:ed|ing)|correct(?:ed|ing)|adjust(?:ed|ing)"
    r"|downgrad(?:ed|ing)|upgrad(?:ed|ing))\s+(?:it|the\s+(?:\w+\s+)?(?:toll|figure|count"
    r"|tally|number|estimate))\b"
)
_SUPERSEDED = re.compile(
    r"(?:(?!\band\s+the\b)[^;]){0,40}?\b(?:(?:has|have|had)\s+)?(?:since\s+)?(?:swelled|soared|grown|grew|risen|rose"
    r"|climbed|jumped|increased|tripled|doubled|fallen|fell|dropped|shrunk|shrank|surged)"
    r"\s+(?:to|in\s+number)\b"
    r"|\s+(?:that|which)\s+[^,;]{0,50}?\b(?:a\s+day|a\s+week|days?|weeks?)\s+(?:earlier|before)\b"
    r"|\s+(?:reported|given|announced|recorded)\s+earlier\b",
    re.IGNORECASE,
)
# A later moment's value of the same count, in the next clause: "had climbed to 53, and by
# Friday morning it stood at 55" (53 is the earlier value).
_LATER_STOOD = re.compile(
    r"[^,;\d]{0,20}?,?\s+and\s+by\s+[^,;\d]{1,40}?\s+it\s+(?:had\s+)?(?:stood|was)\s+at\s+\d",
    re.IGNORECASE,
)
# Words without which the regexes above cannot match (see `may_hold`).
_COMPARED_WORDS = ("compar", "against", "versus", "vs")
_PREVIOUS_WORDS = (
    "from",
    "previous",
    "earlier",
    "initial",
    "originally",
    "first",
    "prior",
    "stood",
)
_SUPERSEDED_WORDS = (
    "swelled", "soared", "grown", "grew", "risen", "rose", "climbed", "jumped", "increased",
    "tripled", "doubled", "fallen", "fell", "dropped", "shrunk", "shrank", "surged", "earlier",
    "before",
)  # fmt: skip
_PART_WORDS = ("includ", "among", "whom", "which", "most")
# A list of counts opened by "include" (its subject names the noun): "... include eight in X and "
_INCLUDES_LIST = re.compile(r"\binclude[sd]?\s+(?:[^,;:]{1,50}?(?:,|\band)\s+)?$")
_NEW_WORDS = (
    "another", "add", "further", "extra", "rise", "increase", "jump", "spike", "surge", "rose",
    "grew", "climbed", "went", "up", "new",
)  # fmt: skip
_TO_THEN_FROM = re.compile(r"\bto\s+", re.IGNORECASE)
# The clause before ends on the value reached: "revised down to 96, from 99, after a review".
# "rose to 120, from 97": the count reached, perhaps with its date ("had grown to 186,779 by
# the end of September, from 150,028 a year earlier").
_TO_N_COMMA = re.compile(
    r"\bto\s+(?:about\s+|around\s+)?\d[\d,.]*(?:\s+[a-z]+)?"
    r"(?:\s+(?:by|on|as\s+of|at)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?[\w’'-]+)?\s*,\s*$"
)
_CHANGE_BY = re.compile(r"\b(?:by|up|down)\s+" + _Q + "$", re.IGNORECASE)
_CHANGE_BY_WORDS = ("by", "up", "down")  # what _CHANGE_BY needs (and _UP_BY_BEFORE)
_UP_DOWN_WORDS = ("up", "down")  # what _UP_BY_BEFORE needs
_TO_COUNT = re.compile(  # "by 84 overnight to 417": a word or two of when before "to"
    r"(?:\s+(?!to\b|and\b|or\b)[a-z]+){0,2}?\s+to\s+"
    + _Q
    + r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred)\b)",
    re.IGNORECASE,
)
_AND_BEFORE = re.compile(r"\band\s+" + _Q + "$")
_INCLUSION_LIST = re.compile(
    r"\b(?:including|includes|include|included|among\s+them)\s+[^.;:()]*?,\s+" + _Q + "$"
)
_ACCOUNTS_AND = re.compile(
    r"\baccount(?:s|ed|ing)?\s+for\s+[^,;]{1,40}?\band\s+" + _Q + "$", re.IGNORECASE
)  # "accounted for 90 of the deaths and 166 of the injuries"
_ACCOUNTS_FOR = re.compile(r"\baccount(?:s|ed|ing)?\s+for\s+" + _Q + "$", re.IGNORECASE)

# "nine more dead", "Nine More Dead Found": "more" before a fate the count is named by
_MORE_FATE = re.compile(r"\s+more\s+(?:dead|killed|injured|wounded|missing)\b", re.IGNORECASE)
_MORE_AFTER = re.compile(r"\s+(?:more|new|additional|further|extra)\b", re.IGNORECASE)
