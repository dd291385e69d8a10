"""Fetching the linked article pages of a poll's entries, within the hosts' request slots.

`monitor poll` leaves the limits to its own Fetcher; the daemon also passes the host slots
shared by every process (see `monitor.polling.claims`), so full-text fetches count toward
`per_host` across processes too.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from monitor.logging import get_logger
from monitor.polling.fetcher import Fetcher, FetchError
from monitor.polling.urls import UnsupportedURL, check_url, host_of


class PageSlots(Protocol):
    """Request slots on hosts shared by every process (see `monitor.polling.claims`)."""

    async def take(self, host: str, want: int, wait: float | None = None) -> list[str]:
        """Up to `want` slot ids on `host` (waiting up to `wait` s for a first one)."""
        ...

    async def give_back(self, ids: Iterable[str]) -> None:
        """Free slots."""
        ...


@dataclass
class Pages:
    """Outcome of fetching linked pages: link → (final URL, body), link → error."""

    fetched: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    failed: dict[str, FetchError] = field(default_factory=dict)


Outcome = tuple[str, tuple[str, bytes] | FetchError]


class LinkedPages:
    """Fetches a feed's linked pages with one shared Fetcher (and host slots, if given)."""

    def __init__(self, fetcher: Fetcher, slots: PageSlots | None) -> None:
        self.fetcher = fetcher
        self.slots = slots

    async def fetch(self, feed_url: str, links: list[str], *, own_slot: bool) -> Pages:
        """Every link's page or error; `own_slot`: the poll still holds a request slot on
        the feed's host (its lease), which one of that host's page fetches may use."""
        if self.slots is None:
            results = await asyncio.gather(*(self._page(feed_url, link) for link in links))
        else:
            by_host: dict[str, list[str]] = {}
            for link in links:
                by_host.setdefault(host_of(link), []).append(link)
            groups = await asyncio.gather(
                *(
                    self._of_host(feed_url, host, group, own_slot and host == host_of(feed_url))
                    for host, group in by_host.items()
                )
            )
            results = [pair for group in groups for pair in group]
        pages = Pages()
        for link, outcome in results:
            if isinstance(outcome, FetchError):
                pages.failed[link] = outcome
            else:
                pages.fetched[link] = outcome
        return pages

    async def _of_host(
        self, feed_url: str, host: str, links: list[str], own: bool
    ) -> list[Outcome]:
        """One host's pages within the requests it may take across processes: the poll's own
        slot on the feed's host (while it holds it); every other request holds a host slot."""
        assert self.slots is not None
        wait = None if own else self.fetcher.settings.timeout
        extra = await self.slots.take(host, len(links) - int(own), wait)
        if not own and not extra:
            get_logger("poller", feed=feed_url).warning(
                "article pages not fetched: host busy", host=host, pages=len(links)
            )
            busy = FetchError("timeout", f"{host}: no free request slot (host busy)")
            return [(link, busy) for link in links]
        queue = list(reversed(links))
        results: list[Outcome] = []

        async def worker() -> None:
            while queue:
                results.append(await self._page(feed_url, queue.pop()))

        try:
            await asyncio.gather(*(worker() for _ in range(int(own) + len(extra))))
        finally:
            await self.slots.give_back(extra)
        return results

    async def _page(self, feed_url: str, link: str) -> Outcome:
        try:
            page = await self.fetcher.fetch(check_url(link), linked_from=feed_url)
        except (FetchError, UnsupportedURL) as exc:
            get_logger("poller", feed=feed_url).warning(
                "article page not fetched", link=link, error=str(exc)
            )
            error = exc if isinstance(exc, FetchError) else FetchError("refused", str(exc))
            return link, error
        return link, (page.final_url, page.body or b"")
