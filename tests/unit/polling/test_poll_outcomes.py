"""A poll's answer, interpreted without I/O: the event it records, when the feed is polled
next, and how much of a long list of changed entries one poll takes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, cast

from monitor.events import FeedFailed, FeedGone
from monitor.polling.decisions import Decision
from monitor.polling.feed_poll import FeedToPoll
from monitor.polling.fetcher import FetchError, FetchResult, Validators
from monitor.polling.outcomes import (
    BACKLOG_DELAY,
    failure_event,
    next_poll_at,
    one_line,
    polled_event,
    retry_at,
    take,
)

NOW = datetime(2026, 1, 1, tzinfo=UTC)
FEED = FeedToPoll("https://example.org/feed", "Example", interval=600.0)


def _result(**kw: Any) -> FetchResult:
    fields: dict[str, Any] = {
        "url": FEED.url,
        "final_url": FEED.url,
        "permanent_redirect": False,
        "status": 200,
        "not_modified": False,
        "body": b"",
        "content_type": "application/rss+xml",
        "validators": Validators("etag-1", None, None),
        "retry_after": None,
        "max_age": None,
        "elapsed": 0.1,
    }
    return FetchResult(**{**fields, **kw})


def _decisions(n: int) -> list[Decision]:
    return [cast(Decision, object()) for _ in range(n)]


def test_a_410_is_recorded_as_the_feed_gone() -> None:
    event = failure_event(FEED.url, FetchError("http_status", "gone", status=410), NOW, 1)
    assert isinstance(event, FeedGone) and event.status == 410


def test_any_other_failure_is_a_feed_failed_with_its_cause_masked_on_one_line() -> None:
    exc = FetchError("http_status", "https://u:secret@example.org/feed\nanswered 500", status=500)
    event = failure_event(FEED.url, exc, NOW, 3)
    assert isinstance(event, FeedFailed)
    assert "\n" not in event.message and "secret" not in event.message
    assert (event.reason, event.status, event.consecutive_failures) == ("http_status", 500, 3)


def test_an_exception_becomes_one_line_naming_its_type() -> None:
    assert one_line(ValueError("bad\nvalue")).startswith("ValueError: bad")
    assert "\n" not in one_line(ValueError("bad\nvalue"))


def test_a_polled_event_carries_the_answer_and_the_counts() -> None:
    event = polled_event(FEED, _result(), NOW, "Title", 10, 2, 1, ["odd date"])
    assert (event.title, event.entries, event.new, event.revised) == ("Title", 10, 2, 1)
    assert event.warnings == ("odd date",)


def test_a_feed_that_answered_is_polled_after_its_interval_or_its_retry_after() -> None:
    soon = next_poll_at(FEED, _result(), NOW, rand=0.5)
    assert NOW < soon <= NOW + timedelta(seconds=FEED.interval * 2)
    later = next_poll_at(FEED, _result(retry_after=7200.0), NOW, rand=0.5)
    assert later >= NOW + timedelta(seconds=7200)


def test_a_failing_feed_backs_off_further_with_each_failure() -> None:
    exc = FetchError("timeout", "timed out")
    first = retry_at(FEED, exc, NOW, rand=0.5)
    tenth = retry_at(FeedToPoll(FEED.url, None, FEED.interval, 9), exc, NOW, rand=0.5)
    assert NOW < first < tenth


def test_a_poll_takes_every_changed_entry_up_to_its_limit_and_keeps_the_validators() -> None:
    taken = take(_decisions(3), 5, Validators("e", None, None), ("w",))
    assert (len(taken.decisions), taken.backlog, taken.warnings) == (3, 0, ("w",))
    assert taken.validators == Validators("e", None, None)
    assert taken.next_at(NOW + timedelta(hours=1), NOW) == NOW + timedelta(hours=1)


def test_entries_over_the_limit_wait_for_a_poll_soon_that_parses_the_document_again() -> None:
    taken = take(_decisions(8), 5, Validators("e", None, None), ())
    assert (len(taken.decisions), taken.backlog) == (5, 3)
    assert taken.validators == Validators()
    assert taken.warnings == ("3 more new or changed entries left for later polls",)
    soon = NOW + timedelta(seconds=BACKLOG_DELAY)
    assert taken.next_at(NOW + timedelta(hours=1), NOW) == soon
