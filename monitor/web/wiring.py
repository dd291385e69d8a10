"""Wires the web view to a running daemon: `monitor run` calls `web_view` around the service.

The server lives beside the daemon's Service, not inside it: it reads through the features'
query functions on read-only connections and asks the service only for health (readiness,
metrics). An empty `[web] listen` disables it.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from monitor.daemon.app import App
from monitor.web.app import any_host, loopback_hosts, make_web_app
from monitor.web.health import HealthSource
from monitor.web.server import ServerSettings, WebServer, parse_listen
from monitor.web.view import View


def is_loopback(host: str) -> bool:
    """True for localhost and loopback addresses."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


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
    view = View(app)
    # Bound to loopback, the view answers to loopback names only (no DNS rebinding).
    hosts = loopback_hosts(view) if is_loopback(parse_listen(listen)[0]) else any_host
    server = WebServer(make_web_app(view, health, hosts), listen, settings or ServerSettings())
    server.start()
    try:
        yield server
    finally:
        server.stop()
