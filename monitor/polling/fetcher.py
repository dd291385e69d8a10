"""HTTP fetching for feeds and pages: limits, validators, manual redirects, error classes."""

from __future__ import annotations

import asyncio
import hashlib
import re
import ssl
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import TracebackType
from typing import Self
from urllib.parse import urljoin

import httpx

from monitor import __version__
from monitor.clock import parse_retry_after, utcnow
from monitor.polling.addresses import AddressCheck
from monitor.polling.transport import AiohttpTransport
from monitor.polling.urls import UnsupportedURL, check_url, host_of

MAX_REDIRECTS = 5
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_PERMANENT = frozenset({301, 308})
_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8"
)
REASONS = frozenset(
    {
        "dns",
        "connect",
        "timeout",
        "tls",
        "http_status",
        "too_large",
        "not_a_feed",
        "parse_error",
        "refused",
        "internal",
    }
)
# A server's Retry-After or max-age never pushes a feed's next poll further than this.
MAX_SERVER_DELAY = 7 * 86400.0
# Validators are resent verbatim: only visible ASCII (and spaces) of a sane length are kept.
_HEADER_VALUE = re.compile(r"^[\x20-\x7e]{1,1024}$")
_DNS_HINTS = (
    "name or service not known",
    "nodename nor servname",
    "temporary failure in name resolution",
    "getaddrinfo",
    "no address associated",
    "name resolution",
)


@dataclass(frozen=True)
class FetchSettings:
    """Client limits; mirrors the [polling] section of the configuration."""

    timeout: float = 20.0
    max_bytes: int = 15_000_000
    concurrency: int = 32
    per_host: int = 2
    private_addresses: str = "explicit"  # see polling.addresses
    user_agent: str = f"news-monitor/{__version__} (+https://github.com/news-monitor)"


@dataclass(frozen=True)
class Validators:
    """What we remember of the last response, to ask the server (and ourselves) for changes."""

    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None


@dataclass(frozen=True)
class FetchResult:
    """A successful fetch; `not_modified` is true for a 304 or an unchanged body (then no body)."""

    url: str
    final_url: str
    permanent_redirect: bool
    status: int
    not_modified: bool
    body: bytes | None
    content_type: str | None
    validators: Validators
    retry_after: float | None
    max_age: float | None
    elapsed: float


class FetchError(Exception):
    """A failed fetch with its reason class (see REASONS) and a human message naming the URL."""

    def __init__(
        self,
        reason: str,
        message: str,
        *,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        assert reason in REASONS, reason
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.status = status
        self.retry_after = retry_after


@dataclass
class _Hop:
    """One request/response of a redirect chain (mutable scratch, never leaves this module)."""

    url: str
    status: int = 0
    headers: httpx.Headers = field(default_factory=httpx.Headers)
    body: bytes | None = None


class Fetcher:
    """Async fetcher owning one httpx.AsyncClient; use as `async with Fetcher(settings) as f`.

    The client runs on `AiohttpTransport` unless a transport is given (tests, other seams).
    """

    def __init__(
        self,
        settings: FetchSettings | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.settings = settings or FetchSettings()
        s = self.settings
        self._client = httpx.AsyncClient(
            transport=transport or AiohttpTransport(max_connections=s.concurrency),
            follow_redirects=False,  # each hop is re-checked against the URL policy
            timeout=httpx.Timeout(s.timeout, connect=min(s.timeout, 10.0)),
            headers={"User-Agent": s.user_agent, "Accept": _ACCEPT},
            trust_env=False,  # proxies from the environment must not redirect feed traffic
        )
        self._addresses = AddressCheck(s.private_addresses)
        self._global = asyncio.Semaphore(s.concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = {}

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the underlying client."""
        await self._client.aclose()

    async def fetch(
        self, url: str, validators: Validators | None = None, *, linked_from: str | None = None
    ) -> FetchResult:
        """Fetch `url` (conditionally when `validators` are given); raise FetchError on failure.

        `linked_from` is the feed whose entry links to `url` (a full-text page); without it
        `url` is a feed the user added. Both decide what the address policy allows.
        """
        started = time.monotonic()
        validators = validators or Validators()
        try:
            start_url = check_url(url)
        except UnsupportedURL as exc:
            raise FetchError("refused", str(exc)) from None
        hop_kind = "feed" if linked_from is None else "link"
        await self._check_address(start_url, linked_from, hop_kind)
        hop, permanent = await self._follow(start_url, validators)
        return _result(url, hop, permanent, validators, time.monotonic() - started)

    async def _check_address(self, url: str, source: str | None, hop: str) -> None:
        why = await self._addresses.check(url, source=source, hop=hop)
        if why is not None:
            raise FetchError("refused", why)

    async def _follow(self, url: str, validators: Validators) -> tuple[_Hop, bool]:
        seen = {url}
        permanent = True
        hops = 0
        while True:
            hop = await self._limited_request(url, validators)
            if hop.status not in _REDIRECTS or "location" not in hop.headers:
                return hop, permanent and hops > 0
            hops += 1
            permanent = permanent and hop.status in _PERMANENT
            previous, url = url, self._next_hop(url, hop, hops, seen)
            await self._check_address(url, previous, "redirect")

    def _next_hop(self, url: str, hop: _Hop, hops: int, seen: set[str]) -> str:
        if hops > MAX_REDIRECTS:
            raise FetchError(
                "http_status", f"{url}: more than {MAX_REDIRECTS} redirects", status=hop.status
            )
        try:
            target = check_url(urljoin(url, hop.headers["location"]))
        except UnsupportedURL as exc:
            raise FetchError("refused", f"{url} redirects to a refused URL: {exc}") from None
        if target in seen:
            raise FetchError(
                "http_status", f"{url}: redirect loop back to {target}", status=hop.status
            )
        seen.add(target)
        return target

    async def _limited_request(self, url: str, validators: Validators) -> _Hop:
        # Host slot first: waiting for a busy host must not hold one of the global slots.
        # The timeout starts once both slots are held, when the request is sent: it measures
        # the server, never the queue for a busy host.
        host_slot = self._hosts.setdefault(host_of(url), asyncio.Semaphore(self.settings.per_host))
        async with host_slot, self._global:
            try:
                async with asyncio.timeout(self.settings.timeout):
                    return await self._request(url, validators)
            except TimeoutError:
                raise FetchError(
                    "timeout", f"{url}: no complete response within {self.settings.timeout:g} s"
                ) from None

    async def _request(self, url: str, validators: Validators) -> _Hop:
        headers = {}
        if etag := header_value(validators.etag):
            headers["If-None-Match"] = etag
        if last_modified := header_value(validators.last_modified):
            headers["If-Modified-Since"] = last_modified
        try:
            async with self._client.stream("GET", url, headers=headers) as resp:
                hop = _Hop(url=url, status=resp.status_code, headers=resp.headers)
                if 200 <= resp.status_code < 300:
                    hop.body = await self._read_capped(url, resp)
                return hop
        except httpx.HTTPError as exc:
            raise _classify(url, exc) from None
        except (httpx.InvalidURL, ValueError, UnicodeError) as exc:
            # A URL (or a header) the client cannot even send: nothing to retry soon.
            raise FetchError("refused", f"{url}: cannot be requested ({_describe(exc)})") from None

    async def _read_capped(self, url: str, resp: httpx.Response) -> bytes:
        cap = self.settings.max_bytes
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchError(
                "too_large", f"{url}: declares {declared} bytes, over the {cap}-byte cap"
            )
        chunks: list[bytes] = []
        size = 0
        # Decoded bytes are counted, so a small gzip bomb is stopped as well.
        async for chunk in resp.aiter_bytes():
            size += len(chunk)
            if size > cap:
                raise FetchError("too_large", f"{url}: body exceeds the {cap}-byte cap")
            chunks.append(chunk)
        return b"".join(chunks)


def _result(url: str, hop: _Hop, permanent: bool, old: Validators, elapsed: float) -> FetchResult:
    headers = hop.headers
    asked = parse_retry_after(headers.get("retry-after"), utcnow())
    retry_after = None if asked is None else min(asked, MAX_SERVER_DELAY)
    if hop.status == 304:
        validators = Validators(
            etag=header_value(headers.get("etag")) or header_value(old.etag),
            last_modified=header_value(headers.get("last-modified"))
            or header_value(old.last_modified),
            body_hash=old.body_hash,
        )
        return _make(url, hop, permanent, True, None, validators, retry_after, elapsed)
    if not 200 <= hop.status < 300:
        raise FetchError(
            "http_status",
            f"{hop.url}: HTTP {hop.status}" + (f" (from {url})" if hop.url != url else ""),
            status=hop.status,
            retry_after=retry_after,
        )
    body = hop.body or b""
    digest = hashlib.sha256(body).hexdigest()
    validators = Validators(
        etag=header_value(headers.get("etag")),
        last_modified=header_value(headers.get("last-modified")),
        body_hash=digest,
    )
    unchanged = old.body_hash == digest
    return _make(
        url,
        hop,
        permanent,
        unchanged,
        None if unchanged else body,
        validators,
        retry_after,
        elapsed,
    )


def _make(
    url: str,
    hop: _Hop,
    permanent: bool,
    not_modified: bool,
    body: bytes | None,
    validators: Validators,
    retry_after: float | None,
    elapsed: float,
) -> FetchResult:
    return FetchResult(
        url=url,
        final_url=hop.url,
        permanent_redirect=permanent,
        status=hop.status,
        not_modified=not_modified,
        body=body,
        content_type=hop.headers.get("content-type"),
        validators=validators,
        retry_after=retry_after,
        max_age=parse_max_age(hop.headers),
        elapsed=elapsed,
    )


def _classify(url: str, exc: httpx.HTTPError) -> FetchError:
    detail = _describe(exc)
    if isinstance(exc, httpx.TimeoutException):
        return FetchError("timeout", f"{url}: timed out ({detail})")
    if _is_tls(exc):
        return FetchError("tls", f"{url}: TLS failure ({detail})")
    if isinstance(exc, httpx.ConnectError):
        if any(h in detail.lower() for h in _DNS_HINTS):
            return FetchError("dns", f"{url}: host name could not be resolved ({detail})")
        return FetchError("connect", f"{url}: could not connect ({detail})")
    if isinstance(exc, httpx.DecodingError):
        return FetchError("parse_error", f"{url}: response could not be decoded ({detail})")
    return FetchError("connect", f"{url}: connection failed ({detail})")


def _is_tls(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLError) or "CERTIFICATE_VERIFY_FAILED" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _describe(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    cause = exc.__cause__ or exc.__context__
    if cause is not None and str(cause) and str(cause) not in text:
        text = f"{text}: {cause}"
    return text


def header_value(value: str | None) -> str | None:
    """A validator (ETag, Last-Modified) fit to store and resend, or None: visible ASCII only."""
    if value is None or not _HEADER_VALUE.match(value):
        return None
    return value


_MAX_AGE = re.compile(r"(?:^|,)\s*(?:s-maxage|max-age)\s*=\s*\"?([0-9]+)", re.I)
_NO_CACHE = re.compile(r"(?:^|,)\s*(?:no-cache|no-store)\b", re.I)


def parse_max_age(headers: Mapping[str, str]) -> float | None:
    """max-age from Cache-Control (None when absent or when no-cache/no-store forbid reuse)."""
    cc = headers.get("cache-control")
    if not cc or _NO_CACHE.search(cc):
        return None
    match = _MAX_AGE.search(cc)
    return min(float(match.group(1)[:20]), MAX_SERVER_DELAY) if match else None
