"""The time and revision rules of a frame: whether a number is told as now or as of a past time
(`_time`, `_past_ref`), and whether the count is a source's revision of its own earlier count
(`_revision`, `_narrated`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from monitor.text.clauses import Clause
from monitor.text.frame_earlier import earlier_event
from monitor.text.frame_values import _Q, Frame, Span
from monitor.text.patterns import MONTHS, CaseFree, may_hold

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
    # a span before an event named by a noun: "in the days before the jailbreak" (not "in the
    # weeks before the rites began": the period leading into the story's own event)
    r"|(?:in\s+)?the\s+(?:days|weeks|months|week|month|night|year)\s+(?:before|leading\s+up\s+to)"
    r"\s+the\s+[a-z]+(?!\s+(?:was|were|is|are|had|has|have|began|begins|started|starts|opened"
    r"|[a-z]+ed)\b)(?=[\s,.;]|$)"
    r"|before\s+the\s+(?:war|storm|fire|floods?|flooding|outbreak|disaster|hurricane|earthquake|quake"
    r"|cyclone|typhoon|tsunami|landslides?"
    r"|pandemic|attacks?|conflict|invasion|strike|riots|truce|ceasefire|buyout|takeover"
    r"|acquisition|merger|lockdown|crackdown|coup)(?!\s+(?:was|were|is|are|had|has|have|would"
    r"|will|could|[a-z]+ed)\b)"  # not "before the truce was extended": a later clause's
    rf"|(?:in|during|of|throughout|by\s+the\s+end\s+of)\s+(?:the\s+)?(?:year\s+)?"
    rf"(?:(?:early|late|mid-?)\s*)?{_YEAR}s?\b"
    rf"|(?:in|during|on|by)\s+(?:(?:early|late|mid-?)\s*)?{_MONTH}\.?\s+(?:\d{{1,2}},?\s+)?{_YEAR}\b"
    # a state dated to an earlier day: "employed 228,000 workers as of June 2024", "had 73,541
    # employees at the start of 2022"
    rf"|as\s+of\s+{_MONTH}\.?\s+(?:\d{{1,2}},?\s+)?{_YEAR}\b"
    rf"|at\s+the\s+(?:end|start|beginning|close)\s+of\s+(?:{_MONTH}\s+)?{_YEAR}\b"
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
    r"\b(?:so\s+far|to\s+date|this\s+year|as\s+of(?!\s+(?-i:[A-Z])[a-z]{2,8}\.?\s+(?:\d{1,2},?\s+)?"
    r"(?:18|19|20)\d\d\b)|now|since\s+(?:the\s+)?(?:start|beginning))\b",
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

_PAST_HINTS = ("last", "previous", "prior", "preceding", "ago", "earlier", "before", "time", "back")
_REVISION_HINTS = (
    "revis", "lower", "cut", "reduc", "downgrad", "correct", "adjust", "rais", "upgrad", "amend",
    "updat",
)  # fmt: skip


def _has_year(text: str) -> bool:
    return "18" in text or "19" in text or "20" in text


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
    if ref is None and " had " in sentence:
        ref = earlier_event(sentence, span.start)  # "Two months earlier a quake had killed 560"
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
    # a dated opening with an aside before the main clause: "In February 2009, as the crisis
    # hit car sales, Carlos Ghosn announced that Nissan would eliminate 20,000 jobs"
    rf"|\s*In\s+(?:{_MONTH}\s+)?{_YEAR}(?=,\s+(?:as|when|while|after)\s)"
    # an earlier event by its year: "During the 2016 strike Allina hired ..., and 500 ..."
    rf"|\s*During\s+the\s+{_YEAR}\s+[a-z]+(?:\s+[a-z]+)?(?=,?\s)"
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
