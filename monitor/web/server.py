"""The read-only HTTP server: a tiny router on the standard library's threaded HTTP server.

Handlers are plain functions `Request -> Response`, registered on a Router by path (or path
prefix), so the HTML pages, /api/... and /alerts.atom can be added next to /livez, /readyz and
/metrics without touching the server. Only GET and HEAD are served: the view is read-only.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol
from urllib.parse import parse_qs, urlsplit

from monitor.daemon.health import Readiness
from monitor.logging import get_logger

PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8"


@dataclass(frozen=True)
class Request:
    """What a handler sees of a request."""

    method: str
    path: str
    query: Mapping[str, list[str]] = field(default_factory=dict)
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Response:
    """What a handler answers."""

    status: int = 200
    body: bytes = b""
    content_type: str = "text/plain; charset=utf-8"
    headers: Mapping[str, str] = field(default_factory=dict)


Handler = Callable[[Request], Response]


def text_response(body: str, status: int = 200, content_type: str | None = None) -> Response:
    """A UTF-8 text answer."""
    return Response(status, body.encode(), content_type or "text/plain; charset=utf-8")


def json_response(data: Any, status: int = 200) -> Response:
    """A JSON answer (stable key order as given)."""
    body = json.dumps(data, ensure_ascii=False, default=str).encode()
    return Response(status, body, "application/json")


class Router:
    """Exact paths first, then the longest matching prefix; 404 otherwise."""

    def __init__(self) -> None:
        self._exact: dict[str, Handler] = {}
        self._prefixes: dict[str, Handler] = {}

    def add(self, path: str, handler: Handler) -> None:
        """Serve `handler` on exactly `path`."""
        self._exact[path] = handler

    def add_prefix(self, prefix: str, handler: Handler) -> None:
        """Serve `handler` on every path starting with `prefix` (e.g. "/figures/")."""
        self._prefixes[prefix] = handler

    def dispatch(self, request: Request) -> Response:
        """The response for `request` (405 for anything but GET/HEAD, 500 on a handler bug)."""
        if request.method not in ("GET", "HEAD"):
            return Response(405, b"read-only\n", headers={"Allow": "GET, HEAD"})
        handler = self._exact.get(request.path) or next(
            (
                h
                for prefix, h in sorted(self._prefixes.items(), key=lambda kv: -len(kv[0]))
                if request.path.startswith(prefix)
            ),
            None,
        )
        if handler is None:
            return text_response("not found\n", 404)
        try:
            return handler(request)
        except Exception:
            get_logger("web").exception("request failed", path=request.path)
            return text_response("internal error\n", 500)


class HealthSource(Protocol):
    """What the health endpoints ask the daemon."""

    def readiness(self) -> Readiness:
        """Database, scheduler and projection lag verdict."""
        ...

    def metrics_text(self) -> str:
        """The Prometheus exposition."""
        ...


def add_health_routes(router: Router, source: HealthSource) -> None:
    """/livez (the process answers), /readyz (503 with reasons when not ready), /metrics."""

    def livez(_: Request) -> Response:
        return text_response("ok\n")

    def readyz(_: Request) -> Response:
        verdict = source.readiness()
        body = {"ready": verdict.ready, "reasons": list(verdict.reasons), **verdict.checks}
        return json_response(body, 200 if verdict.ready else 503)

    def metrics(_: Request) -> Response:
        return text_response(source.metrics_text(), content_type=PROMETHEUS_TEXT)

    router.add("/livez", livez)
    router.add("/readyz", readyz)
    router.add("/metrics", metrics)


def parse_listen(listen: str) -> tuple[str, int]:
    """'127.0.0.1:8750' or '[::1]:8750' → (host, port)."""
    host, _, port = listen.rpartition(":")
    return host.strip("[]"), int(port)


class _Server(ThreadingHTTPServer):
    daemon_threads = True


class WebServer:
    """Serves a Router on HOST:PORT from a background thread."""

    def __init__(self, router: Router, listen: str) -> None:
        host, port = parse_listen(listen)
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        server_class = type("Server", (_Server,), {"address_family": family})
        self._httpd: ThreadingHTTPServer = server_class((host, port), _handler_for(router))
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True
        )

    @property
    def url(self) -> str:
        """Base URL actually bound (useful with port 0)."""
        host, port = self._httpd.server_address[:2]
        shown = f"[{host!s}]" if ":" in str(host) else str(host)
        return f"http://{shown}:{port}"

    def start(self) -> WebServer:
        """Start serving in the background."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop accepting and close the socket."""
        self._httpd.shutdown()
        self._httpd.server_close()


def _handler_for(router: Router) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "news-monitor"

        def log_message(self, format: str, *args: object) -> None:
            pass  # scrapes every few seconds would drown the daemon's own log

        def _serve(self) -> None:
            parts = urlsplit(self.path)
            request = Request(
                self.command,
                parts.path,
                parse_qs(parts.query),
                {k.lower(): v for k, v in self.headers.items()},
            )
            response = router.dispatch(request)
            self.send_response(response.status)
            self.send_header("Content-Type", response.content_type)
            self.send_header("Content-Length", str(len(response.body)))
            self.send_header("Cache-Control", "no-store")
            for name, value in response.headers.items():
                self.send_header(name, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(response.body)

        do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = _serve

    return Handler
