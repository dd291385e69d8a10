"""One resolver for every id a user types: full ids, display ids ("s-fc402e0b"), any unique
prefix, and for stories and figures their web path ("/stories/ID", "/figures/NAME") or a full
URL ending in one. Every command that takes an id (story, article, alert, figure, cursors)
resolves it here, so they all accept the same forms and fail with the same messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

import click
from sqlalchemy import Column, Connection, select

from monitor.cli.format import short_id
from monitor.cli.paging import Cursor
from monitor.store.tables_feeds import articles
from monitor.store.tables_figures import figures
from monitor.store.tables_outbox import alerts
from monitor.store.tables_stories import stories

CANDIDATES_SHOWN = 5
_ID_TEXT = re.compile(r"^[A-Za-z0-9_.:-]+$")


@dataclass(frozen=True)
class Kind:
    """A kind of thing with an id: its column, its id prefix, its web path, how to list it."""

    noun: str
    column: Column[str]
    prefix: str = ""  # "s-" for stories: optional when typed
    web: str = ""  # "stories": /stories/ID
    listing: str = ""


STORY = Kind("story", stories.c.id, "s-", "stories", "monitor stories")
ARTICLE = Kind("article", articles.c.id, "", "", "monitor story ID")
ALERT = Kind("alert", alerts.c.alert_id, "", "", "monitor alerts")
FIGURE = Kind("figure", figures.c.name, "", "figures", "monitor figures")


class UnknownId(click.ClickException):
    """No such id, or a prefix that fits several: exit status 1 with a one-line message."""


def _from_path(kind: Kind, text: str) -> str:
    """ "/stories/s-1", "https://host/stories/s-1?x" → "s-1"; anything else as typed."""
    if not kind.web:
        return text
    path = urlsplit(text).path if "://" in text else text
    parts = [p for p in path.split("/") if p]
    if len(parts) >= 2 and parts[-2] == kind.web:
        return unquote(parts[-1])
    return text


def resolve(conn: Connection, kind: Kind, typed: str) -> str:
    """The full id `typed` stands for, or UnknownId naming what was wrong and what to do."""
    text = _from_path(kind, typed.strip())
    if not text or not _ID_TEXT.match(text):
        raise UnknownId(f"{typed!r} is not {_a(kind.noun)} id (see `{kind.listing}`)")
    column = kind.column
    if conn.execute(select(column).where(column == text)).first() is not None:
        return text
    forms = [text]
    if kind.prefix and not text.startswith(kind.prefix):
        forms.append(kind.prefix + text)
    found: list[str] = []
    for form in forms:
        pattern = form.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = select(column).where(column.like(pattern, escape="\\")).order_by(column)
        found += [str(v) for v in conn.execute(query.limit(CANDIDATES_SHOWN + 1)).scalars()]
    found = sorted(set(found))
    if len(found) == 1:
        return found[0]
    if not found:
        raise UnknownId(f"unknown {kind.noun} {typed!r} (see `{kind.listing}` for the ids)")
    shown = ", ".join(distinct_prefixes(found[:CANDIDATES_SHOWN]))
    more = ", …" if len(found) > CANDIDATES_SHOWN else ""
    raise UnknownId(
        f"{typed!r} fits several {_plural(kind.noun)}: {shown}{more}; type more of the id"
    )


def distinct_prefixes(ids: list[str]) -> list[str]:
    """The display ids, lengthened until no two read the same."""
    for extra in range(0, 40):
        shown = [short_id(i, extra) for i in ids]
        if len(set(shown)) == len(ids):
            return shown
    return ids


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def _plural(noun: str) -> str:
    return "stories" if noun == "story" else noun + "s"


def resolve_bounds(conn: Connection, kind: Kind, ask: Cursor) -> tuple[str | None, str | None]:
    """The full ids of a page's --after and --before (None where not given)."""
    after = resolve(conn, kind, ask.after) if ask.after else None
    before = resolve(conn, kind, ask.before) if ask.before else None
    return after, before
