"""`monitor run` against hostile feeds and huge pages: alerts still flow, the loop stays free."""

from __future__ import annotations

import json
import time
from collections.abc import Callable

from monitor.demo.httpserver import FeedServer
from monitor.demo.timeline import install_round, timeline
from monitor.events import ArticleObserved
from tests.e2e import daemon_support
from tests.e2e.daemon_support import Daemon, DaemonConfig, NotifyListener, wait_until
from tests.support import webhook_receiver as receivers
from tests.support.webhook_receiver import WebhookReceiver
from tests.unit.polling.test_page_budget import big_page

daemon_config = daemon_support.daemon_config
notify_socket = daemon_support.notify_socket
spawn = daemon_support.spawn
webhook_receiver = receivers.webhook_receiver
webhook_secret = receivers.webhook_secret

Spawn = Callable[..., Daemon]


def poisoned_feeds(server: FeedServer) -> list[str]:
    nul = server.route(
        "/nul.json",
        content_type="application/feed+json",
        body=json.dumps(
            {
                "version": "https://jsonfeed.org/version/1.1",
                "title": "feed\u0000title",
                "items": [{"id": "p1", "title": "x\u0000y", "content_text": "text\u0000here"}],
            }
        ).encode(),
    )
    deep = server.route(
        "/deep.json",
        content_type="application/feed+json",
        body=b'{"version":"https://jsonfeed.org/version/1","items":'
        + b"[" * 100_000
        + b"]" * 100_000
        + b"}",
    )
    refused = server.route("/to-data.xml", status=302, redirect_to="data:text/xml,<rss/>")
    forever = server.route("/forever.xml", status=503, headers={"Retry-After": "999999999999"})
    return [nul, deep, refused, forever]


def test_alerts_are_raised_for_other_feeds_while_poisoned_feeds_fail(
    spawn: Spawn,
    daemon_config: DaemonConfig,
    feed_server: FeedServer,
    webhook_receiver: WebhookReceiver,
) -> None:
    urls = install_round(feed_server, 1)
    poisoned = poisoned_feeds(feed_server)
    daemon_config.feeds = [{"url": u, "interval": "1h"} for u in [*urls.values(), *poisoned]]
    daemon_config.figures = [timeline()["figure"]]
    daemon_config.webhooks = [{"url": webhook_receiver.url, "secret": webhook_receiver.secret}]
    daemon = spawn()
    daemon.wait_ready()

    wait_until(lambda: webhook_receiver.delivered, "an alert at the webhook receiver")
    wait_until(lambda: daemon.count_events("FeedFailed") >= 3, "the poisoned feeds' failures")
    status, body = daemon.get("/readyz")
    assert (status, json.loads(body)["ready"]) == (200, True), body
    assert daemon.count_events("ProjectionFailed") == 0
    assert "Traceback" not in daemon.log()
    assert daemon.stop() == 0


def test_huge_pages_block_neither_the_loop_nor_a_sigterm(
    spawn: Spawn,
    daemon_config: DaemonConfig,
    notify_socket: NotifyListener,
    feed_server: FeedServer,
) -> None:
    page = big_page(14_000_000)
    links = [
        feed_server.route(f"/page{i}.html", body=page, content_type="text/html") for i in range(4)
    ]
    items = "".join(
        f"<item><guid>big-{i}</guid><title>Ships diverted {i}</title><link>{link}</link>"
        "<description>Teaser only…</description></item>"
        for i, link in enumerate(links)
    )
    feed = feed_server.route(
        "/teasers.xml",
        body=(
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Teasers</title>'
            f"<link>{feed_server.base_url}</link><description>d</description>{items}"
            "</channel></rss>"
        ).encode(),
    )
    daemon_config.feeds = [{"url": feed, "interval": "1h"}]
    daemon_config.polling = {"timeout": "30s", "full_text": "auto"}
    daemon = spawn()
    daemon.wait_ready()
    wait_until(
        lambda: daemon.count_events(ArticleObserved.TYPE) == 4, "the four articles", timeout=60
    )

    # The articles projection now extracts four 14 MB pages; the loop keeps answering.
    pings = notify_socket.count("WATCHDOG")
    for _ in range(6):
        started = time.monotonic()
        assert daemon.get("/livez")[0] == 200
        assert time.monotonic() - started < 2.0, "the web server answered late"
        time.sleep(0.5)
    wait_until(lambda: notify_socket.count("WATCHDOG") > pings, "watchdog pings meanwhile")

    started = time.monotonic()
    assert daemon.stop(timeout=10) == 0
    took = time.monotonic() - started
    print(f"SIGTERM during the projection of 14 MB pages: exit after {took:.1f} s")
    assert "event loop blocked" not in daemon.log()
