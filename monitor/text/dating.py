"""Dating a claim against its article's publication: a year is past only once it is over.

The frames read "20,000 positions during 2025" or "1,292 deaths in 2024" as counts placed in a
named period, hence past, because a sentence alone does not say when it was written. Set
beside the article's publication date, a bare year that contains that date is the current
period ("this year"), so the count is a current one, and so is the opening stretch of that
year ("in the first seven months of 2023": the count so far); a year before it, a month, a
season or a named event ("the 2024 floods") stays past.
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
        rf"\b(?:in|during|throughout|for|over)\s+(?:the\s+year\s+)?{_YEAR_TO_DATE}?{year}\b"
        r"(?!['’]s|\s+(?-i:[A-Z]))",
        re.IGNORECASE,
    )


# The opening stretch of a year, counted from its start: "in the first seven months of 2023"
# read in that year is the running count so far (year to date), like "in 2023".
_YEAR_TO_DATE = (
    r"(?:the\s+first\s+(?:(?:two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+"
    r"(?:months|weeks)|half|quarter|(?:six|nine)\s+months)\s+of\s+(?:the\s+year\s+)?)"
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
    """The claim read at its publication date: past in the year of publication is current,
    and a month set apart before the month of publication is past (see `month_apart`)."""
    if not dataclasses.is_dataclass(claim):
        return claim
    if period_year(claim) == published.year:
        return dataclasses.replace(claim, time="current", time_ref=None)  # type: ignore[type-var]
    month = month_apart(claim, published)
    if month is not None:
        return dataclasses.replace(claim, time="past", time_ref=month)  # type: ignore[type-var]
    return claim


_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
# One month set apart from a running count, named without a year: "In July alone 23,638 people
# landed", "during June alone".
_MONTH_ALONE = re.compile(
    r"\b(?:[Ii]n|[Dd]uring|[Ff]or)\s+(?P<month>" + "|".join(_MONTH_NAMES) + r")\s+alone\b"
)


def month_apart(claim: Any, published: date | datetime) -> str | None:
    """The month a current claim is set apart in ("In July alone 23,638 people landed") when
    that month is over by the publication date (the same year, as a month without a year is
    read): a count placed in an earlier period, so past. None otherwise."""
    if getattr(claim, "time", None) != "current":
        return None
    sentence = getattr(claim, "sentence", "")
    if "alone" not in sentence:
        return None
    start = getattr(claim, "start", len(sentence))
    for m in _MONTH_ALONE.finditer(sentence, 0, start):
        if _MONTH_NAMES.index(m["month"]) + 1 < published.month:
            return m["month"]
    return None


def dated(claims: Sequence[C], published: date | datetime) -> tuple[C, ...]:
    """Every claim of one article read at its publication date (see `as_of`)."""
    return tuple(as_of(claim, published) for claim in claims)
