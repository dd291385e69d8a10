"""The clause scope cascade: the scope each clause of a sentence gives its numbers
(`_Clauses.scope`), from a clause-opening locative, the number's own noun phrase, the
clause's subject and its locatives, in that order of trust.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from monitor.text.agent import agent_scope
from monitor.text.appositive import opening_subject, resumed_predicate
from monitor.text.frame_clause_parts import _ClauseParts
from monitor.text.frame_kinds import _MORE_AFTER
from monitor.text.frame_times import _YEAR
from monitor.text.frame_values import _Q, Span
from monitor.text.its_owner import its_owner
from monitor.text.scope import (
    antecedent,
    event_name,
    event_phrase,
    facility_before,
    gapped_scope,
    is_numbered,
    is_place,
    locatives,
    own_possessive,
    possessive_scope,
)
from monitor.text.sentences import word_set
from monitor.text.site import site_scope

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


class _Clauses(_ClauseParts):
    """The clauses of one sentence, with their locatives and subject computed once."""

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

_TOTALLING = frozenset(("bringing", "taking", "pushing", "raising", "lifting"))
# A clause whose subject is a count: "About 6,800 workers at Stellantis' plant walked out".
_COUNT_OPENS = re.compile(
    r"\s*(?:(?:about|around|some|nearly|almost|more\s+than|at\s+least|over)\s+)?$",
    re.IGNORECASE,
)


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

# Where an embedded proposition may begin inside one clause: "days after X said", "the same
# week that X said", "and X began", ", X said it would".
# An "its" / "their" owning a number's phrase: "its roughly 7,500 staff", "of its workforce,
# or about 9,000 people", "five of its employees", "3,100 of their cars".
_ITS_BEFORE = re.compile(
    r"\b(?:its|their)\s+(?:(?:(?!(?:to|at|from|by|of|on|in|as)\s)[\w-]+\s+){0,2}$|[\w-]+(?:\s+[\w-]+)?,\s+or\s+(?:[\w-]+\s+)?$)"
)
_OF_ITS_AFTER = re.compile(r"\s+of\s+(?:its|their)\s")

_WORLDWIDE = frozenset(("worldwide", "globally", "internationally", "global"))


def parse_clauses(sentence: str) -> _Clauses:
    """A sentence's clauses, to share between `frame_sentence` and `sentence_scope`."""
    return _Clauses(sentence)


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
