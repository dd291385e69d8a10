"""Read queries over the alerts read model: SPEC-shaped JSON, newest first, in pages.

Used by `monitor alerts --json` and the web view (/alerts, /alerts.atom, /api/alerts), so
both faces show the same objects.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from monitor.alerts.messages import alert_from_payload
from monitor.alerts.outbox import AlertRecord, DeliveryRow, _delivery
from monitor.clock import iso
from monitor.store.tables_outbox import alerts, deliveries


def delivery_json(row: DeliveryRow) -> dict[str, Any]:
    """docs/SPEC.md §4 delivery entry (plus attempt times)."""
    return {
        "channel": row.channel,
        "state": row.state,
        "attempts": row.attempts,
        "last_error": row.last_error,
        "last_attempt_at": iso(row.last_attempt_at),
        "next_attempt_at": iso(row.next_attempt_at),
    }


def alert_json(record: AlertRecord) -> dict[str, Any]:
    """docs/SPEC.md §4 `alerts --json` entry (plus label, direction and story)."""
    alert = record.alert
    return {
        "id": alert.alert_id,
        "type": "figure.changed",
        "figure": alert.figure,
        "label": alert.label,
        "created_at": iso(alert.raised_at),
        "previous": alert.previous,
        "current": alert.current,
        "direction": alert.direction,
        "story": alert.story,
        "deliveries": [delivery_json(d) for d in record.deliveries],
    }


def alerts_page(conn: Connection, limit: int, before: str | None = None) -> list[AlertRecord]:
    """At most `limit` alerts, newest first, older than the alert `before` when given.

    Reads `limit` alert rows and their deliveries only (the cursor is the alert id, as
    stable as the alert itself); an unknown `before` gives an empty page.
    """
    query = select(alerts).order_by(alerts.c.position.desc()).limit(limit)
    if before is not None:
        cursor = conn.execute(
            select(alerts.c.position).where(alerts.c.alert_id == before)
        ).scalar_one_or_none()
        if cursor is None:
            return []
        query = query.where(alerts.c.position < cursor)
    rows = conn.execute(query).all()
    ids = [r.alert_id for r in rows]
    by_alert: dict[str, list[DeliveryRow]] = {}
    if ids:
        wanted = (
            select(deliveries)
            .where(deliveries.c.alert_id.in_(ids))
            .order_by(deliveries.c.alert_id, deliveries.c.channel)
        )
        for row in conn.execute(wanted):
            by_alert.setdefault(row.alert_id, []).append(_delivery(row))
    return [
        AlertRecord(alert_from_payload(r.payload), r.position, tuple(by_alert.get(r.alert_id, ())))
        for r in rows
    ]
