"""Pages of long listings: `--limit N`, `--after ID` (the rows listed after ID: the next page)
and `--before ID` (the rows listed before it: the previous page), as in the cursors of most
web APIs. Tables end with a footer naming the command for the next page; `--json` prints the
same page (a script pages on until it gets an empty list).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import click

from monitor.cli.format import plural, short_id

T = TypeVar("T")
DEFAULT_LIMIT = 20
MAX_LIMIT = 10_000
WALK = 500  # rows read at a time when going back from the top of a query-backed listing


@dataclass(frozen=True)
class Cursor:
    """What the paging options asked for (ids as typed: commands resolve them)."""

    limit: int
    after: str | None
    before: str | None


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page and whether rows are listed after it (next page) or before it (previous)."""

    items: list[T]
    more_after: bool
    more_before: bool


def paging_options(noun: str, key: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--limit, --after and --before for a command listing `noun`s identified by `key`."""

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        func = click.option(
            "--before", metavar=key, help=f"The {noun} listed before this {key} (previous page)."
        )(func)
        func = click.option(
            "--after", metavar=key, help=f"The {noun} listed after this {key} (next page)."
        )(func)
        return click.option(
            "--limit",
            type=click.IntRange(1, MAX_LIMIT),
            default=DEFAULT_LIMIT,
            show_default=True,
            help=f"At most this many {noun}.",
        )(func)

    return decorate


def cursor(limit: int, after: str | None, before: str | None) -> Cursor:
    """The paging request; --after and --before together are a usage error."""
    if after is not None and before is not None:
        raise click.UsageError("give --after or --before, not both")
    return Cursor(limit, after, before)


def slice_page(
    items: Sequence[T], key: Callable[[T], str], limit: int, after: str | None, before: str | None
) -> Page[T]:
    """A page of a listing held in memory; `after`/`before` are full keys (resolved).

    A key listed several times (claims of one article) is passed over whole: "after" starts
    behind its last row, "before" ends ahead of its first.
    """
    keys = [key(i) for i in items]
    if before is not None:
        end = next((n for n, k in enumerate(keys) if k == before), 0)
        begin = max(0, end - limit)
        while 0 < begin < end and keys[begin - 1] == keys[begin]:
            begin -= 1  # never cut a key's rows in two: its cursor would skip the rest
        return Page(list(items[begin:end]), end < len(items), begin > 0)
    start = 0
    if after is not None:
        start = max((n for n, k in enumerate(keys) if k == after), default=len(keys) - 1) + 1
    end = min(len(items), start + limit)
    while start < end < len(items) and keys[end] == keys[end - 1]:
        end += 1
    return Page(list(items[start:end]), end < len(items), start > 0)


def query_page(
    fetch: Callable[[int, str | None], list[T]],
    key: Callable[[T], str],
    limit: int,
    after: str | None,
    before: str | None,
) -> Page[T]:
    """A page of a query-backed listing: `fetch(n, last)` returns at most n rows listed after
    the row keyed `last` (from the top when None), in listing order."""
    if before is None:
        rows = fetch(limit + 1, after)
        return Page(rows[:limit], len(rows) > limit, after is not None)
    ahead: list[T] = []
    last: str | None = None
    while True:  # the previous page: read from the top down to `before`
        rows = fetch(WALK, last)
        keys = [key(r) for r in rows]
        if before in keys:
            ahead += rows[: keys.index(before)]
            break
        ahead += rows
        if len(rows) < WALK:
            break
        last = keys[-1]
    return Page(ahead[-limit:], True, len(ahead) > limit)


def footer(
    command: str, page: Page[Any], key: Callable[[Any], str], noun: str, *, short: bool = True
) -> str | None:
    """ "20 stories shown; next page: monitor stories --after s-4017dbd3" (None: all shown)."""
    if not (page.more_after or page.more_before):
        return None
    show = short_id if short else (lambda k: k)
    hints = []
    if page.more_after and page.items:
        hints.append(f"next page: {command} --after {show(key(page.items[-1]))}")
    if page.more_before and page.items:
        hints.append(f"previous page: {command} --before {show(key(page.items[0]))}")
    return f"{plural(len(page.items), noun)} shown; " + "\n".join(hints)
