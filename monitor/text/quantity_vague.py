"""Vague amounts of a unit: "dozens of metres", "hundreds of miles", "thousands of years",
"millions of dollars", "hundreds of millions of euros" (tests/data/quantities/README.md: `vague`,
with the claims' bounds for the word, monitor.text.numbers.VAGUE_RANGES). A vague count of
things ("hundreds of people") is the claims extractor's; "thousands of pounds of cocaine" is a
mass.
"""

from __future__ import annotations

import re

from monitor.text.numbers import VAGUE_RANGES
from monitor.text.quantity_grammar import Amount
from monitor.text.quantity_units import CURRENCY_AFTER, POUNDS_OF_MASS, unit_after

_VAGUE_OF = re.compile(
    r"(?<![\w-])(?P<v>(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)|dozens|hundreds|"
    r"thousands|millions|billions)\s+of\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"\s+(?P<w>[A-Za-z]+)\b")


def read_vague_amounts(text: str) -> list[Amount]:
    """Each vague amount of money, a measure or a duration, low and high ends from the word."""
    out = []
    for m in _VAGUE_OF.finditer(text):
        low, high = (float(b) for b in VAGUE_RANGES[" ".join(m["v"].lower().split())])
        word = _WORD.match(text, m.end())
        code = CURRENCY_AFTER.get(word["w"].lower()) if word else None
        if word and code and not (code == "GBP" and POUNDS_OF_MASS.match(text, word.end())):
            out.append(Amount(low, high, "money", code, word["w"], m.start(), word.end()))
            continue
        found = unit_after(text, m.end())
        if found is None or found[1] not in ("measure", "duration"):
            continue
        symbol, kind, end = found
        written = text[m.end() : end].strip(" -")
        out.append(Amount(low, high, kind, symbol, written, m.start(), end))
    return out
