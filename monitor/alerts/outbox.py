"""The outbox: alert and delivery rows, the projection that rebuilds them, the delivery scheduler.

Rows are written by folding events; the same fold runs live (the scheduler and the deliverer
update rows in the transaction that appends their event) and in the "outbox" projection, so a
rebuild from the log gives the live tables back.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, select, update

from monitor.alerts.messages import alert_from_payload, alert_payload
from monitor.events import AlertRaised, DeliveryRecorded, DeliveryScheduled
from monitor.projector.runner import ProjectionRunner
from monitor.store.checkpoints import CheckpointConflict
from monitor.store.db import as_utc as utc
from monitor.store.db import upsert
from monitor.store.eventlog import SqlEventLog, StoredEvent
from monitor.store.tables_outbox import alerts, deliveries

PROJECTION_NAME = "outbox"
SCHEDULER_NAME = "outbox_scheduler"

PENDING, DELIVERED, FAILED, DEAD = "pending", "delivered", "failed", "dead"
RETRYABLE = frozenset({FAILED, DEAD})

_NEXT_ATTEMPT = re.compile(r"^(?P<reason>.*) \(next attempt (?P<at>\S+)\)$", re.DOTALL)


# --- the retry time travels in the event ------------------------------------------------


def with_next_attempt(reason: str, next_at: datetime) -> str:
    """A retry's error text carrying its next attempt time.

    DeliveryRecorded has no field for it, and recomputing it on replay would need the
    receiver's Retry-After and today's schedule; written here, the log alone fixes the row.
    """
    return f"{reason} (next attempt {utc(next_at).isoformat()})"


def split_next_attempt(error: str | None) -> tuple[str | None, datetime | None]:
    """(reason, next attempt time) from an error written by `with_next_attempt`."""
    if error is None:
        return None, None
    found = _NEXT_ATTEMPT.match(error)
    if found is None:
        return error, None
    try:
        return found["reason"], utc(datetime.fromisoformat(found["at"]))
    except ValueError:
        return error, None


# --- folding events into rows -------------------------------------------------------------


def record_alert(conn: Connection, position: int, alert: AlertRaised) -> None:
    """Insert the alerts row of an AlertRaised (a no-op when it is there)."""
    upsert(
        conn,
        alerts,
        {
            "alert_id": alert.alert_id,
            "figure": alert.figure,
            "label": alert.label,
            "direction": alert.direction,
            "raised_at": utc(alert.raised_at),
            "position": position,
            "payload": alert_payload(alert),
        },
        ["alert_id"],
    )


def schedule_delivery(conn: Connection, event: DeliveryScheduled) -> None:
    """Insert a pending delivery row, due at `scheduled_at` (a no-op when it is there)."""
    upsert(
        conn,
        deliveries,
        {
            "alert_id": event.alert_id,
            "channel": event.channel,
            "state": PENDING,
            "attempts": 0,
            "requeued_after": 0,
            "first_attempt_at": None,
            "last_attempt_at": None,
            "next_attempt_at": utc(event.scheduled_at),
            "last_error": None,
            "claimed_by": None,
            "claimed_until": None,
        },
        ["alert_id", "channel"],
    )


def requeue_record(alert_id: str, channel: str, attempts: int, at: datetime) -> DeliveryRecorded:
    """An operator requeue after `attempts` attempts.

    It is numbered `-attempts`: not an attempt itself, yet unique in the delivery's history
    (event ids derive from the number), and requeueing twice with no attempt between is the
    same fact. Attempt numbers keep counting up afterwards; the retry schedule and its 3-day
    window restart from the requeue.
    """
    return DeliveryRecorded(alert_id, channel, -attempts, PENDING, None, utc(at))


def apply_recorded(conn: Connection, event: DeliveryRecorded, *, release_claim: bool) -> bool:
    """Fold an attempt's result (or a requeue) into its row; records older than the row are ignored.

    The guard sits in the UPDATE's WHERE, so it holds against a concurrent writer. Only the
    deliverer releases claims: the projection re-applying a record must not free a row that
    another worker has claimed since.
    """
    d = deliveries.c
    at = utc(event.at)
    values: dict[str, Any]
    if event.attempt <= 0:
        made = -event.attempt
        values = {
            "state": PENDING,
            "attempts": made,
            "requeued_after": made,
            "first_attempt_at": None,
            "next_attempt_at": at,
        }
        newer = d.attempts <= made
    else:
        reason, next_at = split_next_attempt(event.error)
        values = {
            "state": event.state,
            "attempts": event.attempt,
            "first_attempt_at": func.coalesce(d.first_attempt_at, at),
            "last_attempt_at": at,
            "next_attempt_at": (next_at or at) if event.state == PENDING else None,
            "last_error": reason,
        }
        newer = (d.attempts < event.attempt) | (
            (d.attempts == event.attempt) & (d.requeued_after < event.attempt)
        )
    if release_claim:
        values.update(claimed_by=None, claimed_until=None)
    result = conn.execute(
        update(deliveries)
        .where(d.alert_id == event.alert_id, d.channel == event.channel, newer)
        .values(**values)
    )
    return bool(result.rowcount)


class OutboxProjection:
    """Read model "outbox": alerts and deliveries, rebuildable from the log."""

    name = PROJECTION_NAME
    tables = (alerts, deliveries)

    def apply(self, conn: Connection, stored: StoredEvent) -> None:
        """Fold AlertRaised, DeliveryScheduled and DeliveryRecorded; ignore everything else."""
        event = stored.event
        if isinstance(event, AlertRaised):
            record_alert(conn, stored.position, event)
        elif isinstance(event, DeliveryScheduled):
            schedule_delivery(conn, event)
        elif isinstance(event, DeliveryRecorded):
            apply_recorded(conn, event, release_claim=False)


# --- the scheduler (a reactor) ------------------------------------------------------------


class OutboxScheduler:
    """Reactor: one DeliveryScheduled per configured channel for every new AlertRaised.

    Not a read model and never rebuilt by `monitor replay`: its checkpoint records which
    alerts were already handed to the outbox, so neither a replay nor a channel added to
    the config later sends old alerts again.
    """

    name = SCHEDULER_NAME
    tables: tuple[Any, ...] = ()

    def __init__(self, log: SqlEventLog, channels: Sequence[str]) -> None:
        self.log = log
        self.channels = tuple(channels)
        self.scheduled = 0

    def apply(self, conn: Connection, stored: StoredEvent) -> None:
        """Schedule one event's deliveries."""
        self.apply_batch(conn, [stored])

    def apply_batch(self, conn: Connection, batch: Sequence[StoredEvent]) -> None:
        """Append the batch's DeliveryScheduled events and write their rows, in one transaction."""
        raised = [(s.position, s.event) for s in batch if isinstance(s.event, AlertRaised)]
        scheduled = [
            DeliveryScheduled(alert.alert_id, channel, alert.raised_at)
            for _, alert in raised
            for channel in self.channels
        ]
        self.scheduled += self.log.append(scheduled, conn=conn).appended
        # Rows now, so the deliverer need not wait for the outbox projection.
        for position, alert in raised:
            record_alert(conn, position, alert)
        for event in scheduled:
            schedule_delivery(conn, event)


def schedule_new_alerts(engine: Engine, log: SqlEventLog, channels: Sequence[str]) -> int:
    """Hand alerts raised since the last call to the outbox; returns deliveries scheduled."""
    scheduler = OutboxScheduler(log, channels)
    # A conflict means another process is scheduling these alerts right now; it finishes them.
    with contextlib.suppress(CheckpointConflict):
        ProjectionRunner(engine, log, scheduler).catch_up()
    return scheduler.scheduled


# --- reading ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DeliveryRow:
    """One delivery's current state."""

    alert_id: str
    channel: str
    state: str
    attempts: int
    first_attempt_at: datetime | None
    last_attempt_at: datetime | None
    next_attempt_at: datetime | None
    last_error: str | None


@dataclass(frozen=True)
class AlertRecord:
    """A raised alert with its deliveries."""

    alert: AlertRaised
    position: int
    deliveries: tuple[DeliveryRow, ...]


def _maybe_utc(moment: datetime | None) -> datetime | None:
    return None if moment is None else utc(moment)


def _delivery(row: Any) -> DeliveryRow:
    return DeliveryRow(
        alert_id=row.alert_id,
        channel=row.channel,
        state=row.state,
        attempts=row.attempts,
        first_attempt_at=_maybe_utc(row.first_attempt_at),
        last_attempt_at=_maybe_utc(row.last_attempt_at),
        next_attempt_at=_maybe_utc(row.next_attempt_at),
        last_error=row.last_error,
    )


def list_alerts(conn: Connection, alert_id: str | None = None) -> list[AlertRecord]:
    """Alerts newest first (or just `alert_id`), each with its deliveries by channel."""
    query = select(alerts).order_by(alerts.c.position.desc())
    if alert_id is not None:
        query = query.where(alerts.c.alert_id == alert_id)
    rows = conn.execute(query).all()
    wanted = select(deliveries).order_by(deliveries.c.channel)
    if alert_id is not None:
        wanted = wanted.where(deliveries.c.alert_id == alert_id)
    by_alert: dict[str, list[DeliveryRow]] = {}
    for row in conn.execute(wanted):
        by_alert.setdefault(row.alert_id, []).append(_delivery(row))
    return [
        AlertRecord(alert_from_payload(r.payload), r.position, tuple(by_alert.get(r.alert_id, ())))
        for r in rows
    ]


def earlier_alert_ids(conn: Connection, figures: Sequence[str]) -> dict[str, list[tuple[int, str]]]:
    """(position, alert id) of every alert of these figures, oldest first, by figure."""
    found: dict[str, list[tuple[int, str]]] = {}
    query = (
        select(alerts.c.figure, alerts.c.position, alerts.c.alert_id)
        .where(alerts.c.figure.in_(sorted(set(figures))))
        .order_by(alerts.c.position)
    )
    for figure, position, alert_id in conn.execute(query):
        found.setdefault(figure, []).append((position, alert_id))
    return found


def requeue(engine: Engine, log: SqlEventLog, alert_id: str, at: datetime) -> list[str]:
    """Requeue an alert's failed and dead deliveries, due at `at`; returns their channels.

    LookupError when no such alert exists.
    """
    d = deliveries.c
    with engine.begin() as conn:
        known = conn.execute(select(alerts.c.alert_id).where(alerts.c.alert_id == alert_id))
        if known.first() is None:
            raise LookupError(f"no alert {alert_id!r}")
        rows = conn.execute(
            select(d.channel, d.attempts)
            .where(d.alert_id == alert_id, d.state.in_(sorted(RETRYABLE)))
            .order_by(d.channel)
        ).all()
        requeued = []
        for channel, attempts in rows:
            record = requeue_record(alert_id, channel, attempts, at)
            if log.append([record], conn=conn).appended:
                apply_recorded(conn, record, release_claim=True)
                requeued.append(channel)
        return requeued
