"""How tables show things: local times with their age, short ids, plurals, coloured states.

Pure functions: the `--json` output keeps ISO-8601 UTC and full ids; only tables use these.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

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
    "copy": "dim",
    "past": "dim",
}


def plural(count: int, noun: str) -> str:
    """ "1 feed", "2 feeds", "3 stories"."""
    if count == 1:
        return f"{count:,} {noun}"
    return f"{count:,} {_IRREGULAR.get(noun, noun + 's')}"


def short_id(full: str | None) -> str:
    """The display id: its kind prefix and the first 8 hex digits ("s-fc402e0b")."""
    if not full:
        return ""
    prefix, dash, rest = full.partition("-")
    if dash and len(prefix) <= 2 and rest:
        return f"{prefix}-{rest[:SHORT_ID]}"
    return full[:SHORT_ID]


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


def when(moment: datetime | None, now: datetime | None = None, *, relative: bool = True) -> str:
    """A time for a table: local time to the minute, with its age where that helps."""
    if moment is None:
        return "—"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    local = moment.astimezone()
    stamp = local.strftime("%Y-%m-%d %H:%M")
    ago = age(moment, now) if relative else ""
    return f"{stamp} ({ago})" if ago else stamp


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
