"""Claims: reported counts with their qualifier, counted unit and attribution."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from monitor.text.antecedents import antecedent_unit
from monitor.text.attribution import (
    find_attribution,
    find_subject,
    is_pronoun,
    opens_quote,
    starts_quote,
)
from monitor.text.claim_measures import measure_after
from monitor.text.frame_links import carried_increments, share_scopes, unlocated_totals
from monitor.text.frames import Span, frame_sentence, parse_clauses, sentence_scope
from monitor.text.headline_claims import reframe
from monitor.text.numbers import Quantity, find_quantities, parse_number
from monitor.text.owner import phrase_owner
from monitor.text.records import record
from monitor.text.scope import PLACE_COUNT
from monitor.text.scope_grammar import grammar_frames
from monitor.text.sentences import Sentence, split_sentences
from monitor.text.titlecase import sentence_case
from monitor.text.units import (
    NOT_COUNTED,
    PENDING,
    SINGULAR_COUNTED,
    Unit,
    base_unit,
    counted_unit,
    implied_unit,
    is_model_number,
    singular,
    split_unit,
    state_unit,
)


@record
class Claim:
    """A reported count in an article's main text, with its frame (docs/SPEC.md §6)."""

    value: float
    lower: float | None
    upper: float | None
    qualifier: str | None
    approximate: bool
    unit: str
    text: str
    sentence: str
    attribution: str | None
    sentence_index: int
    head: str = ""
    modifiers: tuple[str, ...] = ()
    start: int = 0
    end: int = 0
    scope: str | None = None
    scope_source: str = "none"
    kind: str = "total"
    time: str = "current"
    time_ref: str | None = None
    revision: str | None = None
    revised_from: float | None = None
    modality: str | None = None  # "forecast" | "disputed": never a figure's value
    measure: str | None = None  # a measure's unit symbol ("lb"): only when a figure asks for it

    @property
    def moves_figure(self) -> bool:
        """Only a current total can change a figure (docs/SPEC.md §6)."""
        return self.kind == "total" and self.time == "current" and self.modality is None

    def to_dict(self) -> dict[str, Any]:
        """The SPEC CLAIM object with its frame; integral numbers become ints."""
        found = self._frame_dict()
        if self.measure is not None:
            found["measure"] = self.measure
        return found

    def _frame_dict(self) -> dict[str, Any]:
        return {
            "value": _plain(self.value),
            "lower": _plain(self.lower),
            "upper": _plain(self.upper),
            "qualifier": self.qualifier,
            "approximate": self.approximate,
            "unit": self.unit,
            "text": self.text,
            "sentence": self.sentence,
            "attribution": self.attribution,
            "scope": self.scope,
            "kind": self.kind,
            "time": self.time,
            "head": self.head,
            "modifiers": list(self.modifiers),
            "start": self.start,
            "end": self.end,
            "scope_source": self.scope_source,
            "time_ref": self.time_ref,
            "revision": self.revision,
            "revised_from": _plain(self.revised_from),
            "modality": self.modality,
        }


@dataclass(frozen=True)
class Unparsed:
    """A sentence the extractor could not read: it gives no claim and is reported instead."""

    index: int
    sentence: str
    reason: str


@dataclass(frozen=True)
class ClaimReport:
    """Everything extraction found in a text, and the sentences it could not parse."""

    claims: list[Claim]
    unparsed: list[Unparsed]


def _plain(number: float | None) -> float | int | None:
    if number is None:
        return None
    return int(number) if float(number).is_integer() else number


_RATE = re.compile(
    r"\s*(?:(?:a|an|per|each|every)\s+(?:day|week|month|year|hour|minute|second|annum|night"
    r"|fortnight|quarter)\b(?!\s+(?:ago|earlier|later|before|after|into))|daily\b|weekly\b|monthly\b"
    r"|annually\b|yearly\b)",
    re.IGNORECASE,
)
_MIN_WORDS = 4  # shorter fragments ("123 votes") are counters and labels, not reports
# Navigation left in the text: link lists, share bars, counters ("RELATED: ... | ... | ...").
# (`_is_navigation` relies on it: an alternative not anchored at the start needs | or ·.)
_NAVIGATION = re.compile(
    r"^\s*(?:[-•·*]\s+|(?:RELATED|Related(?:\s+(?:coverage|stories|articles))?|Most\s+read"
    r"|Read\s+more|See\s+also|Share(?:\s+this)?|Published|Comments|Watch|Listen|Advertisement"
    r"|Sign\s+up|Subscribe)\b\s*[:(·|—-]?"
    r"|More\s+(?:[A-Z][\w.-]*\s+){0,2}(?:news|stories|coverage|headlines)\s*:)"  # "More Italy news:"
    r"|(?:\s[|·]\s.*){2,}",
)


def _is_navigation(text: str) -> bool:
    """`_NAVIGATION.search(text)`, without the scan when the text holds no "|" or "·": then
    only its opening alternative (anchored at the start) can match."""
    if "|" in text or "·" in text:
        return _NAVIGATION.search(text) is not None
    return _NAVIGATION.match(text) is not None


_MAX_CHARS = 5_000  # longer "sentences" are unsplit dumps, not prose: reported, not parsed
_CHANGE = re.compile(
    r"\b(?:rose|risen|rising|rises|climbed|climbing|jumped|increased|increasing|grew|grown|fell"
    r"|fallen|dropped|declined|decreased|revised|revising|lowered|lowering|raised|raising|cut"
    r"|reduced|corrected|adjusted|surged|soared|plunged|slipped|went|gone|edged|doubled"
    r"|tripled|shrank|swelled|up|down|toll|tally|count|number|figure|total)\b[^,;.]{0,40}$",
    re.IGNORECASE,
)
_FROM_RANGE = re.compile(r"^from\s+(?P<a>.+?)\s+to\s+(?P<b>.+)$", re.IGNORECASE | re.DOTALL)
# "rose by 26 to 75", "up 26 to 75": the amount of a change, then the count it reached
_BY_RANGE = re.compile(r"^(?P<a>.+?)\s+to\s+(?P<b>.+)$", re.IGNORECASE | re.DOTALL)
_BY_BEFORE = re.compile(
    r"\b(?:(?:rose|risen|rises|rising|climbed|climbs|climbing|jumped|jumps|increased|increases"
    r"|increasing|grew|grown|grows|went\s+up|surged|swelled|fell|fallen|falls|dropped|drops"
    r"|declined|decreased|shrank|edged\s+up|edged\s+down)\s+by|\b(?:up|down)"
    # a count raised by its reporter: "raised the death toll by 12 to 98"
    r"|\b(?:rais|lower|revis|increas|reduc|push|lift)(?:ed|ing|es|e|s)?\s+(?:the|its|their)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:toll|count|tally|total|number|estimate)\s+by)\s+$",
    re.IGNORECASE,
)
_PARTITIVE = re.compile(
    r"\s+of\s+(?:(?:the|those|these|its|their)\s+(?:[\w-]+['’]s\s+)?|(?-i:[A-Z][\w-]*)['’]s\s+)?",
    re.I,
)  # "85 of the 121 cases", "12 of Sudan's 18 states", "1,125 of the jail's 1,542 prisoners"
# "killed two, one in Illinois and one in New Jersey": a count given place by place
_ELLIPTIC_ONE = re.compile(
    r"(?:(?<=,\s)|(?<=\band\s))(?P<one>one)(?=\s+(?:(?:in|at|from)\s+[A-Z]|died\b"
    r"|was\s+(?:killed|injured|hurt|missing)\b))"
)
# "made the most arrests (160), followed by Merseyside (148)"
_BRACKETED = re.compile(r"(?:\b(?P<noun>[a-z]{3,}s)|[A-Z][\w.’'-]*)\s*\($")
_ONE = re.compile(
    rf"\b(?P<one>[Oo]ne|[Aa]\s+single)\s+(?:[a-z-]+\s+)?(?:{'|'.join(sorted(SINGULAR_COUNTED))})\b"
    r"(?!\s+(?:said|says|told|tells|recalled|described|added|who|of|in\s+(?:every\s+)?\w+))"
)
# "one in five", "three in every 1,000", "people over 65": ratios and ages, not counts
_RATIO_BEFORE = re.compile(
    r"(?:\bone\s+in\s+|\bin\s+every\s+|\b(?:people|those|adults|children|patients|residents"
    r"|men|women)\s+(?=(?:over|under|aged|above)\b))$",
    re.IGNORECASE,
)


def _ratio_before(sentence: str, start: int) -> bool:
    """`_RATIO_BEFORE` ends the 30 characters before a number. Its forms end in "in" or
    "every" and a space (the look-ahead of its third cannot see past the number's start, so
    that one never matches), which the tail is tested for before the regex scans the window."""
    lo = max(0, start - 30)
    tail = sentence[lo:start].rstrip()
    if tail.isascii() and not tail[-5:].lower().endswith(("in", "every")):
        return False
    return _RATIO_BEFORE.search(sentence, lo, start) is not None


_RATIO_AFTER = re.compile(
    r"\s+in\s+every\s+|\s+in\s+(?:ten|five|four|three|a\s+hundred|(?!(?:18|19|20)\d\d\b)\d+)\b"
    r"(?!\s+(?:[a-z-]+\s+)?[a-z]+s\b)"
)


_OF_THEM = re.compile(r"\s+of\s+(?:them|those|these|whom)\b(?!\s+(?:\d|[a-z]+s\b))", re.IGNORECASE)


def _split_change(sentence: str, quantity: Quantity) -> list[Quantity]:
    """ "lowered from 88 to 71" is two numbers (the earlier and the new), not a range; so is
    "rose by 26 to 75" (the change and the count it reached), unless the first number borrows
    the second's scale ("grew by 2 to 3 million" is a range of the change)."""
    if quantity.qualifier != "between":
        return [quantity]
    m = _FROM_RANGE.match(quantity.text)
    if m is None:
        m = _BY_RANGE.match(quantity.text)
        if m is None or not _BY_BEFORE.search(
            sentence, max(0, quantity.start - 60), quantity.start
        ):
            return [quantity]
        low = parse_number(m["a"])
        if low is None or low != quantity.lower:
            return [quantity]
    elif not _CHANGE.search(sentence[max(0, quantity.start - 60) : quantity.start]):
        return [quantity]
    low, high = parse_number(m["a"]), parse_number(m["b"])
    if low is None or high is None:
        return [quantity]
    a_start = quantity.start + m.start("a")
    b_start = quantity.start + m.start("b")
    return [
        Quantity(low, low, low, None, False, m["a"], a_start, a_start + len(m["a"])),
        Quantity(high, high, high, None, False, m["b"], b_start, b_start + len(m["b"])),
    ]


@record
class _Found:
    quantity: Quantity
    unit: Unit
    rate: bool
    measure: str | None = None


# An age after a comparative of age: "children younger than four", "anyone older than 65".
_AGE_COMPARED = re.compile(r"\b(?:younger|older)\s+than\s+$", re.IGNORECASE)


def _unit_of(
    sentence: str, quantity: Quantity, following: list[Quantity], earlier: str | None
) -> tuple[Unit, bool] | None:
    """The counted unit of a quantity and whether it is a rate; None when it counts nothing."""
    if quantity.value == 0:
        return None  # "0 comments so far": nothing is reported
    if _ratio_before(sentence, quantity.start) or _RATIO_AFTER.match(sentence, quantity.end):
        return None
    if _AGE_COMPARED.search(sentence, max(0, quantity.start - 16), quantity.start):
        return None  # "children younger than four": an age
    if quantity.text.isdigit() and is_model_number(sentence, quantity.start, quantity.end):
        return None  # "Galaxy Note 7 phones": the 7 names the model
    rate = bool(_RATE.match(sentence, quantity.end))
    if sentence.startswith(")", quantity.end) and (
        bracket := _BRACKETED.search(sentence, max(0, quantity.start - 40), quantity.start)
    ):
        noun = bracket["noun"] or earlier
        if noun is not None and singular(noun.rsplit(None, 1)[-1]) not in NOT_COUNTED:
            return Unit(noun, quantity.end, implied=True), rate
    unit = counted_unit(sentence, quantity.end, single=quantity.value == 1)
    if unit is not None:
        unit = state_unit(unit, earlier)  # "2,800 hurt": hurt people
    if unit is None and rate:
        return None if earlier is None else (Unit(earlier, quantity.end, implied=True), True)
    if unit is None:
        unit = implied_unit(sentence, quantity.start, quantity.end, earlier)
        if unit is None:
            unit = _partitive_unit(sentence, quantity, following, earlier)
        if unit is None and earlier is not None and _ELLIPTIC_ONE.match(sentence, quantity.start):
            unit = Unit(earlier, quantity.end, implied=True)  # "..., one in Illinois"
        if unit is None:
            unit = antecedent_unit(
                sentence, quantity.start, quantity.end, quantity.value
            )  # "arrests, 406,"
    if unit is None:
        return None
    if unit.text and singular(unit.text.rsplit(None, 1)[-1]) in NOT_COUNTED:
        return None
    return unit, rate or (unit.end != quantity.end and bool(_RATE.match(sentence, unit.end)))


def _partitive_unit(
    sentence: str, quantity: Quantity, following: list[Quantity], earlier: str | None
) -> Unit | None:
    """ "85 of the 121 cases" counts cases; "fewer than 10 of them" counts what came before."""
    if _OF_THEM.match(sentence, quantity.end):
        return None if earlier is None else Unit(earlier, quantity.end, implied=True)
    m = _PARTITIVE.match(sentence, quantity.end)
    if m is None or not following or following[0].start != m.end():
        return None
    whole = counted_unit(sentence, following[0].end)
    return None if whole is None else Unit(whole.text, quantity.end, implied=True)


# "Not a single death", "not one case": a negated one counts none.
_NO_ONE_BEFORE = re.compile(
    r"\b(?:[Nn]ot|[Nn]ever|[Ww]ithout|[Nn]or)\s+(?:(?:been|be|even|had|have|has)\s+)?$"
)


def _ones(sentence: str, taken: list[Quantity]) -> list[Quantity]:
    """ "one death", "a single case": the number one, which the grammar leaves to pronouns."""
    found = []
    for m in [*_ONE.finditer(sentence), *_ELLIPTIC_ONE.finditer(sentence)]:
        if _NO_ONE_BEFORE.search(sentence, max(0, m.start() - 20), m.start()):
            continue
        if not any(q.start <= m.start() < q.end for q in taken):
            found.append(Quantity(1, 1, 1, None, False, m["one"], m.start(), m.end("one")))
    return found


def _spans(
    sentence: str, earlier: str | None, measures: frozenset[str] = frozenset()
) -> list[_Found]:
    measured = (
        (lambda end: measure_after(sentence, end, measures) is not None) if measures else None
    )
    quantities = [
        part for q in find_quantities(sentence, measured) for part in _split_change(sentence, q)
    ]
    if "one" in sentence or "single" in sentence:
        quantities = sorted([*quantities, *_ones(sentence, quantities)], key=lambda q: q.start)
    found: list[_Found] = []
    for i, quantity in enumerate(quantities):
        measure = measure_after(sentence, quantity.end, measures)
        if measure is not None:  # "69,093 pounds": asked for by a figure (stop 29)
            written = Unit(sentence[quantity.end : measure[1]].strip(), measure[1])
            found.append(_Found(quantity, written, False, measure[0]))
            continue
        got = _unit_of(sentence, quantity, quantities[i + 1 :], earlier)
        if got is None:
            continue
        unit, rate = got
        found.append(_Found(quantity, unit, rate))
        if not PLACE_COUNT.fullmatch(sentence, quantity.end, unit.end):
            earlier = unit.text or earlier  # not "30 states": "..., up from 880" counts people
    for i, f in enumerate(found):  # "The national total rose above 1,000 ... 1,001 cases"
        if f.unit.text == PENDING:
            later = next(
                (g.unit.text for g in found[i + 1 :] if g.unit.text and not g.measure), None
            )
            found[i] = _Found(f.quantity, Unit(later or "", f.unit.end, implied=True), f.rate)
    return [f for f in found if f.unit.text]


class _Attributions:
    """Attribution per sentence, resolving pronouns and carrying it through quotes."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self._sentences = sentences
        self._memo: dict[int, str | None] = {}

    def __call__(self, index: int) -> str | None:
        if index not in self._memo:
            self._memo[index] = self._resolve(index)
        return self._memo[index]

    def _resolve(self, index: int) -> str | None:
        text = self._sentences[index].text
        own = find_attribution(text)
        if own is not None and not is_pronoun(own):
            return own
        if index == 0:
            return own
        previous = self._sentences[index - 1].text
        if own is not None:  # a pronoun: the speaker named just before
            return self._named_before(index) or own
        if starts_quote(text) or opens_quote(previous):
            return self(index - 1)  # the quote goes on: so does its source
        return None

    def _named_before(self, index: int) -> str | None:
        """The nearest source named before a sentence: its attribution, else its subject."""
        previous = self(index - 1)
        if previous is not None and not is_pronoun(previous):
            return previous
        subject = find_subject(self._sentences[index - 1].text)
        if subject is not None:
            return subject
        for i in range(index - 2, max(-1, index - 6), -1):
            name = self(i)
            if name is not None and not is_pronoun(name):
                return name
        return None


def _sentence_claims(
    sentences: list[Sentence],
    index: int,
    attribution: _Attributions,
    earlier: str | None,
    scopes: dict[int, str | None],
    parsed: dict[int, Any],
    referring: dict[int, str] | None = None,
    measures: frozenset[str] = frozenset(),
) -> list[Claim]:
    text = sentences[index].text
    found = _spans(text, earlier, measures)
    if not found:
        return []
    parts = [split_unit(f.unit.text) for f in found]
    spans = [
        Span(f.quantity.start, f.quantity.end, f.unit.end, f.quantity.value, modifiers,
             f.unit.implied, f.rate)
        for f, (_, modifiers) in zip(found, parts, strict=True)
    ]  # fmt: skip
    previous = sentences[index - 1].text if index > 0 else None

    def previous_scope() -> str | None:
        if index - 1 not in scopes:
            before = parsed.get(index - 1) or previous
            said = attribution(index - 1) if before else None
            if said is None or is_pronoun(said):
                said = find_subject(previous) if previous else None
            scopes[index - 1] = sentence_scope(before, said, True) if before else None
        return scopes[index - 1]

    parsed[index] = parse_clauses(text)
    source = attribution(index)
    speaker = source if source is not None and not is_pronoun(source) else find_subject(text)
    frames = frame_sentence(text, spans, previous, previous_scope, parsed[index], speaker)
    owned = []
    for f, frame in zip(found, frames, strict=True):
        q = f.quantity
        owner = phrase_owner(text, q.start, f.unit.end, f.unit.text)
        if owner is not None and not (frame.scope is not None and owner[:4].lower() == "the "):
            # "the company's 140,000 employees": the frame has resolved "the company" already
            frame = replace(frame, scope=owner, scope_source="clause")
        owned.append(frame)
    starts = [f.quantity.start for f in found]
    carried = carried_increments(text, starts, owned)
    frames = share_scopes(text, starts, unlocated_totals(text, starts, carried))
    where = [(f.quantity.start, f.quantity.end, f.unit.end) for f in found]
    before = (referring or {}).get(index - 1)
    frames = grammar_frames(text, parsed[index], where, carried, frames, before)
    frames = share_scopes(text, starts, frames)  # the parts of a total the grammar scoped
    claims = []
    for f, (head, modifiers), frame in zip(found, parts, frames, strict=True):
        q = f.quantity
        claims.append(
            Claim(
                value=q.value, lower=q.lower, upper=q.upper, qualifier=q.qualifier,
                approximate=q.approximate, unit=f.unit.text, text=q.text, sentence=text,
                attribution=source, sentence_index=index, head=head, modifiers=modifiers,
                start=q.start, end=q.end, scope=frame.scope,
                scope_source=frame.scope_source, kind=frame.kind, time=frame.time,
                time_ref=frame.time_ref, revision=frame.revision,
                revised_from=frame.revised_from, modality=frame.modality,
                measure=f.measure,
            )
        )  # fmt: skip
    return claims


def _read_cased(sentence: Sentence) -> Sentence:
    cased = sentence_case(sentence.text)
    return sentence if cased == sentence.text else replace(sentence, text=cased)


def extract_report(text: str, measures: frozenset[str] = frozenset()) -> ClaimReport:
    """All claims of a clean article text in reading order, and the sentences not parsed.

    `measures`: the measure symbols ("lb") a tracked figure counts in; their amounts are
    claims too (monitor/text/claim_measures.py). Never raises: a sentence that makes
    extraction fail gives no claim and is reported.
    """
    try:
        sentences = split_sentences(text)
    except Exception as error:
        return ClaimReport([], [Unparsed(0, text[:200], f"cannot split sentences: {error!r}")])
    originals = {i: s.text for i, s in enumerate(sentences)}
    sentences = [_read_cased(s) for s in sentences]  # Title Case headlines, sentence-cased
    attribution = _Attributions(sentences)
    claims: list[Claim] = []
    unparsed: list[Unparsed] = []
    earlier: str | None = None
    scopes: dict[int, str | None] = {}
    parsed: dict[int, Any] = {}
    referring: dict[int, str] = {}  # the scope grammar's, by sentence, for the one after
    for index, sentence in enumerate(sentences):
        if len(sentence.text) > _MAX_CHARS:
            reason = f"longer than {_MAX_CHARS:,} characters"
            unparsed.append(Unparsed(index, sentence.text, reason))
            continue
        if len(sentence.text.split()) < _MIN_WORDS or _is_navigation(sentence.text):
            continue
        try:
            found = _sentence_claims(
                sentences, index, attribution, earlier, scopes, parsed, referring, measures
            )
        except Exception as error:
            unparsed.append(Unparsed(index, originals[index], f"{type(error).__name__}: {error}"))
            continue
        if found and found[0].sentence != originals[index]:
            was = originals[index]
            found = [replace(c, sentence=was, text=was[c.start : c.end]) for c in found]
        found = reframe(found, originals[index])  # a Title Case headline's own clauses
        claims.extend(found)
        handed = next((c.scope for c in found if c.scope_source == "referring" and c.scope), None)
        if handed is not None:
            referring[index] = handed
        if any(c.measure is None for c in found):
            earlier = _carried_unit([c for c in found if c.measure is None])
    return ClaimReport(claims, unparsed)


_LOCAL_AREAS = re.compile(
    r"(?:[a-z-]+\s+){0,2}(?:counties|districts|municipalities|parishes|prefectures|boroughs)"
)


def _carried_unit(found: list[Claim]) -> str:
    """The counted noun a sentence hands on to the next one's bare numbers ("Colorado's total
    rose to 30"): its first total's or increment's ("on Sunday killed 98 people"), not a trailing
    part's or aside's ("..., and one death")."""
    for claim in found:
        if (
            claim.kind in ("total", "new")
            and claim.time == "current"
            and not PLACE_COUNT.fullmatch(f" {claim.unit}")
            and not _LOCAL_AREAS.fullmatch(claim.unit)
        ):
            return base_unit(claim.unit)  # "37 new cases" hands on "cases"
    return found[-1].unit


def extract_claims(text: str) -> list[Claim]:
    """All claims of a clean article text, in reading order; never raises."""
    return extract_report(text).claims
