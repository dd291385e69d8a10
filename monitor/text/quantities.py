"""Every quantity of a news text: counts (the claims extractor's), money, percentages, measures,
durations and quake magnitudes, each with value, bounds, qualifier, kind and unit.

Counts come from `extract_claims` unchanged (docs/SPEC.md §6); the other kinds are read by
`monitor/text/quantity_grammar.py`. Qualifiers use the claims canon
(`monitor.text.numbers.QUALIFIER_OF`) and the same bounds. `extract_quantities` also reads
ages (`quantity_ages.py`), fractions of a whole and "one" as a count (`quantity_words.py`) and
vague amounts of a unit (`quantity_vague.py`); `other_quantities` does not. Dates, years, clock times, ordinals, phone numbers and named
numbers are not quantities (tests/data/quantities/README.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from monitor.text.claims import Claim, extract_claims
from monitor.text.numbers import QUALIFIER_OF
from monitor.text.patterns import alternation
from monitor.text.quantity_ages import read_ages
from monitor.text.quantity_compounds import join_compounds
from monitor.text.quantity_context import context_amounts, is_named, noun_counts
from monitor.text.quantity_grammar import Amount, read_amounts
from monitor.text.quantity_nouns import (
    SCORES,
    Counted,
    noun_elsewhere_counts,
    of_them_noun,
    read_scores,
)
from monitor.text.quantity_vague import read_vague_amounts
from monitor.text.quantity_words import is_idiom_one, is_one_moment, read_fractions, read_ones
from monitor.text.sentences import split_sentences

KINDS = ("count", "money", "percent", "measure", "duration", "magnitude", "fraction")
_APPROXIMATE = frozenset(("about", "almost", "vague"))
_EXTRA = {  # phrasings of the same canon seen before amounts, not before counts
    "top": "more than",
    "exceed": "more than",  # "could exceed $40 billion", as "exceeded" in the canon
    "surpass": "more than",
    "larger than": "more than",
    "bigger than": "more than",
    "higher than": "more than",
    "longer than": "more than",
    "smaller than": "less than",
    "lower than": "less than",
    "shorter than": "less than",
    "as high as": "up to",  # "waves as high as three metres", as "as much as"
    "as large as": "up to",
}
_QUALIFIER_OF = {**QUALIFIER_OF, **_EXTRA}
_SECOND = ("about", "around", "approximately", "roughly", "some", "an estimated", "nearly")
_QUALIFIER_BEFORE = re.compile(
    rf"(?<![\w-])(?P<q>{alternation(_QUALIFIER_OF)})\s+(?:(?P<q2>{alternation(_SECOND)})\s+)?$",
    re.IGNORECASE,
)
# A number just before "fewer/more/less than" is what is compared: "than" then opens the other
# side of the comparison, not a bound of the amount after it.
_COMPARED = re.compile(r"\d\s+$")
_NOT_A_BOUND = re.compile(r"\b(?:the|a|its|this|that)\s+$", re.IGNORECASE)  # "the past 30 years"
# Before a duration "over" is "during" ("drew 11 million spectators over 16 days") unless a
# word before it asks for a length ("for over two hours", "in over 20 years", "took over")
_LENGTH_ASKED = re.compile(
    r"\b(?:for|in|of|after|than|lasted|lasting|lasts|took|taking|takes|spent|waited|just|well)\s+$",
    re.IGNORECASE,
)
_DURING = frozenset(("over",))
# Counts of periods: "over" before them is "during" too ("83 games over three seasons")
_PERIODS = frozenset(
    ("season", "session", "term", "round", "stage", "quarter", "semester", "campaign", "cycle")
)
_POST = re.compile(
    r"\s+or\s+(?P<w>more|greater|higher|above|older|so|less|fewer|lower|younger)\b|(?P<plus>-plus\b|\+)",
    re.IGNORECASE,
)
_POST_QUALIFIER = {
    "more": "at least", "greater": "at least", "higher": "at least", "above": "at least",
    "so": "about", "less": "up to", "fewer": "up to", "lower": "up to",
    "older": "at least", "younger": "up to",  # "aged 45 or older"
}  # fmt: skip
_LOOKBACK = 40
_COUNTED_BACK = re.compile(r"(?P<the>the\s+)?(?:past|last|next|previous|coming)\s+", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_MAX_CHARS = 200_000  # a longer text is read in its first part only: never a stall


@dataclass(frozen=True)
class Quantity:
    """One quantity as written in a text, with its canonical reading (docs/SPEC.md §6 canon)."""

    value: float
    lower: float | None
    upper: float | None
    qualifier: str | None
    approximate: bool
    kind: str  # one of KINDS
    unit: str  # normalised: ISO currency code, "%"/"pp"/"bp", a symbol, or a count's head noun
    unit_text: str  # as written
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready; integral numbers become ints."""
        return {
            "text": self.text,
            "value": _plain(self.value),
            "lower": _plain(self.lower),
            "upper": _plain(self.upper),
            "qualifier": self.qualifier,
            "approximate": self.approximate,
            "kind": self.kind,
            "unit": self.unit,
            "unit_text": self.unit_text,
            "start": self.start,
            "end": self.end,
        }


def _plain(number: float | None) -> float | int | None:
    if number is None:
        return None
    return int(number) if float(number).is_integer() else number


def _bounds(value: float, qualifier: str | None) -> tuple[float | None, float | None]:
    if qualifier in ("more than", "at least"):
        return value, None
    if qualifier in ("almost", "up to", "less than"):
        return None, value
    return value, value


def _during(text: str, amount: Amount, before: re.Match[str]) -> bool:
    """Whether the "over" before a duration is the preposition of time, not a bound."""
    if amount.kind != "duration" or before["q"].lower() not in _DURING:
        return False
    return not _LENGTH_ASKED.search(text, max(0, before.start() - 12), before.start())


def _compared(text: str, before: re.Match[str]) -> bool:
    if before["q"].lower().split()[0] not in ("fewer", "more", "less"):
        return False
    return bool(_COMPARED.search(text, max(0, before.start() - 24), before.start()))


def _qualified(text: str, amount: Amount) -> Quantity:
    start, end, qualifier, approximate = amount.start, amount.end, None, False
    if amount.high is not None:
        qualifier = "between"
    else:
        before = _QUALIFIER_BEFORE.search(text, max(0, start - _LOOKBACK), start)
        if before and _during(text, amount, before):
            before = None
        if before and _compared(text, before):
            before = None  # "287,853 fewer than five years before": the first number's
        if before and not _NOT_A_BOUND.search(text, max(0, before.start() - 8), before.start()):
            qualifier = _QUALIFIER_OF[" ".join(before["q"].lower().split())]
            approximate = bool(before["q2"])
            start = before.start()
        post = _POST.match(text, end)
        if post and qualifier is None:
            qualifier = "more than" if post["plus"] else _POST_QUALIFIER[post["w"].lower()]
            end = post.end()
    approximate = approximate or qualifier in _APPROXIMATE
    lower: float | None
    upper: float | None
    if qualifier == "between":
        lower, upper = amount.value, amount.high
    else:
        lower, upper = _bounds(amount.value, qualifier)
    return Quantity(
        amount.value,
        lower,
        upper,
        qualifier,
        approximate,
        amount.kind,
        amount.unit,
        amount.unit_text,
        text[start:end],
        start,
        end,
    )


# The base of a rate ("31.3 deaths per 100,000 people", "one for every 1,000 births") counts
# nothing: the rate is the count before it.
_RATE_BASE = re.compile(r"\b(?:per|for\s+every)\s+$", re.IGNORECASE)


def _counts(text: str, claims: list[Claim]) -> list[Quantity]:
    """The claims as count quantities, their offsets moved from the sentence to the text."""
    if not claims:
        return []
    starts = [s.start for s in split_sentences(text)]
    out = []
    for c in claims:
        base = starts[c.sentence_index] if c.sentence_index < len(starts) else 0
        out.append(
            Quantity(
                c.value,
                c.lower,
                c.upper,
                c.qualifier,
                c.approximate,
                "count",
                c.head or c.unit,
                c.unit,
                c.text,
                base + c.start,
                base + c.end,
            )
        )
    return out


def _amounts(text: str) -> list[Quantity]:
    try:
        amounts = join_compounds(text, read_amounts(text))
        found = sorted(amounts + context_amounts(text, amounts), key=lambda a: a.start)
        return [_qualified(text, a) for a in found]
    except Exception:  # a reader beside the claims must never break them
        return []


def _unbounded(text: str, q: Quantity) -> Quantity:
    """ "over the past three sessions": the claims read "over" as a bound; a span of time
    counted back ("past", "last", "next") is not one."""
    m = _COUNTED_BACK.match(q.text)
    if m is None or q.qualifier != "more than":
        return q
    if not m["the"] and not _THE_BEFORE.search(text, max(0, q.start - 8), q.start):
        return q  # "the toll rose past 1,000": past is a bound
    start = q.start + m.end()
    return replace(
        q, qualifier=None, approximate=False, lower=q.value, upper=q.value,
        text=q.text[m.end() :], start=start,
    )  # fmt: skip


def _periods_during(text: str, q: Quantity) -> Quantity:
    """ "83 games over three seasons": "over" before a count of periods is the preposition of
    time, as before a duration, unless a word before it asks for a length ("for over three
    seasons")."""
    if (
        q.qualifier != "more than"
        or q.unit not in _PERIODS
        or not q.text.lower().startswith("over")
    ):
        return q
    if _LENGTH_ASKED.search(text, max(0, q.start - 12), q.start):
        return q
    start = q.start + len("over") + (len(q.text[4:]) - len(q.text[4:].lstrip()))
    return replace(
        q, qualifier=None, approximate=False, lower=q.value, upper=q.value,
        text=text[start : q.end], start=start,
    )  # fmt: skip


def other_quantities(text: str) -> list[Quantity]:
    """The quantities of a text that are not counts (money, percentages, measures, durations,
    magnitudes), in reading order, without running the claims extractor. Never raises."""
    if not isinstance(text, str) or not text.strip():
        return []
    return [q for q in _amounts(text[:_MAX_CHARS]) if q.kind != "count"]


def extract_quantities(text: str) -> list[Quantity]:
    """Every quantity of a text in reading order: the claims' counts and every other amount.

    An amount overlapping a count wins over it (claims never read money or measures, so this
    only settles odd spans). Never raises.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    text = text[:_MAX_CHARS]
    found = [
        q
        for q in _amounts(text)
        if not is_idiom_one(text, q.start, q.end)
        and not (q.kind == "duration" and is_one_moment(text, q.start, q.end))
    ]
    found = sorted(found + _word_amounts(text, found), key=lambda q: q.start)
    found = sorted(found + _vague_amounts(text, found), key=lambda q: q.start)
    counts = [
        _named_after(text, _periods_during(text, _unbounded(text, q)))
        for q in _counts(text, extract_claims(text))
        if not any(q.start < f.end and f.start < q.end for f in found)
        and not is_named(text, q.start, q.text)
        and not is_idiom_one(text, q.start, q.end)
    ]
    taken = [(q.start, q.end) for q in found + counts]
    try:
        more = [
            _qualified(text, a)
            for a in noun_counts(text, taken)
            if not is_idiom_one(text, a.start, a.end)
        ]
    except Exception:  # a reader beside the claims must never break them
        more = []
    taken += [(q.start, q.end) for q in more]
    try:
        ones = [_qualified(text, a) for a in read_ones(text) if _free(a, taken)]
    except Exception:  # a reader beside the claims must never break them
        ones = []
    read = found + counts + more + ones
    read += [s for s in _scores(text) if _free_q(s, read)]
    read = [q for q in read + _elsewhere(text, read) if not _rate_base(text, q)]
    return _fractions_of_scales(text, sorted(read, key=lambda q: q.start))


def _rate_base(text: str, q: Quantity) -> bool:
    return q.kind == "count" and bool(_RATE_BASE.search(text, max(0, q.start - 12), q.start))


_EXACT_SHARES = {0.333: 1 / 3, 0.667: 2 / 3, 0.167: 1 / 6, 0.833: 5 / 6}  # fractions' 3 decimals
_OF_A_SCALE = re.compile(r"\s+of\s*$", re.IGNORECASE)
_A_SCALE = re.compile(r"an?\s+(?:hundred|thousand|million|billion|trillion)\b", re.IGNORECASE)


def _fractions_of_scales(text: str, read: list[Quantity]) -> list[Quantity]:
    """ "a quarter of a million people", "three-quarters of a billion dollars": one amount, the
    fraction times the scale, of the kind and unit of the amount the scale opens."""
    out: list[Quantity] = []
    for q in read:
        last = out[-1] if out else None
        if (
            last is not None
            and last.kind == "fraction"
            and _A_SCALE.match(q.text)
            and _OF_A_SCALE.fullmatch(text, last.end, q.start)
        ):
            share = _EXACT_SHARES.get(last.value, last.value)
            value = round(share * q.value, 6)
            out[-1] = replace(
                q, value=value, lower=value, upper=value, qualifier=last.qualifier,
                approximate=last.approximate, text=text[last.start : q.end], start=last.start,
            )  # fmt: skip
            continue
        out.append(q)
    return out


def _elsewhere(text: str, read: list[Quantity]) -> list[Quantity]:
    """Counts whose noun stands elsewhere ("three of his four attempts", "scored three")."""
    try:
        taken = [(q.start, q.end) for q in read]
        counts = [Counted(q.start, q.end, q.unit) for q in read if q.kind == "count"]
        amounts = noun_elsewhere_counts(text, taken, counts)
        return [_qualified(text, a) for a in amounts if not is_idiom_one(text, a.start, a.end)]
    except Exception:  # a reader beside the claims must never break them
        return []


def _named_after(text: str, q: Quantity) -> Quantity:
    """ "217 of them passengers": the noun after "of them" is the count's (quantity_nouns)."""
    noun = of_them_noun(text, q.end)
    return q if noun is None else replace(q, unit=noun)


def _scores(text: str) -> list[Quantity]:
    """ "Scores of rescuers": a vague count (quantity_nouns.read_scores)."""
    try:
        low, high = SCORES
        return [
            Quantity(low, low, high, "vague", True, "count", noun, noun, text[a:b], a, b)
            for a, b, noun in read_scores(text)
        ]
    except Exception:  # a reader beside the claims must never break them
        return []


def _free_q(q: Quantity, read: list[Quantity]) -> bool:
    return not any(q.start < r.end and r.start < q.end for r in read)


def _free(a: Amount, taken: list[tuple[int, int]]) -> bool:
    return not any(a.start < end and start < a.end for start, end in taken)


def _vague_amounts(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "dozens of metres", "millions of dollars": vague amounts of a unit (quantity_vague),
    quantities of `extract_quantities` only, never over another amount."""
    try:
        taken = [(q.start, q.end) for q in found]
        return [_vague_quantity(text, a) for a in read_vague_amounts(text) if _free(a, taken)]
    except Exception:  # a reader beside the claims must never break them
        return []


def _vague_quantity(text: str, a: Amount) -> Quantity:
    written = text[a.start : a.end]
    return Quantity(
        a.value,
        a.value,
        a.high,
        "vague",
        True,
        a.kind,
        a.unit,
        a.unit_text,
        written,
        a.start,
        a.end,
    )


def _word_amounts(text: str, found: list[Quantity]) -> list[Quantity]:
    """Ages ("a 67-year-old", "aged 45") and fractions ("two-thirds of"): quantities of
    `extract_quantities` only (tests/data/quantities/README.md), never over another amount."""
    try:
        taken = [(q.start, q.end) for q in found]
        extra = [a for a in read_ages(text) + read_fractions(text) if _free(a, taken)]
        return [_qualified(text, a) for a in extra]
    except Exception:  # a reader beside the claims must never break them
        return []
