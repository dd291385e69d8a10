"""The parts of a sentence's clauses the scope cascade reads, computed once per sentence: each
clause's locatives outside its attribution, its subject, and the locative in each number's own
noun phrase (`_ClauseParts`, the base of `frame_clauses._Clauses`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from monitor.text.clauses import clause_at, split_clauses
from monitor.text.frame_kinds import _SOURCE_HINTS
from monitor.text.frame_values import Span
from monitor.text.patterns import CaseFree
from monitor.text.scope import (
    acts_before,
    event_phrase,
    is_place,
    locatives,
    own_act_subject,
    possessor,
    subject_scope,
)

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


class _ClauseParts:
    """The clauses of one sentence, with their locatives, subject and the locatives of
    their numbers' own noun phrases computed once (the cascade is `_Clauses.scope`)."""

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
                        or _MORE_GAP.fullmatch(sentence, s.end, a[0]) is not None
                    )
                )
                or (s.start < span.start and _OF_THEM_AT.match(sentence, s.end) is not None)
            )
        }

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


# A partitive pointing back at a count already named: "of them", "of whom", and a definite
# plural head ("723 of the dead in the capital", "42 of the cases in Gaines County").
_BACK_WHOLE = (
    r"(?:them|those|these|the\s+(?:dead|deaths|victims|cases|infections|fatalities|arrests))"
)
# "threatening 13,871 more across four counties": after "more" the locative is the number's
# own, as it would be after a counted noun.
_MORE_GAP = re.compile(r"\s+(?:more|others|additional|further)\s+")
_OF_THEM_AT = re.compile(r"\s+of\s+(?:" + _BACK_WHOLE + r"|whom)\b")
# A sub-total: "N of them", perhaps past an aside ("five of them, including a woman,"), then a
# preposition that names where that part was counted.
_SUB_TOTAL = re.compile(
    r"\s+of\s+" + _BACK_WHOLE + r"(?:,\s+(?:including|among\s+them)\s+[^,;:\d]{1,40},)?\s+"
    r"(?=(?:around|near|from|in|at|across|inside|outside|on)\s)",
    re.IGNORECASE,
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

_SUBJECT_REACH = 90

_INNER_OPENER = re.compile(r"(?:\b(?:after|before|since|that|as|when|while|and|but)|,)\s+")
_SAID_NEXT = re.compile(
    r"[^,;]{0,60}?\b(?:said|says|told|reported|announced|confirmed|added|noted|estimated)\b"
)

_SOURCE = re.compile(
    r"\b(?:according\s+to|citing|quoted\s+by|as\s+reported\s+by)\b"
    r"|,\s*(?:[\w’'.-]+\s+){0,8}?(?:said|says|told|reported|added|noted|announced|confirmed"
    r"|estimated|wrote)\b[^,;]{0,40}$"
)
