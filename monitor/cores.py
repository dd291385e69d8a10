"""Worker processes: how many this process may use, and a spawned pool whose workers end
with their parent. Shared by the projections' pool and the daemon's parse worker."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor

PARENT_CHECK = 1.0  # seconds between a worker's looks at whether its parent lives


def workers() -> int:
    """Worker processes to use: MONITOR_WORKERS, else the cores this process may run on."""
    configured = os.environ.get("MONITOR_WORKERS", "").strip()
    if configured.isdigit():
        return int(configured)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def spawn_pool(max_workers: int) -> ProcessPoolExecutor:
    """A pool of spawned workers. Spawn, not fork: the daemon has running threads (a held
    lock would be copied held), and a worker imports only what its function needs."""
    return ProcessPoolExecutor(
        max_workers=max_workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_watch_parent,
        initargs=(os.getpid(),),
    )


def _watch_parent(parent: int) -> None:
    """In each worker: end when the parent process is gone (killed, or `os._exit` after a
    stuck shutdown), instead of waiting forever for work that never comes."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
