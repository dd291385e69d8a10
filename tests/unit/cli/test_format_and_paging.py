"""The table formatters and the paging rule, as pure functions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from monitor.cli.format import age, plural, short_id, shorten
from monitor.cli.ids import distinct_prefixes
from monitor.cli.paging import query_page, slice_page

NOW = datetime(2024, 9, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("count", "noun", "expected"),
    [
        (1, "feed", "1 feed"),
        (2, "feed", "2 feeds"),
        (3, "story", "3 stories"),
        (1, "copy", "1 copy"),
        (2, "new article", "2 new articles"),
        (2, "alert delivery", "2 alert deliveries"),
        (1_234, "claim", "1,234 claims"),
    ],
)
def test_plurals(count: int, noun: str, expected: str) -> None:
    assert plural(count, noun) == expected


@pytest.mark.parametrize(
    ("delta", "expected"),
    [
        (timedelta(seconds=20), "just now"),
        (timedelta(minutes=5), "5 min ago"),
        (timedelta(hours=3, minutes=59), "3 h ago"),
        (timedelta(days=10), "10 d ago"),
        (timedelta(days=61), ""),
        (-timedelta(minutes=42), "in 42 min"),
    ],
)
def test_ages(delta: timedelta, expected: str) -> None:
    assert age(NOW - delta, NOW) == expected


def test_display_ids_keep_the_kind_and_lengthen_only_to_tell_apart() -> None:
    story = "s-fc402e0b-cb21-529e-ad11-f4821b9ed451"
    assert short_id(story) == "s-fc402e0b"
    assert short_id("7e808408-e79c-521c-8d52-d7d03f6bd02b") == "7e808408"
    twins = ["s-fc402e0b-aaaa", "s-fc402e0b-bbbb"]
    assert distinct_prefixes(twins) == ["s-fc402e0b-a", "s-fc402e0b-b"]


def test_shorten_cuts_at_a_word() -> None:
    assert shorten("one two  three\nfour", 30) == "one two three four"
    assert shorten("one two three four", 12) == "one two…"


ROWS = ["a", "b", "b", "c", "d", "e"]


def test_slice_pages_follow_each_other_and_never_cut_a_key_in_two() -> None:
    first = slice_page(ROWS, str, 2, None, None)
    assert first.items == ["a", "b", "b"] and first.more_after and not first.more_before
    second = slice_page(ROWS, str, 2, first.items[-1], None)
    assert second.items == ["c", "d"] and second.more_after and second.more_before
    back = slice_page(ROWS, str, 2, None, "c")
    assert back.items == ["b", "b"] and back.more_after and back.more_before
    whole = slice_page(ROWS, str, 1, None, "c")
    assert whole.items == ["b", "b"]  # both rows of "b", though the limit is 1
    last = slice_page(ROWS, str, 5, "d", None)
    assert last.items == ["e"] and not last.more_after


def test_query_pages_go_back_by_reading_from_the_top() -> None:
    rows = [str(n) for n in range(1200)]

    def fetch(n: int, last: str | None) -> list[str]:
        start = 0 if last is None else rows.index(last) + 1
        return rows[start : start + n]

    nxt = query_page(fetch, str, 3, "9", None)
    assert nxt.items == ["10", "11", "12"] and nxt.more_after and nxt.more_before
    prev = query_page(fetch, str, 3, None, "1100")
    assert prev.items == ["1097", "1098", "1099"] and prev.more_before and prev.more_after
    top = query_page(fetch, str, 3, None, "2")
    assert top.items == ["0", "1"] and not top.more_before
