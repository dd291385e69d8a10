"""Work-conserving polling: `per_host` limits requests in flight, not polls per tick.

200 feeds on one loopback host, `per_host = 2`, `interval = "10s"`, and the daemon's
default 5 s tick: every feed is polled once per interval — by one daemon on SQLite and by
two on PostgreSQL — while the host never has more than 2 requests in flight (the server
counts). Article pages count toward `per_host` across processes as well.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.e2e import daemon_support
from tests.e2e.daemon_support import Daemon, DaemonConfig, NotifyListener, rss, wait_until
from tests.e2e.test_scaleout import configs, full_entries, pg_urls

daemon_config = daemon_support.daemon_config
notify_socket = daemon_support.notify_socket
spawn = daemon_support.spawn
pg_urls = pg_urls  # the fixture, found here by pytest

FEEDS = 200
PER_HOST = 2
INTERVAL = 10.0
TICK = 5.0  # the daemon's default: polls must not wait for it
WINDOW = 32.0  # a little over three intervals
JITTER = 0.2  # docs/SPEC.md §5: each feed's next poll is spread by ±20 %
POLLING = {"interval": "10s", "per_host": PER_HOST, "concurrency": 8, "timeout": "10s"}


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a stopped daemon's connections end abruptly


class CountingServer:
    """Answers GETs after `delay` s, recording when each path was asked for and the most
    requests it ever had in flight at once."""

    def __init__(self, delay: float = 0.02) -> None:
        self.delay = delay
        self.bodies: dict[str, tuple[bytes, str]] = {}
        self.times: defaultdict[str, list[float]] = defaultdict(list)
        self.peak = 0
        self._active = 0
        self._lock = threading.Lock()
        self._httpd = _QuietServer(("127.0.0.1", 0), self._handler())
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()

    @property
    def base(self) -> str:
        """http://127.0.0.1:PORT"""
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def serve(self, path: str, body: bytes, content_type: str) -> str:
        """Serve `body` at `path`; its URL."""
        self.bodies[path] = (body, content_type)
        return self.base + path

    def _enter(self, path: str) -> None:
        with self._lock:
            self.times[path].append(time.monotonic())
            self._active += 1
            self.peak = max(self.peak, self._active)

    def _leave(self) -> None:
        with self._lock:
            self._active -= 1

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server._enter(self.path)
                try:
                    time.sleep(server.delay)
                    body, kind = server.bodies.get(self.path, (b"", "text/plain"))
                    self.send_response(200 if body else 404)
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass
                finally:
                    server._leave()

        return Handler

    def stop(self) -> None:
        """Stop serving."""
        self._httpd.shutdown()
        self._httpd.server_close()


@pytest.fixture
def host() -> Iterator[CountingServer]:
    """The one host every feed lives on."""
    server = CountingServer()
    yield server
    server.stop()


def many_feeds(server: CountingServer) -> list[str]:
    """FEEDS feeds of one full-text entry each (no article page to fetch)."""
    return [
        server.serve(
            f"/feed/{i}.xml", rss(f"town{i}", full_entries(f"town{i}")[:1], ""), "text/xml"
        )
        for i in range(FEEDS)
    ]


def assert_polled_once_per_interval(server: CountingServer, started: float) -> None:
    """Every feed polled within the first interval, then every interval (± jitter), and
    never more often."""
    window = [(path, [t - started for t in times]) for path, times in server.times.items()]
    assert len(window) == FEEDS, f"only {len(window)} of {FEEDS} feeds were polled"
    late = [path for path, times in window if times[0] > INTERVAL]
    assert not late, f"{len(late)} feeds first polled after the first interval"
    gaps = [b - a for _, times in window for a, b in itertools.pairwise(times)]
    slack = 1.5  # scheduling latency on a shared machine
    assert max(gaps) <= INTERVAL * (1 + JITTER) + slack, f"longest gap {max(gaps):.1f} s"
    assert min(gaps) >= INTERVAL * (1 - JITTER) - slack, f"shortest gap {min(gaps):.1f} s"
    stale = [path for path, times in window if WINDOW - times[-1] > INTERVAL * (1 + JITTER) + slack]
    assert not stale, f"{len(stale)} feeds were no longer polled at the end"


def observe(daemons: list[Daemon], notify: NotifyListener, readies: int) -> float:
    """Wait for every daemon's READY=1, then for WINDOW seconds; when they were ready."""
    wait_until(lambda: notify.count("READY") >= readies + len(daemons), "READY=1 from all")
    started = time.monotonic()
    while time.monotonic() - started < WINDOW:
        assert all(d.running() for d in daemons), [d.log()[-2000:] for d in daemons]
        time.sleep(0.5)
    return started


def test_one_daemon_polls_200_feeds_of_one_host_every_interval_two_at_a_time(
    spawn: Callable[..., Daemon],
    daemon_config: DaemonConfig,
    notify_socket: NotifyListener,
    host: CountingServer,
) -> None:
    daemon_config.feeds = [{"url": url} for url in many_feeds(host)]
    daemon_config.polling = POLLING
    daemon = spawn(tick=TICK)
    started = observe([daemon], notify_socket, 0)

    assert host.peak <= PER_HOST, f"{host.peak} requests in flight on one host"
    assert_polled_once_per_interval(host, started)
    assert daemon.stop(timeout=10) == 0


def test_two_daemons_share_200_feeds_of_one_host_and_its_two_slots(
    spawn: Callable[..., Daemon],
    daemon_config: DaemonConfig,
    notify_socket: NotifyListener,
    host: CountingServer,
    pg_urls: Callable[[], str],
    tmp_path: Path,
) -> None:
    daemon_config.feeds = [{"url": url} for url in many_feeds(host)]
    daemon_config.polling = POLLING
    shared = configs(tmp_path, "shared", pg_urls(), daemon_config, 2)
    readies = notify_socket.count("READY")
    daemons = [spawn(config, tick=TICK) for config in shared]
    started = observe(daemons, notify_socket, readies)

    assert host.peak <= PER_HOST, f"{host.peak} requests in flight on one host"
    assert_polled_once_per_interval(host, started)
    assert all(d.stop(timeout=10) == 0 for d in daemons)


ARTICLE = (
    "<html><head><title>Harbour works</title></head><body><article><h1>Harbour works</h1>"
    + "".join(
        f"<p>The council approved stage {i} of the harbour works on Tuesday, after the "
        "engineers reported that the new pontoon had passed its load test and the ferry "
        "operator agreed to a longer winter timetable for the north quay.</p>"
        for i in range(8)
    )
    + "</article></body></html>"
).encode()


def test_article_pages_count_toward_per_host_across_two_daemons(
    spawn: Callable[..., Daemon],
    daemon_config: DaemonConfig,
    notify_socket: NotifyListener,
    host: CountingServer,
    pg_urls: Callable[[], str],
    tmp_path: Path,
) -> None:
    # The feeds live on one host and carry teasers; their articles live on another.
    pages = CountingServer(delay=0.05)
    try:
        feeds = []
        for i in range(30):
            links = [pages.serve(f"/a/{i}-{j}.html", ARTICLE, "text/html") for j in range(3)]
            items = "".join(
                f"<item><guid>t{i}-{j}</guid><title>Harbour works {i}-{j}</title>"
                f"<link>{link}</link><description>Read more…</description></item>"
                for j, link in enumerate(links)
            )
            body = f'<rss version="2.0"><channel><title>t{i}</title>{items}</channel></rss>'
            feeds.append({"url": host.serve(f"/teasers/{i}.xml", body.encode(), "text/xml")})
        daemon_config.feeds = feeds
        daemon_config.polling = {**POLLING, "interval": "1h", "concurrency": 16}
        shared = configs(tmp_path, "pages", pg_urls(), daemon_config, 2)
        daemons = [spawn(config) for config in shared]
        wait_until(lambda: len(pages.times) == 90, "every article page fetched", 60)

        assert pages.peak <= PER_HOST, f"{pages.peak} page requests in flight on one host"
        assert max(len(t) for t in pages.times.values()) == 1, "a page was fetched twice"
        assert all(d.stop(timeout=10) == 0 for d in daemons)
    finally:
        pages.stop()
