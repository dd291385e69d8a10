"""Article features computed ahead, elsewhere, and kept until the stories projection asks.

:func:`~monitor.projections.article_features.article_features` is pure, so it may run
wherever the text first exists (the daemon's feed-parse worker, on the other core) and its
result be handed over. The hand-over is keyed by :func:`feature_key`, a digest of exactly
the inputs the function takes (title, text, source, link) and of the code that computes
it (:func:`code_version`): a key matches only when computing here would give the same
value, so a hit can never change an assignment. A miss (a replay, another process, an
evicted entry, a text the articles projection changed) computes as before.

The cache is bounded (least recently put goes first) and an entry is given out once
(:meth:`FeatureCache.take`): each article is placed once, so nothing is kept after use.
It lives in the process's memory only, never in the store.
"""

from __future__ import annotations

import functools
import hashlib
import threading
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the cache itself needs none of the feature code
    from monitor.projections.article_features import ArticleFeatures

CAPACITY = 2048
"""Entries held: a few seconds of a busy daemon's new articles, plus a first poll's burst."""

_PACKAGE = Path(__file__).resolve().parents[1]
_CODE = (
    "text",
    "projections/article_features.py",
    "projections/story_scorer.py",
    "projections/story_weights.json",
    "projections/shortlist.py",
)
"""What the features are computed from, below the package: every file there counts."""


def _code_digest() -> bytes:
    digest = hashlib.blake2b(digest_size=16)
    for part in _CODE:
        root = _PACKAGE / part
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for path in files:
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(_PACKAGE)).encode())
                digest.update(path.read_bytes())
    return digest.digest()


@functools.cache
def code_version() -> bytes:
    """A digest of the feature code and its data, read from disk once per process, at the
    first key (not at import: ~25 ms that commands which never key an article need not pay):
    a worker started from other code than the daemon's never hands over its features."""
    return _code_digest()


def feature_key(title: str, text: str, source: str, link: str | None) -> bytes:
    """The digest of the inputs of ``article_features(title, text, source, link)`` and of
    the code version: equal keys mean equal features."""
    digest = hashlib.blake2b(code_version(), digest_size=20)
    for part in (title, text, source, link):
        data = b"\x00" if part is None else b"\x01" + part.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.digest()


class FeatureCache:
    """Bounded, thread-safe map of :func:`feature_key` to features (see the module doc)."""

    def __init__(self, capacity: int = CAPACITY) -> None:
        self.capacity = capacity
        self._items: OrderedDict[bytes, ArticleFeatures] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._items)

    def put(self, key: bytes, features: ArticleFeatures) -> None:
        """Keep ``features`` under ``key``, dropping the oldest entries beyond capacity."""
        with self._lock:
            self._items[key] = features
            self._items.move_to_end(key)
            while len(self._items) > self.capacity:
                self._items.popitem(last=False)

    def take(self, key: bytes) -> ArticleFeatures | None:
        """The features under ``key``, removed from the cache; None when absent."""
        with self._lock:
            found = self._items.pop(key, None)
            if found is None:
                self.misses += 1
            else:
                self.hits += 1
            return found
