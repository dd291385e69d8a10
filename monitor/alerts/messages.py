"""Turn a raised alert (the event, or its stored row) into the Message channels send."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from monitor.alerts.channels.base import Message
from monitor.alerts.render import TEST_TEXT
from monitor.events import AlertRaised, decode, encode


def alert_data(alert: AlertRaised) -> dict[str, Any]:
    """The docs/SPEC.md §7 `data` object of a figure.changed webhook."""
    return {
        "alert_id": alert.alert_id,
        "figure": {"name": alert.figure, "label": alert.label},
        "previous": alert.previous,
        "current": alert.current,
        "direction": alert.direction,
        "story": alert.story,
    }


def alert_message(alert: AlertRaised, previous_ids: Sequence[str] = ()) -> Message:
    """A figure.changed message; `previous_ids` are earlier alerts of the figure, oldest first."""
    return Message(
        id=alert.alert_id,
        type="figure.changed",
        timestamp=alert.raised_at,
        data=alert_data(alert),
        thread_key=alert.figure,
        previous_ids=tuple(previous_ids),
    )


def alert_payload(alert: AlertRaised) -> str:
    """The event's fields as JSON text, for the alerts table."""
    return encode(alert)[2]


def alert_from_payload(payload: str) -> AlertRaised:
    """The AlertRaised stored in an alerts row."""
    event = decode(AlertRaised.TYPE, AlertRaised.VERSION, payload)
    assert isinstance(event, AlertRaised)
    return event


def probe_message(message_id: str, now: datetime, text: str = TEST_TEXT) -> Message:
    """A monitor.test message: proves a channel works; never recorded as an alert."""
    return Message(message_id, "monitor.test", now, {"alert_id": message_id, "message": text})


def payload_dict(payload: str) -> dict[str, Any]:
    """The stored payload as a plain dict (for JSON output)."""
    data: dict[str, Any] = json.loads(payload)
    return data
