"""Tracked figures: which claims belong to a figure, which value an article gives, the change rule."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from monitor.text.claims import Claim, extract_claims
from monitor.text.sentences import split_sentences


@dataclass(frozen=True)
class FigureSpec:
    """A figure from the config: what is counted (units) and what it is about (context)."""

    name: str
    label: str
    units: tuple[str, ...]
    context: tuple[str, ...]
    min_change: float = 0.05
    alert_on_first: bool = True

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any]) -> FigureSpec:
        """Build from one `[[figures]]` table of the config."""
        return cls(
            name=str(raw["name"]),
            label=str(raw.get("label", raw["name"])),
            units=tuple(str(u) for u in raw.get("units", ())),
            context=tuple(str(c) for c in raw.get("context", ())),
            min_change=float(raw.get("min_change", 0.05)),
            alert_on_first=bool(raw.get("alert_on_first", True)),
        )


def _singular_words(phrase: str) -> tuple[str, ...]:
    return tuple(w[:-1] if w.endswith("s") else w for w in phrase.lower().split())


def unit_matches(unit: str, wanted: Sequence[str]) -> bool:
    """True when the claim's unit ends with one of the wanted units (case, plural ignored)."""
    words = _singular_words(unit)
    for candidate in wanted:
        tail = _singular_words(candidate)
        if tail and words[-len(tail) :] == tail:
            return True
    return False


@lru_cache(maxsize=256)
def _context_pattern(context: tuple[str, ...]) -> re.Pattern[str]:
    terms = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(context, key=len))
    return re.compile(rf"(?<!\w)(?:{terms})(?!\w)", re.IGNORECASE)


def figure_claims(
    spec: FigureSpec, text: str, claims: Sequence[Claim] | None = None
) -> list[Claim]:
    """Claims of the article that count the figure's unit with a context term in or before the sentence."""
    if claims is None:
        claims = extract_claims(text)
    candidates = [c for c in claims if unit_matches(c.unit, spec.units)]
    if not candidates or not spec.context:
        return []
    pattern = _context_pattern(spec.context)
    sentences = split_sentences(text)
    return [c for c in candidates if _in_context(c, sentences, pattern)]


def _in_context(claim: Claim, sentences: Sequence[Any], pattern: re.Pattern[str]) -> bool:
    if pattern.search(claim.sentence):
        return True
    index = claim.sentence_index
    return 0 < index <= len(sentences) and bool(pattern.search(sentences[index - 1].text))


def _reach(claim: Claim) -> float:
    """The largest amount a claim allows: its upper bound when it has one, else its value."""
    return claim.upper if claim.upper is not None else claim.value


def pick_claim(claims: Sequence[Claim]) -> Claim | None:
    """One value per article: precise over vague, then the largest amount, then the earliest.

    Rule: an article that gives several values for one figure almost always gives the
    total and then parts or alternatives of it ("up to 3 million 152 mm rounds or
    500,000 122 mm rounds", "1 million shells, 300,000 of them in October"), so the
    largest value is the tracked total (3 million above). Vague amounts ("hundreds of
    thousands") lose to any precise number. Ties go to the earlier claim in reading
    order, so the choice is deterministic.
    """
    if not claims:
        return None
    ranked = sorted(
        enumerate(claims),
        key=lambda pair: (pair[1].qualifier == "vague", -_reach(pair[1]), pair[0]),
    )
    return ranked[0][1]


def same_value(a: float, b: float, min_change: float) -> bool:
    """True when a and b differ by at most min_change, relative to the larger of the two."""
    scale = max(abs(a), abs(b))
    if scale == 0:
        return True
    return abs(a - b) / scale <= min_change


def classify(
    history: Sequence[float], current: float | None, candidate: float, min_change: float
) -> str:
    """ "first" when the figure has no value yet, "restated" when the candidate equals (within
    min_change) the current or any earlier value, else "changed"."""
    known = [*history, *([current] if current is not None else [])]
    if not known:
        return "first"
    if any(same_value(candidate, value, min_change) for value in known):
        return "restated"
    return "changed"


def direction(previous: float | None, current: float) -> str:
    """ "first" without a previous value, else "up" or "down"."""
    if previous is None:
        return "first"
    return "down" if current < previous else "up"


def track(
    history: Sequence[float],
    current: float | None,
    candidate: float,
    min_change: float,
    copy: bool = False,
) -> tuple[str, float | None]:
    """Status of a candidate value ("copy" when its article is a copy) and the current value after it.

    Only "first" and "changed" move the current value; a copy or a restatement leaves it.
    """
    if copy:
        return "copy", current
    status = classify(history, current, candidate, min_change)
    return status, candidate if status in ("first", "changed") else current
