"""Near-duplicate fingerprints: shingles, MinHash/LSH keys and containment."""

from __future__ import annotations

import os
import subprocess
import sys
from hashlib import blake2b

import numpy as np
import pytest

from monitor.text.fingerprint import (
    NUM_BANDS,
    ROWS_PER_BAND,
    band_keys,
    containment,
    fingerprint,
    jaccard,
    minhash,
    shingle_hashes,
    shingles_from_bytes,
)

ORIGINAL = (
    "Harbour pilots in Valmora walked off the job on Monday after talks over night-shift pay "
    "collapsed, leaving forty container ships waiting at anchor outside the breakwater. "
    "The port authority said about 12,000 containers were delayed and that perishable cargo "
    "was being diverted to Castelbruno, two hundred kilometres down the coast. "
    "Union leaders said the pilots would stay out until the operator restored the overtime "
    "rate it cut in March, while the operator called the walkout unlawful and went to court."
)
OTHER_EVENT = (
    "A regional court in Castelbruno ordered the city's largest bakery chain to repay "
    "customers who bought loyalty vouchers that were never honoured, in a ruling that "
    "consumer groups hailed as overdue. The chain said it would appeal and blamed a software "
    "supplier for cancelling the scheme without notice. About 3,000 families are owed money."
)


@pytest.fixture
def wrapped_copy() -> str:
    """A re-post: new headline block, sharing prompts around the untouched original."""
    return (
        "TRENDING NOW | Share this story with your friends and family\n"
        f"{ORIGINAL}\n"
        "Click here to subscribe to our newsletter for more shocking updates."
    )


def test_a_text_always_gets_the_same_fingerprint() -> None:
    first, second = fingerprint(ORIGINAL), fingerprint(ORIGINAL)
    assert first.band_keys == second.band_keys
    assert np.array_equal(first.shingles, second.shingles)
    assert len(first.band_keys) == NUM_BANDS


def test_fingerprints_do_not_depend_on_the_process_hash_seed() -> None:
    script = (
        "from monitor.text.fingerprint import fingerprint;"
        f"print(fingerprint({ORIGINAL!r}).band_keys)"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert outputs == {f"{fingerprint(ORIGINAL).band_keys}\n"}


def test_a_wrapped_copy_contains_the_original_and_shares_lsh_bands(wrapped_copy: str) -> None:
    original, copy = fingerprint(ORIGINAL), fingerprint(wrapped_copy)
    assert containment(original.shingles, copy.shingles) == 1.0
    assert set(original.band_keys) & set(copy.band_keys)


def test_a_copy_with_its_tail_trimmed_is_still_contained() -> None:
    trimmed = ORIGINAL[: ORIGINAL.index("Union leaders")]
    assert containment(shingle_hashes(trimmed), shingle_hashes(ORIGINAL)) == 1.0
    assert jaccard(shingle_hashes(trimmed), shingle_hashes(ORIGINAL)) < 0.8


def test_layout_and_case_do_not_change_shingles() -> None:
    reflowed = ORIGINAL.upper().replace(". ", ".\n\n")
    assert np.array_equal(shingle_hashes(reflowed), shingle_hashes(ORIGINAL))


def test_different_events_share_almost_no_shingles() -> None:
    a, b = fingerprint(ORIGINAL), fingerprint(OTHER_EVENT)
    assert containment(a.shingles, b.shingles) < 0.05
    assert not set(a.band_keys) & set(b.band_keys)


def test_shingles_survive_a_round_trip_through_bytes() -> None:
    fp = fingerprint(ORIGINAL)
    assert np.array_equal(shingles_from_bytes(fp.to_bytes()), fp.shingles)


def test_texts_shorter_than_a_shingle_still_get_one() -> None:
    assert shingle_hashes("Port strike").size == 1
    assert shingle_hashes("").size == 0
    assert containment(shingle_hashes(""), shingle_hashes(ORIGINAL)) == 0.0


def test_a_band_key_hashes_the_band_number_and_that_bands_rows() -> None:
    # Stored keys must never change: band b is blake2b of b (2 bytes, little-endian) and
    # its rows of the signature as uint32 bytes, shifted to fit a signed BIGINT.
    signature = minhash(shingle_hashes(ORIGINAL))
    for band in (0, 3, NUM_BANDS - 1):
        rows = signature[band * ROWS_PER_BAND : (band + 1) * ROWS_PER_BAND]
        digest = blake2b(band.to_bytes(2, "little") + rows.tobytes(), digest_size=8).digest()
        assert band_keys(signature)[band] == int.from_bytes(digest, "little") >> 1
