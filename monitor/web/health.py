"""/livez, /readyz and /metrics: what the daemon answers about itself."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Protocol

from aiohttp import web

from monitor.daemon.health import Readiness
from monitor.daemon.metrics import CONTENT_TYPE


class HealthSource(Protocol):
    """What the health endpoints ask the daemon."""

    def readiness(self) -> Readiness:
        """Database, scheduler and projection lag verdict."""
        ...

    def metrics_text(self) -> str:
        """The Prometheus exposition."""
        ...


Route = tuple[str, Callable[[web.Request], Awaitable[web.StreamResponse]]]


def health_routes(source: HealthSource) -> list[Route]:
    """/livez (the process answers), /readyz (503 with reasons when not ready), /metrics."""

    async def livez(_: web.Request) -> web.Response:
        return web.Response(text="ok\n")

    async def readyz(_: web.Request) -> web.Response:
        verdict = await asyncio.get_running_loop().run_in_executor(None, source.readiness)
        body = {"ready": verdict.ready, "reasons": list(verdict.reasons), **verdict.checks}
        return web.Response(
            body=json.dumps(body).encode(),
            status=200 if verdict.ready else 503,
            headers={"Content-Type": "application/json"},
        )

    async def metrics(_: web.Request) -> web.Response:
        text = await asyncio.get_running_loop().run_in_executor(None, source.metrics_text)
        return web.Response(body=text.encode(), headers={"Content-Type": CONTENT_TYPE})

    return [("/livez", livez), ("/readyz", readyz), ("/metrics", metrics)]
