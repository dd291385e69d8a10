"""The channel contract, one abstract class run against every channel on a real receiver.

A channel's `send` makes one attempt and classifies it: delivered, `retry` (transient: the
outbox tries again on its schedule) or `failed` (permanent). The message identity a
receiver sees is the alert's, the same on every attempt, so a receiver can drop repeats.
"""

from __future__ import annotations

import asyncio
from abc import ABC, abstractmethod
from typing import ClassVar

import pytest

from monitor.alerts.channels import AppriseChannel, EmailChannel, WebhookChannel
from monitor.alerts.channels.base import Channel, Message, Outcome, OutcomeStatus
from tests.support.smtp_server import SmtpServer
from tests.support.webhook_receiver import JsonReceiver, Reply, WebhookReceiver, free_port
from tests.unit.alerts.alert_samples import alert


def send(channel: Channel, message: Message) -> Outcome:
    """One delivery attempt, as the outbox makes it."""
    return asyncio.run(channel.send(message))


class ChannelContract(ABC):
    """What every channel must do; a subclass wires one channel to its receiver."""

    # What a permanent refusal comes back as; a channel that cannot tell permanent from
    # transient (Apprise hides the answer) must at least never call it delivered.
    permanent_status: ClassVar[OutcomeStatus] = "failed"
    # Whether the receiver sees the alert id itself (so two alerts are told apart by it).
    carries_alert_id: ClassVar[bool] = True

    @abstractmethod
    def channel(self) -> Channel:
        """The channel under test, aimed at the running receiver."""

    @abstractmethod
    def unreachable(self) -> Channel:
        """The same kind of channel aimed at a port nobody listens on."""

    @abstractmethod
    def refuse_next(self, *, permanent: bool) -> None:
        """Make the receiver refuse the next attempt, transiently or for good."""

    @abstractmethod
    def identities(self) -> list[str]:
        """The message identity of each delivery the receiver accepted, in order."""

    def test_a_send_is_delivered_once(self) -> None:
        assert send(self.channel(), alert("alrt-1")).status == "delivered"
        assert len(self.identities()) == 1

    def test_a_transient_refusal_is_retried_then_delivered(self) -> None:
        self.refuse_next(permanent=False)
        channel = self.channel()
        first = send(channel, alert("alrt-1"))
        assert first.status == "retry" and first.error
        assert send(channel, alert("alrt-1")).status == "delivered"
        assert len(self.identities()) == 1

    def test_a_permanent_refusal_is_classified(self) -> None:
        self.refuse_next(permanent=True)
        outcome = send(self.channel(), alert("alrt-1"))
        assert outcome.status == self.permanent_status and outcome.error
        assert self.identities() == []

    def test_an_unreachable_target_is_retried(self) -> None:
        outcome = send(self.unreachable(), alert("alrt-1"))
        assert outcome.status == "retry" and outcome.error

    def test_the_message_identity_is_stable_across_attempts(self) -> None:
        channel = self.channel()
        for message in (alert("alrt-1"), alert("alrt-1"), alert("alrt-2")):
            assert send(channel, message).status == "delivered"
        first, again, other = self.identities()
        assert first == again
        assert (other != first) is self.carries_alert_id


class TestWebhookChannel(ChannelContract):
    """Webhook, against the package's receiver verifying every request (standardwebhooks)."""

    @pytest.fixture(autouse=True)
    def _receiver(self, webhook_receiver: WebhookReceiver) -> None:
        self.receiver = webhook_receiver

    def channel(self) -> Channel:
        return WebhookChannel(self.receiver.url, self.receiver.secret, timeout=10.0)

    def unreachable(self) -> Channel:
        url = f"http://127.0.0.1:{free_port()}/hook"
        return WebhookChannel(url, self.receiver.secret, timeout=5.0)

    def refuse_next(self, *, permanent: bool) -> None:
        self.receiver.script(Reply(400 if permanent else 503))

    def identities(self) -> list[str]:
        return [request.webhook_id for request in self.receiver.delivered]

    def test_a_refused_attempt_carries_the_same_webhook_id(self) -> None:
        self.refuse_next(permanent=False)
        channel = self.channel()
        send(channel, alert("alrt-1"))
        send(channel, alert("alrt-1"))
        assert [r.webhook_id for r in self.receiver.requests] == ["alrt-1", "alrt-1"]


class TestEmailChannel(ChannelContract):
    """Email, against a real SMTP server (aiosmtpd) on loopback."""

    @pytest.fixture(autouse=True)
    def _server(self, smtp_server: SmtpServer) -> None:
        self.server = smtp_server

    def channel(self) -> Channel:
        return EmailChannel(
            ["desk@example.org"], "monitor@example.org", self.server.url, timeout=5.0
        )

    def unreachable(self) -> Channel:
        url = f"smtp://127.0.0.1:{free_port()}"
        return EmailChannel(["desk@example.org"], "monitor@example.org", url, timeout=5.0)

    def refuse_next(self, *, permanent: bool) -> None:
        self.server.handler.script("550 5.7.1 rejected" if permanent else "451 4.3.0 try later")

    def identities(self) -> list[str]:
        return [str(mail.message["Message-ID"]) for mail in self.server.received]


class TestAppriseChannel(ChannelContract):
    """Apprise, against a local json:// receiver."""

    # Apprise reports a boolean only, so a permanent refusal looks transient: it is retried
    # until the schedule gives up (monitor/alerts/channels/apprise.py).
    permanent_status: ClassVar[OutcomeStatus] = "retry"
    # Its JSON body carries the rendered alert, not the alert id.
    carries_alert_id: ClassVar[bool] = False

    @pytest.fixture(autouse=True)
    def _receiver(self, json_receiver: JsonReceiver) -> None:
        self.receiver = json_receiver

    def channel(self) -> Channel:
        return AppriseChannel(f"json://127.0.0.1:{self.receiver.port}/hook", timeout=5.0)

    def unreachable(self) -> Channel:
        return AppriseChannel(f"json://127.0.0.1:{free_port()}/hook", timeout=5.0)

    def refuse_next(self, *, permanent: bool) -> None:
        self.receiver.script(Reply(400 if permanent else 503))

    def identities(self) -> list[str]:
        return [f"{r.payload['title']}\n{r.payload['message']}" for r in self.receiver.delivered]
