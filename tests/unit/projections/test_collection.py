"""The projector's garbage-collector settings: raised for a batch, always put back."""

from __future__ import annotations

import gc

import pytest

from monitor.projector.collection import BATCH_GEN0, batch_collection


def test_a_batch_raises_the_young_threshold_and_puts_it_back() -> None:
    before = gc.get_threshold()
    with batch_collection():
        assert gc.get_threshold()[0] == max(BATCH_GEN0, before[0])
        assert gc.get_threshold()[1:] == before[1:]
    assert gc.get_threshold() == before


def test_nested_batches_share_one_raise_undone_by_the_last() -> None:
    before = gc.get_threshold()
    with batch_collection():
        with batch_collection():
            pass
        assert gc.get_threshold()[0] == max(BATCH_GEN0, before[0])
    assert gc.get_threshold() == before


def test_a_failing_batch_still_puts_the_threshold_back() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), batch_collection():
        raise RuntimeError("poison")
    assert gc.get_threshold() == before
