"""The aiohttp application: routes, the read-only rule, security headers, error pages.

Why aiohttp.web: it is already a dependency (the fetcher's transport), it serves HTTP/1.1
with keep-alive and idle timeouts on asyncio without threads per connection, and it needs
nothing more than a router and middlewares here; templates are plain Jinja2 (no glue
package needed for a handful of pages).
"""

from __future__ import annotations

import asyncio
import ipaddress
import time
from collections.abc import Awaitable, Callable
from importlib import resources
from urllib.parse import urlsplit

from aiohttp import web

from monitor.logging import get_logger
from monitor.web import api, atom, pages
from monitor.web.health import HealthSource, health_routes
from monitor.web.templating import render
from monitor.web.view import HTML, Answer, BadRequest, NotFound, Query, View

log = get_logger("web")

SyncHandler = Callable[[View, Query], Answer]
AsyncHandler = Callable[[web.Request], Awaitable[web.StreamResponse]]

# No script at all, styles from our own stylesheet only, nothing framed, nothing fetched
# from elsewhere: feed text that slipped through could not run or load anything.
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
READ_METHODS = frozenset({"GET", "HEAD"})
COMPRESS_FROM = 2048  # bytes: smaller answers go as they are

VIEW_KEY = web.AppKey("view", View)
HostCheck = Callable[[str], bool]
HOSTS_KEY: web.AppKey[HostCheck] = web.AppKey("hosts")
MISDIRECTED = (
    "misdirected request: this view answers to localhost (and the host of alerts.public_url)\n"
)

PAGES: list[tuple[str, SyncHandler]] = [
    ("/", pages.overview),
    ("/figures/{name}", pages.figure),
    ("/stories", pages.stories),
    ("/stories/{id}", pages.story),
    ("/feeds", pages.feeds),
    ("/alerts", pages.alerts),
    ("/alerts.atom", atom.alerts_feed),
    ("/api/figures", api.figures),
    ("/api/figures/{name}", api.figure),
    ("/api/stories", api.stories),
    ("/api/stories/{id}", api.story),
    ("/api/alerts", api.alerts),
    ("/api/feeds", api.feeds),
]


def _error(status: int, message: str, request: web.Request) -> web.Response:
    if request.path.startswith("/api/"):
        return web.json_response({"error": message}, status=status)
    body = render("error.html", status=status, message=message)
    return web.Response(status=status, body=body.encode(), headers={"Content-Type": HTML})


@web.middleware
async def guard(request: web.Request, handler: AsyncHandler) -> web.StreamResponse:
    """Read-only (405 for anything but GET/HEAD), security headers, errors as pages,
    and the time the server spent in a `Server-Timing` header (`app`: wall time from
    request to answer; `cpu`: CPU time of the handler's thread)."""
    started = time.perf_counter()
    if request.method not in READ_METHODS:
        response: web.StreamResponse = web.Response(
            status=405, text="read-only\n", headers={"Allow": "GET, HEAD"}
        )
    elif not request.app[HOSTS_KEY](request.host):
        response = web.Response(status=421, text=MISDIRECTED)
    else:
        try:
            response = await handler(request)
        except web.HTTPNotFound:
            response = _error(404, "not found", request)
        except web.HTTPException as exc:
            response = _error(exc.status, exc.reason, request)
        except Exception:
            log.exception("request failed", path=request.path)
            response = _error(500, "internal error", request)
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    timing = f"app;dur={(time.perf_counter() - started) * 1000:.2f}"
    cpu = response.headers.pop(CPU_TIMING, None)
    response.headers["Server-Timing"] = f"{timing}, {cpu}" if cpu else timing
    return response


CPU_TIMING = "X-Monitor-CPU"  # merged into Server-Timing by `guard`


def _timed(func: SyncHandler, view: View, query: Query) -> tuple[Answer, float]:
    """The handler's answer and the CPU seconds its thread spent on it."""
    started = time.thread_time()
    answer = func(view, query)
    return answer, time.thread_time() - started


def serve(func: SyncHandler) -> AsyncHandler:
    """Run a synchronous handler in the web loop's thread pool."""

    async def handler(request: web.Request) -> web.StreamResponse:
        query = Query(
            path=request.path,
            match=dict(request.match_info),
            params={k: v for k, v in request.query.items()},
            base_url=f"{request.scheme}://{request.host}",
        )
        view = request.app[VIEW_KEY]
        loop = asyncio.get_running_loop()
        try:
            answer, cpu = await loop.run_in_executor(None, _timed, func, view, query)
        except NotFound as exc:
            return _error(404, str(exc), request)
        except BadRequest as exc:
            return _error(400, str(exc), request)
        response = web.Response(
            status=answer.status,
            body=answer.body,
            headers={
                "Content-Type": answer.content_type,
                **answer.headers,
                CPU_TIMING: f"cpu;dur={cpu * 1000:.2f}",
            },
        )
        if len(answer.body) > COMPRESS_FROM:
            response.enable_compression()  # gzip/deflate when the client accepts it
        return response

    return handler


STATIC = {
    "style.css": "text/css; charset=utf-8",
    "icon.svg": "image/svg+xml",
}


async def static_file(request: web.Request) -> web.Response:
    """The stylesheet and the icon (shipped in the package; nothing else is served)."""
    name = request.match_info["name"]
    if name not in STATIC:
        raise web.HTTPNotFound()
    data = (resources.files("monitor.web") / "static" / name).read_bytes()
    return web.Response(
        body=data, headers={"Content-Type": STATIC[name], "Cache-Control": "max-age=3600"}
    )


def loopback_hosts(view: View) -> Callable[[str], bool]:
    """Host headers a loopback-bound view answers to: loopback names and addresses, and the
    host of `alerts.public_url` (a reverse proxy's name). Anything else is a page of another
    site reaching us through DNS rebinding, and gets 421."""

    def allowed(host_header: str) -> bool:
        host = urlsplit(f"//{host_header}").hostname or ""
        if host == "localhost" or host.endswith(".localhost"):
            return True
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            public = urlsplit(view.config.alerts.public_url or "").hostname
            return bool(public) and host == public

    return allowed


def any_host(_: str) -> bool:
    """A view bound to a non-loopback address answers whatever name it is reached by."""
    return True


def make_web_app(
    view: View, health: HealthSource | None, hosts: Callable[[str], bool] = any_host
) -> web.Application:
    """The whole web view: pages, Atom, JSON API, and (with a daemon) its health endpoints."""
    app = web.Application(middlewares=[guard], client_max_size=64 * 1024)
    app[VIEW_KEY] = view
    app[HOSTS_KEY] = hosts
    for path, func in PAGES:
        app.router.add_get(path, serve(func))
    app.router.add_get("/static/{name}", static_file)
    if health is not None:
        for path, handler in health_routes(health):
            app.router.add_get(path, handler)
    return app
