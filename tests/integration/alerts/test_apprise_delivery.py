"""Apprise delivery to a json:// target served on loopback."""

import asyncio

from monitor.alerts.channels import AppriseChannel, Outcome
from monitor.alerts.channels.base import Message
from monitor.alerts.render import summary_line
from tests.support.webhook_receiver import JsonReceiver, Reply, free_port
from tests.unit.alerts.alert_samples import alert


def send(channel: AppriseChannel, message: Message) -> Outcome:
    """One delivery attempt, as the outbox makes it."""
    return asyncio.run(channel.send(message))


def json_target(receiver: JsonReceiver) -> AppriseChannel:
    return AppriseChannel(f"json://127.0.0.1:{receiver.port}/hook", timeout=5.0)


def test_an_alert_reaches_a_json_target(json_receiver: JsonReceiver) -> None:
    assert send(json_target(json_receiver), alert()).status == "delivered"
    [request] = json_receiver.delivered
    assert request.payload["title"] == summary_line(alert())
    assert "Seoul now puts the total at about 3 million shells." in request.payload["message"]


def test_a_failing_target_is_retried_once_per_attempt(json_receiver: JsonReceiver) -> None:
    json_receiver.script(Reply(500))
    outcome = send(json_target(json_receiver), alert())
    assert outcome.status == "retry"
    assert len(json_receiver.requests) == 1


def test_an_unreachable_target_is_retried() -> None:
    channel = AppriseChannel(f"json://127.0.0.1:{free_port()}/hook", timeout=5.0)
    outcome = send(channel, alert())
    assert outcome.status == "retry" and outcome.error
