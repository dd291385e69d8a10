"""The aiohttp transport under the fetcher, against raw sockets on 127.0.0.1.

These servers misbehave on purpose (garbage, truncated bodies, self-signed TLS), which an
ordinary HTTP server library cannot be made to do; each case asserts the failure class the
poller records and that a healthy connection is reused.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import ssl
import subprocess
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from monitor.polling.fetcher import Fetcher, FetchError, FetchResult, FetchSettings

Handler = Callable[[socket.socket], None]
BODY = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'


class RawServer:
    """Accepts connections on loopback and hands each to `handler` in a thread."""

    def __init__(self, handler: Handler, context: ssl.SSLContext | None = None) -> None:
        self.handler = handler
        self.context = context
        self.connections = 0
        self._sock = socket.create_server(("127.0.0.1", 0))
        self.port = self._sock.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, path: str = "/feed") -> str:
        scheme = "https" if self.context else "http"
        return f"{scheme}://127.0.0.1:{self.port}{path}"

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            if self.context is not None:
                try:
                    conn = self.context.wrap_socket(conn, server_side=True)
                except (ssl.SSLError, OSError):
                    return  # the client refused our certificate, as it should
            with contextlib.suppress(OSError):  # the client hung up: its side is under test
                self.handler(conn)

    def close(self) -> None:
        self._sock.close()


@pytest.fixture
def raw_server() -> Iterator[Callable[..., RawServer]]:
    servers: list[RawServer] = []

    def start(handler: Handler, context: ssl.SSLContext | None = None) -> RawServer:
        servers.append(RawServer(handler, context))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def read_request(conn: socket.socket) -> bytes:
    """Read one request head; empty when the client closed the connection."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            return b""
        data += chunk
    return data


def response(body: bytes, *, length: int | None = None) -> bytes:
    return (
        b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
        + f"Content-Length: {len(body) if length is None else length}\r\n\r\n".encode()
        + body
    )


def keep_alive(conn: socket.socket) -> None:
    while read_request(conn):
        conn.sendall(response(BODY))


def fetch_all(urls: list[str], **settings: object) -> list[FetchResult | FetchError]:
    async def go() -> list[FetchResult | FetchError]:
        out: list[FetchResult | FetchError] = []
        async with Fetcher(FetchSettings(**settings)) as fetcher:  # type: ignore[arg-type]
            for url in urls:
                try:
                    out.append(await fetcher.fetch(url))
                except FetchError as exc:
                    out.append(exc)
        return out

    return asyncio.run(go())


def failure(url: str, **settings: object) -> FetchError:
    [result] = fetch_all([url], **settings)
    assert isinstance(result, FetchError), result
    return result


def test_sequential_fetches_reuse_one_connection(raw_server: Callable[..., RawServer]) -> None:
    server = raw_server(keep_alive)
    results = fetch_all([server.url(f"/f{i}") for i in range(5)])
    assert [r.body for r in results if isinstance(r, FetchResult)] == [BODY] * 5
    assert server.connections == 1


def test_a_body_abandoned_over_the_cap_is_not_reused(raw_server: Callable[..., RawServer]) -> None:
    big = b"x" * 200_000

    def serve(conn: socket.socket) -> None:
        while request := read_request(conn):
            conn.sendall(response(big if request.startswith(b"GET /big ") else BODY))

    server = raw_server(serve)
    first, second = fetch_all([server.url("/big"), server.url("/small")], max_bytes=100_000)
    assert isinstance(first, FetchError) and first.reason == "too_large"
    assert isinstance(second, FetchResult) and second.body == BODY
    assert server.connections == 2


def test_garbage_instead_of_http_is_a_connection_failure(
    raw_server: Callable[..., RawServer],
) -> None:
    def serve(conn: socket.socket) -> None:
        read_request(conn)
        conn.sendall(b"SSH-2.0-OpenSSH_9.2\r\nnot http at all\r\n\r\n")

    server = raw_server(serve)
    err = failure(server.url())
    assert err.reason == "connect" and server.url() in err.message


def test_a_truncated_body_is_a_connection_failure(raw_server: Callable[..., RawServer]) -> None:
    def serve(conn: socket.socket) -> None:
        read_request(conn)
        conn.sendall(response(BODY[:20], length=len(BODY)))

    server = raw_server(serve)
    err = failure(server.url())
    assert err.reason == "connect" and server.url() in err.message


def test_a_server_closing_without_answer_is_a_connection_failure(
    raw_server: Callable[..., RawServer],
) -> None:
    server = raw_server(read_request)
    assert failure(server.url()).reason == "connect"


def test_an_untrusted_certificate_is_a_tls_failure(
    raw_server: Callable[..., RawServer], tmp_path: Path
) -> None:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    server = raw_server(keep_alive, context)
    err = failure(server.url())
    assert err.reason == "tls" and "certificate" in err.message.lower()


def test_an_unresolvable_host_is_a_dns_failure() -> None:
    err = failure("http://no-such-host.invalid/feed")
    assert err.reason == "dns" and "no-such-host.invalid" in err.message


def test_a_keep_alive_connection_closed_by_the_server_is_retried_once(
    raw_server: Callable[..., RawServer],
) -> None:
    # Servers close idle keep-alive connections whenever they like; a GET that meets one
    # is sent again on a new connection (RFC 9112 §9.3.1, done by aiohttp), so the feed is
    # not marked failing and backed off for the server's housekeeping.
    def serve(conn: socket.socket) -> None:
        read_request(conn)
        conn.sendall(response(BODY))
        read_request(conn)  # the reused connection's next request: hang up instead
        conn.shutdown(socket.SHUT_RDWR)

    server = raw_server(serve)
    results = fetch_all([server.url("/a"), server.url("/b")])
    assert [r.body for r in results if isinstance(r, FetchResult)] == [BODY, BODY]
    assert server.connections == 2
