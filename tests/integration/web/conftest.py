"""The web view served on a free loopback port over a real database."""

from __future__ import annotations

import http.client
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest

from monitor.daemon.bootstrap import App
from monitor.web.server import ServerSettings
from monitor.web.wiring import web_view


@dataclass(frozen=True)
class Reply:
    """One HTTP answer."""

    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode()


@dataclass(frozen=True)
class Site:
    """A running web view and a tiny client for it."""

    url: str

    def request(self, method: str, path: str, headers: dict[str, str] | None = None) -> Reply:
        parts = urlsplit(self.url)
        conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
        try:
            conn.request(method, path, headers=headers or {})
            resp = conn.getresponse()
            return Reply(resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read())
        finally:
            conn.close()

    def get(self, path: str) -> Reply:
        return self.request("GET", path)


@pytest.fixture
def app(make_app: Callable[..., App]) -> App:
    """The application on a fresh, migrated database (served behind a proxy at a public URL)."""
    return make_app(alerts={"public_url": "https://monitor.example.org/news"})


@pytest.fixture
def site(app: App) -> Iterator[Site]:
    """The web view (no daemon: no health routes) on a free port, idle timeout 1 s."""
    settings = ServerSettings(idle_timeout=1.0)
    with web_view(lambda: app, None, "127.0.0.1:0", settings) as server:
        assert server is not None
        yield Site(server.url)
