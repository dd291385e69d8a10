"""Which feeds a daemon polls next, and how many requests each host may take (docs/SPEC.md §9).

Polling policy over the store's lease rows (`monitor.store.leases`): a host never has more
than `per_host` requests in flight across every process sharing the database — feed
fetches (a lease in its fetch phase) and article pages (one host slot each) alike. A poll
that has its document and is parsing or writing keeps its feed's lease (no other process
polls that feed) but gives its request slot back, so the next feed of the host is fetched
meanwhile. Due feeds are
taken oldest due first, passing over hosts that are full, so one busy host does not hold up
the others. A claim may hand back finished feeds in the same transaction, so a slot that
frees is taken again at once (work-conserving: `per_host` limits requests in flight, it is
not a quota per tick).
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Connection, Engine, RowMapping

from monitor.clock import utcnow
from monitor.polling.due import to_poll
from monitor.polling.feed_poll import FeedToPoll
from monitor.polling.urls import host_of
from monitor.store import leases, locks
from monitor.store.db import as_utc, read_connection

SCAN_FACTOR = 4  # candidate rows read per feed wanted, so full hosts can be passed over
LOOKAHEAD = 1.0  # seconds of due feeds one SQLite daemon reads ahead
READ_AHEAD = 512  # at most this many rows per read-ahead


@dataclass(frozen=True)
class ClaimRequest:
    """What one claim asks for."""

    owner: str
    now: datetime
    limit: int
    lease_seconds: float
    per_host: int
    release: tuple[str, ...] = ()  # the owner's finished feeds, handed back in the same step
    fetched: tuple[str, ...] = ()  # the owner's polls whose requests are done (still leased)


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


async def take_waiting(
    take: Callable[[], Awaitable[list[str]]],
    freed: asyncio.Event,
    wait: float | None,
    retry_every: float,
) -> list[str]:
    """What `take` gives. When it gives nothing and `wait` is given, it is asked again each
    time `freed` is set (and at least every `retry_every` s) until it gives some or `wait`
    seconds have passed."""
    deadline = None if wait is None else asyncio.get_running_loop().time() + wait
    while True:
        got = await take()
        if got or deadline is None:
            return got
        left = deadline - asyncio.get_running_loop().time()
        if left <= 0:
            return []
        freed.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(freed.wait(), min(left, retry_every))


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
        leases.fetched_in(conn, request.owner, request.fetched)
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


class DatabaseClaims:
    """Claims for daemons sharing a PostgreSQL database: leases and slots as rows."""

    def __init__(self, engine: Engine, owner: str, per_host: int, lease_seconds: float) -> None:
        self.engine = engine
        self.slots = HostSlots(engine, owner, per_host, lease_seconds=lease_seconds)

    @property
    def per_host(self) -> int:
        """The per-host limit page slots are taken under."""
        return self.slots.per_host

    @per_host.setter
    def per_host(self, value: int) -> None:
        self.slots.per_host = value

    def claim(
        self, request: ClaimRequest, *, default_interval: float, refresh: bool = True
    ) -> Claimed:
        """See `claim_due_feeds` (blocking)."""
        return claim_due_feeds(
            self.engine, request, default_interval=default_interval, refresh=refresh
        )

    def renew(self) -> None:
        """Extend the host slots held (blocking)."""
        self.slots.renew()


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
        clock: Callable[[], datetime] = lambda: utcnow(),
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

        async def take() -> list[str]:
            return await asyncio.to_thread(self._take, host, want)

        return await take_waiting(take, self._freed, wait, self.retry_every)

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


class LocalClaims:
    """Claims for the one daemon an SQLite file allows (`SingleDaemonLock`): the same policy,
    with leases and request slots held in memory instead of in rows.

    No other process polls this database's feeds, so a claim is one read (a WAL snapshot:
    it never waits for SQLite's write lock, which projection batches hold) and requests in
    flight are counted here. `fetched`/`release` and page slots update the counts at once.
    """

    def __init__(self, engine: Engine, per_host: int) -> None:
        self.engine = engine
        self.per_host = per_host
        self._lock = threading.Lock()
        self._leased: dict[str, str] = {}  # url → host
        self._fetching: set[str] = set()
        self._pages: Counter[str] = Counter()  # host → page requests in flight
        self._freed = asyncio.Event()
        self._ahead: list[RowMapping] = []  # due within LOOKAHEAD when last read
        self._read_at = 0.0
        self._later: datetime | None = None  # the first due time beyond what was read

    def _busy(self) -> Counter[str]:
        busy = Counter(self._leased[url] for url in self._fetching)
        busy.update(self._pages)
        return busy

    def fetched(self, url: str) -> None:
        """A poll's own requests are done (it keeps the feed)."""
        with self._lock:
            self._fetching.discard(url)
        self._freed.set()

    def release(self, url: str) -> None:
        """A poll ended."""
        with self._lock:
            self._fetching.discard(url)
            self._leased.pop(url, None)
        self._freed.set()

    def claim(
        self, request: ClaimRequest, *, default_interval: float, refresh: bool = True
    ) -> Claimed:
        """Up to `limit` due feeds not polled now, within the per-host limit (blocking).

        Reads ahead: the feeds falling due within LOOKAHEAD seconds are read at once and
        handed out as they fall due, so a poll ending costs no query (only this process
        changes schedules, and it re-reads at least every LOOKAHEAD seconds)."""
        for url in request.fetched:
            self.fetched(url)
        for url in request.release:
            self.release(url)
        if refresh and self._schedules_missing():
            with self.engine.begin() as conn:
                add_missing_schedules(conn)
        if request.limit <= 0:
            return Claimed()
        now, clock = request.now, time.monotonic()
        with self._lock:
            leased = list(self._leased)
        if refresh or not self._ahead or clock - self._read_at > LOOKAHEAD:
            with read_connection(self.engine) as conn:
                self._ahead = leases.due_candidates(
                    conn,
                    now + timedelta(seconds=LOOKAHEAD),
                    skip_hosts=(),
                    skip_urls=leased,
                    limit=READ_AHEAD,
                    lock=False,
                )
                self._read_at = clock
                later = None
                if len(self._ahead) < READ_AHEAD:
                    later = leases.next_due_at(conn, now, skip_urls=leased)
                self._later = max(later, now + timedelta(seconds=LOOKAHEAD)) if later else None
        with self._lock:
            busy = self._busy()
            mine = set(self._leased)
            rows = [
                r for r in self._ahead if r["url"] not in mine and as_utc(r["next_poll_at"]) <= now
            ]
            picked = set(
                pick_within_host_limits(
                    [(r["url"], r["host"]) for r in rows], busy, request.per_host, request.limit
                )
            )
            chosen = [r for r in rows if r["url"] in picked]
            for row in chosen:
                self._leased[row["url"]] = row["host"] or host_of(row["url"])
                self._fetching.add(row["url"])
            busy = self._busy()
        self._ahead = [r for r in self._ahead if r["url"] not in picked]
        # The next feed to fall due on a host with room (a full host's feeds wait for one of
        # this process's requests to end, which wakes the caller).
        upcoming = [
            as_utc(r["next_poll_at"])
            for r in self._ahead
            if busy.get(r["host"], 0) < request.per_host and r["url"] not in mine
        ]
        next_due = min(upcoming, default=None) or (None if self._ahead else self._later)
        feeds = [to_poll(row, default_interval) for row in chosen]
        return Claimed(feeds, next_due, host_full=False)

    def _schedules_missing(self) -> bool:
        # A read first: the write (which waits for SQLite's write lock) only when needed.
        with read_connection(self.engine) as conn:
            return bool(leases.missing_schedules(conn) or leases.hostless_schedules(conn))

    # --- page slots (the PageSlots protocol) ----------------------------------------

    async def take(self, host: str, want: int, wait: float | None = None) -> list[str]:
        """Up to `want` page slots on `host`, waiting up to `wait` s for a first one."""
        if want <= 0:
            return []

        async def take() -> list[str]:
            with self._lock:
                free = self.per_host - self._busy().get(host, 0)
                ids = [f"{host} {uuid.uuid4().hex}" for _ in range(max(0, min(want, free)))]
                self._pages[host] += len(ids)
            return ids

        return await take_waiting(take, self._freed, wait, 0.2)

    async def give_back(self, ids: Iterable[str]) -> None:
        """Free page slots."""
        with self._lock:
            for slot in ids:
                host = slot.rsplit(" ", 1)[0]
                self._pages[host] = max(0, self._pages[host] - 1)
        self._freed.set()

    def renew(self) -> None:
        """Nothing to renew: memory does not expire."""
