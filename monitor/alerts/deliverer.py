"""The delivery loop: claim due deliveries, send them concurrently, record each outcome.

Each outcome is recorded as a DeliveryRecorded event and applied to its row in one
transaction, right after its own attempt, so a crash loses at most the attempts in flight;
those are retried once their claim expires (docs/SPEC.md §9: the one unacknowledged retry allowed).
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, or_, select, update

from monitor.alerts.channels.base import Channel, Message, Outcome
from monitor.alerts.messages import alert_from_payload, alert_message
from monitor.alerts.outbox import (
    DEAD,
    DELIVERED,
    FAILED,
    PENDING,
    apply_recorded,
    earlier_alert_ids,
    schedule_new_alerts,
    with_next_attempt,
)
from monitor.alerts.retry import next_attempt_delay
from monitor.clock import as_utc as utc
from monitor.clock import utcnow
from monitor.events import DeliveryRecorded
from monitor.store.dialects import lock_rows
from monitor.store.eventlog import SqlEventLog
from monitor.store.tables_outbox import alerts, deliveries

if TYPE_CHECKING:
    from monitor.daemon.bootstrap import App

DEFAULT_TIMEOUT = 30.0
# The backstop over a channel's own timeout, in case a channel does not keep its promise.
SEND_GRACE = 1.0


@dataclass(frozen=True)
class DeliveryPolicy:
    """How a worker claims: `batch` deliveries per channel at a time (all sent at once), each
    held for the channel's timeout + SEND_GRACE + `lease_margin` (time to record the outcome,
    so a live worker's claim never expires under it)."""

    batch: int = 32
    lease_margin: float = 5.0

    def lease(self, channel: Channel) -> float:
        """Seconds a claim on `channel` is held."""
        return channel_timeout(channel) + SEND_GRACE + self.lease_margin


@dataclass(frozen=True)
class DeliverySummary:
    """What one `deliver_due` call did."""

    scheduled: int = 0
    attempted: int = 0
    delivered: int = 0
    retrying: int = 0
    failed: int = 0
    dead: int = 0
    superseded: int = 0


@dataclass(frozen=True)
class Claim:
    """A delivery this worker holds for one attempt."""

    alert_id: str
    channel: str
    attempts: int
    requeued_after: int
    first_attempt_at: datetime | None
    message: Message


def channel_timeout(channel: Channel) -> float:
    """The channel's own bound on one attempt."""
    return float(getattr(channel, "timeout", DEFAULT_TIMEOUT))


async def bounded_send(channel: Channel, message: Message) -> Outcome:
    """One attempt that always returns an Outcome in bounded time."""
    limit = channel_timeout(channel) + SEND_GRACE
    try:
        async with asyncio.timeout(limit):
            return await channel.send(message)
    except TimeoutError:
        return Outcome.retry(f"no answer within {limit:g} s")
    except Exception as exc:  # a channel bug must not stop the other deliveries
        return Outcome.retry(f"{type(exc).__name__}: {exc}")


def claim_due(
    engine: Engine,
    channel: str,
    *,
    worker_id: str,
    due_by: datetime,
    now: datetime,
    lease: float,
    limit: int,
) -> list[Claim]:
    """Claim up to `limit` pending deliveries on `channel` due by `due_by` whose claim expired.

    On PostgreSQL the rows are locked with SKIP LOCKED, so concurrent workers take disjoint
    sets; the claim (a lease until now + `lease`) is committed before anything is sent.
    """
    d = deliveries.c
    query = (
        select(
            d.alert_id,
            d.attempts,
            d.requeued_after,
            d.first_attempt_at,
            alerts.c.payload,
            alerts.c.figure,
            alerts.c.position,
        )
        .select_from(deliveries.join(alerts, alerts.c.alert_id == d.alert_id))
        .where(
            d.channel == channel,
            d.state == PENDING,
            d.next_attempt_at <= due_by,
            or_(d.claimed_until.is_(None), d.claimed_until < now),
        )
        .order_by(d.next_attempt_at, d.alert_id)
        .limit(limit)
    )
    query = lock_rows(engine, query, of=deliveries, skip_locked=True)
    with engine.begin() as conn:
        rows = conn.execute(query).all()
        if not rows:
            return []
        conn.execute(
            update(deliveries)
            .where(d.channel == channel, d.alert_id.in_([r.alert_id for r in rows]))
            .values(claimed_by=worker_id, claimed_until=now + timedelta(seconds=lease))
        )
        history = earlier_alert_ids(conn, [r.figure for r in rows])
    return [_claim(channel, row, history[row.figure]) for row in rows]


def _claim(channel: str, row: Any, history: list[tuple[int, str]]) -> Claim:
    earlier = [alert_id for position, alert_id in history if position < row.position]
    first = row.first_attempt_at
    return Claim(
        alert_id=row.alert_id,
        channel=channel,
        attempts=row.attempts,
        requeued_after=row.requeued_after,
        first_attempt_at=None if first is None else utc(first),
        message=alert_message(alert_from_payload(row.payload), earlier),
    )


def outcome_record(claim: Claim, outcome: Outcome, at: datetime) -> DeliveryRecorded:
    """The DeliveryRecorded for one attempt: delivered, failed, pending (retry) or dead."""
    attempt = claim.attempts + 1
    if outcome.status == "delivered":
        return DeliveryRecorded(claim.alert_id, claim.channel, attempt, DELIVERED, None, at)
    reason = outcome.error or outcome.status
    if outcome.status == "failed":
        return DeliveryRecorded(claim.alert_id, claim.channel, attempt, FAILED, reason, at)
    first = claim.first_attempt_at or at
    delay = next_attempt_delay(attempt - claim.requeued_after, first, at, outcome.retry_after)
    if delay is None:
        made = attempt - claim.requeued_after
        why = f"{reason}; gave up after {made} attempts over {at - first} (retry window over)"
        return DeliveryRecorded(claim.alert_id, claim.channel, attempt, DEAD, why, at)
    retry = with_next_attempt(reason, at + timedelta(seconds=delay))
    return DeliveryRecorded(claim.alert_id, claim.channel, attempt, PENDING, retry, at)


def record(engine: Engine, log: SqlEventLog, event: DeliveryRecorded) -> bool:
    """Append the record and apply it to its row in one transaction.

    False when another worker recorded this attempt number first (its claim had expired
    and it tried again): the log keeps that one and the row follows the log.
    """
    with engine.begin() as conn:
        if not log.append([event], conn=conn).appended:
            return False
        apply_recorded(conn, event, release_claim=True)
        return True


async def _attempt(
    engine: Engine, log: SqlEventLog, channel: Channel, claim: Claim, at: datetime
) -> str:
    outcome = await bounded_send(channel, claim.message)
    event = outcome_record(claim, outcome, at)
    return event.state if record(engine, log, event) else "superseded"


async def _drain(
    app: App,
    channel: Channel,
    due_by: datetime,
    fixed_now: datetime | None,
    worker_id: str,
    policy: DeliveryPolicy,
) -> list[str]:
    # Every attempt moves its row out of reach (delivered, failed, dead, or due again only
    # after `due_by`), so this loop ends.
    states: list[str] = []
    while True:
        now = fixed_now or utcnow()
        claims = claim_due(
            app.engine,
            channel.name,
            worker_id=worker_id,
            due_by=due_by,
            now=now,
            lease=policy.lease(channel),
            limit=policy.batch,
        )
        if not claims:
            return states
        states += await asyncio.gather(
            *(_attempt(app.engine, app.log, channel, claim, now) for claim in claims)
        )


async def deliver_due(
    app: App,
    now: datetime | None = None,
    *,
    worker_id: str,
    channels: Sequence[Channel] | None = None,
    policy: DeliveryPolicy = DeliveryPolicy(),
) -> DeliverySummary:
    """Schedule newly raised alerts, then attempt every delivery due by `now` (default: the clock).

    Channels are drained concurrently and independently: a hanging channel only delays its
    own deliveries. `channels` defaults to the configured ones (`app.channels`).
    """
    targets = list(app.channels if channels is None else channels)
    scheduled = schedule_new_alerts(app.engine, app.log, [c.name for c in targets])
    fixed_now = None if now is None else utc(now)
    due_by = fixed_now or utcnow()
    per_channel = await asyncio.gather(
        *(_drain(app, channel, due_by, fixed_now, worker_id, policy) for channel in targets)
    )
    counts = Counter(state for states in per_channel for state in states)
    return DeliverySummary(
        scheduled=scheduled,
        attempted=sum(counts.values()),
        delivered=counts[DELIVERED],
        retrying=counts[PENDING],
        failed=counts[FAILED],
        dead=counts[DEAD],
        superseded=counts["superseded"],
    )


async def send_probe(channels: Sequence[Channel], message: Message) -> list[tuple[str, Outcome]]:
    """Send one message through every channel at once, right now; nothing is recorded."""
    outcomes = await asyncio.gather(*(bounded_send(c, message) for c in channels))
    return [(c.name, o) for c, o in zip(channels, outcomes, strict=True)]
