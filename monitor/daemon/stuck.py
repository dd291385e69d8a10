"""Leaving in time: end the process when worker threads are still busy at the stop deadline.

Their transactions are uncommitted, so ending the process rolls them back, exactly as after
kill -9; joining them could outlast systemd's stop timeout.
"""

from __future__ import annotations

import os
import sys
import threading
import time

from monitor.logging import get_logger

log = get_logger("daemon")


def busy_threads() -> list[threading.Thread]:
    """Non-daemon threads other than this one that are running work (idle pool workers
    block in their queue and are ended by the executor's own shutdown)."""
    me = threading.current_thread()
    return [t for t in threading.enumerate() if t is not me and not t.daemon and _working(t)]


def _working(thread: threading.Thread) -> bool:
    names: list[str] = []  # innermost call first
    frame = sys._current_frames().get(thread.ident or -1)
    while frame is not None:
        names.append(frame.f_code.co_name)
        frame = frame.f_back
    if "_worker" in names:  # a concurrent.futures worker: busy when inside WorkItem.run
        at = names.index("_worker")
        return at > 0 and names[at - 1] == "run"
    return thread.is_alive()


def exit_if_stuck(deadline: float, code: int) -> None:
    """Leave now (`os._exit`) if busy worker threads are left at `deadline` (monotonic s)."""
    while time.monotonic() < deadline:
        if not busy_threads():
            return
        time.sleep(0.05)
    log.warning("exiting with worker threads still blocked", threads=len(busy_threads()))
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
