"""A small real HTTP server on 127.0.0.1 with a settable route table (demo feeds, tests)."""

from __future__ import annotations

import gzip as gzip_module
import threading
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Route:
    """What the server answers on one path."""

    body: bytes = b""
    status: int = 200
    content_type: str | None = "application/rss+xml; charset=utf-8"
    headers: Mapping[str, str] = field(default_factory=dict)
    etag: str | None = None  # answers 304 when If-None-Match matches
    last_modified: str | None = None  # answers 304 when If-Modified-Since matches exactly
    gzip: bool = False  # compress when the client accepts gzip
    redirect_to: str | None = None  # path or URL for the Location header (status 301/302/...)
    hang: bool = False  # never answer (until the server stops)
    delay: float = 0.0  # seconds to wait before answering (a slow server)
    stream_bytes: int = 0  # send this many filler bytes, without a Content-Length
    declare_length: bool = True


class FeedServer:
    """ThreadingHTTPServer in a background thread; set routes, read hit counters."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str]]] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def base_url(self) -> str:
        """http://127.0.0.1:PORT"""
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        """Absolute URL of `path` on this server."""
        return self.base_url + path

    def route(self, path: str, route: Route | None = None, **kwargs: object) -> str:
        """Install a route (a Route or Route's fields) and return its absolute URL."""
        self.routes[path] = route if route is not None else Route(**kwargs)  # type: ignore[arg-type]
        return self.url(path)

    def start(self) -> FeedServer:
        """Start serving in the background."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Release hanging handlers and stop."""
        self._stop.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def _record(self, path: str, headers: dict[str, str]) -> None:
        with self._lock:
            self.hits[path] += 1
            self.requests.append((path, headers))

    def last_headers(self, path: str) -> dict[str, str]:
        """Request headers (lower-cased names) of the latest request to `path`."""
        return next(h for p, h in reversed(self.requests) if p == path)


def _handler_for(server: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep test output clean

        def do_GET(self) -> None:
            path = self.path
            headers = {k.lower(): v for k, v in self.headers.items()}
            server._record(path, headers)
            route = server.routes.get(path)
            if route is not None and route.delay:
                server._stop.wait(route.delay)
            if route is None:
                self._send(404, b"not found", {"Content-Type": "text/plain"})
            elif route.hang:
                server._stop.wait(60)
                self.close_connection = True
            elif route.redirect_to is not None:
                status = route.status if 300 <= route.status < 400 else 302
                self._send(status, b"", {"Location": route.redirect_to, **route.headers})
            elif route.stream_bytes:
                self._stream(route)
            elif _not_modified(route, headers):
                self._send(304, b"", _validator_headers(route))
            else:
                self._send_route(route, headers)

        def _send_route(self, route: Route, headers: dict[str, str]) -> None:
            extra = {**_validator_headers(route), **route.headers}
            if route.content_type:
                extra["Content-Type"] = route.content_type
            body = route.body
            if route.gzip and "gzip" in headers.get("accept-encoding", ""):
                body = gzip_module.compress(body)
                extra["Content-Encoding"] = "gzip"
            self._send(route.status, body, extra)

        def _stream(self, route: Route) -> None:
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type or "application/octet-stream")
            if route.declare_length:
                self.send_header("Content-Length", str(route.stream_bytes))
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            chunk = b"x" * 65536
            left = route.stream_bytes
            try:
                while left > 0 and not server._stop.is_set():
                    self.wfile.write(chunk[: min(left, len(chunk))])
                    left -= len(chunk)
            except OSError:
                pass  # the client hung up, as it should once over its cap

        def _send(self, status: int, body: bytes, headers: Mapping[str, str]) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)

    return Handler


def _validator_headers(route: Route) -> dict[str, str]:
    out = {}
    if route.etag:
        out["ETag"] = route.etag
    if route.last_modified:
        out["Last-Modified"] = route.last_modified
    return out


def _not_modified(route: Route, headers: Mapping[str, str]) -> bool:
    if route.status != 200:
        return False
    if route.etag and headers.get("if-none-match") == route.etag:
        return True
    return bool(route.last_modified and headers.get("if-modified-since") == route.last_modified)
