"""Pure, independent work of a projection batch on every core: a process pool.

Only functions of their arguments run here (main-text extraction of each article), and the
results come back in input order, so the projection applies them in log order exactly as
if they had been computed in-process: a replay is identical either way. Small batches stay
in-process (a pool only pays for itself on a backlog), and so do batches of little work:
a feed's summary takes about 0.2 ms to extract, less than sending it to a worker and back,
while a fetched page takes tens of milliseconds. `MONITOR_WORKERS=0` (or one core) keeps
everything in-process.
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from monitor.cores import spawn_pool, workers
from monitor.logging import get_logger

In = TypeVar("In")
Out = TypeVar("Out")

MIN_BATCH = 16  # items below which the pool is not worth a round trip
# Work (in the caller's unit: bytes of markup for extraction, about 0.4 ms of CPU per KiB)
# below which a batch runs in-process: 1 MiB is about 0.4 s of extraction. The same floor
# holds when the caller takes results as they come (ordered_iter): a lower one (64 KiB, a
# daemon batch) was measured to double the stories replay's CPU for no gain in the soak's lag.
MIN_WORK = 1 << 20
_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None


def _get_pool() -> ProcessPoolExecutor | None:
    global _pool
    with _lock:
        if _pool is None and workers() > 1:
            _pool = spawn_pool(workers())
            atexit.register(shutdown)
        return _pool


def shutdown() -> None:
    """Stop the worker processes (at exit; a later call starts new ones)."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)


def _pays(items: Sequence[In], weight: Callable[[In], int] | None) -> bool:
    return len(items) >= MIN_BATCH and (weight is None or sum(map(weight, items)) >= MIN_WORK)


def ordered_map(
    fn: Callable[[In], Out], items: Sequence[In], weight: Callable[[In], int] | None = None
) -> list[Out]:
    """[fn(x) for x in items], computed on the pool when it pays; `fn` must be pure and
    importable (a module-level function). With `weight` (the work of one item), a batch
    weighing less than MIN_WORK in all stays in-process."""
    pool = _get_pool() if _pays(items, weight) else None
    if pool is None:
        return [fn(item) for item in items]
    chunk = max(1, len(items) // (4 * workers()))
    try:
        return list(pool.map(fn, items, chunksize=chunk))
    except BrokenProcessPool:
        get_logger("projections").warning("worker processes died; extracting in-process")
        shutdown()
        return [fn(item) for item in items]


def ordered_iter(
    fn: Callable[[In], Out], items: Sequence[In], weight: Callable[[In], int] | None = None
) -> Iterator[Out]:
    """:func:`ordered_map` as results come: the caller works on the first results while the
    workers compute the rest (in-process, each is computed when it is asked for); it pays
    from the same MIN_WORK of work."""
    pool = _get_pool() if _pays(items, weight) else None
    if pool is None:
        yield from map(fn, items)
        return
    # Small chunks: the first results come back soon, so the caller is not kept waiting.
    chunk = max(1, min(32, len(items) // (4 * workers())))
    done = 0
    try:
        for result in pool.map(fn, items, chunksize=chunk):
            yield result
            done += 1
    except BrokenProcessPool:
        get_logger("projections").warning("worker processes died; computing in-process")
        shutdown()
        yield from map(fn, items[done:])
