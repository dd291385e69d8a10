"""Wires the web view to a running daemon: `monitor run` calls `web_view` around the service.

The server lives beside the daemon's Service, not inside it: it reads through the features'
query functions on read-only connections and asks the service only for health (readiness,
metrics). An empty `[web] listen` disables it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from monitor.daemon.bootstrap import App
from monitor.web.app import make_web_app
from monitor.web.health import HealthSource
from monitor.web.server import ServerSettings, WebServer
from monitor.web.view import View


@contextmanager
def web_view(
    app: Callable[[], App],
    health: HealthSource | None,
    listen: str,
    settings: ServerSettings | None = None,
) -> Iterator[WebServer | None]:
    """Serve the view on `listen` for the duration of the block (None when disabled).

    Raises PortInUse (one line) before anything else started when the address is taken.
    """
    if not listen:
        yield None
        return
    server = WebServer(
        make_web_app(View(app), health), listen, settings or ServerSettings()
    ).start()
    try:
        yield server
    finally:
        server.stop()
