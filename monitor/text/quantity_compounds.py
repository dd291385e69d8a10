"""Compound amounts: one amount written in two units, the larger first ("four hours and 42
minutes", "74 minutes 57 seconds", "6ft 2in", "8lb 6oz").

A compound is one quantity valued in its smaller unit (282 `min`, 4497 `s`, 74 `in`), as race
times ("2:00:35") are valued in seconds (tests/data/quantities/README.md). It is read only when
the first part is a whole number of the larger unit, the second part is less than one of it
("6ft 14in" is no height) and nothing but a space, a comma or "and" (not both: ", and" joins
clauses) stands between them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from monitor.text.quantity_grammar import Amount

# larger unit, smaller unit -> how many of the smaller one larger unit holds
_FACTORS: dict[tuple[str, str], int] = {
    ("h", "min"): 60,
    ("min", "s"): 60,
    ("d", "h"): 24,
    ("wk", "d"): 7,
    ("yr", "mo"): 12,
    ("ft", "in"): 12,
    ("lb", "oz"): 16,
    ("m", "cm"): 100,
}
# "6ft 2in", "four hours and 42 minutes", "40 minutes, 20 seconds"; a comma and "and" together
# join two clauses ("for 5 hours, and 30 minutes later ...")
_GAP = re.compile(r"\s*|\s+and\s+|\s*,\s*", re.IGNORECASE)


def _compound(text: str, a: Amount, b: Amount) -> Amount | None:
    factor = _FACTORS.get((a.unit, b.unit))
    if factor is None or a.kind != b.kind or a.high is not None or b.high is not None:
        return None
    if not float(a.value).is_integer() or not 0 < b.value < factor or a.scaled or b.scaled:
        return None
    if not _GAP.fullmatch(text, a.end, b.start):
        return None
    return replace(
        b,
        value=a.value * factor + b.value,
        unit_text=f"{a.unit_text} {b.unit_text}",
        start=a.start,
    )


def join_compounds(text: str, amounts: list[Amount]) -> list[Amount]:
    """The amounts in order with each compound's parts joined into one; a compound of three
    units ("83 hours, 38 minutes and 56 seconds") joins its third part to the first two."""
    out: list[Amount] = []
    for amount in amounts:
        joined = _compound(text, out[-1], amount) if out else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(amount)
    return out
