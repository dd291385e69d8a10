"""Feed parsing on another core: one worker process the daemon's polls hand documents to.

Parsing a feed is a pure function of the body, its content type and its URL (feedparser
never fetches), and in a busy daemon it is a large share of the CPU (about 4 ms for a
20-entry feed, a hundred times a second in the soak), all of it holding the GIL that the
projection loop needs. One spawned worker takes it off the daemon's core: the document goes
over a pipe and the same `ParsedFeed` (or `FeedParseError`) comes back, with each entry's
key, text and hash (the identity facts, also pure), so what is appended does not change. Fetching, politeness and leases stay in the daemon; only the parse moves.
A caller may give more pure work on the entries to do there too (:class:`AlongParse`: the
daemon's story features of new entries, `monitor.daemon.ahead`), and where its result goes.
If the worker dies, the parses in flight and those of the next minute run in threads here,
then a new worker is started. `MONITOR_WORKERS=0` or ``1`` (or one core) keeps parsing in a
thread.
"""

from __future__ import annotations

import asyncio
import atexit
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from monitor.cores import spawn_pool, workers
from monitor.logging import get_logger
from monitor.polling.identity import EntryFacts, dedupe_facts
from monitor.polling.parser import ParsedFeed, parse_feed
from monitor.polling.urls import host_of

Parsed = tuple[ParsedFeed, list[EntryFacts]]


@dataclass(frozen=True)
class AlongParse:
    """Work done in the worker on a parse's entries, with the feed's source, and what
    takes its result in this process. ``compute`` must be a module-level function (it is
    sent to the worker by name); it is never run in a thread here: that would be this
    process's core, which the work was meant to spare."""

    compute: Callable[[list[EntryFacts], str], Any]
    receive: Callable[[Any], None]


RESTART_AFTER = 60.0  # seconds of parsing in a thread after a worker died
_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_broken_at: float | None = None


def _get_pool() -> ProcessPoolExecutor | None:
    global _pool
    with _lock:
        resting = _broken_at is not None and time.monotonic() - _broken_at < RESTART_AFTER
        if _pool is None and workers() > 1 and not resting:
            _pool = spawn_pool(1)  # one worker: the parser only
            atexit.register(shutdown)
        return _pool


def shutdown(*, wait: bool = False) -> None:
    """Stop the worker (at exit, or by the daemon once its polls are done; a later parse
    starts a new one). With `wait`, return when the worker and the executor's thread
    have ended."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=wait, cancel_futures=True)


def _broke(pool: ProcessPoolExecutor, url: str) -> None:
    """The worker died (every parse in flight fails with it): parse in threads for a
    while, then start a new worker; said once per worker."""
    global _pool, _broken_at
    with _lock:
        if _pool is not pool:
            return  # another parse of the same worker got here first
        _pool, _broken_at = None, time.monotonic()
    get_logger("poller", feed=url).warning("parse worker died; parsing in threads for a while")
    pool.shutdown(wait=False, cancel_futures=True)


def running() -> bool:
    """Whether a worker process has been started (for tests)."""
    return _pool is not None


def parse_and_key(body: bytes, content_type: str | None, url: str) -> Parsed:
    """The parsed feed and its entries one per key, each with its key, text and hash
    (:func:`monitor.polling.identity.dedupe_facts`): all of a poll's work that needs
    nothing but the document."""
    parsed = parse_feed(body, content_type, url)
    return parsed, dedupe_facts(parsed.entries)


def source_name(named: str | None, parsed: ParsedFeed, feed_url: str) -> str:
    """The source a feed's articles carry: its name, else the title it gives now, else
    its host."""
    return named or parsed.title or host_of(feed_url)


def parse_and_compute(
    body: bytes,
    content_type: str | None,
    url: str,
    feed: tuple[str | None, str],
    compute: Callable[[list[EntryFacts], str], Any],
) -> tuple[ParsedFeed, list[EntryFacts], Any]:
    """:func:`parse_and_key`, and ``compute`` of its entries and their source
    (:func:`source_name` of ``feed``, the feed's name and URL)."""
    parsed, facts = parse_and_key(body, content_type, url)
    return parsed, facts, compute(facts, source_name(feed[0], parsed, feed[1]))


async def parse_elsewhere(
    body: bytes,
    content_type: str | None,
    url: str,
    *,
    feed: tuple[str | None, str] | None = None,
    along: AlongParse | None = None,
) -> Parsed:
    """:func:`parse_and_key` in the worker process when there is a second core, else in a
    thread; raises what `parse_feed` raises. Given the ``feed`` (name and URL), ``along``
    is computed in the worker too and its result received here (in a thread it is
    skipped)."""
    pool = _get_pool()
    if pool is not None:
        loop = asyncio.get_running_loop()
        try:
            if feed is None or along is None:
                return await loop.run_in_executor(pool, parse_and_key, body, content_type, url)
            parsed, facts, result = await loop.run_in_executor(
                pool, parse_and_compute, body, content_type, url, feed, along.compute
            )
            along.receive(result)
            return parsed, facts
        except BrokenProcessPool:
            _broke(pool, url)
    return await asyncio.to_thread(parse_and_key, body, content_type, url)
