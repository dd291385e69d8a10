"""Projection batches on SQLite grow with the backlog, within their bounds."""

from __future__ import annotations

from monitor.daemon.projector import batch_for


def test_a_projection_that_keeps_up_folds_in_small_batches() -> None:
    assert batch_for(0, 50, 400) == 50
    assert batch_for(120, 50, 400) == 50


def test_a_projection_behind_folds_a_quarter_of_its_backlog_at_a_time_up_to_the_cap() -> None:
    assert batch_for(1000, 50, 400) == 250
    assert batch_for(100_000, 50, 400) == 400
