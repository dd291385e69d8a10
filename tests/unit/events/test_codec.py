"""The event codec: round trips, deterministic ids, upcasting, clear decode errors."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from monitor.events import DecodeError, FeedAdded, FeedFailed, decode, encode

T0 = datetime(2024, 2, 27, 8, 0, tzinfo=UTC)


def feed_added(url: str = "https://example.org/rss") -> FeedAdded:
    return FeedAdded(url=url, name="Example", interval=600.0, origin="cli", added_at=T0)


def test_an_event_survives_encode_and_decode_unchanged() -> None:
    event = FeedFailed(
        url="https://example.org/rss",
        failed_at=T0,
        reason="timeout",
        message="no answer within 20s",
        status=None,
        retry_after=None,
        consecutive_failures=3,
    )
    assert decode(*encode(event)) == event


def test_the_same_fact_always_gets_the_same_id_and_a_different_fact_another() -> None:
    assert feed_added().event_id == feed_added().event_id
    assert feed_added().event_id != feed_added("https://other.example/rss").event_id


def test_payloads_are_canonical_json() -> None:
    _, _, payload = encode(feed_added())
    assert payload == json.dumps(json.loads(payload), sort_keys=True, separators=(",", ":"))


def test_a_stored_v1_payload_is_read_back_as_the_current_version() -> None:
    v1 = json.dumps(
        {
            "url": "https://example.org/rss",
            "name": None,
            "interval": None,
            "added_at": T0.isoformat(),
        }
    )
    event = decode("FeedAdded", 1, v1)
    assert isinstance(event, FeedAdded)
    assert event.origin == "cli"
    assert event.source is None  # v2 → v3: which config file declared it was not recorded
    assert event.VERSION == 3
    assert event.added_at == T0


@pytest.mark.parametrize(
    ("type_name", "version", "payload", "message"),
    [
        ("NoSuchEvent", 1, "{}", "unknown event type 'NoSuchEvent'"),
        ("FeedAdded", 9, "{}", "newer than this code"),
        ("FeedAdded", 2, "{not json", "payload is not JSON"),
        ("FeedAdded", 2, '{"url": "u", "bogus": 1}', "unexpected fields ['bogus']"),
        ("FeedAdded", 3, '{"url": "u"}', "FeedAdded v3"),
    ],
)
def test_undecodable_payloads_raise_a_clear_error(
    type_name: str, version: int, payload: str, message: str
) -> None:
    with pytest.raises(DecodeError, match=message.replace("[", r"\[").replace("]", r"\]")):
        decode(type_name, version, payload)
