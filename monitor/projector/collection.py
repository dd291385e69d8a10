"""Garbage-collector settings for projecting: fewer young collections per batch, and the
fixed tables loaded once per process kept out of the collector's sight.

Folding a batch of articles allocates many short-lived containers (token lists, term
dicts, feature vectors) and few reference cycles, so CPython's default young-generation
threshold (700 allocations) runs a collection every few hundred tokens: about a tenth of
the stories projection's CPU. :func:`batch_collection` raises that threshold while a batch
is folded and puts it back afterwards. :func:`freeze_tables` moves everything alive now
(the gazetteer and word prior, imported modules) to the permanent generation, so the full
collections of a long-running process no longer walk them. Neither changes what is
projected: the collector only decides when unreachable cycles are freed.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

BATCH_GEN0 = 50_000
"""Young-generation threshold while a batch is folded (CPython's default: 700)."""

_lock = threading.Lock()
_depth = 0
_saved: tuple[int, int, int] = gc.get_threshold()


@contextmanager
def batch_collection(gen0: int = BATCH_GEN0) -> Iterator[None]:
    """Raise the young-generation threshold to ``gen0`` for the block; nested and
    concurrent blocks (projection threads) share one raise, undone by the last to leave."""
    global _depth, _saved
    with _lock:
        if _depth == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(max(gen0, _saved[0]), _saved[1], _saved[2])
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                gc.set_threshold(*_saved)


def freeze_tables() -> None:
    """Exempt everything alive now from later collections: call once the fixed tables
    (``gazetteer.load()``) are in memory, before the process starts its work."""
    gc.freeze()
