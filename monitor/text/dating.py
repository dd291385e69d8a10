"""Dating a claim against its article's publication: a year is past only once it is over.

The frames read "20,000 positions during 2025" or "1,292 deaths in 2024" as counts placed in a
named period, hence past, because a sentence alone does not say when it was written. Set
beside the article's publication date, a bare year that contains that date is the current
period ("this year"), so the count is a current one; a year before it, a month, a season or a
named event ("the 2024 floods") stays past.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, TypeVar

_BARE_YEAR = re.compile(r"(?:the\s+)?(?:year\s+)?(?P<year>(?:19|20)\d\d)", re.IGNORECASE)

C = TypeVar("C")


def _period_phrase(year: str) -> re.Pattern[str]:
    """The year as a period of its own: "in 2025", "during 2025", "throughout the year 2025",
    not an event's date ("the 2024 floods", "2024's outbreak")."""
    return re.compile(
        rf"\b(?:in|during|throughout|for|over)\s+(?:the\s+year\s+)?{year}\b(?!['’]s|\s+(?-i:[A-Z]))",
        re.IGNORECASE,
    )


def period_year(claim: Any) -> int | None:
    """The year a past claim is placed in when its period is a whole year, else None."""
    if getattr(claim, "time", None) != "past":
        return None
    m = _BARE_YEAR.fullmatch((getattr(claim, "time_ref", None) or "").strip())
    if m is None or not _period_phrase(m["year"]).search(getattr(claim, "sentence", "")):
        return None
    return int(m["year"])


def as_of(claim: C, published: date | datetime) -> C:
    """The claim read at its publication date: past in the year of publication is current."""
    if period_year(claim) != published.year or not dataclasses.is_dataclass(claim):
        return claim
    return dataclasses.replace(claim, time="current", time_ref=None)  # type: ignore[type-var]


def dated(claims: Sequence[C], published: date | datetime) -> tuple[C, ...]:
    """Every claim of one article read at its publication date (see `as_of`)."""
    return tuple(as_of(claim, published) for claim in claims)
