"""An httpx transport on aiohttp's connection pool, for polling thousands of feeds.

The fetcher keeps httpx's client API (requests, responses, streaming, decoding, timeouts);
only the wire layer changes. httpx's own async pool spends about 2 ms of CPU per request
(connection bookkeeping over anyio); aiohttp's pool and C HTTP parser spend a tenth of it,
which is what a poll cycle of 2,000 mostly-304 feeds is made of. Errors are raised as the
httpx exceptions the fetcher already classifies, with the aiohttp error as their cause.
A GET that finds its pooled connection closed by the server is sent again on a new one
(aiohttp follows RFC 9112 §9.3.1), so a server's keep-alive housekeeping is not a failure.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncIterator

import aiohttp
import httpx

_CHUNK = 64 * 1024
_MAX_FIELD = 32 * 1024  # servers do send long Set-Cookie/Link headers; aiohttp's default is 8 KiB


class AiohttpTransport(httpx.AsyncBaseTransport):
    """httpx.AsyncBaseTransport over one aiohttp.ClientSession (opened on first use)."""

    def __init__(self, *, max_connections: int, verify: ssl.SSLContext | None = None) -> None:
        self._max_connections = max_connections
        self._ssl = verify if verify is not None else httpx.create_ssl_context()
        self._session: aiohttp.ClientSession | None = None

    def _open(self) -> aiohttp.ClientSession:
        # Created lazily: a ClientSession belongs to the event loop that first uses it.
        connector = aiohttp.TCPConnector(
            limit=self._max_connections,
            limit_per_host=0,  # the fetcher's per-host semaphores decide
            ssl=self._ssl,
            ttl_dns_cache=300,
        )
        self._session = aiohttp.ClientSession(
            connector=connector,
            trust_env=False,  # proxies from the environment must not redirect feed traffic
            auto_decompress=False,  # httpx decodes, so the fetcher's cap counts decoded bytes
            skip_auto_headers=("User-Agent", "Accept", "Accept-Encoding"),
            max_field_size=_MAX_FIELD,
            max_line_size=_MAX_FIELD,
        )
        return self._session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send one request; the response body streams from the pooled connection."""
        session = self._session or self._open()
        timeout = request.extensions.get("timeout", {})
        try:
            response = await session.request(
                request.method,
                str(request.url),
                headers=request.headers.multi_items(),
                data=request.content or None,
                allow_redirects=False,
                timeout=aiohttp.ClientTimeout(
                    sock_connect=timeout.get("connect"), sock_read=timeout.get("read")
                ),
            )
        except (aiohttp.ClientError, OSError, TimeoutError) as exc:
            raise as_httpx_error(exc, request) from exc
        extensions: dict[str, object] = {"http_version": b"HTTP/1.1"}
        if response.reason:
            extensions["reason_phrase"] = response.reason.encode("latin-1", "replace")
        return httpx.Response(
            status_code=response.status,
            headers=response.raw_headers,
            stream=_Body(response, request),
            request=request,
            extensions=extensions,
        )

    async def aclose(self) -> None:
        """Close the pool."""
        if self._session is not None:
            await self._session.close()
            self._session = None


class _Body(httpx.AsyncByteStream):
    """A response body read from aiohttp, errors mapped to httpx's."""

    def __init__(self, response: aiohttp.ClientResponse, request: httpx.Request) -> None:
        self._response = response
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._response.content.iter_chunked(_CHUNK):
                yield chunk
        except (aiohttp.ClientError, OSError, TimeoutError) as exc:
            raise as_httpx_error(exc, self._request) from exc

    async def aclose(self) -> None:
        # A body read to the end gives its connection back to the pool; one abandoned
        # half-way (over the size cap, timed out) must not be reused.
        if self._response.content.at_eof():
            self._response.release()
        else:
            self._response.close()


def as_httpx_error(exc: BaseException, request: httpx.Request) -> httpx.TransportError:
    """The httpx exception the fetcher classifies for an aiohttp/socket error."""
    message = str(exc) or type(exc).__name__
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return httpx.ConnectTimeout(message, request=request)
    if isinstance(exc, TimeoutError | asyncio.TimeoutError):
        return httpx.ReadTimeout(message, request=request)
    if isinstance(exc, aiohttp.ClientConnectorError):  # DNS, refused, TLS: the cause tells
        return httpx.ConnectError(message, request=request)
    if isinstance(exc, aiohttp.ClientResponseError | aiohttp.ClientPayloadError):
        return httpx.RemoteProtocolError(message, request=request)
    return httpx.ReadError(message, request=request)
