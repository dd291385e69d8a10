"""Measure claims (docs/SPEC.md §6, stop 29): an amount by weight or volume offered as a claim.

A figure whose `units` name a measure unit ("pounds", "lbs", "tonnes", "barrels", "gallons",
"litres") asks the claims extractor for the measures of that unit too: "recalling 69,093
pounds of chicken strips" is then a claim of 69,093 in "lb", framed like any count. Units are
the quantities module's symbols (`quantity_units.unit_after`): "pounds" = "lb" = "lbs",
"tonnes" = "tons" = "t". No value is ever converted: a figure in tonnes never takes
kilograms. Other measures (lengths, rainfall, speeds, energy) are never offered.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from monitor.text.quantity_units import unit_after

# The weights and volumes a figure may count: symbols of `quantity_units._MEASURES`.
MEASURE_SYMBOLS = frozenset(("t", "kg", "g", "lb", "oz", "bbl", "l", "gal", "m3", "ft3"))


@lru_cache(maxsize=256)  # a figure's few units, asked once per claim
def measure_symbol(unit: str) -> str | None:
    """The measure symbol a figure's unit spells in full ("pounds", "lbs": "lb"), else None."""
    written = " ".join(unit.split())
    if not written:
        return None
    found = unit_after(f" {written}", 0)
    if found is None or found[1] != "measure" or found[2] != len(written) + 1:
        return None
    return found[0] if found[0] in MEASURE_SYMBOLS else None


def measure_symbols(units: Iterable[str]) -> frozenset[str]:
    """The measure symbols among a figure's units (empty for a figure of counts only)."""
    return frozenset(s for u in units if (s := measure_symbol(u)) is not None)


def measure_after(sentence: str, end: int, wanted: frozenset[str]) -> tuple[str, int] | None:
    """(symbol, end of the unit) when a number ending at `end` is a measure in `wanted`."""
    if not wanted:
        return None
    found = unit_after(sentence, end)
    if found is None or found[1] != "measure" or found[0] not in wanted:
        return None
    return found[0], found[2]
