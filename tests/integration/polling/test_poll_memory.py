"""Memory stays bounded while a large feed changes on every poll (no content is cached)."""

from __future__ import annotations

import asyncio
import gc
from pathlib import Path

import pytest

from monitor.config import build
from monitor.daemon.bootstrap import open_app
from monitor.daemon.cycle import poll_feeds
from monitor.polling.poller import due_feeds, utcnow
from monitor.polling.subscriptions import DeclaredFeed, add_feed
from tests.support.feedserver import FeedServer

PARAGRAPH = (
    "Port officials said {n} container ships were waiting outside the harbour on day {n}, "
    "while crews cleared the northern berths and inspectors checked the damaged cranes. "
)


def rss_of_size(poll: int, size: int) -> bytes:
    paragraphs = []
    total = 0
    n = 0
    while total < size:
        p = f"<p>{PARAGRAPH.format(n=n + poll * 100_000)}</p>"
        paragraphs.append(p)
        total += len(p)
        n += 1
    body = "".join(paragraphs)
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Big</title>'
        "<link>http://example.invalid/</link><description>d</description>"
        f"<item><guid>only</guid><title>Update {poll}</title>"
        "<description>Port update</description>"
        f"<content:encoded><![CDATA[{body}]]></content:encoded></item></channel></rss>"
    ).encode()


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_a_3_mb_feed_changing_on_every_poll_keeps_memory_bounded(
    sqlite_url: str, feed_server: FeedServer
) -> None:
    """Memory is the process's: one database (SQLite) is enough to show it."""
    config = {"database_url": sqlite_url, "polling": {"timeout": "60s", "full_text": "never"}}
    app = open_app(build(config, {}), upgrade=True)
    url = feed_server.route("/big.xml", body=rss_of_size(0, 3_000_000))
    add_feed(app.log, DeclaredFeed(url), "cli", utcnow())

    def poll(i: int) -> None:
        feed_server.route("/big.xml", body=rss_of_size(i, 3_000_000))
        feeds = due_feeds(app.engine, utcnow(), default_interval=900, everything=True)
        [report] = asyncio.run(poll_feeds(app, feeds))
        assert report.outcome == "new" and report.revised + report.new == 1, report

    for i in range(10):  # warm up: imports, parser tables, the allocator's arenas
        poll(i)
    gc.collect()
    start = rss_mb()
    for i in range(10, 100):
        poll(i)
    gc.collect()
    grown = rss_mb() - start
    print(f"RSS after 10 polls {start:.0f} MB, growth over 90 more polls {grown:.0f} MB")
    # The entry's content is capped at 1,000,000 characters; with a cache of entries (the old
    # lru_cache of 8,192) each poll kept that twice over (key and text): ~180 MB here.
    app.close()
    assert grown < 80, f"RSS grew by {grown:.0f} MB over 90 polls of a 3 MB feed"
