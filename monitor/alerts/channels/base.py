"""The channel contract: what an alert looks like to a channel and what one attempt returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, Protocol, runtime_checkable

MessageType = Literal["figure.changed", "monitor.test"]
OutcomeStatus = Literal["delivered", "retry", "failed"]


class ChannelConfigError(ValueError):
    """A channel setting is invalid; the message names the setting and why."""


@dataclass(frozen=True)
class Message:
    """One alert as channels see it; `id` is the alert id and the webhook-id."""

    id: str
    type: MessageType
    timestamp: datetime
    data: dict[str, Any]
    thread_key: str | None = None
    previous_ids: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Outcome:
    """The result of one delivery attempt on one channel."""

    status: OutcomeStatus
    error: str | None = None
    retry_after: float | None = None
    detail: str | None = None

    @classmethod
    def delivered(cls, detail: str | None = None) -> Outcome:
        """The target accepted the message."""
        return cls("delivered", detail=detail)

    @classmethod
    def retry(
        cls, error: str, *, retry_after: float | None = None, detail: str | None = None
    ) -> Outcome:
        """A transient failure: try again later (after `retry_after` seconds at least)."""
        return cls("retry", error=error, retry_after=retry_after, detail=detail)

    @classmethod
    def failed(cls, error: str, *, detail: str | None = None) -> Outcome:
        """A permanent failure: retrying would not help."""
        return cls("failed", error=error, detail=detail)


@runtime_checkable
class Channel(Protocol):
    """A delivery target; `send` never raises for delivery problems and returns in time."""

    name: str

    async def send(self, message: Message) -> Outcome:
        """Attempt one delivery of `message`."""
        ...
