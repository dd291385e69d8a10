"""Claim frames: for each number of a sentence, its scope, kind, time and revision.

Pure functions of the sentence (and the sentence before it). See docs/SPEC.md §6: only a
`total`, `current` claim can move a figure; the frame says why another one does not.

This module is the entry point (`frame_sentence`, `Span`, `Frame`, `parse_clauses`,
`sentence_scope`); the rules live in `frame_values`, `frame_times`, `frame_days`,
`frame_parts`, `frame_kinds`, `frame_clause_parts`, `frame_clauses` and `frame_scopes`,
whose imports run in that order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from monitor.text.clauses import Clause, clause_at
from monitor.text.frame_clauses import _WORLDWIDE, _Clauses, parse_clauses
from monitor.text.frame_days import _REACHED
from monitor.text.frame_kinds import (
    _CASE_HEADS,
    _ELLIPTIC_OWNER,
    _HOSPITAL_AFTER,
    _KIND_REACH,
    _MORE_AFTER,
    _OF_OWNER,
    _OF_THE_LEAD,
    _PART_AFTER,
    _SAME_WINDOW,
    _WINDOW_CF,
    _kind,
)
from monitor.text.frame_parts import (
    _among_after,
    _apposed_member,
    _breakdown_member,
    _head,
    _rest_or_among,
)
from monitor.text.frame_scopes import _is_disease, _scope_of, sentence_scope
from monitor.text.frame_times import _CURRENT, _narrated, _revision, _time
from monitor.text.frame_values import _Q, Frame, Span
from monitor.text.modality import modality
from monitor.text.scope import PLACE_COUNT, is_place, possessive_scope, resolve_definite
from monitor.text.speaker import speaker_place

__all__ = ["Frame", "Span", "frame_sentence", "parse_clauses", "sentence_scope"]


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


_ANOTHER_BEFORE = re.compile(r"\b(?:another|a\s+further|an\s+additional)\s+" + _Q + "$", re.I)


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


# A predicate of state rather than of an event that adds to a count: "lay on docks", "remained
# trapped", "were suspected of being infected", "were expected to leave".
_STATIVE_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,6}?\s+(?:lay|lie|lies|remain|remains|remained|(?:were|are|was|is)"
    r"\s+(?:suspected|expected))\b"
)


_IN_ALL_AFTER = re.compile(r"(?:\s+[a-z]+)?\s+(?:in\s+all|in\s+total|altogether)\b")
_AND_TO = re.compile(r"[^;.\d]{0,80}?\band\s+" + _Q + "$")


def _part_of_in_all(sentence: str, span: Span, spans: Sequence[Span]) -> bool:
    """A count joined by "and" to a later one given "in all" is a part of that whole: "77
    people had been arrested under the new rule and 2,363 in all since June"."""
    later = next((s for s in spans if s.start > span.start), None)
    return (
        later is not None
        and later.implied  # the same noun, left out ("and 2,363 in all"), not another count
        and _IN_ALL_AFTER.match(sentence, later.unit_end) is not None
        and _AND_TO.match(sentence, span.unit_end, later.start) is not None
    )


def _another_stative(sentence: str, span: Span) -> bool:
    """An "another N" / "a further N" whose own predicate is a state ("another 100 bodies lay
    on docks", "a further 12,167 people were suspected of being infected") counts another
    group beside the first, not what was added to it."""
    before = sentence[max(0, span.start - _KIND_REACH) : span.start]
    if not _ANOTHER_BEFORE.search(before):
        return False
    own = _STATIVE_AFTER.match(sentence, span.unit_end)
    return own is not None and not any(ch.isdigit() for ch in sentence[span.unit_end : own.end()])


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


# Between a part and its place: a short predicate with no number, relative pronoun or whole
# that is itself an increment ("of whom 110 lived", "1,845 of the cuts fall").
_OWN_PREDICATE = re.compile(
    r"(?:\s+(?!(?:that|which|who|whom|where|when|new|additional|more|further|latest)\b)"
    r"[A-Za-z’'-]+){0,5}"
)


def _sub_scope_total(
    sentence: str,
    span: Span,
    clause: Clause,
    scope: str,
    frames: Sequence[Frame],
    previous_scope: Callable[[], str | None] | None,
) -> bool:
    """True when a part's own scope is a named place its predicate puts it in ("of whom 110
    lived in California", "1,845 of the cuts fall in California", "In South Korea, where
    about 400,000 of the phones were sold") and no count before it (in
    the sentence, or the sentence before) has: by the sets' convention a count given for a
    sub-scope is that sub-scope's total ("42 of them in Gaines County"). A place named with
    the whole ("Of the Lea County cases, 26 are adults") is the whole's."""
    if not scope[:1].isupper() or not is_place(scope):
        return False
    where = clause.opener == "where" and sentence[: clause.start].rstrip(", ").endswith(scope)
    at = sentence.find(" in " + scope, span.unit_end, clause.end)
    if not where and (at < 0 or not _OWN_PREDICATE.fullmatch(sentence, span.unit_end, at)):
        return False  # no place of the number's own predicate: a later number's, a relative
        # clause's ("six crew members of a helicopter that crashed in X"), or the place of a
        # part of an increment ("11 of the new deaths were in Dhaka": Dhaka's share of them)
    if any(f.scope == scope for f in frames):
        return False  # "83 deaths in the two parishes, 59 of them at one morgue": the same place
    before = previous_scope() if previous_scope is not None else None
    return before != scope


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
        if kind == "new" and _another_stative(sentence, span):
            kind = "total"  # "another 100 bodies lay on docks": another group, in a state
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
        if kind == "total" and " all" in sentence and _part_of_in_all(sentence, span, spans):
            kind = "part"  # "77 arrested under the new rule and 2,363 in all": a part of it
        if kind == "total" and _apposed_member(sentence, span, spans, frames):
            kind = "part"  # "420 protesters had been arrested, 347 men and 73 women"
        if kind == "total" and _rest_or_among(sentence, span, spans):
            kind = "part"  # "The remaining 74 people are missing", "were among the missing"
        if kind == "total" and _increment_share(sentence, span, spans, frames, parsed):
            kind = "new"  # "27 more people died, 15 of them in Sindh": Sindh's increment
        if (
            kind == "part"
            and source == "clause"
            and scope is not None
            and parsed.attached(span) is None
            and _sub_scope_total(sentence, span, clause, scope, frames, previous_scope)
        ):
            kind = "total"  # "of whom 110 lived in California", "1,845 of the cuts fall in
            # California": a count for a place of its own is that place's total
        time, time_ref = _time(sentence, span, clauses, index)
        if (
            kind == "new"
            and time == "past"
            and _ANOTHER_BEFORE.search(sentence, max(clause.start, span.start - 30), span.start)
        ):
            kind = "total"  # "Another 38 people died in 2020 when ...": another event's own
            # count, set beside the current one, not an increment to it
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
