"""How tables show things: local times with their age, short ids, plurals, coloured states.

Pure functions: the `--json` output keeps ISO-8601 UTC and full ids; only tables use these.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

from monitor.clock import utcnow

# For tests (golden output): a fixed "now" as ISO-8601, so ages read the same on every run.
# Named MONITOR_TEST_* so the configuration's environment overrides ignore it.
NOW_VARIABLE = "MONITOR_TEST_NOW"

SHORT_ID = 8  # hex digits of a uuid shown in tables (and enough to address it)

_IRREGULAR = {"story": "stories", "copy": "copies", "entry": "entries", "delivery": "deliveries"}

_STYLES = {
    "ok": "green",
    "delivered": "green",
    "first": "cyan",
    "changed": "bold cyan",
    "up": "cyan",
    "down": "magenta",
    "new": "yellow",
    "pending": "yellow",
    "paused": "yellow",
    "failing": "red",
    "failed": "red",
    "dead": "bold red",
    "gone": "red",
    "restated": "dim",
    "alternative": "dim",
    "previous": "dim",
    "part": "dim",
    "rate": "dim",
    "copy": "dim",
    "past": "dim",
}


def clock() -> datetime:
    """The moment ages are measured from: the wall clock, or $MONITOR_TEST_NOW in tests."""
    fixed = os.environ.get(NOW_VARIABLE)
    if fixed:
        moment = datetime.fromisoformat(fixed.replace("Z", "+00:00"))
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return utcnow()


def plural(count: int, noun: str, many: str | None = None) -> str:
    """ "1 feed", "2 feeds", "3 stories" (`many`: the plural where the last word's rule fails)."""
    if count == 1:
        return f"{count:,} {noun}"
    if many is None:
        head, _, last = noun.rpartition(" ")
        many = (head + " " if head else "") + _IRREGULAR.get(last, last + "s")
    return f"{count:,} {many}"


def short_id(full: str | None, extra: int = 0) -> str:
    """The display id: its kind prefix and the first 8 hex digits ("s-fc402e0b"); `extra`
    more characters where 8 are not enough to tell two apart."""
    if not full:
        return ""
    prefix, dash, rest = full.partition("-")
    if dash and len(prefix) <= 2 and rest:
        return f"{prefix}-{rest[: SHORT_ID + extra]}"
    return full[: SHORT_ID + extra]


def age(moment: datetime, now: datetime) -> str:
    """ "just now", "5 min ago", "3 h ago", "2 d ago", "in 10 min"; "" beyond 60 days."""
    delta = now - moment
    future = delta < timedelta(0)
    seconds = abs(delta.total_seconds())
    if seconds < 60:
        return "just now"
    for size, unit in ((86_400, "d"), (3_600, "h"), (60, "min")):
        if seconds >= size:
            amount = int(seconds // size)
            if unit == "d" and amount > 60:
                return ""
            return f"in {amount} {unit}" if future else f"{amount} {unit} ago"
    return ""  # unreachable: seconds >= 60 here


def when(
    value: datetime | str | None, now: datetime | None = None, *, relative: bool = True
) -> str:
    """A time for a table: local time to the minute, with its age where that helps."""
    moment = parse_time(value)
    if moment is None:
        return "—"
    now = now or clock()
    local = moment.astimezone()
    stamp = local.strftime("%Y-%m-%d %H:%M")
    ago = age(moment, now) if relative else ""
    return f"{stamp} ({ago})" if ago else stamp


def style_of(word: str | None) -> str:
    """The colour of a state word ("" for words without one)."""
    return _STYLES.get(word or "", "")


def styled(word: str | None) -> str:
    """A state word with its colour as rich markup (plain when colour is off: NO_COLOR)."""
    if not word:
        return ""
    style = _STYLES.get(word)
    return f"[{style}]{word}[/{style}]" if style else word


def shorten(text: str | None, width: int) -> str:
    """One line of at most `width` characters, cut at a word with an ellipsis."""
    flat = " ".join((text or "").split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1].rsplit(" ", 1)[0]
    return (cut or flat[: width - 1]) + "…"


def day(value: datetime | str | None) -> str:
    """A date for a table, in local time: "2024-02-27"."""
    moment = parse_time(value)
    if moment is None:
        return "—"
    return moment.astimezone().strftime("%Y-%m-%d")


def parse_time(value: object) -> datetime | None:
    """An ISO-8601 string (or datetime) from a read model → an aware UTC datetime."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
