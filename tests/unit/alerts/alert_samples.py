"""Sample alerts written for these tests (figures from public reporting, wording our own)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from monitor.alerts.channels.base import Message

RAISED_AT = datetime(2024, 10, 7, 9, 30, tzinfo=UTC)


def claim(
    value: float | None,
    *,
    qualifier: str | None = None,
    approximate: bool = False,
    lower: float | None = None,
    upper: float | None = None,
    text: str = "",
    sentence: str = "",
    url: str = "https://news.example.org/articles/1",
) -> dict[str, Any]:
    """A CLAIM dict (docs/SPEC.md §4) with sensible defaults."""
    return {
        "value": value,
        "lower": lower,
        "upper": upper,
        "qualifier": qualifier,
        "approximate": approximate,
        "unit": "artillery shells",
        "text": text,
        "sentence": sentence,
        "attribution": "South Korea's defence intelligence agency",
        "article": {
            "id": "art-1",
            "title": "Shell shipments keep growing, Seoul says",
            "url": url,
            "source": "Example Wire",
            "published_at": "2024-10-07T08:00:00+00:00",
        },
        "observed_at": "2024-10-07T09:00:00+00:00",
    }


PREVIOUS = claim(
    1_000_000,
    qualifier="more than",
    lower=1_000_000,
    text="more than a million",
    sentence="Lawmakers were told that more than a million shells had gone north.",
    url="https://news.example.org/articles/0",
)
CURRENT = claim(
    3_000_000,
    qualifier="about",
    approximate=True,
    text="about 3 million",
    sentence="Seoul now puts the total at about 3 million shells.",
)


def alert(
    alert_id: str = "alrt-0001",
    *,
    previous: dict[str, Any] | None = PREVIOUS,
    current: dict[str, Any] = CURRENT,
    previous_ids: tuple[str, ...] = (),
) -> Message:
    """A figure.changed message for the "nk-shells" figure."""
    data = {
        "alert_id": alert_id,
        "figure": {"name": "nk-shells", "label": "Artillery shells North Korea sent to Russia"},
        "previous": previous,
        "current": current,
        "direction": "first" if previous is None else "up",
        "story": {
            "id": "story-9",
            "title": "Seoul revises shell estimate",
            "sources": ["Example Wire", "Daily Sample"],
        },
    }
    return Message(alert_id, "figure.changed", RAISED_AT, data, "nk-shells", previous_ids)


def probe_message(alert_id: str = "test-0001") -> Message:
    """A monitor.test message as `monitor alerts test` sends it."""
    return Message(alert_id, "monitor.test", RAISED_AT, {"alert_id": alert_id})
