"""Near-duplicate fingerprints: word shingles, MinHash signatures and LSH band keys.

Everything here is a pure, deterministic function of the text: token hashes come
from blake2b (never Python's salted ``hash()``), MinHash permutations from fixed
seeds, so a replay on another machine or process yields the same keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from hashlib import blake2b

import numpy as np
import numpy.typing as npt

_WORD = re.compile(r"\w+", re.UNICODE)
_U64 = np.uint64
_SHINGLE_BASE = _U64(0x9E3779B97F4A7C15)

SHINGLE_SIZE = 5
"""Words per shingle: long enough that unrelated write-ups share almost none."""
NUM_BANDS = 32
"""LSH bands; with 3 rows each a pair with Jaccard 0.5 becomes a candidate 98.6% of the time."""
ROWS_PER_BAND = 3


@dataclass(frozen=True)
class Fingerprint:
    """Shingle set and LSH band keys of one text."""

    shingles: npt.NDArray[np.uint32]
    band_keys: tuple[int, ...]

    def to_bytes(self) -> bytes:
        """Serialise the shingle set (sorted little-endian uint32) for storage."""
        return shingles_to_bytes(self.shingles)


def words(text: str) -> list[str]:
    """Lower-cased word tokens of ``text`` (punctuation and layout ignored)."""
    return _WORD.findall(text.lower())


@lru_cache(maxsize=1 << 15)  # bounded: unique tokens (numbers, names) must not grow memory
def stable_hash64(token: str, person: bytes = b"monitor.fp") -> int:
    """A 64-bit hash of ``token`` that is identical in every process and on every machine."""
    return int.from_bytes(
        blake2b(token.encode("utf-8"), digest_size=8, person=person).digest(), "little"
    )


def shingle_hashes(text: str, size: int = SHINGLE_SIZE) -> npt.NDArray[np.uint32]:
    """Sorted unique 32-bit hashes of the ``size``-word shingles of ``text``."""
    tokens = words(text)
    if not tokens:
        return np.empty(0, dtype=np.uint32)
    # map() over the C-level lru_cache: no Python frame per token.
    token_hashes = np.fromiter(map(stable_hash64, tokens), dtype=_U64, count=len(tokens))
    width = min(size, len(token_hashes))
    count = len(token_hashes) - width + 1
    # Polynomial combination of the window; uint64 arithmetic wraps, which is what we want.
    combined = np.zeros(count, dtype=_U64)
    for offset in range(width):
        combined = combined * _SHINGLE_BASE + token_hashes[offset : offset + count]
    return np.unique((combined >> _U64(32)).astype(np.uint32))


def _permutation_params(count: int) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    """Fixed multiply-shift hash parameters (odd multipliers) derived from blake2b."""
    mult = np.array([stable_hash64(f"a{i}", b"monitor.mh") | 1 for i in range(count)], dtype=_U64)
    add = np.array([stable_hash64(f"b{i}", b"monitor.mh") for i in range(count)], dtype=_U64)
    return mult, add


_MULT, _ADD = _permutation_params(NUM_BANDS * ROWS_PER_BAND)


def minhash(shingles: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint32]:
    """MinHash signature (``NUM_BANDS * ROWS_PER_BAND`` values) of a shingle set."""
    if shingles.size == 0:
        return np.full(_MULT.size, np.iinfo(np.uint32).max, dtype=np.uint32)
    values = shingles.astype(_U64)[:, None] * _MULT[None, :] + _ADD[None, :]
    signature: npt.NDArray[np.uint32] = (values >> _U64(32)).min(axis=0).astype(np.uint32)
    return signature


_BAND_PREFIXES = tuple(band.to_bytes(2, "little") for band in range(NUM_BANDS))


def band_keys(signature: npt.NDArray[np.uint32]) -> tuple[int, ...]:
    """One 63-bit key per LSH band; the band index is mixed in so bands never collide.
    (A band's rows are hashed as their bytes, sliced from the signature's bytes at once.)"""
    raw = signature.tobytes()
    width = ROWS_PER_BAND * signature.itemsize
    keys = []
    for band, prefix in enumerate(_BAND_PREFIXES):
        digest = blake2b(prefix + raw[band * width : (band + 1) * width], digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little") >> 1)  # fits a signed BIGINT column
    return tuple(keys)


def fingerprint(text: str) -> Fingerprint:
    """Shingles and LSH band keys of ``text``."""
    shingles = shingle_hashes(text)
    return Fingerprint(shingles=shingles, band_keys=band_keys(minhash(shingles)))


def shingles_to_bytes(shingles: npt.NDArray[np.uint32]) -> bytes:
    """Serialise a sorted shingle set as little-endian uint32."""
    return shingles.astype("<u4").tobytes()


def shingles_from_bytes(blob: bytes) -> npt.NDArray[np.uint32]:
    """Inverse of :func:`shingles_to_bytes`."""
    return np.frombuffer(blob, dtype="<u4").astype(np.uint32)


def containment(a: npt.NDArray[np.uint32], b: npt.NDArray[np.uint32]) -> float:
    """Share of the smaller shingle set found in the larger (1.0 = one text holds the other)."""
    smaller = min(a.size, b.size)
    if smaller == 0:
        return 0.0
    return float(np.intersect1d(a, b, assume_unique=True).size) / smaller


def jaccard(a: npt.NDArray[np.uint32], b: npt.NDArray[np.uint32]) -> float:
    """Exact Jaccard similarity of two shingle sets."""
    union = np.union1d(a, b).size
    if union == 0:
        return 0.0
    return float(np.intersect1d(a, b, assume_unique=True).size) / union
