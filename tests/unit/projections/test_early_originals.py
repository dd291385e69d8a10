"""EarlyOriginals: each story's first originals, followed batch by batch."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from monitor.projections.early_originals import EarlyOriginals, Original

T0 = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)


def original(minute: int, position: int, title: str = "") -> Original:
    return (T0 + timedelta(minutes=minute), position, title or f"t{position}", f"a{position}")


def row(minute: int, position: int, copy_of: str | None = None, story: str = "s") -> dict[str, Any]:
    return {
        "story_id": story,
        "copy_of": copy_of,
        "event_time": T0 + timedelta(minutes=minute),
        "position": position,
        "title": f" t{position} ",
        "article_id": f"a{position}",
    }


def test_a_new_original_takes_its_place_in_story_order_and_the_list_stays_bounded() -> None:
    early = EarlyOriginals(size=3)
    early.remember("s", [original(0, 1), original(5, 2), original(9, 3)])
    early.fold([], [row(3, 7)])
    assert early.titles(["s"]) == {"s": ["t1", "t7", "t2"]}


def test_copies_and_unkept_stories_change_nothing() -> None:
    early = EarlyOriginals(size=3)
    early.remember("s", [original(0, 1)])
    early.fold([], [row(-5, 8, copy_of="a1"), row(0, 9, story="other")])
    assert early.titles(["s", "other"]) == {"s": ["t1"]}


def test_a_former_original_leaves_a_list_that_held_every_original() -> None:
    early = EarlyOriginals(size=3)
    early.remember("s", [original(0, 1), original(5, 2)])
    early.fold([("s", "a1")], [row(-1, 6)])
    assert early.titles(["s"]) == {"s": ["t6", "t2"]}


def test_a_full_list_losing_an_original_is_forgotten_the_next_one_is_unknown() -> None:
    early = EarlyOriginals(size=2)
    early.remember("s", [original(0, 1), original(5, 2)])
    early.fold([("s", "a2")], [])
    assert early.titles(["s"]) == {}


def test_everything_is_dropped_when_the_cluster_cache_was_cleared() -> None:
    early = EarlyOriginals(size=2)
    early.sync(1)
    early.remember("s", [original(0, 1)])
    early.sync(1)
    assert early.titles(["s"]) == {"s": ["t1"]}
    early.sync(2)
    assert early.titles(["s"]) == {}
