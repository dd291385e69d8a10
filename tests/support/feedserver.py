"""The `feed_server` fixture: the package's loopback HTTP server with a route table per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from monitor.demo.httpserver import FeedServer, Route

__all__ = ["FeedServer", "Route", "feed_server"]


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """A started FeedServer on 127.0.0.1, stopped after the test."""
    server = FeedServer().start()
    try:
        yield server
    finally:
        server.stop()
