"""Webhook delivery against a real receiver that verifies every request with standardwebhooks."""

import asyncio

from monitor.alerts.channels import Outcome, WebhookChannel
from monitor.alerts.channels.base import Message
from monitor.alerts.render import webhook_body
from tests.support.webhook_receiver import Reply, WebhookReceiver, free_port, new_secret
from tests.unit.alerts.alert_samples import alert, probe_message


def send(channel: WebhookChannel, message: Message) -> Outcome:
    """One delivery attempt, as the outbox makes it."""
    return asyncio.run(channel.send(message))


def channel_for(receiver: WebhookReceiver, timeout: float = 15.0) -> WebhookChannel:
    return WebhookChannel(receiver.url, receiver.secret, timeout=timeout)


def test_a_verified_alert_is_delivered(webhook_receiver: WebhookReceiver) -> None:
    outcome = send(channel_for(webhook_receiver), alert("alrt-1"))
    assert outcome == Outcome.delivered("HTTP 200")
    [request] = webhook_receiver.delivered
    assert request.webhook_id == "alrt-1"
    assert request.payload == webhook_body(alert("alrt-1"))
    assert request.headers["content-type"] == "application/json"


def test_a_test_alert_has_its_own_type(webhook_receiver: WebhookReceiver) -> None:
    send(channel_for(webhook_receiver), probe_message())
    assert webhook_receiver.delivered[0].payload["type"] == "monitor.test"


def test_a_wrong_secret_is_rejected_by_the_receiver(webhook_receiver: WebhookReceiver) -> None:
    outcome = send(WebhookChannel(webhook_receiver.url, new_secret()), alert())
    assert outcome.status == "failed" and outcome.detail == "HTTP 401"
    assert webhook_receiver.rejected == 1 and webhook_receiver.requests == []


def test_receiver_down_then_up_gets_the_same_webhook_id(webhook_secret: str) -> None:
    port = free_port()
    channel = WebhookChannel(f"http://127.0.0.1:{port}/hook", webhook_secret)
    down = send(channel, alert("alrt-7"))
    assert down.status == "retry" and "ConnectError" in (down.error or "")
    receiver = WebhookReceiver(webhook_secret, port=port).start()
    try:
        assert send(channel, alert("alrt-7")).status == "delivered"
    finally:
        receiver.stop()
    assert [r.webhook_id for r in receiver.delivered] == ["alrt-7"]


def test_server_error_then_success(webhook_receiver: WebhookReceiver) -> None:
    webhook_receiver.script(Reply(500, body=b"database is down"))
    channel = channel_for(webhook_receiver)
    first, second = send(channel, alert("alrt-2")), send(channel, alert("alrt-2"))
    assert (first.status, first.detail) == ("retry", "HTTP 500")
    assert "database is down" in (first.error or "")
    assert second.status == "delivered"
    assert [r.webhook_id for r in webhook_receiver.requests] == ["alrt-2", "alrt-2"]


def test_too_many_requests_passes_on_retry_after(webhook_receiver: WebhookReceiver) -> None:
    webhook_receiver.script(Reply(429, headers={"Retry-After": "120"}))
    outcome = send(channel_for(webhook_receiver), alert())
    assert (outcome.status, outcome.retry_after, outcome.detail) == ("retry", 120.0, "HTTP 429")


def test_a_hanging_receiver_times_out_as_retry(webhook_receiver: WebhookReceiver) -> None:
    webhook_receiver.script(Reply(hang=True))
    outcome = send(channel_for(webhook_receiver, timeout=0.5), alert())
    assert outcome.status == "retry" and "timeout" in (outcome.error or "")


def test_a_redirect_is_a_failure_and_not_followed(webhook_receiver: WebhookReceiver) -> None:
    elsewhere = webhook_receiver.url + "/moved"
    webhook_receiver.script(Reply(301, headers={"Location": elsewhere}))
    outcome = send(channel_for(webhook_receiver), alert())
    assert outcome.status == "failed"
    assert outcome.error == f"redirect not followed: 301 → {elsewhere}"
    assert len(webhook_receiver.requests) == 1


def test_a_client_error_fails_at_once(webhook_receiver: WebhookReceiver) -> None:
    webhook_receiver.script(Reply(400, body=b"unknown field"))
    outcome = send(channel_for(webhook_receiver), alert())
    assert (outcome.status, outcome.retry_after) == ("failed", None)
    assert outcome.error == "HTTP 400: unknown field"


def test_gone_fails_and_says_so(webhook_receiver: WebhookReceiver) -> None:
    webhook_receiver.script(Reply(410))
    outcome = send(channel_for(webhook_receiver), alert())
    assert outcome.status == "failed" and "gone" in (outcome.error or "")


def test_request_timeout_is_retried(webhook_receiver: WebhookReceiver) -> None:
    webhook_receiver.script(Reply(408))
    assert send(channel_for(webhook_receiver), alert()).status == "retry"
