"""Process membership (docs/SPEC.md §9): who this daemon is, which projections it runs, and
the heartbeat that keeps its leases, host slots and registry record alive.

A daemon registers at start, takes whatever projection locks are free, renews every few
seconds (taking over the locks of a daemon that died) and hands everything back when it
stops; a killed daemon's leases, slots and locks expire instead.
"""

from __future__ import annotations

import asyncio
import os
import socket
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from sqlalchemy.exc import SQLAlchemyError

from monitor.clock import utcnow
from monitor.daemon.state import DaemonState
from monitor.logging import get_logger
from monitor.store import leases, locks

log = get_logger("daemon")


class Membership:
    """This daemon among the others sharing the database."""

    def __init__(
        self,
        state: DaemonState,
        *,
        polling: Callable[[], list[str]],
        renew_slots: Callable[[], None],
        on_takeover: Callable[[], None],
    ) -> None:
        self.state = state
        self.polling = polling
        self.renew_slots = renew_slots
        self.on_takeover = on_takeover
        self.identity = leases.ProcessInfo(
            id=state.worker,
            host=socket.gethostname(),
            pid=os.getpid(),
            started_at=utcnow(),
        )
        self.locks: locks.ProjectorLocks | None = None
        self.daemon_lock: leases.SingleDaemonLock | None = None
        # Lease renewals must not queue behind busy poll threads in the default executor.
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="coordinate")

    def claim_database(self) -> None:
        """First of all: a second daemon on one SQLite file must not touch it (StoreError)."""
        self.daemon_lock = leases.SingleDaemonLock.acquire(self.state.app.engine)

    def join(self) -> None:
        """Register this daemon and take whatever projection locks are free (blocking)."""
        state = self.state
        engine = state.app.engine
        self.locks = locks.ProjectorLocks(engine, [p.name for p in state.app.projections])
        now = utcnow()
        forget = now - timedelta(seconds=state.settings.forget_after)
        leases.forget_silent_processes(engine, forget)
        # Leases under our id are a dead predecessor's (a reused pid); on SQLite every lease
        # is, since this is the only daemon the file allows.
        predecessor = None if self.daemon_lock else state.worker
        leases.release_leases(engine, predecessor)
        leases.drop_slots(engine, predecessor)
        self.locks.refresh()
        leases.record_process(engine, self.identity, now, self.locks.held, self.locks.backend_pid)

    def leave(self) -> None:
        """Hand everything back at once (blocking)."""
        engine = self.state.app.engine
        try:
            leases.release_leases(engine, self.state.worker)
            leases.drop_slots(engine, self.state.worker)
            leases.unregister_process(engine, self.state.worker)
        except SQLAlchemyError:
            log.warning("could not release leases; they expire on their own", exc_info=True)
        if self.locks is not None:
            self.locks.close()
        if self.daemon_lock is not None:
            self.daemon_lock.release()

    def close(self) -> None:
        """Stop the coordination thread (shutdown)."""
        self._pool.shutdown(wait=False, cancel_futures=True)

    def owned_projections(self) -> frozenset[str]:
        """The projections this process runs (all of them when no locks are in play)."""
        if self.locks is None:
            return frozenset(p.name for p in self.state.app.projections)
        return self.locks.held

    async def coordinate(self) -> None:
        """Heartbeat, take over free projections, renew the leases of running polls."""
        loop = asyncio.get_running_loop()
        polling = self.polling()
        try:
            taken = await loop.run_in_executor(self._pool, self._coordinate, polling)
        except SQLAlchemyError as exc:
            # Every 2 s a small write: its failure is what /readyz reports (read-only file,
            # server gone); the pool has discarded the failed connections.
            self.state.write_failed("coordination", exc)
            return
        self.state.write_succeeded("coordination")
        if taken:
            log.info("projections taken over", projections=sorted(taken))
            self.on_takeover()

    def _coordinate(self, polling: list[str]) -> frozenset[str]:
        assert self.locks is not None
        engine = self.state.app.engine
        taken = self.locks.refresh()
        now = utcnow()
        leases.record_process(engine, self.identity, now, self.locks.held, self.locks.backend_pid)
        until = now + timedelta(seconds=self.state.settings.lease_seconds)
        leases.renew_leases(engine, self.state.worker, polling, until)
        self.renew_slots()
        return taken
