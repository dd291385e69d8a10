"""Apprise channel: chat and push services by URL, with retries left to the outbox."""

from __future__ import annotations

import asyncio
import logging
import warnings
from urllib.parse import urlsplit

import apprise

from monitor.alerts.channels.base import ChannelConfigError, Message, Outcome
from monitor.alerts.render import alert_view, summary_line, text_body

_CAPTURE_LEVEL = logging.WARNING


def _public_name(service: apprise.plugins.NotifyBase) -> str:
    """Apprise's privacy-masked URL without its query: stable and free of tokens."""
    masked = str(service.url(privacy=True))  # type: ignore[no-untyped-call]
    return masked.split("?", 1)[0]


class AppriseChannel:
    """Delivers through one Apprise service URL; one attempt per `send`."""

    def __init__(self, url: str, timeout: float = 30.0) -> None:
        if timeout <= 0:
            raise ChannelConfigError(f"apprise timeout: must be positive, got {timeout}")
        scheme = urlsplit(url).scheme or "(none)"
        with warnings.catch_warnings():
            # Loading a plugin imports stdlib modules deprecated in 3.11 (imghdr); not ours to fix.
            warnings.simplefilter("ignore", DeprecationWarning)
            service = apprise.Apprise.instantiate(url)
        if service is None:
            raise ChannelConfigError(
                f"alerts.apprise url with scheme {scheme!r}: Apprise does not accept it "
                "(unknown service or invalid parameters)"
            )
        # The outbox owns the retry schedule; Apprise retrying too would multiply attempts.
        service.retry = 0
        service.socket_connect_timeout = min(service.socket_connect_timeout, timeout)
        service.socket_read_timeout = min(max(service.socket_read_timeout, timeout / 2), timeout)
        self.timeout = timeout
        self.name = f"apprise:{_public_name(service)}"
        self._service = service

    def _notify(self, title: str, body: str) -> Outcome:
        notifier = apprise.Apprise()
        notifier.add(self._service)
        result = notifier.notify(body=body, title=title, log_level=_CAPTURE_LEVEL)
        if result:
            return Outcome.delivered()
        problems = " | ".join(str(getattr(entry, "message", entry)) for entry in result.logs())
        # Apprise hides the service's answer behind a boolean, so permanent and transient
        # failures look alike; retrying is the safe reading until the schedule gives up.
        return Outcome.retry(problems or "apprise: notification failed")

    async def send(self, message: Message) -> Outcome:
        """Run Apprise's blocking notify in a worker thread, bounded by the timeout."""
        title = summary_line(message)
        body = text_body(alert_view(message))
        try:
            return await asyncio.wait_for(
                asyncio.to_thread(self._notify, title, body), self.timeout
            )
        except TimeoutError:
            return Outcome.retry(f"apprise: no answer within {self.timeout:g} s")
        except Exception as exc:  # a plugin bug must not escape as a crash of the outbox
            return Outcome.retry(f"apprise: {type(exc).__name__}: {exc}")
