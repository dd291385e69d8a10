"""One full cycle — sync config, poll due feeds, project, deliver — shared by `poll` and `run`."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import httpx

from monitor.alerts.deliverer import DeliverySummary, deliver_due
from monitor.clock import utcnow
from monitor.daemon.app import App
from monitor.daemon.subscriptions import sync_config
from monitor.logging import get_logger
from monitor.polling.fetcher import Fetcher, FetchSettings
from monitor.polling.poller import FeedToPoll, Poller, PollReport, due_feeds
from monitor.polling.subscriptions import DeclaredFeed
from monitor.projections.figures_sync import sync_figures
from monitor.text.figures import FigureSpec


@dataclass
class CycleSummary:
    """What a cycle did."""

    polled: int = 0
    new_articles: int = 0
    revised: int = 0
    failed: int = 0
    projected: dict[str, int] = field(default_factory=dict)
    delivery: DeliverySummary | None = None


def worker_name() -> str:
    """This process, for delivery claims: host and pid."""
    return f"{socket.gethostname()}:{os.getpid()}"


def fetch_settings(app: App) -> FetchSettings:
    """The [polling] section as fetcher settings."""
    p = app.config.polling
    return FetchSettings(
        timeout=p.timeout,
        max_bytes=p.max_bytes,
        concurrency=p.concurrency,
        per_host=p.per_host,
        private_addresses=p.private_addresses,
    )


def sync_declared(app: App) -> None:
    """Bring subscriptions and tracked figures in line with the config file.

    Only the file that declared a feed or figure removes it (see `may_undeclare`): a run
    with no config file or another one keeps them, and says so at warning level.
    """
    log = get_logger("config")
    declared = [DeclaredFeed(f.url, f.name, f.interval) for f in app.config.feeds]
    feeds = sync_config(app.log, declared, utcnow(), source=app.source)
    specs = [FigureSpec.from_mapping(f.model_dump()) for f in app.config.figures]
    figures = sync_figures(app.engine, app.log, specs, utcnow(), source=app.source)
    added = len(feeds.events) - len(feeds.removed)
    if added or figures.recorded:
        log.info(
            "configuration synchronised",
            source=app.source,
            feed_changes=added,
            figures=list(figures.recorded),
        )
    if feeds.removed or figures.removed:
        log.warning(
            f"removed {_count(feeds.removed, 'feed')} and {_count(figures.removed, 'figure')} "
            f"no longer declared by {app.source}",
            feeds=list(feeds.removed),
            figures=list(figures.removed),
        )
    kept = [*feeds.kept, *figures.kept]
    for origin in sorted({file for _, file in kept}):
        kept_feeds = [url for url, file in feeds.kept if file == origin]
        kept_figures = [name for name, file in figures.kept if file == origin]
        uses = f"this run uses {app.source}" if app.source else "this run uses no config file"
        log.warning(
            f"{_count(kept_feeds, 'feed')} and {_count(kept_figures, 'figure')} declared by "
            f"{origin} are kept; {uses}",
            feeds=kept_feeds,
            figures=kept_figures,
        )


def _count(items: Sequence[object], noun: str) -> str:
    return f"{len(items)} {noun}" + ("" if len(items) == 1 else "s")


async def poll_feeds(
    app: App,
    feeds: list[FeedToPoll],
    on_report: Callable[[PollReport], None] | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> list[PollReport]:
    """Poll the given feeds with one fetcher."""
    async with Fetcher(fetch_settings(app), transport=transport) as fetcher:
        poller = Poller(
            app.engine,
            app.log,
            fetcher,
            full_text=app.config.polling.full_text,
            max_new=app.config.polling.max_entries_per_poll,
        )
        return await poller.poll_many(feeds, on_report)


async def run_cycle(
    app: App,
    *,
    everything: bool = False,
    on_start: Callable[[int], None] | None = None,
    on_report: Callable[[PollReport], None] | None = None,
    deliver: bool = True,
) -> CycleSummary:
    """Sync, poll what is due (or everything), project everything, then deliver due alerts."""
    sync_declared(app)
    app.project()
    feeds = due_feeds(
        app.engine, utcnow(), default_interval=app.config.polling.interval, everything=everything
    )
    if on_start is not None:
        on_start(len(feeds))
    reports = await poll_feeds(app, feeds, on_report)
    summary = CycleSummary(
        polled=len(reports),
        new_articles=sum(r.new for r in reports),
        revised=sum(r.revised for r in reports),
        failed=sum(r.outcome in ("failed", "gone", "unrecorded") for r in reports),
    )
    summary.projected = app.project()
    if deliver:
        summary.delivery = await deliver_due(app, worker_id=worker_name())
    return summary
