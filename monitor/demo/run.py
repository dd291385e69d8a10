"""`monitor demo`: the whole pipeline offline — local feeds, the seed timeline round by round,
a local webhook receiver that verifies every signature — printed as it happens."""

from __future__ import annotations

import asyncio
import json
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from monitor.config import build
from monitor.daemon.app import App
from monitor.daemon.bootstrap import open_app
from monitor.daemon.cycle import run_cycle
from monitor.demo.httpserver import FeedServer
from monitor.demo.receiver import WebhookReceiver, free_port, new_secret
from monitor.demo.timeline import feed_path, install_round, rounds, timeline
from monitor.projections.figures import figure_timeline
from monitor.projections.stories import stories_list


@dataclass(frozen=True)
class DemoResult:
    """What the demo saw (also used by its test)."""

    stories: list[dict[str, Any]]
    figure: dict[str, Any]
    webhooks: list[dict[str, Any]]
    seconds: float


@contextmanager
def _servers(secret: str) -> Iterator[tuple[FeedServer, WebhookReceiver]]:
    feeds = FeedServer().start()
    receiver = WebhookReceiver(secret, port=free_port()).start()
    try:
        yield feeds, receiver
    finally:
        receiver.stop()
        feeds.stop()


def _config(
    directory: Path, feeds: FeedServer, receiver: WebhookReceiver, secret: str
) -> dict[str, Any]:
    data = timeline()
    return {
        "database_url": f"sqlite:///{directory / 'monitor.db'}",
        "polling": {"timeout": "5s", "interval": "1h"},
        "feeds": [
            {"url": feeds.url(feed_path(f["slug"])), "name": f["title"]} for f in data["feeds"]
        ],
        "figures": [data["figure"]],
        "alerts": {"webhooks": [{"url": receiver.url, "secret": secret}]},
        "web": {"listen": ""},
    }


def _write_config(directory: Path, config: dict[str, Any]) -> None:
    """Leave a monitor.toml beside the database so the other commands can explore it.

    It declares the demo's feeds and figure as the demo did, so the first `poll` with it
    keeps them (their loopback server is gone: polls of them fail, and say so).
    """
    lines = [
        "# Written by `monitor demo --keep`: explore with `monitor --config THIS stories`.",
        f"database_url = {json.dumps(config['database_url'])}",
        "",
    ]
    for feed in config["feeds"]:
        lines += ["[[feeds]]", f"url = {json.dumps(feed['url'])}"]
        lines += [f"name = {json.dumps(feed['name'])}", ""] if feed.get("name") else [""]
    for fig in config["figures"]:
        lines.append("[[figures]]")
        lines += [f"{key} = {json.dumps(value)}" for key, value in fig.items()]
        lines.append("")
    (directory / "monitor.toml").write_text("\n".join(lines), encoding="utf-8")


def run_demo(console: Console, directory: Path | None = None) -> DemoResult:
    """Run every round of the sample timeline through the real pipeline; print as it goes."""
    started = time.monotonic()
    secret = new_secret()
    with _workdir(directory) as work, _servers(secret) as (feeds, receiver):
        config = _config(work, feeds, receiver, secret)
        app = open_app(build(config, {}), upgrade=True)
        try:
            for index, label in enumerate(rounds()):
                install_round(feeds, index)
                before = len(receiver.requests)
                summary = asyncio.run(run_cycle(app, everything=True))  # polls, projects, delivers
                arrived = receiver.requests[before:]
                console.print(
                    f"[bold]{label}[/bold]  {summary.new_articles} new articles · "
                    f"{len(arrived)} alert(s) received"
                    + "".join(f"\n    → {_alert_line(r.payload)}" for r in arrived),
                    highlight=False,
                )
            result = _collect(app, receiver, time.monotonic() - started)
        finally:
            app.close()
        if directory is not None:
            _write_config(work, config)
    _print_result(console, result)
    if directory is not None:
        console.print(
            f"\nThe demo database is kept in {directory}: try `monitor --config {directory / 'monitor.toml'} stories`."
        )
    return result


@contextmanager
def _workdir(directory: Path | None) -> Iterator[Path]:
    if directory is not None:
        directory.mkdir(parents=True, exist_ok=True)
        yield directory
        return
    with tempfile.TemporaryDirectory(prefix="monitor-demo-") as tmp:
        yield Path(tmp)


def _alert_line(payload: dict[str, Any]) -> str:
    data = payload["data"]
    current = data["current"]
    previous = data.get("previous")
    was = f" (was {previous['text']})" if previous else ""
    return f"{data['figure']['label']}: {current['text']} {current['unit']}{was} — {current['article']['source']}"


def _collect(app: App, receiver: WebhookReceiver, seconds: float) -> DemoResult:
    name = timeline()["figure"]["name"]
    with app.engine.connect() as conn:
        stories = stories_list(conn, None)
        figure = figure_timeline(conn, name)
    return DemoResult(stories, figure or {}, [r.payload for r in receiver.requests], seconds)


def _print_result(console: Console, result: DemoResult) -> None:
    stories = Table(title="Stories", header_style="bold")
    for col in ("story", "sources", "articles", "copies"):
        stories.add_column(col, overflow="fold")
    for story in result.stories:
        copies = sum(1 for a in story["articles"] if a["copy_of"])
        stories.add_row(
            story["title"], ", ".join(story["sources"]), str(len(story["articles"])), str(copies)
        )
    console.print(stories)
    timeline_table = Table(title=f"Figure: {result.figure.get('label', '')}", header_style="bold")
    for col in ("reported", "value", "status", "source", "attribution"):
        timeline_table.add_column(col, overflow="fold")
    for claim in result.figure.get("timeline", []):
        article = claim["article"]
        timeline_table.add_row(
            (article.get("published_at") or "")[:10],
            claim["text"],
            claim["status"],
            article["source"],
            claim.get("attribution") or "",
        )
    console.print(timeline_table)
    console.print(
        f"{len(result.webhooks)} alerts received by the local webhook receiver, every signature "
        f"verified; the demo took {result.seconds:.1f} s."
    )
