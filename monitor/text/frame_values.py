"""The values framing passes around: a sentence's number (`Span`), what its clause says about
it (`Frame`), and `_Q`, the hedge a number may carry ("about", "more than"), which every
cue pattern of the frame modules puts before the number it reads.
"""

from __future__ import annotations

from monitor.text.records import record


@record
class Span:
    """A number of a sentence before framing: offsets of the number and of its noun phrase."""

    start: int
    end: int
    unit_end: int
    value: float
    modifiers: tuple[str, ...] = ()
    implied: bool = False
    rate: bool = False


@record
class Frame:
    """What a clause says about one of its numbers."""

    scope: str | None
    scope_source: str  # "clause" | "previous" | "referring" (scope_grammar) | "none"
    kind: str  # "total" | "new" | "part" | "previous" | "rate"
    time: str  # "current" | "past"
    time_ref: str | None
    revision: str | None  # "down" | "up" | "raised" | "revised" (see `_revision`)
    revised_from: float | None
    modality: str | None = None  # "forecast" | "disputed" (see `text.modality`)


_Q = (
    r"(?:(?:more\s+than|at\s+least|nearly|almost|about|around|some|over|an\s+estimated"
    r"|approximately|roughly|up\s+to|as\s+many\s+as|just\s+over|just\s+under|close\s+to"
    r"|fewer\s+than|less\s+than|only|just)\s+)?"
)
