"""A webhook receiver on 127.0.0.1 that verifies every request with `standardwebhooks` (demo, tests)."""

from __future__ import annotations

import base64
import json
import secrets
import socket
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self

from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError


def new_secret() -> str:
    """A fresh `whsec_` secret."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


def free_port() -> int:
    """A loopback port that was free a moment ago."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class Reply:
    """A scripted answer; `hang` keeps the connection open without answering."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    hang: bool = False


@dataclass(frozen=True)
class Request:
    """One verified request and the status it was answered with."""

    headers: dict[str, str]
    payload: Any
    status: int

    @property
    def webhook_id(self) -> str:
        """The `webhook-id` header."""
        return self.headers["webhook-id"]


class WebhookReceiver:
    """Threaded HTTP server: verify, record, answer from the script (then 200)."""

    def __init__(self, secret: str, port: int | None = None) -> None:
        self.secret = secret
        self.port = port or free_port()
        self.requests: list[Request] = []
        self.rejected = 0
        self._script: list[Reply] = []
        self._lock = threading.Lock()
        self._release = threading.Event()
        self._server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        """Base URL of the receiver."""
        return f"http://127.0.0.1:{self.port}/hook"

    @property
    def delivered(self) -> list[Request]:
        """Verified requests answered with 2xx."""
        return [r for r in self.requests if 200 <= r.status < 300]

    def script(self, *replies: Reply) -> None:
        """Answer the next requests with these replies, in order."""
        with self._lock:
            self._script.extend(replies)

    def _next_reply(self) -> Reply:
        with self._lock:
            return self._script.pop(0) if self._script else Reply()

    def verify(self, headers: dict[str, str], body: bytes) -> Any:
        """The JSON payload; WebhookVerificationError unless signed with our secret."""
        return Webhook(self.secret).verify(body, headers)

    def handle(self, headers: dict[str, str], body: bytes) -> Reply:
        """Verify then answer; a bad signature gets 401 and is not recorded as a request."""
        try:
            payload = self.verify(headers, body)
        except WebhookVerificationError:
            with self._lock:
                self.rejected += 1
            return Reply(401, body=b"bad signature")
        reply = self._next_reply()
        with self._lock:
            self.requests.append(Request(headers, payload, 0 if reply.hang else reply.status))
        return reply

    def start(self) -> Self:
        """Listen on 127.0.0.1:port in a background thread."""
        server = ThreadingHTTPServer(("127.0.0.1", self.port), _handler_for(self))
        server.daemon_threads = True
        # A short poll interval keeps shutdown (and so each test's teardown) quick.
        threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True).start()
        self._server = server
        return self

    def stop(self) -> None:
        """Release hanging requests and close the socket."""
        self._release.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def wait_released(self) -> None:
        """Block a hanging handler until the receiver stops (bounded, so threads end)."""
        self._release.wait(timeout=30)


class JsonReceiver(WebhookReceiver):
    """The same server without signature checks: records any JSON body it is sent."""

    def __init__(self, port: int | None = None) -> None:
        super().__init__(secret="", port=port)

    def verify(self, headers: dict[str, str], body: bytes) -> Any:
        """Parse only; unsigned senders (Apprise) are welcome here."""
        return json.loads(body)


def _handler_for(receiver: WebhookReceiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length") or 0))
            reply = receiver.handle({k.lower(): v for k, v in self.headers.items()}, body)
            if reply.hang:
                receiver.wait_released()
                return
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.send_header("content-length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)

        def log_message(self, format: str, *args: Any) -> None:
            """Keep test output quiet."""

    return Handler
