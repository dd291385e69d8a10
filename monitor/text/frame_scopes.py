"""The scope of a number beyond its own clause: the scope a whole sentence names for the
sentence after it (`sentence_scope`) and the fallback from a clause to the sentence before
(`_scope_of`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from monitor.text.attribution import find_attribution, find_subject
from monitor.text.clauses import Clause
from monitor.text.event_types import event_families
from monitor.text.facility_subject import facility_subject
from monitor.text.frame_clauses import _TOTALLING, _Clauses, _counted_subject
from monitor.text.frame_values import Span
from monitor.text.partitive_whole import whole_owner
from monitor.text.patterns import may_hold
from monitor.text.scope import (
    event_name,
    is_numbered,
    is_place,
    possessive_place,
    reporter_scope,
    resolve_definite,
    topic_scope,
    when_event,
)
from monitor.text.speaker import speaker_place


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


# The whole a share is taken of, with its owner: "half of Deutsche Bank's 18,000 job cuts".
_SHARE_OF = re.compile(
    r"\b(?i:half|(?:a|one|two)\s+thirds?|(?:a|one|three)\s+quarters?|a\s+fifth|a\s+tenth)"
    r"\s+(?i:of)\s+(?P<owner>[A-Z][\w.&-]*(?:\s+[\w.&-]+){0,3}?)['’]s\s+$"
)
_THOSE = re.compile(r"\b(?:those|these|the\s+same)\s+$", re.IGNORECASE)
_THOSE_WORDS = ("those", "these", "same")


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
    share = _SHARE_OF.search(parsed.sentence, max(0, span.start - 60), span.start)
    if share is not None and share["owner"] and not anaphoric:  # "half of Deutsche Bank's
        # 18,000 job cuts ... in Germany": the place the clause names is the share's, the whole
        # is its owner's
        return share["owner"], "clause", looked_back, fallback
    scope = None if anaphoric else parsed.scope(index, span, spans)
    if scope is None and not anaphoric:  # "Civil Hospital Karachi had recorded 110 dead"
        scope = facility_subject(parsed.sentence, parsed.clauses[index].start, span.start)
    if scope is None and not anaphoric:  # "1,125 of the jail's 1,542 prisoners": the jail's
        scope = whole_owner(parsed.sentence, span.end)
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
            scope = parsed.subject(back) or facility_subject(
                parsed.sentence, parsed.clauses[back].start, parsed.clauses[back].end
            )  # "The Jinnah ... Centre confirmed 101 more deaths, bringing its own count to 186"
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
