"""Ages in their clear forms, read as durations (tests/data/quantities/README.md).

"a 67-year-old" (span "67-year-old"), "three years old", "aged 45" (span "45"), "aged 50 to 71"
(one range), "aged 45 or older" (the qualifier is read by `monitor/text/quantities.py`), "an
average age of 37". A bare number after a name ("Neymar, then 25", "Smith (34)") is not read:
nothing in the words marks it as an age. The grammar (`quantity_grammar.read_amounts`) drops ages
so that `other_quantities` keeps its contract; `extract_quantities` adds these.
"""

from __future__ import annotations

import re

from monitor.text.numbers import parse_number
from monitor.text.quantity_grammar import Amount

_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
)
_N = rf"(?:\d{{1,3}}(?:\.\d+)?|(?:{_WORDS})(?:-(?:{_WORDS}))?)"
_UNITS = {"year": "yr", "month": "mo", "week": "wk", "day": "d"}
_UNIT = r"(?P<u>year|month|week|day)s?"
# "67-year-old", "a two-month-old", "three years old"
_OLD = re.compile(rf"(?<![\w.,-])(?P<n>{_N})[\s-]{_UNIT}[\s-]old\b", re.IGNORECASE)
# "18-to-49-year-olds", "18- to 24-year-olds", "25-34-year-olds": one range of ages
_OLD_RANGE = re.compile(
    rf"(?<![\w.,-])(?P<n>{_N})(?:-?\s*to\s*-?|[-–])(?P<hi>{_N})[\s-]{_UNIT}[\s-]olds?\b",
    re.IGNORECASE,
)
_END = r"(?![\w%]|[.,]\d)"  # the number ends: not "45%", "4.5" or "45,000"
# "aged 45", "aged 50 to 71", "aged 6 months", "age of 37", "ages of 18"
_AGED = re.compile(
    rf"\b(?:aged|ages?\s+of)\s+(?:(?:about|around|roughly|under|over|between|from)\s+)?"
    rf"(?P<n>{_N})(?:\s+(?P<uw>{_UNIT}))?"
    rf"(?:(?:\s*[-–]\s*|\s+to\s+|\s+and\s+)(?P<hi>{_N}){_END}"
    r"(?:\s+(?P<hu>year|month|week|day)s?)?)?"
    rf"{_END}",
    re.IGNORECASE,
)


def _number(written: str) -> float | None:
    return parse_number(written.replace("-", " ") if not written[0].isdigit() else written)


def read_ages(text: str) -> list[Amount]:
    """The ages of a text as durations in the stated unit (years when none is written)."""
    out: list[Amount] = []
    for m in _OLD_RANGE.finditer(text):
        value, high = _number(m["n"]), _number(m["hi"])
        if value is not None and high is not None and value < high:
            unit = _UNITS[m["u"].lower()]
            out.append(Amount(value, high, "duration", unit, m["u"], m.start(), m.end()))
    for m in _OLD.finditer(text):
        value = _number(m["n"])
        if value is not None:
            unit = _UNITS[m["u"].lower()]
            out.append(Amount(value, None, "duration", unit, m["u"], m.start(), m.end()))
    for m in _AGED.finditer(text):
        value = _number(m["n"])
        if value is None:
            continue
        unit = _UNITS[m["u"].lower()] if m["u"] else "yr"
        high = _number(m["hi"]) if m["hi"] else None
        high_unit = _UNITS[m["hu"].lower()] if m["hu"] else unit
        end = m.end("uw") if m["uw"] else m.end("n")
        if high is not None and high_unit == unit:
            out.append(Amount(value, high, "duration", unit, m["u"] or "", m.start("n"), m.end()))
            continue
        out.append(Amount(value, None, "duration", unit, m["u"] or "", m.start("n"), end))
        if high is not None:  # "aged 6 months to 45 years": two ages
            out.append(
                Amount(high, None, "duration", high_unit, m["hu"] or "", m.start("hi"), m.end())
            )
    return sorted(out, key=lambda a: a.start)
