"""Keeping the event loop free: blocking work in daemon threads, and a watch on the loop itself.

`in_thread` runs blocking work (database transactions, projections, a delivery round with
its own event loop) on a fresh daemon thread: the loop only awaits the result, and a
shutdown never has to wait for such work to end (an unfinished transaction is rolled back
when the process exits, as after kill -9).

`LoopWatch` has the loop touch a timestamp every `beat` seconds and a watcher thread check
it: when the loop has not run for `limit` seconds it logs "event loop blocked" with the
loop thread's innermost frame, once, and "event loop responsive again" when it recovers.
The watchdog (WATCHDOG=1) is sent from the loop, so a blocked loop also stops it.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
import threading
import time
import traceback
from collections.abc import Callable
from typing import TypeVar

from monitor.logging import get_logger

T = TypeVar("T")
log = get_logger("daemon")


async def in_thread(name: str, fn: Callable[[], T]) -> T:
    """Run `fn` on a new daemon thread and await its result from the loop."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(value: T | None, error: BaseException | None) -> None:
        if future.done():
            return  # the awaiting task was cancelled meanwhile
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(value)  # type: ignore[arg-type]

    def target() -> None:
        try:
            value = fn()
        except BaseException as exc:  # handed to the awaiting task, re-raised there
            error: BaseException | None = exc
            value = None
        else:
            error = None
        # A closed loop means the daemon is exiting and nobody waits any more.
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(settle, value, error)

    threading.Thread(target=target, name=name, daemon=True).start()
    return await future


class LoopWatch:
    """Notices (and logs) an event loop that stopped running callbacks."""

    def __init__(self, *, beat: float = 0.5, limit: float = 5.0) -> None:
        self.beat = beat
        self.limit = limit
        self.last = time.monotonic()
        self.blocked_since: float | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._loop_thread: int | None = None
        self._closed = threading.Event()

    def start(self) -> None:
        """Begin beating on the running loop and watching from a thread."""
        self._loop = asyncio.get_running_loop()
        self._loop_thread = threading.get_ident()
        self._loop.call_soon(self._touch)
        threading.Thread(target=self._watch, name="loop-watch", daemon=True).start()

    def stop(self) -> None:
        """Stop watching."""
        self._closed.set()

    def healthy(self) -> bool:
        """Whether the loop ran a callback within the last `limit` seconds."""
        return time.monotonic() - self.last < self.limit

    def _touch(self) -> None:
        self.last = time.monotonic()
        if not self._closed.is_set() and self._loop is not None:
            self._loop.call_later(self.beat, self._touch)

    def _watch(self) -> None:
        while not self._closed.wait(self.beat):
            stale = time.monotonic() - self.last
            if stale >= self.limit and self.blocked_since is None:
                self.blocked_since = self.last
                log.error(
                    "event loop blocked: watchdog withheld",
                    seconds=round(stale, 1),
                    where=self._where(),
                )
            elif stale < self.limit and self.blocked_since is not None:
                log.warning(
                    "event loop responsive again",
                    blocked_seconds=round(time.monotonic() - self.blocked_since, 1),
                )
                self.blocked_since = None

    def _where(self) -> str:
        frame = sys._current_frames().get(self._loop_thread or -1)
        if frame is None:
            return "unknown"
        stack = traceback.extract_stack(frame)[-3:]
        return " <- ".join(f"{f.filename}:{f.lineno} {f.name}" for f in reversed(stack))
