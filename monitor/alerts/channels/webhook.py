"""Webhook channel: signed POSTs per the Standard Webhooks spec."""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import httpx
from standardwebhooks import Webhook

from monitor import __version__
from monitor.alerts.channels.base import ChannelConfigError, Message, Outcome
from monitor.alerts.render import webhook_body
from monitor.clock import parse_retry_after, utcnow

SECRET_PREFIX = "whsec_"
_ERROR_SNIPPET_BYTES = 300
_RETRYABLE_STATUSES = frozenset({408, 429})


def validate_secret(secret: str) -> bytes:
    """The key bytes of a `whsec_` secret; ChannelConfigError when it is not one."""
    if not secret.startswith(SECRET_PREFIX):
        raise ChannelConfigError("webhook secret: must start with 'whsec_'")
    encoded = secret[len(SECRET_PREFIX) :]
    try:
        key = base64.b64decode(encoded + "=" * (-len(encoded) % 4), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ChannelConfigError(
            f"webhook secret: not valid base64 after 'whsec_' ({exc})"
        ) from exc
    if len(key) < 16:
        raise ChannelConfigError("webhook secret: key too short (need at least 16 bytes)")
    return key


def validate_url(url: str) -> str:
    """A printable, secret-free target for the channel name; ChannelConfigError if unusable."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise ChannelConfigError(f"webhook url {url!r}: scheme must be http or https")
    if not parts.hostname:
        raise ChannelConfigError(f"webhook url {url!r}: no host")
    try:
        port = parts.port
    except ValueError as exc:
        raise ChannelConfigError(f"webhook url {url!r}: {exc}") from exc
    # The query and user info may carry tokens, so the name leaves them out.
    host = parts.hostname if port is None else f"{parts.hostname}:{port}"
    return f"{host}{parts.path.rstrip('/')}"


def encode_body(message: Message) -> str:
    """The exact JSON text that is signed and sent."""
    return json.dumps(webhook_body(message), ensure_ascii=False, separators=(",", ":"), default=str)


class WebhookChannel:
    """POSTs each alert as signed JSON; one attempt per `send`."""

    def __init__(
        self,
        url: str,
        secret: str,
        timeout: float = 15.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.name = f"webhook:{validate_url(url)}"
        validate_secret(secret)
        if timeout <= 0:
            raise ChannelConfigError(f"webhook timeout: must be positive, got {timeout}")
        self.url = url
        self.timeout = timeout
        self._signer = Webhook(secret)
        self._transport = transport
        # Building a TLS context loads the CA bundle (tens of ms); do it once, not per attempt.
        self._tls = httpx.create_ssl_context()

    def signed_headers(self, message: Message, body: str, now: datetime) -> dict[str, str]:
        """Standard Webhooks headers; the id is the alert id so receivers can deduplicate."""
        return {
            "content-type": "application/json",
            "user-agent": f"news-monitor/{__version__}",
            "webhook-id": message.id,
            "webhook-timestamp": str(int(now.timestamp())),
            "webhook-signature": self._signer.sign(message.id, now, body),
        }

    async def send(self, message: Message) -> Outcome:
        """One signed POST; the outcome says whether to retry."""
        body = encode_body(message)
        # The timestamp is the attempt's, not the alert's: receivers reject stale signatures.
        headers = self.signed_headers(message, body, utcnow())
        try:
            async with asyncio.timeout(self.timeout):
                return await self._post(body, headers)
        except (TimeoutError, httpx.TimeoutException):
            return Outcome.retry(f"timeout after {self.timeout:g} s")
        except httpx.HTTPError as exc:
            return Outcome.retry(f"{type(exc).__name__}: {exc or 'network error'}")

    async def _post(self, body: str, headers: dict[str, str]) -> Outcome:
        async with httpx.AsyncClient(
            transport=self._transport,
            verify=self._tls,
            follow_redirects=False,
            timeout=self.timeout,
        ) as client:
            request = client.build_request("POST", self.url, content=body.encode(), headers=headers)
            response = await client.send(request, stream=True)
            try:
                snippet = await _read_snippet(response)
            finally:
                await response.aclose()
        return classify_response(response.status_code, response.headers, snippet)


async def _read_snippet(response: httpx.Response) -> str:
    """The start of the response body, for error messages; never the whole of a huge body."""
    if response.is_success:
        return ""
    collected = b""
    async for chunk in response.aiter_raw():
        collected += chunk
        if len(collected) >= _ERROR_SNIPPET_BYTES:
            break
    return " ".join(collected[:_ERROR_SNIPPET_BYTES].decode("utf-8", "replace").split())


def classify_response(status: int, headers: Any, snippet: str = "") -> Outcome:
    """Map an HTTP answer to an outcome: 2xx delivered, 408/429/5xx retry, else failed."""
    detail = f"HTTP {status}"
    reason = f"{detail}: {snippet}" if snippet else detail
    if 200 <= status < 300:
        return Outcome.delivered(detail)
    if 300 <= status < 400:
        location = headers.get("location") or "no Location"
        return Outcome.failed(f"redirect not followed: {status} → {location}", detail=detail)
    if status in _RETRYABLE_STATUSES or status >= 500:
        retry_after = parse_retry_after(headers.get("retry-after"), utcnow())
        return Outcome.retry(reason, retry_after=retry_after, detail=detail)
    if status == 410:
        return Outcome.failed(
            "gone (410): the receiver says this endpoint no longer exists", detail=detail
        )
    return Outcome.failed(reason, detail=detail)
