"""Claim frames: for each number of a sentence, its scope, kind, time and revision.

Pure functions of the sentence (and the sentence before it). See docs/SPEC.md §6: only a
`total`, `current` claim can move a figure; the frame says why another one does not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from monitor.text.agent import agent_scope
from monitor.text.appositive import opening_subject, resumed_predicate
from monitor.text.attribution import find_attribution, find_subject
from monitor.text.clauses import Clause, clause_at, split_clauses
from monitor.text.event_types import event_families
from monitor.text.its_owner import its_owner
from monitor.text.modality import modality
from monitor.text.patterns import MONTHS, CaseFree, holds, lowered, may_hold
from monitor.text.records import record
from monitor.text.scope import (
    PLACE_COUNT,
    acts_before,
    antecedent,
    event_name,
    event_phrase,
    facility_before,
    gapped_scope,
    is_numbered,
    is_place,
    locatives,
    own_act_subject,
    own_possessive,
    possessive_place,
    possessive_scope,
    possessor,
    reporter_scope,
    resolve_definite,
    subject_scope,
    topic_scope,
    when_event,
)
from monitor.text.sentences import word_set
from monitor.text.shares import part_of_population
from monitor.text.site import site_scope
from monitor.text.speaker import speaker_place


@record
class Span:
    """A number of a sentence before framing: offsets of the number and of its noun phrase."""

    start: int
    end: int
    unit_end: int
    value: float
    modifiers: tuple[str, ...] = ()
    implied: bool = False
    rate: bool = False


@record
class Frame:
    """What a clause says about one of its numbers."""

    scope: str | None
    scope_source: str  # "clause" | "previous" | "none"
    kind: str  # "total" | "new" | "part" | "previous" | "rate"
    time: str  # "current" | "past"
    time_ref: str | None
    revision: str | None  # "down" | "up" | "raised" | "revised" (see `_revision`)
    revised_from: float | None
    modality: str | None = None  # "forecast" | "disputed" (see `text.modality`)


_Q = (
    r"(?:(?:more\s+than|at\s+least|nearly|almost|about|around|some|over|an\s+estimated"
    r"|approximately|roughly|up\s+to|as\s+many\s+as|just\s+over|just\s+under|close\s+to"
    r"|fewer\s+than|less\s+than|only|just)\s+)?"
)
_PREVIOUS_BEFORE = re.compile(
    r"(?:\b(?:up|down|increase|increased|decrease|decreased|rise|rose|drop|dropped|fell|jump"
    r"|climb|climbed|revised|lowered|raised|cut|corrected|adjusted|reduced|grew|surged|a\s+jump"
    r"|an\s+increase|a\s+rise|a\s+drop|a\s+decrease|a\s+decline|declined)\s+from"
    r"|\b(?:compared\s+(?:with|to)|against|versus|vs\.?|previously|earlier\s+(?:figure|estimate"
    r"|count|toll|tally)\s+of|initially|originally|previous\s+(?:figure|estimate|count|toll"
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
_PREVIOUS_BEFORE_CF = CaseFree(_PREVIOUS_BEFORE)  # read through its folded twin (patterns.CaseFree)
_PREVIOUS_AFTER = re.compile(
    r"\s+(?:(?:reported|given|announced|recorded|counted)\s+)?(?:a|one|the)\s+(?:day|week|month)"
    r"\s+(?:earlier|before)\b"
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
# The value a relative clause says the count had before: "The toll, which had stood at 334, ...".
_HAD_STOOD = re.compile(
    r"(?:,\s+|^\s*)which\s+had\s+(?:previously\s+)?(?:stood|been|reached|risen|climbed|grown)\s+"
    r"(?:at\s+|to\s+)?" + _Q + "$"
)
# A corrected value: "the number of deaths is 275 and not 288".
# A value the sentence sets aside for the one it gives: "275 and not 288", "Killed 2,975, Not
# 64", "more than 1,400 people, not the 64 in its official tally".
_NOT_BEFORE = re.compile(r"(?:\band|,)\s+(?:not|Not|NOT)\s+(?:the\s+)?" + _Q + "$")
_ORDINAL_WORDS = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
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
    # the day a count was made, pointed at: "38 deaths reported that day", "22 patients died
    # there the same day", "72 rescued that day"
    r"|\b(?:reported|recorded|confirmed|registered|rescued|found|recovered|arrested|detained"
    r"|admitted|died|killed)\s+(?:there\s+|alive\s+)?(?:that|the\s+same)\s+(?:day|night)\b",
    re.IGNORECASE,
)
_WINDOW_CF = CaseFree(_WINDOW)  # read through its folded twin (patterns.CaseFree)
# One night of unrest, in the number's own comma-delimited segment or a sentence-opening one:
# "arrested 1,311 overnight", "on a fourth consecutive night", "667 Arrested On Third Night". A
# dated night ("on Wednesday night") is when a running count stood, not a window.
_NIGHT = re.compile(
    rf"\bovernight\b|\b(?:(?:the|a|that|its)\s+)?{_ORDINAL_WORDS}\s+(?:(?:straight|consecutive"
    r"|successive)\s+)?night\b",
    re.IGNORECASE,
)
_REACHED = re.compile(
    r"\b(?:to|at|reach(?:ed|es|ing)?|hit|hits|pass(?:ed|es)|tops?|topped)\s+$", re.I
)
_CONJUNCTION = re.compile(r"\b(?:as|while|after|before|when|and)\s", re.IGNORECASE)
_RELATIVE_PRONOUN = re.compile(r"\b(?:that|which|who)\s", re.IGNORECASE)
_SEGMENT_END = re.compile(r"[,;:]\s|\s[-–—]\s")
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
    r"\s+(?:of|among)\s+(?:the|them|those|these|whom|which|its|their|all)\b|\s+of\s+\d"
    r"|\s+of\s+(?-i:[A-Z])[\w-]*(?:\s+[A-Z][\w-]*)*['’]s\s+\d",
    re.I,
)
# "N of its members", "over 3,100 of their cars": the owner's own count when no number of the
# whole follows ("about 4,400 of its 5,500 contract workers" is a part of those 5,500).
_OF_ITS_OWN = re.compile(
    r"\s+of\s+(?:its|their)\s+(?!(?:[\w’'-]+\s+){0,2}?(?:\d|(?:some|about|roughly|around"
    r"|nearly|almost|over)\s+\d))",
    re.I,
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
    r"|additional)\s+(?:round|wave|batch|tranche)\s+of\b",
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
_MORE_AFTER = re.compile(r"\s+more\b(?!\s+than)")
# A number of people in hospital: part of the cases counted before it in the sentence.
_HOSPITAL_AFTER = re.compile(
    r"(?:\s+[a-z]+){0,2}?\s+(?:(?:had|have|has)\s+been\s+|were\s+|was\s+|are\s+)?"
    r"(?:hospitali[sz]ed|in\s+hospital|admitted\s+to\s+hospital|taken\s+to\s+hospital)\b"
)
_CASE_HEADS = frozenset(("cases", "case", "infections", "infection", "illnesses"))
_NEW_MODIFIERS = frozenset(("new", "additional", "more", "further", "extra", "fresh"))
_YEAR = r"(?:18|19|20)\d\d"
_MONTH = r"(?-i:" + MONTHS + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
_SEASON = (  # a season or holiday of a year: "before Christmas 2024", "in the summer of 2022"
    r"(?:(?-i:Christmas(?:\s+Eve)?|Easter|Thanksgiving|Ramadan|Eid|Diwali|Hanukkah|Passover"
    r"|(?:Lunar\s+)?New\s+Year(?:'s)?)|spring|summer|autumn|fall|winter)"
)
_PAST = re.compile(  # the look-ahead: the first letters of the alternatives, a cheap first test
    r"(?i:\b(?=[ltpaydbio12])(?P<ref>last\s+(?:year|season|decade|century|summer|winter|spring|autumn|fall"
    rf"|{_MONTH}\b)"
    rf"|between\s+(?:{_MONTH}\s+)?{_YEAR}\s+and\s+(?:{_MONTH}\s+)?{_YEAR}\b"
    r"|(?:the\s+)?(?:previous|prior|preceding)\s+(?:year|season|outbreak|decade|record|war|fire"
    r"|flood|storm|hurricane|epidemic|pandemic|wave|conflict|strike|disaster)"
    r"|a\s+(?:year|decade)\s+(?:earlier|ago|before)|(?:years|decades)\s+(?:ago|earlier)"
    r"|before\s+the\s+(?:war|storm|fire|floods?|flooding|outbreak|disaster|hurricane|earthquake|quake"
    r"|cyclone|typhoon|tsunami|landslides?"
    r"|pandemic|attacks?|conflict|invasion|strike|riots|truce|ceasefire|buyout|takeover"
    r"|acquisition|merger|lockdown|crackdown|coup)(?!\s+(?:was|were|is|are|had|has|have|would"
    r"|will|could|[a-z]+ed)\b)"  # not "before the truce was extended": a later clause's
    rf"|(?:in|during|of|throughout|by\s+the\s+end\s+of)\s+(?:the\s+)?(?:year\s+)?{_YEAR}s?\b"
    rf"|(?:in|during|on|by)\s+(?:(?:early|late|mid-?)\s*)?{_MONTH}\.?\s+(?:\d{{1,2}},?\s+)?{_YEAR}\b"
    rf"|(?:in|during|on|by|before|after|over|around|at)\s+(?:the\s+)?{_SEASON}\s+(?:of\s+)?{_YEAR}\b"
    rf"|(?:the\s+)?{_YEAR}['’]?s?\s+(?-i:(?:[A-Z][\w-]+\s*){{0,3}}(?:[a-z]+\s+)?)"
    r"(?:outbreak|fire|wildfire|blaze|flood|floods|earthquake|quake|hurricane|storm|cyclone"
    r"|typhoon|tsunami|epidemic|pandemic|war|attack|attacks|season|disaster|strike|crash|famine"
    r"|eruption|recall|layoffs|crisis|riots|protests|bombing|massacre|shooting|cycle|election"
    r"|census|tornado|heatwave|heat\s+wave|drought|outbreaks|crush|stampede|collapse|siege"
    r"|invasion|explosion|blast|sinking|shipwreck|landslides?|mudslides?|avalanche|derailment"
    r"|uprising|bombings|shootings)"
    # an event named by its day: "the Oct. 7 attack", "the September 11 attacks" (a story
    # names a day so only once the event is behind it)
    rf"|the\s+{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\s+(?-i:(?:[A-Z][\w-]+\s+){{0,2}})"
    r"(?:attacks?|massacre|bombings?|shootings?|raids?|assault|uprising|crash|explosion|blast"
    r"|earthquake|quake|landslides?|floods?|fire|storm|tornado|tsunami|derailment|stampede)\b"
    rf"|{_YEAR}\s+(?-i:[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)|(?:at\s+the\s+time|back\s+then"
    r"|back\s+in\s+\w+)))",
)
_CURRENT = re.compile(
    r"\b(?:so\s+far|to\s+date|this\s+year|as\s+of|now|since\s+(?:the\s+)?(?:start|beginning))\b",
    re.IGNORECASE,
)
_SINCE_WHEN = re.compile(
    rf"(?i)\bsince\s+(?P<ref>(?:{_MONTH}\.?\s+(?:\d{{1,2}},?\s+)?)?{_YEAR}|the\s+[^,]{{3,40}})\s*,?\s*$"
)
_REVISION = re.compile(
    r"\b(?P<verb>revis(?:ed|es|ing)|lower(?:ed|s|ing)|cut(?:s|ting)?|reduc(?:ed|es|ing)"
    r"|downgrad(?:ed|es|ing)|correct(?:ed|s|ing)|adjust(?:ed|s|ing)|rais(?:ed|es|ing)"
    r"|upgrad(?:ed|es|ing)|amend(?:ed|s|ing)|updat(?:ed|es|ing))\b"
    r"(?P<rest>[^,;]{0,80}?\b(?:to|at|from)\s+" + _Q + r")$",
    re.IGNORECASE,
)
# A routine update named by when it happened ("data updated at 8 a.m.", "figures updated
# daily", "updated on Monday"): it dates the data and corrects no earlier value.
_ROUTINE_UPDATE = re.compile(
    r"updat(?:ed|es|ing)\s+(?:at\s+\d|on\s+(?-i:[A-Z])|daily\b|weekly\b|hourly\b|every\b|each\b)",
    re.IGNORECASE,
)
_DOWN_WORDS = re.compile(r"\b(?:down|downward|downwards|lower)\b", re.IGNORECASE)
_UP_WORDS = re.compile(r"\b(?:up|upward|upwards|higher)\b", re.IGNORECASE)
_CHANGE_FROM = re.compile(r"\b(?P<dir>up|down)\s+from\s+" + _Q + "$", re.IGNORECASE)
_FROM_END = re.compile(r"\bfrom\s+" + _Q + r"$")
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
_UP_BY_BEFORE = re.compile(r"\b(?:up|down)\s+(?:by\s+)?" + _Q + "$", re.IGNORECASE)
_FROM_EARLIER = re.compile(
    r"\s+(?:\w+\s+)?(?:from|on|over|since)\s+(?:a|one|the)\s+(?:day|week|month|year)"
    r"\s+(?:earlier|before|ago)\b|\s+(?:\w+\s+)?(?:from|on|over|since)\s+(?:last|the\s+previous)"
    r"\s+(?:day|week|month|year|update|report|count)\b",
    re.IGNORECASE,
)
_KIND_REACH = 48  # the longest kind cue before a number: "an earlier estimate of nearly "
_PAST_HINTS = ("last", "previous", "prior", "preceding", "ago", "earlier", "before", "time", "back")
_REVISION_HINTS = (
    "revis", "lower", "cut", "reduc", "downgrad", "correct", "adjust", "rais", "upgrad", "amend",
    "updat",
)  # fmt: skip
_SOURCE_HINTS = (
    "according", "citing", "quoted", "said", "says", "told", "reported", "added", "noted",
    "announced", "confirmed", "estimated", "wrote",
)  # fmt: skip


def _has_year(text: str) -> bool:
    return "18" in text or "19" in text or "20" in text


def _kind(
    sentence: str, span: Span, clause: Clause, spans: Sequence[Span], attached: bool = False
) -> str:
    """total / new / part / previous / rate for one number of its clause."""
    if span.rate:
        return "rate"
    before = sentence[max(clause.start, span.start - _KIND_REACH) : span.start]
    low = lowered(before)  # the window lower-cased once for its word tests (`holds`)
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
    if (
        ((compares or holds(low, _PREVIOUS_WORDS)) and _PREVIOUS_BEFORE_CF.search(before))
        or _PREVIOUS_AFTER.match(sentence, span.unit_end)
        or (_THE_BEFORE_CF.search(before) and _REPORTED_EARLIER.match(sentence, span.unit_end))
        or (
            may_hold(sentence[span.unit_end : clause.end], _SUPERSEDED_WORDS)
            and _SUPERSEDED.match(sentence, span.unit_end, clause.end)
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
    if ("not" in before or "Not" in before or "NOT" in before) and _NOT_BEFORE.search(before):
        return "previous"  # "275 and not 288"
    if "which had" in before and _HAD_STOOD.search(before):
        return "previous"  # "The toll, which had stood at 334, was lowered to 210"
    if " before " in sentence[span.unit_end :] and _REVISED_LATER.match(sentence, span.unit_end):
        return "previous"  # "put the toll at 2,445 ..., before the minister lowered it to 1,000"
    if (
        holds(low, ("from",))
        and _FROM_TO.search(before)
        and _TO_NEXT.match(sentence, span.unit_end)
    ):
        return "previous"  # "lowered from 88 to 71"
    if _WALKOUT_AFTER.match(sentence, span.unit_end) and not _past_ref(
        sentence, clause.start, clause.end
    ):
        return "new"  # "8,700 workers walked out of Ford's Kentucky Truck Plant" joined the strike
    if may_hold(sentence[clause.start : clause.end], ("each", "every", "per")) and (
        _EVERY_PERIOD.search(sentence, clause.start, clause.end)
    ):
        return "rate"  # "13 children die every day", "1,600 people ... each year"
    if (
        may_hold(sentence[span.end : clause.end], ("join",))
        and _JOIN.search(sentence, span.end, clause.end)
    ) and not PLACE_COUNT.fullmatch(sentence, span.end, span.unit_end):
        return "new"  # "7,000 workers at two more plants would join the strike"
    if (" that " in sentence or " same " in sentence) and _OWN_DAY.match(sentence, span.end):
        return "new"  # "2,431 pulled out alive, including 72 rescued that day": the day's
    # "up from nine deaths and 57 hospitalizations"
    if "and" in before and _AND_BEFORE.search(before):
        earlier = [s for s in spans if clause.start <= s.start < span.start]
        inherited = _kind(sentence, earlier[-1], clause, spans) if earlier else None
        if inherited == "previous":
            return "previous"
        if inherited == "part":  # "22 of them were in their 70s and 13 in their 60s": a part
            return "total" if attached else "part"  # "... and nine in Terry County": its total
    if "," in before and _INCLUSION_LIST.search(before):
        return "part"  # "included 18 Chinese nationals, two South Koreans and a Laotian"
    if holds(low, ("account",)) and (_ACCOUNTS_FOR.search(before) or _ACCOUNTS_AND.search(before)):
        return "total"  # "Texas accounts for 259 of those 301 cases": Texas's total
    if " of " in sentence[span.end : span.end + 4] and part_of_population(sentence, span.end):
        return "total"  # "88,780 of the territory's 120,000 ethnic Armenians had fled"
    if " of " in sentence[span.end : span.end + 4] and _OF_ITS_OWN.match(sentence, span.end):
        return "total"  # "2,500 of its members": its own count of them, no whole given
    if _PART_AFTER.match(sentence, span.end) or (
        holds(low, _PART_WORDS) and _PART_BEFORE.search(before)
    ):
        if attached and _NEW_MODIFIERS & set(span.modifiers) and _INCLUDES_LIST.search(before):
            return "new"  # "The new cases include eight in San Diego County": its new ones
        return "total" if attached else "part"  # "45 of them in Gaines County": its total
    if "of" in sentence[span.unit_end : span.unit_end + 90] and _SHARE_APPOSED.match(
        sentence, span.unit_end
    ):
        return "part"  # "More than 900 people, or about 15 percent of the total, ...": a share
    lead = _OF_LEAD_ANY.match(sentence)
    if lead is not None and lead.end() <= span.start:
        if attached and _NEW_WHOLE.search(sentence, lead.start(), lead.end()):
            return "new"  # "Of the new admissions, 741 were in Dhaka": Dhaka's share of them
        return "total" if attached else "part"  # "Of those cases, 80 were ... and 113 had ..."
    if clause.opener in ("including", "among them", "of whom", "of which", "most of them"):
        return "part"
    if (holds(low, _NEW_WORDS) and _NEW_BEFORE.search(before)) or (
        not span.implied and _NEW_MODIFIERS & set(span.modifiers)
    ):
        if _STILL_AFTER.match(sentence, span.unit_end):
            return "total"  # "with a further 10,100 people still listed as missing"
        return "new"
    if span.implied and _MORE_AFTER.match(sentence, span.end):
        return "new"  # "while 2,000 more were still being processed"
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
    if ("hours" in sentence or "day" in sentence) and _WINDOW_CF.search(
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
    return "total"


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
    r"|deported|crossed)\b"
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


def _increment_share(
    sentence: str, span: Span, spans: Sequence[Span], frames: Sequence[Frame], parsed: _Clauses
) -> bool:
    """True for a place's share of the increment just before it: "27 more people died, 15 of
    them in Sindh", and the list that share opens ("..., 15 of them in Sindh and seven in
    Punjab"); a place's share of a running total stays that place's total."""
    at = len(frames)
    if at == 0 or frames[at - 1].kind != "new" or parsed.attached(span) is None:
        return False
    if _PART_AFTER.match(sentence, span.end) or _OF_THE_LEAD.match(sentence[: span.start]):
        return True  # "Of the 38 deaths reported that day, 37 were in Hubei": Hubei's share
    between = sentence[spans[at - 1].unit_end : span.start]
    return (  # the next member of a list of shares: "... and seven in Punjab"
        parsed.attached(spans[at - 1]) is not None
        and len(between) < 40
        and (" and " in between or between.lstrip().startswith(","))
    )


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
        night is not None
        and night.start() < span.start
        and _RELATIVE_PRONOUN.search(sentence, start, night.start())
    ):
        return False  # "A fire that tore through the town overnight has killed 12": the
        # night is the relative clause's, the count the perfect's running total
    if night is not None:
        lo, hi = sorted((night.start(), span.start))
        return not _CONJUNCTION.search(sentence, lo, hi)  # not "486 Arrested On Fifth Night
        # As 45,000 Officers Patrol": the night is the other clause's
    lead = _SEGMENT_END.search(sentence)
    return (
        lead is not None
        and lead.end() == start
        and not any(ch.isdigit() for ch in sentence[: lead.start()])  # an opening adverbial
        and bool(_NIGHT.search(sentence, 0, lead.start()))
    )


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


# The date an event began is not the time of its count: "The war, which began on April 15, 2023,
# has claimed tens of thousands of lives".
_STARTED = re.compile(
    r"\b(?:began|begun|started|erupted|broke\s+out|launched|struck|hit)\s+(?:\w+\s+)?$", re.I
)


_SINCE_BEFORE = re.compile(r"\b[Ss]ince\s+$")


def _past_ref(sentence: str, lo: int, hi: int, since_runs: bool = True) -> str | None:
    """The earlier period a clause places its numbers in; `since_runs`: a period after "since"
    starts a running count ("died since last year") and does not make it past."""
    text = sentence[lo:hi]
    lower = text.lower()
    if not _has_year(text) and not any(map(lower.__contains__, _PAST_HINTS)):
        return None
    m = _PAST.search(text)
    while since_runs and m is not None and _SINCE_BEFORE.search(text, 0, m.start()):
        m = _PAST.search(text, m.end())  # "died since last year": a running count's start
    if m is None or _CURRENT.search(text) or _STARTED.search(text, 0, m.start()):
        return None
    ref = m["ref"]
    if (event := _EVENT_BEFORE_YEAR.search(text, 0, m.start())) is not None and ref[:3] in (
        "in ",
        "of ",
    ):
        return f"{event['event']} {ref}"  # "Guinea's outbreak in 2023": that event, dated
    for prefix in ("in ", "during ", "of ", "throughout ", "by the end of "):
        if ref.lower().startswith(prefix) and re.search(r"\d", ref):
            ref = ref[len(prefix) :]
    return ref.strip()


# An event noun the year right after it dates: "the outbreak in 2023", "the floods of 2018".
_EVENT_BEFORE_YEAR = re.compile(
    r"\b(?P<event>outbreak|epidemic|fire|wildfire|floods?|earthquake|quake|hurricane|storm"
    r"|cyclone|typhoon|tsunami|strike|walkout|recall|riots|protests|war|famine|crash|disaster)"
    r"\s+$"
)


# A comparison opening a phrase after the number ("..., surpassing the 1960 tsunami").
_COMPARISON_AFTER = re.compile(
    r"\b(?:surpass|overtak|eclips|exceed|outstrip|rival|than\b|ahead\s+of|compared|"
    r"making\s+it|worse|worst|deadliest|largest|biggest|since\b)",
    re.IGNORECASE,
)


# A relative clause's antecedent dated to another year: "(higher than) the 2018 fires, which ..."
_DATED_ANTECEDENT = re.compile(
    r"\b(?:the|a|an|its|their)\s+(?P<ref>(?:18|19|20)\d\d)(?:\s+[\w’'-]+){1,3}\s*,?\s*$"
)


def _own_past(sentence: str, span: Span, end: int) -> str | None:
    """A period written in the number's own phrase ("the 372 cases reported in the whole of
    last year", "1,274 cases in 2019"): it dates the number whatever else the clause says."""
    lead = _OWN_PERIOD_LEAD.match(sentence, span.unit_end, end)
    if lead is None:
        return None
    m = _PAST.match(sentence, lead.end(), end)
    if m is None:
        return None
    ref = m["ref"]
    for prefix in ("in ", "during ", "of ", "throughout ", "by the end of "):
        if ref.lower().startswith(prefix) and re.search(r"\d", ref):
            ref = ref[len(prefix) :]
    return ref.strip()


def _year_before(sentence: str, clauses: list[Clause], index: int) -> str | None:
    """The year a "when" or "with" clause hangs on: "belonged to 1994, when 963 cases were
    reported", "The worst year was 1994, with 963 cases"."""
    clause = clauses[index]
    if index == 0 or clause.opener not in ("when", "with"):
        return None
    m = _ENDS_ON_YEAR.search(sentence, clauses[index - 1].start, clause.start)
    return None if m is None else m["year"]


def _time(sentence: str, span: Span, clauses: list[Clause], index: int) -> tuple[str, str | None]:
    clause = clauses[index]
    own = _own_past(sentence, span, clause.end) if not span.implied else None
    if own is not None:
        return "past", own
    ref = _past_ref(sentence, clause.start, clause.end) or _year_before(sentence, clauses, index)
    if ref is not None:
        # A period named past a comma after the number is another phrase's ("killed 80
        # people, surpassing the 1960 tsunami that killed 61"): the number's own phrase decides.
        at = sentence.find(ref, span.end, clause.end)
        comma = sentence.find(",", span.end, at) if at >= 0 else -1
        if comma >= 0 and _COMPARISON_AFTER.search(sentence, comma, at):
            ref = _past_ref(sentence, clause.start, comma)
    if ref is None and clause.opener == "when" and index > 0:
        prior = clauses[index - 1]
        since = _SINCE_WHEN.search(sentence, prior.start, prior.end)
        ref = since["ref"] if since else _past_ref(sentence, prior.start, prior.end, False)
    if ref is None and clause.dependent and clause.opener in ("which", "who", "that") and index:
        prior = clauses[index - 1]
        dated = _DATED_ANTECEDENT.search(sentence, prior.start, clause.start)
        ref = dated["ref"] if dated else _past_ref(sentence, prior.start, prior.end, False)
    lead = _PERIOD_LEAD.match(sentence) if ref is None and index > 0 else None
    if (
        lead is not None
        and lead.end() <= clauses[0].end
        and not _CURRENT.search(sentence, clause.start, clause.end)
    ):  # a period opening the sentence dates all its clauses, but "now" is the present's
        ref = _past_ref(sentence, 0, lead.end())
    if ref is None and "after" in sentence[: span.start]:
        earlier = _CAME_AFTER.search(sentence, 0, span.start)
        if earlier is not None:
            ref = earlier["ref"]  # "The collapse came five months after a fire ... killed 112"
        else:
            aside = _AFTER_IT_DID.search(sentence, clause.start, span.start)
            ref = aside["ref"] if aside is not None else None
    if ref is None and (then := _LEVEL_THEN.match(sentence, 0, span.start)) is not None:
        ref = then["ref"]  # "Last week the list shrank to 200 names": the count's level then
    if ref is None and (rel := _DATED_SUBJECT.search(sentence, 0, span.start)) is not None:
        dated = _PAST.search(rel["rel"])  # its own year, though its verb is one of striking
        if dated is not None and re.search(r"\d{4}", dated["ref"]):
            ref = re.sub(r"^(?:in|during|on|by|of)\s+", "", dated["ref"].strip(), flags=re.I)
    return ("past", ref) if ref is not None else ("current", None)


# The subject event dated by its own relative clause, right before the simple-past verb of
# the count: "The deadliest tornado on record, which struck Louisville in March 1890, killed
# 76 people" counts that event's dead (past when the clause names an earlier year). A verb
# of starting ("the outbreak, which began in March, has killed 50") dates a running count.
_DATED_SUBJECT = re.compile(
    r"(?P<rel>\b(?:which|that)\s+(?:struck|hit|swept|ravaged|tore|devastated|occurred|happened"
    r"|flooded|sank|collapsed|battered|slammed)\b[^;]{0,80}?)(?<!\bhas)(?<!\bhave)(?<!\bhad)"
    r"(?:,\s*|\s+)(?:killed|claimed|left|took|sickened|infected|displaced)\b[^,;\d]{0,25}$"
)


# A recent period opening the sentence, then the level a count moved to: the count's value
# then ("Last week the list briefly shrank to roughly 200 names"), unlike a count announced
# then, which still stands ("Last week the company said it would cut 10,000 jobs").
_LEVEL_THEN = re.compile(
    r"(?i:(?P<ref>last\s+week|earlier\s+(?:this|last)\s+week|at\s+one\s+point(?:\s+last\s+week)?)"
    r",?\s+[^,;\d]{0,60}?\b(?:shrank|shrunk|fell|dropped|dipped|stood\s+at|was\s+(?:down|up)\s+to"
    r"|rose|climbed|peaked|swelled|grew)\b[^,;\d]{0,30})$"
)


# The subject's own earlier action, told in an aside before the number: "Meta will lay off
# another 10,000, four months after it cut 11,000 jobs, bringing ..." (11,000 is then's).
_AFTER_IT_DID = re.compile(
    r",\s+(?:just\s+|only\s+|barely\s+)?(?P<ref>(?:(?:a|an|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven|twelve|\d+|a\s+few|several)\s+)?(?:days?|weeks?|months?|years?)"
    r"\s+after)\s+(?:it|they|he|she|we)\s+(?:had\s+)?(?-i:[a-z]+ed|cut|laid\s+off|shed|lost)"
    r"\s+(?:about\s+|some\s+|nearly\s+|more\s+than\s+|roughly\s+|around\s+)?$",
    re.IGNORECASE,
)


# An event placed a span of time before the one the sentence is about: "The collapse came five
# months after a fire at the Tazreen factory killed 112 workers, and eight years after ...":
# every count after it is the earlier events'.
_CAME_AFTER = re.compile(
    r"\b(?:came|comes|happened|occurred|struck|hit)\s+(?:just\s+|only\s+|barely\s+)?"
    r"(?P<ref>(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+|a\s+few)"
    r"\s+(?:days?|weeks?|months?|years?|decades?)\s+after)\b"
)

# What may stand between a counted noun and the period it is counted in: a participle, a
# preposition, "the whole of" ("cases reported in the whole of last year").
_OWN_PERIOD_LEAD = re.compile(
    r"\s+(?:(?:were\s+|was\s+)?(?:reported|recorded|confirmed|counted|logged|registered|seen)\s+)?"
    r"(?:(?:in|during|for|throughout|over)\s+(?:the\s+(?:whole|course)\s+of\s+|all\s+of\s+)"
    r"(?=last\s)|(?:for\s+)?all\s+of\s+(?=last\s))?"
)
_ENDS_ON_YEAR = re.compile(rf"\b(?:in|to|was|were|is|of|since)\s+(?P<year>{_YEAR})\s*,?\s*$")
# A closed period opening a sentence: "Between 2010 and December 2022, the two carmakers recalled
# 7 million vehicles, and 3,100 of their cars caught fire": each clause is in that period.
# So does an earlier event opening it: "Before the truce, Hamas had let four captives go ...,
# and the army had rescued one soldier".
_PERIOD_LEAD = re.compile(
    rf"\s*(?:Between|From)\s+[^,;]{{0,30}}?{_YEAR}\s+(?:and|to|until)\s+[^,;]{{0,20}}?{_YEAR},"
    r"|\s*Before\s+the\s+[a-z]+,"
)


def _narrated(clauses: list[Clause], index: int, frames: Sequence[Frame]) -> bool:
    """A revision told in a "before" clause after the value it replaced ("... put the toll
    at 2,445, before the minister lowered it to 1,000") is the story's history, not news
    the article presents as a revision."""
    return clauses[index].opener == "before" and any(f.kind == "previous" for f in frames)


def _revision(
    sentence: str, span: Span, clauses: list[Clause], index: int, spans: Sequence[Span]
) -> tuple[str | None, float | None]:
    """How the sentence presents the number as a revision, and the value it replaced.

    "down" a fall ("revised down to 71", "71, down from 88"); "raised" a revision verb's
    upward correction ("raised the toll to 8,778 from 8,567", "revised up to 1,012"); "up" a
    rise told only beside the earlier count ("124, up from 97 last week"), which is how a
    growing count is reported, not a correction; "revised" a correction without a direction.
    """
    clause = clauses[index]
    before = sentence[clause.start : span.start]
    earlier = [s for s in spans if clause.start <= s.start < span.start]
    revised_from = None
    direction: str | None = None
    m = (
        _FROM_END.search(sentence, clause.start, earlier[-1].start)
        if earlier and sentence.find("from", clause.start, earlier[-1].start) >= 0
        else None
    )
    if m is not None:
        revised_from = earlier[-1].value
    if index + 1 < len(clauses):  # "..., down from 88"
        nxt = clauses[index + 1]
        follow = [s for s in spans if nxt.start <= s.start < nxt.end]
        if follow and nxt.opener in ("up from", "down from", "from"):
            revised_from = follow[0].value
            direction = {"up from": "up", "down from": "down"}.get(nxt.opener)
    tail = sentence[span.end : min(len(sentence), span.unit_end + 20)]
    after = _CHANGE_FROM.search(tail) if may_hold(tail, ("from",)) else None
    lower = before.lower()
    verb = _REVISION.search(before) if any(map(lower.__contains__, _REVISION_HINTS)) else None
    if verb is not None and _ROUTINE_UPDATE.match(verb["verb"] + verb["rest"]):
        verb = None  # "data updated at 8 a.m. put the number at 123,863": when, not a change
    if verb is None and direction is None and after is None:
        if _REVISED_AFTER_CF.match(sentence, span.unit_end):
            return "revised", None  # "to about 1,186 after it revised its earlier figures"
        return None, None
    if verb is not None:
        word = verb["verb"].lower()
        rest = verb["rest"]
        if word.startswith(("lower", "cut", "reduc", "downgrad")) or _DOWN_WORDS.search(rest):
            direction = "down"
        elif word.startswith(("rais", "upgrad")) or _UP_WORDS.search(rest):
            direction = "up"
    if direction is None and revised_from is not None:
        direction = "down" if span.value < revised_from else "up"
    if verb is not None and direction == "up":
        return "raised", revised_from  # a revision verb's upward correction: "raised the toll to"
    return direction or "revised", revised_from


# The source's own correction told right after the count it gave: "bringing the total to
# about 1,186 after it revised its earlier figures" presents the count as a revision.
_REVISED_AFTER = re.compile(
    r"[^,;.]{0,40}?\s(?:after|as)\s+(?:it|they|the\s+(?:authority|agency|ministry|department"
    r"|government|office))\s+(?:had\s+)?(?:revised|corrected|adjusted|updated|recounted"
    r"|reconciled)\s+(?:its|their)\s+(?:earlier\s+|previous\s+|own\s+)?(?:figures?|count|tally"
    r"|toll|data|numbers|records)\b",
    re.IGNORECASE,
)
_REVISED_AFTER_CF = CaseFree(_REVISED_AFTER)  # read through its folded twin (patterns.CaseFree)


# What may stand between a counted noun and a locative that belongs to its noun phrase:
# "cases in Gaines County", "45 of them in Gaines County", "cases reported nationwide".
_ATTACH = re.compile(
    r"\s*(?:(?:of\s+(?:them|those|these|whom|which|the\s+[a-z-]+))\s*)?(?:more\s+)?"
    r"(?:(?:were\s+|was\s+|had\s+been\s+|have\s+been\s+)?(?:reported|confirmed|recorded"
    r"|registered|counted|identified|diagnosed|located|based|living|linked|tied|killed|dead"
    r"|missing|displaced|arrested|charged|employed|working|sickened|hospitali[sz]ed|hurt|injured"
    r"|wounded|died|unaccounted\s+for|falling|occurring|coming|taking\s+place)\s+)?",
    re.IGNORECASE,
)
_ATTACH_CF = CaseFree(_ATTACH)  # read through its folded twin (patterns.CaseFree)
_LEAD = re.compile(
    r"\s*[\"“]?(?:(?:and|but|while|whereas|as|with)\s+)?"
    r"(?P<lead>(?i:elsewhere|across|throughout|along|outside|inside|in|nationwide|statewide"
    r"|overall\s+in)\b[^,;]{0,60}?),\s"
)
_LEAD_OPEN = ("elsewhere", "across", "throughout", "along", "nationwide", "statewide")
# An earlier event named by its year opening the clause: "In the 2008 walkout, about 27,000 ...".
_DATED_EVENT_LEAD = re.compile(
    rf"[Ii]n\s+the\s+{_YEAR}\s+(?:[\w-]+\s+)?(?:walkout|strike|outbreak|fire|wildfire|floods?"
    r"|earthquake|quake|war|riots|protests|recall|layoffs|hurricane|storm|cyclone|tsunami"
    r"|epidemic|pandemic|crash|disaster|season|election)s?$"
)
_NOT_LEAD = re.compile(r"^[Ii]n\s+(?:all|total|a|an|the\s+(?:past|last|first|meantime))\b")


def _lead_scope(sentence: str, start: int, end: int) -> str | None:
    """A clause-opening locative: "Elsewhere along the coast, ...", "In New Mexico, ..."."""
    m = _LEAD.match(sentence, start, end)
    if m is None or _NOT_LEAD.match(m["lead"]):
        return None
    lead = m["lead"].strip()
    words = lead.split()
    if (
        words[0].lower() not in _LEAD_OPEN
        and not any(w[:1].isupper() and w.strip(".,") not in _MONTHS_DAYS for w in words[1:])
        and not _DATED_EVENT_LEAD.match(lead)
    ):
        return None
    return lead[3:] if lead[:3].lower() == "in " else lead


_MONTHS_DAYS = word_set(
    """January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday"""
)


class _Clauses:
    """The clauses of one sentence, with their locatives and subject computed once."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self.clauses = split_clauses(sentence)
        self._locatives: dict[int, list[tuple[int, str, bool]]] = {}
        self._subjects: dict[int, str | None] = {}
        self._attached: dict[int, tuple[int, str] | None] = {}
        self._sources: dict[int, int] = {}
        self._leads: dict[int, str | None] = {}
        self._events: dict[int, tuple[int, str] | None] = {}

    def _source_start(self, index: int) -> int:
        """Where a clause's attribution begins ("..., officials said"), else its end."""
        if index not in self._sources:
            clause = self.clauses[index]
            lower = self.sentence[clause.start : clause.end].lower()
            source = (
                _SOURCE.search(self.sentence, clause.start, clause.end)
                if any(map(lower.__contains__, _SOURCE_HINTS))
                else None
            )
            self._sources[index] = source.start() if source else clause.end
        return self._sources[index]

    def locatives(self, index: int) -> list[tuple[int, str, bool]]:
        """Locatives of a clause outside its attribution ("according to officials in Seoul")."""
        if index not in self._locatives:
            start = self.clauses[index].start
            self._locatives[index] = locatives(self.sentence, start, self._source_start(index))
        return self._locatives[index]

    def subject(self, index: int) -> str | None:
        if index not in self._subjects:
            clause = self.clauses[index]
            hi = min(clause.end, clause.start + _SUBJECT_REACH)
            subject = subject_scope(self.sentence, clause.start, hi, index == 0)
            comma = self.sentence.find(", ", clause.start, min(clause.end, clause.start + 130))
            if (
                subject is None
                and index == 0
                and comma > 0
                and not _SAID_NEXT.match(self.sentence, comma + 2)
            ):  # "Two years after ..., Sudan's war has displaced"; not "..., Maui County said"
                hi = min(clause.end, comma + 2 + _SUBJECT_REACH)
                subject = subject_scope(self.sentence, comma + 2, hi, False)
            self._subjects[index] = subject
        return self._subjects[index]

    def attached(self, span: Span) -> tuple[int, str] | None:
        """The locative in a number's own noun phrase, with its offset."""
        if span.start not in self._attached:
            gap = _ATTACH_CF.match(self.sentence, span.unit_end)
            at = gap.end() if gap else span.unit_end
            found = locatives(self.sentence, at, min(len(self.sentence), at + 70), anchored=True)
            hit = found[0] if found and found[0][2] else None
            if hit is None and (sub := _SUB_TOTAL.match(self.sentence, span.end)) is not None:
                # "70,000 of them around the Airport fire", "five of them, including a woman,
                # in Meppadi village": after "of them" any named place is the part's own scope
                found = locatives(self.sentence, sub.end(), sub.end() + 70, anchored=True)
                hit = found[0] if found else None
            origin = _ORIGIN.match(self.sentence, span.unit_end) if hit is None else None
            if origin is not None and self._origin_only(span, origin):
                origin = None  # "Poland has taken in 2.3 million refugees from Ukraine": Poland's
            if origin is not None:  # "49 were from Merseyside and four from Lancashire"
                found = locatives(self.sentence, origin.end(), origin.end() + 70, anchored=True)
                named = bool(found) and (
                    found[0][1][:1].isupper()
                    or found[0][1][:8].lower() == "outside "
                    or (span.implied and found[0][1].removeprefix("the ")[:1].isupper())
                )  # "and 683 were outside the capital", "and six from the Palisades"
                hit = found[0] if named else None
            linked = _LINKED_TO.match(self.sentence, span.unit_end) if hit is None else None
            if linked is not None and (span.implied or linked["verb"]):
                hit = (linked.start("loc"), linked["loc"], True)  # "five linked to the X fire"
            leaver = _LEAVERS.match(self.sentence, span.unit_end) if hit is None else None
            if leaver is not None:  # "the 5.3 million refugees who have left Ukraine"
                found = locatives(self.sentence, leaver.end(), leaver.end() + 70, anchored=True)
                hit = found[0] if found and found[0][1][:1].isupper() else None
            if hit is None and (event := event_phrase(self.sentence, at, at + 70, True)):
                hit = (event[0], event[1], True)  # "1,081 deaths at this year's Hajj"
            self._attached[span.start] = None if hit is None else (hit[0], hit[1])
        return self._attached[span.start]

    def _owner_subject(self, index: int) -> str | None:
        """Whose a worldwide count is: the clause's subject when it is no place, else that of
        the clause it hangs on ("GM added 842,000 cars ..., bringing the total to 1.6 million
        worldwide": GM's)."""
        for back in range(index, -1, -1):
            subject = self.subject(back)
            if subject is not None:
                return None if is_place(subject) else subject
            if back == index and not self.clauses[index].dependent:
                return None
        return None

    def _origin_only(self, span: Span, origin: re.Match[str]) -> bool:
        """A bare "from X" right after a counted noun is where the counted came from, not
        their scope, when the clause's subject is a place that holds them ("Poland has
        welcomed 2.3 million refugees from Ukraine"); "49 were from Merseyside" keeps it."""
        if span.implied or origin.group().strip():
            return False
        index = clause_at(self.clauses, span.start)
        subject = self.subject(index)
        return subject is not None and is_place(subject)

    def _owned(self, span: Span, spans: Sequence[Span]) -> set[int]:
        """Offsets of the locatives other numbers own: a later number's own locative is not
        `span`'s, an earlier one's is shared, unless the later one continues its phrase
        ("1,280 people had been arrested and 796 charged across the UK") or the earlier one
        is a part ("137 of them in Gaines County, 23 people in hospital")."""
        sentence = self.sentence
        return {
            a[0]
            for s in spans
            if (a := self.attached(s)) is not None
            and (
                (
                    s.start > span.start
                    and (
                        not (s.implied and a[0] > s.unit_end + 1)
                        or _OF_THEM_AT.match(sentence, s.end) is not None
                    )
                )
                or (s.start < span.start and _OF_THEM_AT.match(sentence, s.end) is not None)
            )
        }

    def scope(self, index: int, span: Span | None, spans: Sequence[Span]) -> str | None:
        """The scope clause `index` names for `span` (None: for any number of it)."""
        sentence, clause = self.sentence, self.clauses[index]
        if index not in self._leads:
            self._leads[index] = _lead_scope(sentence, clause.start, clause.end)
        lead = self._leads[index]
        if lead is not None and lead[:9].lower() == "elsewhere":
            return lead  # "Elsewhere along the coast, ... 170 people in towns including Bayda"
        if span is not None and (own := self.attached(span)) is not None:
            if own[1].lower() in _WORLDWIDE:
                subject = self._owner_subject(index)
                if subject is not None:
                    return subject
            return own[1]
        if (
            span is not None
            and span.implied
            and (inner := _COUNTED_IN.search(sentence, clause.start, span.start))
        ):
            found_in = locatives(sentence, inner.start("loc"), span.start, anchored=True)
            if found_in and found_in[0][2] and found_in[0][1].removeprefix("the ")[:1].isupper():
                return found_in[0][1]  # "brought the number of infections in the US to 671"
        if (
            span is not None
            and _has_possessive(sentence[max(clause.start, span.start - 80) : span.start])
            and (
                owning := _TOTAL_OWNER.search(
                    sentence, max(clause.start, span.start - 80), span.start
                )
            )
            and not _TIME_OWNER.fullmatch(owning["owner"])  # "the year's toll": when, not whose
        ):
            return owning["owner"]  # "bringing the outbreak's total to 39", "Rwanda's total to 62"
        if span is not None and (gap := gapped_scope(sentence, span.start)) is not None:
            return gap
        if (
            span is not None
            and sentence.find(",", clause.start, span.start) >= 0  # _APPOSED needs a comma
            and (group := _APPOSED.search(sentence, clause.start, span.start))
        ):
            return group["group"]  # "firing its entire Supercharger team, as many as 500 employees"
        if index == 0 and sentence.startswith(": ", clause.end):
            label = _kicker(sentence[clause.start : clause.end])
            if label is not None:
                return label  # a headline's "Sudan: 13 million displaced ..."
        if lead is not None:
            return lead
        if span is not None and clause.start <= span.start:
            mine = own_possessive(sentence, span.start)
            if mine is not None:
                return mine  # "when the guild's roughly 11,500 members won limits on ..."
        located = self.locatives(index)
        owned = self._owned(span, spans) if located and span is not None else set()
        found = [loc for loc in located if loc[0] not in owned and not is_numbered(loc[1])]
        strong = [loc for loc in found if loc[2]]
        owner = self._inner_owner(index, span) if span is not None else None
        if owner is not None and not (strong and strong[0][0] > owner[0]):
            return owner[1]  # "... came days after Microsoft said it would shed 10,000"
        if strong and strong[0][1].lower() in _WORLDWIDE:
            subject = self._owner_subject(index)  # "Tesla employs 140,000 people worldwide"
            if subject is not None:
                return subject
        if strong:
            at, loc = strong[0][0], strong[0][1]
            site = facility_before(sentence, clause.start, at)
            return loc if site is None else f"{site} {sentence[at : at + 3].strip()} {loc}"
        if index not in self._events:
            self._events[index] = event_phrase(sentence, clause.start, self._source_start(index))
        event = self._events[index]
        if event is not None and not any(
            o == event[0] or _PREP_ONLY.fullmatch(sentence, o, event[0]) for o in owned
        ):  # an event another number's own locative names is that number's
            return event[1]  # "the death toll from the crash", "died during the Hajj"
        if clause.opener in _RELATIVE and index > 0:
            resumed = (
                resumed_predicate(sentence, clause.start, clause.end)
                if index == 1 and clause.opener == "which" and span is not None
                else None
            )
            if resumed is not None and span is not None and span.start >= resumed[0]:
                opening = opening_subject(sentence, self.clauses[0].start, clause.start)
                if opening is not None and not resumed[1]:
                    return opening  # "Samsung, which had confirmed 35 cases, began a recall
                    # of 2.5 million devices": Samsung's; "X, which ..., said": X reports
            named = antecedent(sentence, self.clauses[index - 1].start, clause.start)
            if (
                named is None
                and index == 1
                and clause.opener == "which"
                and (resumed is None or span is None or span.start < resumed[0])
            ):
                named = opening_subject(sentence, self.clauses[0].start, clause.start)
            if named is not None and not _REPORT_AFTER.match(sentence, clause.start):
                return named  # "behind Katrina, which killed 1,392 people in 2005"; "The
                # company, which employs 3,000 people, will cut 500 jobs": the company's
            hung = (
                _SITE_BEFORE.search(sentence, self.clauses[index - 1].start, clause.start)
                if clause.opener == "where"
                else None
            )
            if hung is not None:
                return hung["site"]  # "and the main railway station, where at least 50 ..."
        if span is not None and clause.start <= span.start:
            possessive = possessive_scope(sentence, span.start)
            if possessive is not None:
                return possessive
        if span is not None and (
            _ITS_BEFORE.search(sentence, max(clause.start, span.start - 40), span.start)
            or _OF_ITS_AFTER.match(sentence, span.end)
        ):
            whose = self._possessor(index, span) or its_owner(sentence, clause.start, span.start)
            if whose is not None:
                return whose  # "Disneyland said five of its employees": Disneyland's
        subject = self.subject(index)
        if subject is not None:
            return subject
        if found:
            return _destination(sentence, found)[1]
        if span is not None and clause.start <= span.start:
            agent = agent_scope(sentence, clause.start, span.start)
            if agent is None and index > 0:  # "... said its officers had", "... and inspected"
                agent = agent_scope(sentence, self.clauses[index - 1].start, span.start)
            if agent is not None:
                return agent  # "The armed forces carried out 1,783 missions": the forces'
        if span is not None and (site := site_scope(sentence, clause.start, clause.end)):
            return site  # "About 90 bodies at the morgue had not been identified"
        name = event_name(sentence, clause.start, clause.end)
        if name is not None and span is not None and self._others_own(span, spans, name):
            return None  # "14 deaths, five linked to the Airport fire": the part's event
        return name

    def _inner_owner(self, index: int, span: Span) -> tuple[int, str] | None:
        """The nearest proposition before a number, inside its clause, whose named subject acts
        on the number itself ("Google's layoffs came days after Microsoft said it would shed
        10,000 employees and Amazon began cutting more than 18,000"): the number is that
        subject's, not the main clause's, whatever the clause splitter left joined."""
        sentence, lo = self.sentence, self.clauses[index].start
        if not acts_before(sentence, lo, span.start):
            return None
        starts = [lo] + [m.end() for m in _INNER_OPENER.finditer(sentence, lo, span.start)]
        for start in reversed(starts):
            name = own_act_subject(sentence, start, span.start)
            if name is not None:
                return start, name
        return None

    def _possessor(self, index: int, span: Span) -> str | None:
        """Whom the "its" / "their" of a number's phrase refers to: the nearest subject
        before it, in its clause or the clauses before ("..., and over 3,100 of their cars")."""
        sentence = self.sentence
        for back in range(index, -1, -1):
            lo = self.clauses[back].start
            hi = span.start if back == index else self.clauses[back].end
            starts = [lo] + [m.end() for m in _INNER_OPENER.finditer(sentence, lo, hi)]
            for start in reversed(starts):
                whose = possessor(sentence, start, hi)
                if whose is not None:
                    return whose
        return None

    def _others_own(self, span: Span, spans: Sequence[Span], name: str) -> bool:
        """Whether another number's own locative names `name`."""
        return any(
            s is not span and (a := self.attached(s)) is not None and name in a[1] for s in spans
        )


# A place inside the noun a verb leads to its number: "the number of measles infections in the
# United States to 671", "the toll across the country at 58" (the count's own scope).
_COUNTED_IN = re.compile(
    r"\b(?:number|count|tally|toll|total)\s+(?:of\s+(?:[\w-]+\s+){1,3}?)?"
    r"(?P<loc>(?:in|across|throughout)\s+[^,;]{2,40}?)\s+(?:[a-z]+\s+){0,3}?(?:to|at)\s+\S*$"
)
_DEPARTURE = re.compile(r"(?:fled|fleeing|left|leaving)\s", re.IGNORECASE)
_ARRIVAL = re.compile(r"(?:for|into)\s", re.IGNORECASE)


def _destination(sentence: str, found: Sequence[tuple[int, str, bool]]) -> tuple[int, str, bool]:
    """The locative that scopes a clause among weak ones: the first, except that a departure
    followed by where the people went scopes the count to the destination, as a host's count
    does ("270,000 Rohingya have fled Myanmar for Bangladesh" are Bangladesh's arrivals)."""
    first = found[0]
    if _DEPARTURE.match(sentence, first[0]):
        later = next((loc for loc in found[1:] if _ARRIVAL.match(sentence, loc[0])), None)
        if later is not None and is_place(later[1]):
            return later
    return first


_KICKER_WORDS = word_set(
    """Update Updated Live Breaking Analysis Exclusive Watch Opinion Explainer Factbox Timeline
    Photos Video Editorial Comment Review Interview Correction Note Report Fact Check Latest
    Watch Listen Podcast Graphic Map Data"""
)


def _kicker(text: str) -> str | None:
    """A headline's label before its colon when it names a place or subject: "Sudan",
    "Boar's Head listeria outbreak"; not "Live" or "Analysis"."""
    words = text.strip(' "“”').split()
    if not 1 <= len(words) <= 5 or not words[0][:1].isupper() or words[0] in _KICKER_WORDS:
        return None
    if any(w[:1].isdigit() for w in words):
        return None
    return " ".join(words)


_PREP_ONLY = re.compile(r"[A-Za-z]+\s+")  # from a locative's preposition to its place
# A partitive pointing back at a count already named: "of them", "of whom", and a definite
# plural head ("723 of the dead in the capital", "42 of the cases in Gaines County").
_BACK_WHOLE = (
    r"(?:them|those|these|the\s+(?:dead|deaths|victims|cases|infections|fatalities|arrests))"
)
_OF_THEM_AT = re.compile(r"\s+of\s+(?:" + _BACK_WHOLE + r"|whom)\b")
# A sub-total: "N of them", perhaps past an aside ("five of them, including a woman,"), then a
# preposition that names where that part was counted.
_SUB_TOTAL = re.compile(
    r"\s+of\s+" + _BACK_WHOLE + r"(?:,\s+(?:including|among\s+them)\s+[^,;:\d]{1,40},)?\s+"
    r"(?=(?:around|near|from|in|at|across|inside|outside|on)\s)",
    re.IGNORECASE,
)
_TOTALLING = frozenset(("bringing", "taking", "pushing", "raising", "lifting"))
# A clause whose subject is a count: "About 6,800 workers at Stellantis' plant walked out".
_COUNT_OPENS = re.compile(
    r"\s*(?:(?:about|around|some|nearly|almost|more\s+than|at\s+least|over)\s+)?$",
    re.IGNORECASE,
)
_MORE_AFTER = re.compile(r"\s+(?:more|new|additional|further|extra)\b", re.IGNORECASE)


def _counted_subject(parsed: _Clauses, index: int, spans: Sequence[Span]) -> bool:
    """The clause opens with a count of its own that is not told as "more" of the whole: "About
    6,800 workers at Stellantis' plant walked out" names where that part is, not where the
    running total after it is ("Six more people have died in the outbreak, bringing the toll
    to nine" keeps the outbreak for both)."""
    clause = parsed.clauses[index]
    return any(
        clause.start <= s.start < clause.end
        and _COUNT_OPENS.match(parsed.sentence[clause.start : s.start]) is not None
        and _MORE_AFTER.match(parsed.sentence, s.end) is None
        for s in spans
    )


_APPOSED = re.compile(
    r"(?P<group>\b(?:its|their|the)\s+(?:[\w-]+\s+){0,4}?(?:team|unit|division|staff"
    r"|workforce|department|crew|squad|contingent)),\s+" + _Q + "$"
)
_ORIGIN = re.compile(
    r"\s+(?:of\s+(?:the|those|these|them|its|their)(?:\s+[a-z-]+)?\s+)?"
    r"(?:(?:were|was|are|is|came|died|(?:were|was)\s+killed)\s+)?"
    r"(?=(?:from|on|in|near|around)\s+(?:the\s+)?[A-Z]|outside\s+the\s)"
)  # "49 were from Merseyside", "134 of the dead were on Bohol": a sub-scope of its own
# A relative clause of departure on the counted noun names its place: "refugees who have
# left Ukraine", "people that fled Gaza".
# A count tied to a named event of its own: "five linked to the Airport fire and nine to the
# Bridge fire" (the second with its verb elided, so only after a bare number).
_LINKED_TO = re.compile(
    r"\s+(?:(?:were|was|are|is|had\s+been|have\s+been)\s+)?(?P<verb>(?:linked|tied|attributed"
    r"|blamed\s+on)\s+)?(?(verb)|(?=to\s))(?:to\s+)?(?P<loc>(?:the\s+)?(?-i:[A-Z])[\w’'-]*"
    r"(?:\s+(?-i:[A-Z])[\w’'-]*)*\s+(?:fire|wildfire|blaze|storm|floods?|outbreak|quake"
    r"|earthquake|hurricane|cyclone|typhoon|explosion|blast|attack|crash))\b",
    re.IGNORECASE,
)
_LEAVERS = re.compile(r"\s+(?:who|that)\s+(?:(?:have|has|had)\s+)?(?=(?:fled|left)\s)")
_RELATIVE = frozenset(("which", "where"))
# A site a "where" clause hangs on: "the main railway station, where at least 50 were shot".
_SITE_BEFORE = re.compile(
    r"(?P<site>\b(?:the|a|an)\s+(?:[\w’'-]+\s+){0,3}?(?:station|terminus|hospital|hotel|school"
    r"|market|camp|plant|factory|mall|stadium|church|mosque|temple|building|centre|center"
    r"|terminal|prison|warehouse|mine|port|airport|base))\s*,\s*$"
)
_REPORT_AFTER = re.compile(
    r"\w+\s+(?:(?:has|have|had|also)\s+)?(?:said|says|reported|estimated|announced|told"
    r"|confirmed|added|noted|warned)\b"
)
_SUBJECT_REACH = 90
# Where an embedded proposition may begin inside one clause: "days after X said", "the same
# week that X said", "and X began", ", X said it would".
# An "its" / "their" owning a number's phrase: "its roughly 7,500 staff", "of its workforce,
# or about 9,000 people", "five of its employees", "3,100 of their cars".
_ITS_BEFORE = re.compile(
    r"\b(?:its|their)\s+(?:(?:(?!(?:to|at|from|by|of|on|in|as)\s)[\w-]+\s+){0,2}$|[\w-]+(?:\s+[\w-]+)?,\s+or\s+(?:[\w-]+\s+)?$)"
)
_OF_ITS_AFTER = re.compile(r"\s+of\s+(?:its|their)\s")
_INNER_OPENER = re.compile(r"(?:\b(?:after|before|since|that|as|when|while|and|but)|,)\s+")
_SAID_NEXT = re.compile(
    r"[^,;]{0,60}?\b(?:said|says|told|reported|announced|confirmed|added|noted|estimated)\b"
)
_WORLDWIDE = frozenset(("worldwide", "globally", "internationally", "global"))
_SOURCE = re.compile(
    r"\b(?:according\s+to|citing|quoted\s+by|as\s+reported\s+by)\b"
    r"|,\s*(?:[\w’'.-]+\s+){0,8}?(?:said|says|told|reported|added|noted|announced|confirmed"
    r"|estimated|wrote)\b[^,;]{0,40}$"
)


def parse_clauses(sentence: str) -> _Clauses:
    """A sentence's clauses, to share between `frame_sentence` and `sentence_scope`."""
    return _Clauses(sentence)


def sentence_scope(
    sentence: str | _Clauses, speaker: str | None = None, speaker_known: bool = False
) -> str | None:
    """The scope a whole sentence names, for the sentence after it: its topic (an event named
    after a place, a named subject), else its main clauses' scope, else its speaker's place
    (`speaker`: who it reports, found in it unless `speaker_known`)."""
    parsed = sentence if isinstance(sentence, _Clauses) else _Clauses(sentence)
    text = parsed.sentence
    topic = event_name(text, 0, len(text)) or topic_scope(text)
    if topic is not None:
        return topic  # "... the Lahaina fire ...", "The UAW's president announced ..."
    common: str | None = None
    for index in sorted(range(len(parsed.clauses)), key=lambda i: parsed.clauses[i].dependent):
        if common is not None and parsed.clauses[index].dependent:
            break  # a main clause's "the outbreak" before a name in "after a death in Virginia"
        scope = parsed.scope(index, None, ())
        if index == 0 and scope is not None and scope == parsed.subject(0):
            return scope  # "The outbreak ... has sickened 34 people ..., and killed two, ..."
        if scope is not None and scope[:4].lower() in ("the ", "its ", "this"):
            at = text.find(scope)
            scope = resolve_definite(scope, text, at + len(scope) if at >= 0 else -1, None)
        if scope is not None and any(w[:1].isupper() for w in scope.split()[1:] or scope.split()):
            return scope
        common = common or scope
    numbered = next(
        (loc[1] for i in range(len(parsed.clauses)) for loc in parsed.locatives(i)
         if is_numbered(loc[1])),
        None,
    )  # fmt: skip
    return (
        common
        or speaker_place(
            speaker if speaker_known else (speaker or find_attribution(text) or find_subject(text))
        )
        or numbered
        or possessive_place(text)
        or reporter_scope(text)
    )


_THOSE = re.compile(r"\b(?:those|these|the\s+same)\s+$", re.IGNORECASE)
_THOSE_WORDS = ("those", "these", "same")


def _head(sentence: str, span: Span) -> str:
    words = sentence[span.end : span.unit_end].split()
    return words[-1].lower() if words else ""


def _scope_of(
    parsed: _Clauses,
    index: int,
    span: Span,
    spans: Sequence[Span],
    previous: str | None,
    previous_scope: Callable[[], str | None] | None,
    looked_back: bool,
    fallback: str | None,
    speaker: str | None = None,
) -> tuple[str | None, str, bool, str | None]:
    """A number's scope: its clause's, an earlier clause's, else the sentence before's.

    "those 301 cases" points back: the whole it names is the sentence before's.
    """
    lo = max(0, span.start - 12)
    anaphoric = may_hold(parsed.sentence[lo : span.start], _THOSE_WORDS) and bool(
        _THOSE.search(parsed.sentence, lo, span.start)
    )
    scope = None if anaphoric else parsed.scope(index, span, spans)
    if scope is None and parsed.clauses[index].opener == "with" and index > 0:
        scope = _place_with(parsed.sentence, parsed.clauses[index - 1])  # "Houston, with 511"
    if scope is None and parsed.clauses[index].opener == "when" and index > 0:
        scope = when_event(parsed.sentence, parsed.clauses[index].start)  # "the 2005 riots,
        # when nearly 2,900 people were arrested": the event's count, not the main subject's
    # Earlier clauses, main ones first: "The CDC raised the toll in the outbreak to 10, after a
    # death in Virginia, and said 59 people ..." (59 is the outbreak's, not Virginia's).
    earlier = sorted(range(index - 1, -1, -1), key=lambda i: parsed.clauses[i].dependent)
    totalling = parsed.clauses[index].opener in _TOTALLING
    for back in earlier:
        if scope is not None or anaphoric:
            break
        if totalling and _counted_subject(parsed, back, spans):
            break  # "6,800 workers at X's plant, which ..., walked out, bringing the strike to
            # 40,000": that clause and those hanging on it tell the increment's place
        if totalling:  # "The union walked out of X's plant, ..., bringing the strike to 40,000"
            scope = parsed.subject(back)
        scope = scope or parsed.scope(back, span, spans)
    for ahead in range(index + 1, len(parsed.clauses)):
        nxt = parsed.clauses[ahead]
        if scope is not None or anaphoric or not nxt.dependent:
            break  # only the clauses that hang on mine: "..., bringing the number to 93"
        if nxt.opener.endswith("of them") or any(nxt.start <= s.start < nxt.end for s in spans):
            scope = parsed.scope(ahead, None, ())  # "..., bringing the number killed in X to 93"
        elif (
            nxt.opener == "when"
            and ahead == index + 1
            and _CAUSE_WHEN.match(parsed.sentence, nxt.start, nxt.end)
        ):
            scope = parsed.scope(ahead, None, ())  # "Four people died when a missile struck a
            # building in Tamra": where what killed them happened
    if scope is not None:
        return scope, "clause", looked_back, fallback
    if not looked_back:
        if previous_scope is not None:
            fallback = previous_scope()
        else:
            fallback = sentence_scope(previous) if previous else None
        looked_back = True
    if fallback is not None:
        return fallback, "previous", looked_back, fallback
    if speaker is not None and not anaphoric:
        return speaker, "clause", looked_back, fallback
    numbered = [
        loc[1]
        for i in range(index, -1, -1)
        for loc in parsed.locatives(i)
        if is_numbered(loc[1]) and not loc[0] <= span.start <= loc[0] + len(loc[1]) + 10
    ]
    if numbered and not anaphoric:
        return numbered[0], "clause", looked_back, fallback  # "... across six states"
    return None, "none", looked_back, fallback


def _has_possessive(text: str) -> bool:
    """Whether `text` holds a possessive "'s" and a space after some "s", as `_TOTAL_OWNER`
    needs (its `['’]s\\s+`): a test cheaper than its search, which most windows fail."""
    return "s " in text and ("'s" in text or "’s" in text)


# A possessive owning the running count a number is brought to: "bringing the outbreak's
# total to 39", "taking Rwanda's total to 62", "the city's count for the week past 1,000".
_TOTAL_OWNER = re.compile(
    r"(?P<owner>(?:\b[Tt]he\s+)?(?:[A-Z][\w’'-]*\s+){0,3}[\w’'-]+)['’]s\s+(?:[a-z-]+\s+){0,2}"
    r"(?:total|toll|tally|count|number|caseload)\b[^,;\d]{0,30}?\s+(?:to|at|past|of)\s+"
    r"(?:(?:about|around|some|nearly|almost|more\s+than|over|at\s+least|roughly)\s+)?$"
)
# A period owning a running count says when it was counted, not whose count it is: "bringing
# the year's toll to 1,705", "this week's total", "Sunday's tally", "July's count".
_TIME_OWNER = re.compile(
    r"(?i)(?:(?:the|this|last|that|next|a)\s+)?(?:[\w-]+\s+)?(?:year|week|month|day|weekend"
    r"|season|quarter|decade|century|night|morning|afternoon|evening|fortnight|today|yesterday"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april"
    r"|may|june|july|august|september|october|november|december|\d{4})"
)
# A place ending the clause right before a ", with N" clause: "New York, with 790 arrests,
# Houston, with 511, and Atlanta, with 294" - a ranking's members, each with its count.
_PLACE_AT_END = re.compile(r"(?:^|\s)(?P<name>(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)\s*$")


def _place_with(sentence: str, before: Clause) -> str | None:
    m = _PLACE_AT_END.search(sentence, before.start, before.end)
    if m is None:
        return None
    name = m["name"]
    words = name.split()
    for at in range(len(words)):  # "Next came New York": the longest place that ends it
        tail = " ".join(words[at:])
        if is_place(tail):
            return tail
    return None


# A "when" clause telling the event that caused the count: "died when a missile struck a
# building in Tamra", "were killed when a bus overturned in Kerala".
_CAUSE_WHEN = re.compile(
    r"[\s,]*when\s+(?:[\w’'-]+\s+){1,6}?(?:struck|hit|collapsed|exploded|overturned|crashed"
    r"|sank|capsized|caught\s+fire|gave\s+way|slammed|plunged|derailed|landed|burst)\b",
    re.IGNORECASE,
)


def _is_disease(scope: str) -> bool:
    """A disease's name ("Ebola", "Cholera"), which counts name as what they count, not whose
    count they are; "the outbreak" is a subject of its own and stays one."""
    if not scope[:1].isupper() or is_place(scope):
        return False
    words = scope.replace("-", " ").split()
    return (
        len(words) <= 2
        and all(event_families(w) == _OUTBREAK for w in words)
        and not any(w.lower() in _OUTBREAK_EVENTS for w in words)
    )


_OUTBREAK = frozenset({"outbreak"})
_OUTBREAK_EVENTS = frozenset(("outbreak", "outbreaks", "epidemic", "pandemic"))


_ANOTHER_BEFORE = re.compile(r"\b(?:another|a\s+further|an\s+additional)\s+" + _Q + "$", re.I)


_REACHED = re.compile(r"\bto\s+" + _Q + "$", re.IGNORECASE)


def _reached_current(sentence: str, spans: Sequence[Span], frames: Sequence[Frame]) -> bool:
    """The count just before a previous value is a current total a change reached ("had grown
    to 22,777 ..."): the value it went up from is that count's earlier value, current time."""
    at = next((i for i in range(len(frames) - 1, -1, -1) if frames[i].kind == "total"), None)
    if at is None or frames[at].time != "current":
        return False
    start = spans[at].start
    return _REACHED.search(sentence, max(0, start - 30), start) is not None


def _another_place(
    sentence: str,
    span: Span,
    scope: str | None,
    frames: Sequence[Frame],
    previous_scope: Callable[[], str | None] | None,
) -> bool:
    """An "another N" / "N more" of its own place, when the count before it (in the sentence,
    else the sentence before) is another place's: not an increment to it but that place's own
    count ("21 fires in the United States, and two more in Canada")."""
    if scope is None or not is_place(scope):
        return False
    before = sentence[max(0, span.start - _KIND_REACH) : span.start]
    if not (_ANOTHER_BEFORE.search(before) or _MORE_AFTER.match(sentence, span.end)):
        return False
    earlier = [f.scope for f in frames if f.kind == "total" and f.scope is not None]
    if not earlier and previous_scope is not None and (found := previous_scope()) is not None:
        earlier = [found]
    return bool(earlier) and all(
        is_place(e) and e.lower() not in scope.lower() and scope.lower() not in e.lower()
        for e in earlier
    )


_STATE_WORD = r"(?!(?:on|by|in|at|and|or|for|since|after|before|from|to|as)\b)[a-z-]+"
_STATE_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,6}?\s+(?:were|are|was|is|had\s+been|have\s+been|has\s+been|remain"
    rf"|remained)\s+(?P<state>(?:under|on|in|without|at)\s+(?:{_STATE_WORD}\s+)?{_STATE_WORD})"
    r"(?=[\s,;.]|$)"
)


def _another_state(sentence: str, span: Span, spans: Sequence[Span]) -> bool:
    """An "another N" whose predicate restates an earlier number's with another noun ("were
    under evacuation orders" / "were under evacuation warnings") counts another category."""
    before = sentence[max(0, span.start - _KIND_REACH) : span.start]
    if not _ANOTHER_BEFORE.search(before):
        return False
    own = _STATE_AFTER.match(sentence, span.end)
    if own is None:
        return False
    mine = own["state"].split()
    for earlier in spans:
        if earlier.start >= span.start:
            break
        other = _STATE_AFTER.match(sentence, earlier.unit_end, span.start)
        if other is None:
            continue
        theirs = other["state"].split()
        if theirs[0] == mine[0] and theirs != mine:
            return True
    return False


def _whole_time(sentence: str, clause: Clause, frames: Sequence[Frame]) -> tuple[str, str | None]:
    """The time of the whole a part is picked out of: "The attack on the parliament in 2001
    killed 14 people, including the five gunmen" (the gunmen are among 2001's dead), "Back in
    April, the number of cases had grown to 242, including 142 deaths". A part whose own
    clause is told as now ("of whom 30 are still in hospital") stays current."""
    whole = next((f for f in reversed(frames) if f.kind == "total"), None)
    if whole is None or whole.time != "past" or _CURRENT.search(sentence, clause.start, clause.end):
        return "current", None
    return whole.time, whole.time_ref


def frame_sentence(
    sentence: str,
    spans: Sequence[Span],
    previous: str | None,
    previous_scope: Callable[[], str | None] | None = None,
    parsed: _Clauses | None = None,
    speaker: str | None = None,
) -> list[Frame]:
    """The frame of each number of a sentence, in order.

    `previous_scope`, when given, computes (and may cache) the scope of `previous`;
    `parsed` is the sentence's `parse_clauses`, when the caller keeps it; `speaker` is who
    the sentence reports ("Maui Police Chief John Pelletier"), whose place scopes a number
    the clause leaves without one.
    """
    home = speaker_place(speaker)
    parsed = parsed if parsed is not None else _Clauses(sentence)
    clauses = parsed.clauses
    frames: list[Frame] = []
    fallback: str | None = None
    looked_back = False
    for span in spans:
        index = clause_at(clauses, span.start)
        clause = clauses[index]
        elliptic: str | None = None
        if PLACE_COUNT.fullmatch(sentence, span.end, span.unit_end):
            scope = possessive_scope(sentence, span.start)  # "12 of Sudan's 18 states"
            source = "clause" if scope else "none"  # "in 13 states": the places counted
        elif (whole := _OF_OWNER.match(sentence, span.end)) is not None:
            scope, source = whole["name"], "clause"  # "12 of Sudan's 18 states"
        elif "s to" in sentence[max(0, span.start - 6) : span.start] and (
            ellipsis := _ELLIPTIC_OWNER.search(sentence, max(0, span.start - 120), span.start)
        ):
            scope, source = ellipsis["name"], "clause"  # "... to 17 and the state's to 30"
            elliptic = scope
        else:
            scope, source, looked_back, fallback = _scope_of(
                parsed, index, span, spans, previous, previous_scope, looked_back, fallback, home
            )
        if source == "clause" and scope is not None and _is_disease(scope):
            # "60 cases of Ebola", "60 Ebola cases": the disease counted, not whose count it is
            if not looked_back:
                fallback = (
                    previous_scope()
                    if previous_scope is not None
                    else (sentence_scope(previous) if previous else None)
                )
                looked_back = True
            scope, source = (
                (fallback, "previous") if fallback else (home, "clause" if home else "none")
            )
        if scope is not None and scope[:4].lower() in ("the ", "its ", "this"):
            at = sentence.find(scope)
            before = previous_scope() if previous_scope is not None else None
            scope = resolve_definite(
                scope, sentence, at + len(scope) if at >= 0 else -1, before, home
            )
            if elliptic is not None and any(f.scope == scope for f in frames):
                scope = elliptic  # "the county's ... and the state's to 30": two owners
        if scope is not None and scope.lower() in _WORLDWIDE and previous_scope is not None:
            owner = previous_scope()  # "With about 140,000 employees worldwide, ...": Tesla's
            if owner is not None and not is_place(owner):
                scope = owner
        kind = _kind(sentence, span, clause, spans, parsed.attached(span) is not None)
        if (
            kind == "total"
            and previous
            and " same " in sentence
            and _SAME_WINDOW.search(sentence, clause.start, clause.end)
            and _WINDOW_CF.search(previous)
        ):
            kind = "new"  # "... in the past 24 hours. Eight people died during the same period"
        if (
            kind == "total"
            and _HOSPITAL_AFTER.match(sentence, span.end)
            and any(
                f.kind == "total" and _head(sentence, s) in _CASE_HEADS
                for s, f in zip(spans, frames, strict=False)
            )
        ):
            kind = "part"  # "198 cases, ... 23 people in hospital": the hospitalised are cases
        if (
            kind == "new"
            and source == "clause"
            and _another_place(sentence, span, scope, frames, previous_scope)
        ):
            kind = "total"  # "21 fires in the United States, and two more in Canada"
        if kind == "new" and _another_state(sentence, span, spans):
            kind = "total"  # "179,783 were under evacuation orders and another 200,000 under
            # evacuation warnings": another category's count, not an increment to the first
        if (
            kind == "total"
            and parsed.attached(span) is None
            and _breakdown_member(sentence, span, spans, frames)
        ):
            kind = "part"  # "1,167 died - 522 men, 246 women and 399 children -": its parts
        if (
            kind == "total"
            and parsed.attached(span) is None
            and _among_after(sentence, span, spans)
        ):
            kind = "part"  # "645 children and 350 women were among the 1,731 dead"
        if kind == "total" and _apposed_member(sentence, span, spans, frames):
            kind = "part"  # "420 protesters had been arrested, 347 men and 73 women"
        if kind == "total" and _rest_or_among(sentence, span, spans):
            kind = "part"  # "The remaining 74 people are missing", "were among the missing"
        if kind == "total" and _increment_share(sentence, span, spans, frames, parsed):
            kind = "new"  # "27 more people died, 15 of them in Sindh": Sindh's increment
        time, time_ref = _time(sentence, span, clauses, index)
        if kind == "part" and time == "current":
            time, time_ref = _whole_time(sentence, clause, frames)
        if kind == "previous" and time == "past" and _reached_current(sentence, spans, frames):
            time, time_ref = "current", None  # "had grown to 22,777, up from 12,277 a year earlier"
        revision, revised_from = (None, None)
        if kind in ("total", "new") and not _narrated(clauses, index, frames):
            revision, revised_from = _revision(sentence, span, clauses, index, spans)
        mood = modality(sentence, span.start, span.unit_end, clause.start)
        frames.append(Frame(scope, source, kind, time, time_ref, revision, revised_from, mood))
    return frames
