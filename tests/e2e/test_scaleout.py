"""Scale-out (docs/SPEC.md §9): three `monitor run` processes on one PostgreSQL, one of them killed.

Real subprocesses, a real PostgreSQL schema, real HTTP: 300 synthetic feeds on a slow local
server that counts how many requests it answers at once (per-host politeness across
processes), the demo timeline on another server (figures and alerts) and two webhook
receivers (one per channel).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from monitor.demo.httpserver import FeedServer
from monitor.demo.timeline import install_round, rounds, timeline
from monitor.store.tables import events
from monitor.store.tables_feeds import processes
from monitor.store.tables_outbox import alerts
from tests.conftest import PG_ENV, PG_SKIP
from tests.e2e import daemon_support
from tests.e2e.daemon_support import (
    MONITOR,
    ROOT,
    Daemon,
    DaemonConfig,
    NotifyListener,
    feed_entries,
    rss,
    wait_until,
)
from tests.e2e.test_daemon_crash import (
    ORDER_FREE,
    event_stats_match_the_log,
    facts_of,
    live_equals_replay,
    outcome,
)
from tests.support.webhook_receiver import WebhookReceiver, free_port, new_secret

daemon_config = daemon_support.daemon_config
notify_socket = daemon_support.notify_socket
spawn = daemon_support.spawn

SYNTHETIC_FEEDS = 300
ENTRIES_PER_FEED = 2
DAEMONS = 3
PER_HOST = 6  # below 3 daemons × concurrency 4: the cluster-wide limit is what binds
CONCURRENCY = 4
POLLING = {"timeout": "10s", "concurrency": CONCURRENCY, "per_host": PER_HOST}
# Generous: the killed daemon's feed leases must expire before its feeds move on.
SETTLE = 90.0


def full_entries(prefix: str) -> list[tuple[str, str, str]]:
    """Entries long enough to be full text, so no article page is fetched (the lease
    bounds feed requests per host across processes; page fetches are bounded per process)."""
    more = (
        "The ferry operator asked for a longer winter timetable, the harbour master reported "
        "that the new pontoon passed its load test, and residents of the north quay asked the "
        "council to keep the footbridge open during the works. A vote on the dredging contract "
        "is expected at the next meeting, after the auditors have checked the revised costs."
    )
    return [
        (guid, title, f"{text} {more}")
        for guid, title, text in feed_entries(prefix, ENTRIES_PER_FEED)
    ]


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # the killed daemon's connections end abruptly, as they should


class SlowFeedServer:
    """Serves /feed/<i>.xml after a short delay, counting requests answered at once."""

    def __init__(self, feeds: int, delay: float = 0.05) -> None:
        self.delay = delay
        self.bodies = {
            f"/feed/{i}.xml": rss(f"town{i}", full_entries(f"town{i}"), "") for i in range(feeds)
        }
        self.hits: Counter[str] = Counter()
        self.peak = 0
        self._active = 0
        self._lock = threading.Lock()
        self._httpd = _QuietServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()

    def url(self, i: int) -> str:
        """The URL of feed `i`."""
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/feed/{i}.xml"

    def reset(self) -> None:
        """Forget the counts (between runs)."""
        with self._lock:
            self.hits.clear()
            self.peak = 0

    def _enter(self, path: str) -> None:
        with self._lock:
            self.hits[path] += 1
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
                    body = server.bodies.get(self.path, b"")
                    self.send_response(200 if body else 404)
                    self.send_header("Content-Type", "application/rss+xml")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass  # a killed daemon hung up
                finally:
                    server._leave()

        return Handler

    def stop(self) -> None:
        """Stop serving."""
        self._httpd.shutdown()
        self._httpd.server_close()


@pytest.fixture
def slow_server() -> Iterator[SlowFeedServer]:
    """The 300 synthetic feeds."""
    server = SlowFeedServer(SYNTHETIC_FEEDS)
    yield server
    server.stop()


@pytest.fixture
def pg_urls() -> Iterator[Callable[[], str]]:
    """Fresh private PostgreSQL schemas, as many as asked for (dropped afterwards)."""
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(PG_SKIP)
    admin = create_engine(base)
    made: list[str] = []

    def _make() -> str:
        schema = f"t_{uuid.uuid4().hex[:12]}"
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        made.append(schema)
        url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
        return url.render_as_string(hide_password=False)

    yield _make
    with admin.begin() as conn:
        for schema in made:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture
def receivers() -> Iterator[list[WebhookReceiver]]:
    """Two webhook channels."""
    started = [WebhookReceiver(new_secret()).start() for _ in range(2)]
    yield started
    for receiver in started:
        receiver.stop()


def configs(
    tmp_path: Path, name: str, database_url: str, base: DaemonConfig, count: int
) -> list[DaemonConfig]:
    """`count` daemons' configs on one database (each with its own web port and log)."""
    return [
        DaemonConfig(
            path=tmp_path / f"{name}{i}.toml",
            database_url=database_url,
            web_port=free_port(),
            feeds=base.feeds,
            figures=base.figures,
            webhooks=base.webhooks,
            polling=base.polling,
        )
        for i in range(count)
    ]


def process_id(daemon: Daemon) -> str:
    """The id a daemon registers under (host:pid)."""
    assert daemon.proc is not None
    return f"{socket.gethostname()}:{daemon.proc.pid}"


def scalar(daemon: Daemon, query: Any) -> int:
    """One number from the daemon's database."""
    with daemon.engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


def polls_per_feed(daemon: Daemon) -> Counter[str]:
    """FeedPolled events per synthetic feed path."""
    with daemon.engine.connect() as conn:
        payloads = conn.execute(select(events.c.payload).where(events.c.type == "FeedPolled"))
        urls = [json.loads(p)["url"] for (p,) in payloads]
    return Counter(u.split("/", 3)[3] for u in urls if "/feed/" in u)


def polls_by_metrics(daemon: Daemon) -> float:
    """Polls the daemon counted itself (its /metrics)."""
    _, body = daemon.get("/metrics")
    return sum(
        float(line.rsplit(" ", 1)[1])
        for line in body.splitlines()
        if line.startswith("monitor_polls_total{")
    )


def settled(daemon: Daemon, feeds: int) -> bool:
    """Every synthetic feed polled and every projection at the head of the log."""
    if len(polls_per_feed(daemon)) < feeds:
        return False
    with daemon.engine.connect() as conn:
        head = conn.execute(select(func.max(events.c.position))).scalar_one()
        behind = conn.execute(
            text("SELECT count(*) FROM checkpoints WHERE position < :head"), {"head": head}
        ).scalar_one()
        pending = conn.execute(
            text("SELECT count(*) FROM deliveries WHERE state = 'pending'")
        ).scalar_one()
    return behind == 0 and pending == 0 and head is not None


def holders(daemon: Daemon) -> dict[str, str]:
    """Process id → the projections it recorded holding."""
    with daemon.engine.connect() as conn:
        return dict(conn.execute(select(processes.c.id, processes.c.projections)).all())


def status(config: DaemonConfig) -> dict[str, Any]:
    """`monitor status --json`."""
    out = subprocess.run(
        [*MONITOR, "--config", str(config.path), "status", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return dict(json.loads(out.stdout))


def delivered_per_channel(receivers: list[WebhookReceiver]) -> list[Counter[str]]:
    """How many times each alert id reached each channel."""
    return [Counter(r.webhook_id for r in receiver.delivered) for receiver in receivers]


def test_three_daemons_share_the_work_and_survive_a_kill_9(
    spawn: Callable[..., Daemon],
    daemon_config: DaemonConfig,
    notify_socket: NotifyListener,
    feed_server: FeedServer,
    slow_server: SlowFeedServer,
    receivers: list[WebhookReceiver],
    pg_urls: Callable[[], str],
    tmp_path: Path,
) -> None:
    demo = list(install_round(feed_server, len(rounds()) - 1).values())
    synthetic = [slow_server.url(i) for i in range(SYNTHETIC_FEEDS)]
    daemon_config.feeds = [{"url": url, "interval": "1h"} for url in [*demo, *synthetic]]
    daemon_config.figures = [timeline()["figure"]]
    daemon_config.polling = POLLING

    # The reference: one daemon alone on a database of its own (no channels needed).
    (alone,) = configs(tmp_path, "alone", pg_urls(), daemon_config, 1)
    reference = spawn(alone)
    reference.wait_ready()
    wait_until(lambda: settled(reference, SYNTHETIC_FEEDS), "the single daemon", SETTLE)
    assert reference.stop() == 0
    expected = outcome(reference)
    expected_alerts = {a for t, a in expected.facts if t == "AlertRaised"}
    assert expected_alerts
    assert slow_server.peak <= PER_HOST
    slow_server.reset()

    # Three daemons on another database, started together, with two alert channels.
    daemon_config.webhooks = [{"url": r.url, "secret": r.secret} for r in receivers]
    shared = configs(tmp_path, "shared", pg_urls(), daemon_config, DAEMONS)
    readies = notify_socket.count("READY")
    daemons = [spawn(config) for config in shared]
    wait_until(lambda: notify_socket.count("READY") >= readies + DAEMONS, "three READY=1")
    first = daemons[0]
    wait_until(
        lambda: (
            len(polls_per_feed(first)) >= SYNTHETIC_FEEDS // 3
            and all(polls_by_metrics(d) > 0 for d in daemons)
        ),
        "a third of the feeds polled, by all three daemons",
    )
    owners = holders(first)
    victim = max(daemons, key=lambda d: len(owners.get(process_id(d), "")))
    victim_id = process_id(victim)
    assert owners[victim_id], "the victim runs projections"
    assert len(polls_per_feed(first)) < SYNTHETIC_FEEDS, "killed mid-run"
    victim.kill9()

    survivors = [d for d in daemons if d is not victim]
    wait_until(lambda: settled(survivors[0], SYNTHETIC_FEEDS), "the survivors to finish", SETTLE)
    report = wait_until(
        lambda: (r := status(shared[1])) and all(p["holder"] for p in r["projections"]) and r,
        "every projection held by a survivor",
    )
    for survivor in survivors:
        assert survivor.stop() == 0
    got = outcome(survivors[0])

    # Every feed was polled exactly once, every article appended once.
    per_feed = polls_per_feed(survivors[0])
    assert set(per_feed.values()) == {1} and len(per_feed) == SYNTHETIC_FEEDS
    assert not [fact for fact, n in got.facts.items() if n > 1]
    assert facts_of(got, ORDER_FREE) == facts_of(expected, ORDER_FREE)
    assert got.articles == expected.articles
    assert len(facts_of(got, ("FigureTracked",))) == len(facts_of(expected, ("FigureTracked",)))
    # Politeness held across processes: never more than per_host requests at once.
    assert slow_server.peak <= PER_HOST
    # Only the feeds the victim was fetching when it died were fetched twice.
    refetched = [path for path, n in slow_server.hits.items() if n > 1]
    assert len(refetched) <= CONCURRENCY and max(slow_server.hits.values()) <= 2

    # Projections were taken over: nothing skipped or applied twice.
    live = {p["id"] for p in report["processes"] if p["alive"]}
    assert victim_id not in live and len(live) == DAEMONS - 1
    assert all(p["holder"] in live for p in report["projections"])
    assert event_stats_match_the_log(survivors[0])
    assert live_equals_replay(shared[1], daemon_config.figures)

    # Each alert reached each channel once (twice only for one unacknowledged attempt).
    raised = {a for t, a in got.facts if t == "AlertRaised"}
    assert raised and got.alerts == raised
    for seen in delivered_per_channel(receivers):
        assert set(seen) == raised
        assert max(seen.values()) <= 2
    with survivors[0].engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(alerts)).scalar_one() == len(raised)


def test_a_second_daemon_on_one_sqlite_file_refuses_to_start(
    spawn: Callable[..., Daemon], daemon_config: DaemonConfig
) -> None:
    first = spawn()
    first.wait_ready()
    second = subprocess.run(
        [*MONITOR, "--config", str(daemon_config.path), "run"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
    )
    database = Path(daemon_config.database_url.removeprefix("sqlite:///")).resolve()
    assert second.returncode == 1
    message = " ".join((second.stderr + second.stdout).split())
    assert f"another monitor daemon (pid {first.proc.pid}) is using {database}" in message  # type: ignore[union-attr]
    assert "SQLite allows one daemon — use PostgreSQL to run several" in message
    assert first.running()
    assert first.stop() == 0
