"""Webhook receiver fixtures: the package's verifying receiver, scripted per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from monitor.demo.receiver import (
    JsonReceiver,
    Reply,
    Request,
    WebhookReceiver,
    free_port,
    new_secret,
)

__all__ = ["JsonReceiver", "Reply", "Request", "WebhookReceiver", "free_port", "new_secret"]


@pytest.fixture
def webhook_secret() -> str:
    """A fresh secret shared by the receiver and the channel under test."""
    return new_secret()


@pytest.fixture
def webhook_receiver(webhook_secret: str) -> Iterator[WebhookReceiver]:
    """A running receiver that verifies with `webhook_secret`."""
    receiver = WebhookReceiver(webhook_secret).start()
    yield receiver
    receiver.stop()


@pytest.fixture
def json_receiver() -> Iterator[JsonReceiver]:
    """A running receiver that records any JSON POST (for Apprise's json:// target)."""
    receiver = JsonReceiver().start()
    yield receiver
    receiver.stop()
