"""Content-addressed, compressed storage of raw bodies (feed HTML, fetched pages)."""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable

from sqlalchemy import Connection, select

from monitor.store.db import upsert
from monitor.store.tables import blobs


def blob_hash(data: bytes) -> str:
    """The address of `data`: its SHA-256 in hex."""
    return hashlib.sha256(data).hexdigest()


def put(conn: Connection, data: bytes) -> str:
    """Store `data` once (zlib-compressed) and return its hash."""
    digest = blob_hash(data)
    exists = conn.execute(select(blobs.c.hash).where(blobs.c.hash == digest)).first()
    if exists is None:
        upsert(
            conn,
            blobs,
            {"hash": digest, "size": len(data), "data": zlib.compress(data, 6)},
            ["hash"],
        )
    return digest


def put_many(conn: Connection, items: list[bytes]) -> list[str]:
    """Store several bodies with one lookup and one insert; returns their hashes in order."""
    digests = [blob_hash(data) for data in items]
    wanted = dict(zip(digests, items, strict=True))
    present = set(
        conn.execute(select(blobs.c.hash).where(blobs.c.hash.in_(list(wanted)))).scalars()
    )
    rows = [
        {"hash": h, "size": len(data), "data": zlib.compress(data, 6)}
        for h, data in wanted.items()
        if h not in present
    ]
    upsert(conn, blobs, rows, ["hash"])
    return digests


def put_text(conn: Connection, text: str | None) -> str | None:
    """Store a text as UTF-8; None stays None."""
    return None if text is None else put(conn, text.encode("utf-8"))


def get(conn: Connection, digest: str) -> bytes:
    """The bytes stored under `digest` (KeyError when absent)."""
    data = conn.execute(select(blobs.c.data).where(blobs.c.hash == digest)).scalar_one_or_none()
    if data is None:
        raise KeyError(f"blob {digest} is missing")
    return zlib.decompress(data)


def get_many(conn: Connection, digests: Iterable[str]) -> dict[str, bytes]:
    """The bytes stored under each of `digests` that exists, by digest (one query per 500)."""
    wanted = sorted(set(digests))
    found: dict[str, bytes] = {}
    for i in range(0, len(wanted), 500):
        query = select(blobs.c.hash, blobs.c.data).where(blobs.c.hash.in_(wanted[i : i + 500]))
        found.update((digest, zlib.decompress(data)) for digest, data in conn.execute(query))
    return found


def get_text(conn: Connection, digest: str | None) -> str | None:
    """A stored text, or None."""
    return None if digest is None else get(conn, digest).decode("utf-8", errors="replace")
