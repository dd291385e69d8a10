"""Which feeds a daemon polls next, and how many requests each host may take (docs/SPEC.md §9).

Polling policy over the store's lease rows (`monitor.store.leases`): a host never has more
than `per_host` requests in flight across every process sharing the database — feed polls
(one lease each) and article-page fetches (one host slot each) alike — and due feeds are
taken oldest due first, passing over hosts that are full, so one busy host does not hold up
the others. A claim may hand back finished feeds in the same transaction, so a slot that
frees is taken again at once (work-conserving: `per_host` limits requests in flight, it is
not a quota per tick).
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, Engine, RowMapping

from monitor.polling.poller import FeedToPoll, to_poll
from monitor.polling.urls import host_of
from monitor.store import leases, locks

SCAN_FACTOR = 4  # candidate rows read per feed wanted, so full hosts can be passed over


@dataclass(frozen=True)
class ClaimRequest:
    """What one claim asks for."""

    owner: str
    now: datetime
    limit: int
    lease_seconds: float
    per_host: int
    release: tuple[str, ...] = ()  # the owner's finished feeds, handed back in the same step


@dataclass(frozen=True)
class Claimed:
    """What a claim got: the feeds leased, and when the next unleased feed falls due."""

    feeds: list[FeedToPoll] = field(default_factory=list)
    next_due_at: datetime | None = None
    host_full: bool = False  # due feeds were passed over because their host was full


def pick_within_host_limits(
    candidates: Sequence[tuple[str, str]], busy: Mapping[str, int], per_host: int, limit: int
) -> list[str]:
    """URLs to claim from (url, host) candidates in order, keeping every host's requests
    in flight (those already counted, `busy`, plus the picked ones) at or under `per_host`."""
    taken: dict[str, int] = dict(busy)
    picked: list[str] = []
    for url, host in candidates:
        if len(picked) >= limit:
            break
        if taken.get(host, 0) < per_host:
            taken[host] = taken.get(host, 0) + 1
            picked.append(url)
    return picked


def add_missing_schedules(conn: Connection) -> int:
    """Give every subscribed feed a schedule row (due since it was added) and a host; returns
    the rows written. Feeds that never were polled become claimable this way."""
    missing = leases.missing_schedules(conn)
    leases.add_schedules(
        conn, [{"url": url, "next_poll_at": added, "host": host_of(url)} for url, added in missing]
    )
    hostless = leases.hostless_schedules(conn)
    leases.set_hosts(conn, {url: host_of(url) for url in hostless})
    return len(missing) + len(hostless)


def claim_feeds(
    engine: Engine, request: ClaimRequest, *, refresh: bool = True
) -> tuple[list[RowMapping], datetime | None, bool]:
    """Release `request.release`, then lease up to `limit` due, unleased feeds to `owner`.

    Returns the leased rows (feed and schedule), the next due time of the feeds left
    unleased, and whether due feeds were passed over for a full host. With `refresh`,
    feeds subscribed since are given schedule rows first. The lease is committed before
    anything is fetched; the caller renews it while the poll runs.
    """
    with engine.begin() as conn:
        locks.xact_lock(conn, leases.CLAIM_LOCK)
        leases.release_in(conn, request.owner, request.release)
        if refresh:
            add_missing_schedules(conn)
        if request.limit <= 0:
            return [], None, False
        busy = leases.busy_hosts(conn, request.now)
        full = sorted(host for host, n in busy.items() if n >= request.per_host)
        rows = leases.due_candidates(
            conn, request.now, skip_hosts=full, limit=request.limit * SCAN_FACTOR
        )
        picked = pick_within_host_limits(
            [(r["url"], r["host"]) for r in rows], busy, request.per_host, request.limit
        )
        until = request.now + timedelta(seconds=request.lease_seconds)
        leases.lease_feeds(conn, picked, request.owner, until)
        passed_over = len(rows) > len(picked) or leases.due_waiting_on(conn, request.now, full)
        next_due = None if passed_over else leases.next_due_at(conn, request.now)
    chosen = set(picked)
    return [r for r in rows if r["url"] in chosen], next_due, passed_over


def claim_due_feeds(
    engine: Engine, request: ClaimRequest, *, default_interval: float, refresh: bool = True
) -> Claimed:
    """Lease due feeds to one daemon (docs/SPEC.md §9: each feed is polled by one process at
    a time), handing back its finished ones in the same transaction."""
    rows, next_due, full = claim_feeds(engine, request, refresh=refresh)
    return Claimed([to_poll(r, default_interval) for r in rows], next_due, full)


class HostSlots:
    """Slots on hosts for article-page requests, counted with feed leases across processes.

    `take(host, want, wait)` returns up to `want` slot ids (at least one when `wait` is
    given, unless the wait runs out); `give_back` returns them. Slots held are renewed by
    `renew` (the daemon's coordination tick), so a dead process's slots expire.
    """

    def __init__(
        self,
        engine: Engine,
        owner: str,
        per_host: int,
        *,
        lease_seconds: float = 12.0,
        retry_every: float = 0.2,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.engine = engine
        self.owner = owner
        self.per_host = per_host
        self.lease_seconds = lease_seconds
        self.retry_every = retry_every
        self.clock = clock
        self.held: set[str] = set()
        self._freed = asyncio.Event()

    async def take(self, host: str, want: int, wait: float | None = None) -> list[str]:
        """Slot ids on `host`: as many free ones as there are (≤ want), waiting up to `wait`
        seconds for a first one when `wait` is given."""
        if want <= 0:
            return []
        deadline = None if wait is None else asyncio.get_running_loop().time() + wait
        while True:
            got = await asyncio.to_thread(self._take, host, want)
            if got or deadline is None:
                return got
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                return []
            self._freed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._freed.wait(), min(left, self.retry_every))

    def _take(self, host: str, want: int) -> list[str]:
        if want <= 0:
            return []
        now = self.clock()
        until = now + timedelta(seconds=self.lease_seconds)
        with self.engine.begin() as conn:
            locks.xact_lock(conn, leases.CLAIM_LOCK)
            free = self.per_host - leases.busy_hosts(conn, now).get(host, 0)
            ids = [uuid.uuid4().hex for _ in range(max(0, min(want, free)))]
            for slot in ids:
                leases.take_slot(conn, slot, host, self.owner, until)
        self.held.update(ids)
        return ids

    async def give_back(self, ids: Iterable[str]) -> None:
        """Free slots (a page fetch ended)."""
        wanted = [i for i in ids if i in self.held]
        if not wanted:
            return
        await asyncio.to_thread(leases.drop_slots, self.engine, self.owner, wanted)
        self.held.difference_update(wanted)
        self._freed.set()

    def renew(self) -> None:
        """Extend every slot held (blocking; the coordination thread calls it)."""
        until = self.clock() + timedelta(seconds=self.lease_seconds)
        leases.renew_slots(self.engine, self.owner, list(self.held), until)
