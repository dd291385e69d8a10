"""The alert outbox: every alert reaches every channel at least once, survives failures, rebuilds."""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, select

from monitor.alerts.channels import Channel, EmailChannel, WebhookChannel
from monitor.alerts.deliverer import DeliveryPolicy, DeliverySummary, deliver_due
from monitor.alerts.outbox import DeliveryRow, list_alerts, requeue, schedule_new_alerts
from monitor.alerts.retry import GIVE_UP_AFTER
from monitor.config import Config
from monitor.daemon.bootstrap import App
from monitor.events import AlertRaised, DeliveryRecorded, DeliveryScheduled
from monitor.projector.runner import digest
from monitor.store.eventlog import SqlEventLog
from monitor.store.tables_outbox import alerts, deliveries
from tests.support.smtp_server import SmtpServer
from tests.support.webhook_receiver import Reply, WebhookReceiver, free_port
from tests.unit.alerts.alert_samples import CURRENT, PREVIOUS

T0 = datetime(2024, 10, 7, 9, 30, tzinfo=UTC)
DEFAULT_POLICY = DeliveryPolicy()
STORY = {"id": "story-1", "title": "Seoul revises its shell estimate", "sources": ["Example Wire"]}


@pytest.fixture
def app(engine: Engine, event_log: SqlEventLog) -> App:
    """The application on a migrated test database (channels are passed explicitly)."""
    return App(config=Config(), engine=engine, log=event_log)


@pytest.fixture
def webhook(webhook_receiver: WebhookReceiver) -> WebhookChannel:
    """A webhook channel pointing at the verifying receiver, with a short timeout."""
    return WebhookChannel(webhook_receiver.url, webhook_receiver.secret, timeout=1.0)


@pytest.fixture
def email(smtp_server: SmtpServer) -> EmailChannel:
    """An email channel submitting to the loopback SMTP server."""
    return EmailChannel(["desk@example.org"], "monitor@example.org", smtp_server.url, timeout=5.0)


def raise_alerts(app: App, count: int = 1, *, figure: str = "nk-shells") -> list[AlertRaised]:
    """Append `count` alerts of one figure, a minute apart."""
    raised = [
        AlertRaised(
            alert_id=f"{figure}-alert-{i}",
            figure=figure,
            label="Artillery shells North Korea sent to Russia",
            previous=None if i == 0 else PREVIOUS,
            current=CURRENT,
            direction="first" if i == 0 else "up",
            story=STORY,
            raised_at=T0 + timedelta(minutes=i),
        )
        for i in range(count)
    ]
    app.log.append(raised)
    return raised


def deliver(
    app: App,
    channels: Sequence[Channel],
    now: datetime,
    worker: str = "w1",
    policy: DeliveryPolicy = DEFAULT_POLICY,
) -> DeliverySummary:
    """One delivery cycle at `now`."""
    return asyncio.run(deliver_due(app, now, worker_id=worker, channels=channels, policy=policy))


def rows(app: App, alert_id: str | None = None) -> dict[str, DeliveryRow]:
    """Delivery rows by channel kind ("webhook", "email")."""
    with app.engine.connect() as conn:
        records = list_alerts(conn, alert_id)
    return {d.channel.partition(":")[0]: d for r in records for d in r.deliveries}


def recorded(app: App) -> list[DeliveryRecorded]:
    """Every DeliveryRecorded in the log, in order."""
    return [s.event for s in app.log.iter_all() if isinstance(s.event, DeliveryRecorded)]


def outbox_digest(app: App) -> str:
    """A digest of the outbox tables."""
    with app.engine.connect() as conn:
        return digest(conn, [alerts, deliveries])


def test_an_alert_is_delivered_once_on_every_channel(
    app: App,
    webhook: WebhookChannel,
    email: EmailChannel,
    webhook_receiver: WebhookReceiver,
    smtp_server: SmtpServer,
) -> None:
    (alert,) = raise_alerts(app)
    summary = deliver(app, [webhook, email], T0)
    assert (summary.scheduled, summary.delivered) == (2, 2)
    assert deliver(app, [webhook, email], T0 + timedelta(hours=1)) == DeliverySummary()
    (request,) = webhook_receiver.delivered  # the receiver verified its signature
    assert request.webhook_id == alert.alert_id
    assert request.payload["type"] == "figure.changed"
    assert request.payload["data"]["alert_id"] == alert.alert_id
    assert request.payload["data"]["figure"]["name"] == "nk-shells"
    assert [m.rcpt_tos for m in smtp_server.received] == [("desk@example.org",)]
    state = rows(app)
    assert (state["webhook"].state, state["webhook"].attempts) == ("delivered", 1)
    assert (state["email"].state, state["email"].attempts) == ("delivered", 1)
    scheduled = [s.event for s in app.log.iter_all() if isinstance(s.event, DeliveryScheduled)]
    assert sorted(e.channel for e in scheduled) == sorted([webhook.name, email.name])


def test_later_alerts_of_a_figure_thread_to_the_earlier_ones(
    app: App, email: EmailChannel, smtp_server: SmtpServer
) -> None:
    first, second = raise_alerts(app, 2)
    deliver(app, [email], T0 + timedelta(minutes=5))
    mails = {m.message["Subject"]: m.message for m in smtp_server.received}
    follow_up = next(m for m in mails.values() if m["In-Reply-To"])
    assert first.alert_id in follow_up["In-Reply-To"]
    assert second.alert_id in follow_up["Message-ID"]


def test_a_receiver_that_was_down_gets_the_alert_once_it_is_up(
    app: App, webhook_secret: str
) -> None:
    receiver = WebhookReceiver(webhook_secret, port=free_port())
    channel = WebhookChannel(receiver.url, webhook_secret, timeout=1.0)
    (alert,) = raise_alerts(app)
    assert deliver(app, [channel], T0).retrying == 1
    waiting = rows(app)["webhook"]
    assert (waiting.state, waiting.attempts) == ("pending", 1)
    assert waiting.next_attempt_at == T0 + timedelta(seconds=5)
    assert waiting.last_error and "ConnectError" in waiting.last_error
    receiver.start()
    try:
        assert deliver(app, [channel], T0 + timedelta(seconds=1)).attempted == 0  # not due yet
        assert deliver(app, [channel], T0 + timedelta(seconds=5)).delivered == 1
    finally:
        receiver.stop()
    assert [r.webhook_id for r in receiver.delivered] == [alert.alert_id]
    assert (rows(app)["webhook"].attempts, rows(app)["webhook"].last_error) == (2, None)


def test_a_5xx_is_retried_with_the_same_webhook_id(
    app: App, webhook: WebhookChannel, webhook_receiver: WebhookReceiver
) -> None:
    webhook_receiver.script(Reply(500, body=b"database on fire"))
    (alert,) = raise_alerts(app)
    deliver(app, [webhook], T0)
    assert rows(app)["webhook"].last_error == "HTTP 500: database on fire"
    deliver(app, [webhook], T0 + timedelta(seconds=5))
    assert [r.status for r in webhook_receiver.requests] == [500, 200]
    assert {r.webhook_id for r in webhook_receiver.requests} == {alert.alert_id}
    assert [(e.attempt, e.state) for e in recorded(app)] == [(1, "pending"), (2, "delivered")]


def test_retry_after_pushes_the_next_attempt_back(
    app: App, webhook: WebhookChannel, webhook_receiver: WebhookReceiver
) -> None:
    webhook_receiver.script(Reply(429, headers={"retry-after": "120"}))
    raise_alerts(app)
    deliver(app, [webhook], T0)
    assert rows(app)["webhook"].next_attempt_at == T0 + timedelta(seconds=120)


def test_a_4xx_fails_at_once_and_is_never_retried(
    app: App, webhook: WebhookChannel, webhook_receiver: WebhookReceiver
) -> None:
    webhook_receiver.script(Reply(400, body=b"unknown event type"))
    raise_alerts(app)
    assert deliver(app, [webhook], T0).failed == 1
    assert deliver(app, [webhook], T0 + timedelta(days=10)).attempted == 0
    failed = rows(app)["webhook"]
    assert (failed.state, failed.attempts, failed.next_attempt_at) == ("failed", 1, None)
    assert failed.last_error == "HTTP 400: unknown event type"
    assert len(webhook_receiver.requests) == 1


def test_a_delivery_is_dead_once_the_retry_schedule_is_exhausted(
    app: App, webhook_secret: str
) -> None:
    unreachable = WebhookChannel(f"http://127.0.0.1:{free_port()}/hook", webhook_secret, 1.0)
    raise_alerts(app)
    now: datetime | None = T0
    cycles = 0
    while now is not None:  # each cycle runs when the row says the next attempt is due
        deliver(app, [unreachable], now)
        now = rows(app)["webhook"].next_attempt_at
        cycles += 1
        assert cycles < 50, "the schedule never ends"
    dead = rows(app)["webhook"]
    assert dead.state == "dead"
    assert dead.last_error and "gave up after" in dead.last_error
    assert dead.attempts == cycles and dead.attempts > 5
    assert dead.last_attempt_at and dead.last_attempt_at - T0 <= GIVE_UP_AFTER
    attempts = [e.attempt for e in recorded(app)]
    assert attempts == list(range(1, cycles + 1))


def test_a_hanging_channel_does_not_hold_back_another(
    app: App,
    webhook: WebhookChannel,
    email: EmailChannel,
    webhook_receiver: WebhookReceiver,
    smtp_server: SmtpServer,
) -> None:
    webhook_receiver.script(Reply(hang=True))
    raise_alerts(app)
    summary = deliver(app, [webhook, email], T0)
    assert (summary.delivered, summary.retrying) == (1, 1)
    assert len(smtp_server.received) == 1
    # The email's outcome was recorded while the webhook was still waiting for an answer.
    assert [e.channel for e in recorded(app)] == [email.name, webhook.name]
    assert "timeout" in (rows(app)["webhook"].last_error or "")


def test_requeue_makes_a_failed_delivery_due_again_with_a_fresh_schedule(
    app: App, webhook: WebhookChannel, webhook_receiver: WebhookReceiver
) -> None:
    webhook_receiver.script(Reply(400))
    (alert,) = raise_alerts(app)
    deliver(app, [webhook], T0)
    later = T0 + timedelta(days=5)
    assert requeue(app.engine, app.log, alert.alert_id, later) == [webhook.name]
    queued = rows(app)["webhook"]
    assert (queued.state, queued.attempts, queued.next_attempt_at) == ("pending", 1, later)
    assert requeue(app.engine, app.log, alert.alert_id, later) == []  # nothing left to requeue
    webhook_receiver.script(Reply(503))
    deliver(app, [webhook], later)
    # The retry window restarts at the requeue: five days after the alert it is not dead.
    assert rows(app)["webhook"].next_attempt_at == later + timedelta(seconds=5)
    deliver(app, [webhook], later + timedelta(seconds=5))
    assert (rows(app)["webhook"].state, rows(app)["webhook"].attempts) == ("delivered", 3)
    assert [(e.attempt, e.state) for e in recorded(app)] == [
        (1, "failed"),
        (-1, "pending"),
        (2, "pending"),
        (3, "delivered"),
    ]
    with pytest.raises(LookupError):
        requeue(app.engine, app.log, "no-such-alert", later)


def test_rebuilding_the_outbox_from_the_log_gives_the_live_tables(
    app: App, webhook: WebhookChannel, email: EmailChannel, webhook_receiver: WebhookReceiver
) -> None:
    webhook_receiver.script(Reply(500), Reply(400), Reply(429, headers={"retry-after": "90"}))
    raise_alerts(app, 4)
    deliver(app, [webhook, email], T0 + timedelta(minutes=5))
    deliver(app, [webhook, email], T0 + timedelta(minutes=10))
    with app.engine.connect() as conn:
        (failed,) = [d for r in list_alerts(conn) for d in r.deliveries if d.state == "failed"]
    requeue(app.engine, app.log, failed.alert_id, T0 + timedelta(minutes=11))
    deliver(app, [webhook, email], T0 + timedelta(minutes=12))
    live = outbox_digest(app)
    app.project()
    assert outbox_digest(app) == live  # the projection agrees with what was written live
    app.runner(app.projection("outbox")).rebuild()
    assert outbox_digest(app) == live
    with app.engine.connect() as conn:
        states = Counter(r.state for r in conn.execute(select(deliveries.c.state)))
    assert states == {"delivered": 8}


def test_a_replay_or_a_new_channel_never_sends_old_alerts_again(
    app: App,
    webhook: WebhookChannel,
    email: EmailChannel,
    webhook_receiver: WebhookReceiver,
    smtp_server: SmtpServer,
) -> None:
    raise_alerts(app, 2)
    deliver(app, [webhook], T0 + timedelta(minutes=5))
    for projection in app.projections:
        app.runner(projection).rebuild()
    summary = deliver(app, [webhook, email], T0 + timedelta(hours=1))
    assert (summary.scheduled, summary.attempted) == (0, 0)
    assert len(webhook_receiver.requests) == 2 and smtp_server.received == []
    raise_alerts(app, 1, figure="other")
    assert deliver(app, [webhook, email], T0 + timedelta(hours=1)).delivered == 2


def test_two_deliverers_at_once_never_send_a_delivery_twice(
    app: App, webhook: WebhookChannel, webhook_receiver: WebhookReceiver
) -> None:
    raised = raise_alerts(app, 60)
    schedule_new_alerts(app.engine, app.log, [webhook.name])  # both workers race for these
    start = threading.Barrier(2)

    def work(worker: str) -> None:
        start.wait()
        # Small batches: many claim rounds to race on, and the receiver's listen backlog holds.
        deliver(app, [webhook], T0 + timedelta(hours=1), worker, DeliveryPolicy(batch=3))

    threads = [threading.Thread(target=work, args=(f"w{i}",)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ids = Counter(r.webhook_id for r in webhook_receiver.requests)
    assert set(ids) == {a.alert_id for a in raised}
    assert max(ids.values()) == 1
    assert Counter(e.state for e in recorded(app)) == {"delivered": 60}
