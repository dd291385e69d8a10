"""The HTTP server: an aiohttp application served from a thread of its own.

The web view runs its own event loop in its own thread, so a slow page never delays the
daemon's loop and a busy daemon loop never leaves /livez or /readyz unanswered. Handlers do
their database reads in that loop's small thread pool. Idle connections are closed after
`idle_timeout` seconds (aiohttp's keep-alive timer, armed from the moment a connection opens).
"""

from __future__ import annotations

import asyncio
import errno
import socket
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from aiohttp import web

IDLE_TIMEOUT = 15.0  # seconds a connection may stay open without a request
READ_THREADS = 4  # database reads of the web view in parallel


class PortInUse(RuntimeError):
    """The listen address is taken (or not ours to bind): one line for the operator."""


@dataclass(frozen=True)
class ServerSettings:
    """Tuning of the server itself (tests shorten the idle timeout)."""

    idle_timeout: float = IDLE_TIMEOUT
    read_threads: int = READ_THREADS
    shutdown_timeout: float = 2.0


def parse_listen(listen: str) -> tuple[str, int]:
    """'127.0.0.1:8750' or '[::1]:8750' → (host, port)."""
    host, _, port = listen.rpartition(":")
    return host.strip("[]"), int(port)


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        shown = f"[{host}]" if ":" in host else host
        if exc.errno == errno.EADDRINUSE:
            raise PortInUse(
                f"web.listen {shown}:{port} is already in use (another monitor or program "
                'listens there); set [web] listen to a free port, or "" to disable the view'
            ) from None
        raise PortInUse(
            f"web.listen {shown}:{port}: cannot listen there ({exc.strerror})"
        ) from None
    sock.listen(128)
    sock.setblocking(False)
    return sock


class WebServer:
    """Serves an aiohttp Application on HOST:PORT from a background thread.

    The socket is bound in the constructor, in the caller's thread: a port in use is a
    `PortInUse` there, before anything else starts.
    """

    def __init__(
        self, app: web.Application, listen: str, settings: ServerSettings = ServerSettings()
    ) -> None:
        host, port = parse_listen(listen)
        self._app = app
        self._settings = settings
        self._socket = _bind(host, port)
        self._loop = asyncio.new_event_loop()
        self._loop.set_default_executor(
            ThreadPoolExecutor(settings.read_threads, thread_name_prefix="web-read")
        )
        self._runner: web.AppRunner | None = None
        self._thread = threading.Thread(target=self._loop.run_forever, name="web", daemon=True)

    @property
    def url(self) -> str:
        """Base URL actually bound (useful with port 0)."""
        host, port = self._socket.getsockname()[:2]
        shown = f"[{host!s}]" if ":" in str(host) else str(host)
        return f"http://{shown}:{port}"

    def start(self) -> WebServer:
        """Start serving in the background; returns once the server accepts connections."""
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(timeout=10)
        return self

    async def _start(self) -> None:
        runner = web.AppRunner(
            self._app,
            access_log=None,  # scrapes every few seconds would drown the daemon's own log
            keepalive_timeout=self._settings.idle_timeout,
            shutdown_timeout=self._settings.shutdown_timeout,
            handle_signals=False,
        )
        await runner.setup()
        await web.SockSite(runner, self._socket).start()
        self._runner = runner

    def stop(self) -> None:
        """Stop accepting, close open connections, end the thread."""
        if self._thread.is_alive():
            if self._runner is not None:
                future = asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop)
                future.result(timeout=self._settings.shutdown_timeout + 5)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=5)
        self._loop.run_until_complete(self._loop.shutdown_default_executor())
        self._loop.close()
        self._socket.close()
