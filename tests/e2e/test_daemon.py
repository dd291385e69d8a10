"""`monitor run` as a real process: it polls, projects, delivers, talks to systemd, obeys signals."""

from __future__ import annotations

import json
import signal
from collections.abc import Callable

from sqlalchemy import func, select

from monitor.demo.httpserver import FeedServer, Route
from monitor.demo.timeline import install_round, timeline
from monitor.store.tables_feeds import articles
from monitor.store.tables_outbox import alerts
from tests.e2e import daemon_support
from tests.e2e.daemon_support import (
    Daemon,
    DaemonConfig,
    NotifyListener,
    feed_entries,
    rss,
    wait_until,
)
from tests.support import webhook_receiver as receivers
from tests.support.webhook_receiver import WebhookReceiver

# Fixtures used by this module (assignments, so that pytest finds them here).
daemon_config = daemon_support.daemon_config
notify_socket = daemon_support.notify_socket
spawn = daemon_support.spawn
webhook_receiver = receivers.webhook_receiver
webhook_secret = receivers.webhook_secret

Spawn = Callable[..., Daemon]


def synthetic_feed(server: FeedServer, name: str, count: int = 3) -> str:
    """Serve a small RSS feed of our own filler prose; returns its URL."""
    return server.route(f"/{name}.xml", body=rss(name, feed_entries(name, count), server.base_url))


def article_count(daemon: Daemon) -> int:
    """Rows in the articles read model."""
    with daemon.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(articles)).scalar_one())


def test_daemon_polls_projects_delivers_and_reports_to_systemd(
    spawn: Spawn,
    daemon_config: DaemonConfig,
    notify_socket: NotifyListener,
    feed_server: FeedServer,
    webhook_receiver: WebhookReceiver,
) -> None:
    urls = install_round(feed_server, 1)
    daemon_config.feeds = [{"url": url, "interval": "1h"} for url in urls.values()]
    daemon_config.figures = [timeline()["figure"]]
    daemon_config.webhooks = [{"url": webhook_receiver.url, "secret": webhook_receiver.secret}]
    daemon = spawn()
    daemon.wait_ready()

    wait_until(lambda: article_count(daemon) >= 6, "the demo articles in the read model")
    wait_until(lambda: webhook_receiver.delivered, "an alert at the webhook receiver")
    wait_until(lambda: notify_socket.count("WATCHDOG") >= 3, "periodic WATCHDOG=1")

    with daemon.engine.connect() as conn:
        raised = set(conn.execute(select(alerts.c.alert_id)).scalars())
    delivered = [r.webhook_id for r in webhook_receiver.delivered]
    assert set(delivered) <= raised
    assert len(delivered) == len(set(delivered)), "an alert was delivered twice"
    assert all(r.payload["type"] == "figure.changed" for r in webhook_receiver.delivered)

    status, body = daemon.get("/readyz")
    assert (status, json.loads(body)["ready"]) == (200, True)
    assert daemon.get("/livez")[0] == 200
    status, exposition = daemon.get("/metrics")
    assert status == 200
    assert 'monitor_polls_total{outcome="new"}' in exposition
    assert "monitor_articles_total" in exposition
    assert feed_server.base_url not in exposition, "no per-URL labels"

    assert daemon.stop() == 0
    assert notify_socket.count("STOPPING") == 1


def test_sigterm_exits_zero_within_ten_seconds_while_a_poll_hangs(
    spawn: Spawn,
    daemon_config: DaemonConfig,
    notify_socket: NotifyListener,
    feed_server: FeedServer,
) -> None:
    hanging = feed_server.route("/hangs.xml", Route(hang=True))
    daemon_config.feeds = [{"url": hanging}]
    daemon = spawn()
    daemon.wait_ready()
    wait_until(lambda: feed_server.hits["/hangs.xml"], "the hanging poll to start")

    # systemd's default TimeoutStopSec is 90 s, ours 10 s: the daemon must be out by then.
    assert daemon.stop(timeout=10) == 0
    assert notify_socket.count("STOPPING") == 1
    assert "cancelled unfinished work" in daemon.log()


def test_a_feed_that_never_answers_delays_neither_other_feeds_nor_the_watchdog(
    spawn: Spawn,
    daemon_config: DaemonConfig,
    notify_socket: NotifyListener,
    feed_server: FeedServer,
) -> None:
    hanging = feed_server.route("/hangs.xml", Route(hang=True))
    fast = synthetic_feed(feed_server, "fast")
    daemon_config.feeds = [{"url": hanging}, {"url": fast, "interval": "1s"}]
    daemon = spawn()
    daemon.wait_ready()
    wait_until(lambda: feed_server.hits["/hangs.xml"], "the hanging poll to start")
    watchdogs = notify_socket.count("WATCHDOG")

    wait_until(lambda: feed_server.hits["/fast.xml"] >= 4, "repeated polls of the healthy feed")
    wait_until(lambda: notify_socket.count("WATCHDOG") >= watchdogs + 3, "watchdog pings")
    assert feed_server.hits["/hangs.xml"] == 1, "the hanging feed is polled once at a time"
    assert article_count(daemon) == 3


def test_sighup_adds_a_feed_without_a_restart_and_rejects_a_bad_config(
    spawn: Spawn,
    daemon_config: DaemonConfig,
    notify_socket: NotifyListener,
    feed_server: FeedServer,
) -> None:
    first = synthetic_feed(feed_server, "first")
    second = synthetic_feed(feed_server, "second", count=2)
    daemon_config.feeds = [{"url": first}]
    daemon = spawn()
    daemon.wait_ready()
    wait_until(lambda: article_count(daemon) == 3, "the first feed's articles")
    pid = daemon.proc.pid if daemon.proc else None

    daemon_config.write(extra="[[feeds]]\nurl = 42\n")
    daemon.signal(signal.SIGHUP)
    wait_until(lambda: "new configuration rejected" in daemon.log(), "the rejection log line")
    assert daemon.running()

    readies = notify_socket.count("READY")
    daemon_config.feeds.append({"url": second})
    daemon_config.write()
    daemon.signal(signal.SIGHUP)
    daemon.wait_ready(readies)
    wait_until(lambda: article_count(daemon) == 5, "the added feed's articles")
    assert daemon.proc is not None and daemon.proc.pid == pid
    assert daemon.stop() == 0
