"""Outbox delivery figures: 1,000 alerts fanned out to a loopback webhook receiver and SMTP server.

Two phases, each on a fresh database:
- burst:  1,000 AlertRaised appended in one transaction, then the deliverer drains the outbox;
          gives deliveries/s (2,000 deliveries) and latency from the append to receipt.
- steady: alerts appended one at a time (--pace per second, default 50) while the deliverer runs in a loop
          that polls every 50 ms (no wake-up after the append); latency from each append's
          commit to its receipt by the receiver, median and p99 per channel.

Run: .venv/bin/python bench/delivery.py [--database-url URL] [--alerts N]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any, Self

# The loopback servers live with the tests; the script runs from bench/, outside that path.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aiosmtpd.controller import Controller
from rich.console import Console
from rich.table import Table

from monitor import config as config_mod
from monitor.alerts.channels import Channel, EmailChannel, WebhookChannel
from monitor.alerts.deliverer import deliver_due
from monitor.daemon.bootstrap import App, open_app
from monitor.events import AlertRaised
from tests.support.smtp_server import RecordingHandler
from tests.support.webhook_receiver import (
    Reply,
    WebhookReceiver,
    _handler_for,
    free_port,
    new_secret,
)
from tests.unit.alerts.alert_samples import CURRENT, PREVIOUS

POLL_INTERVAL = 0.05
PACE = 50.0  # alerts appended per second in the steady phase (default; --pace)
T0 = datetime(2024, 10, 7, 9, 30, tzinfo=UTC)


class _BacklogServer(ThreadingHTTPServer):
    # The stdlib default backlog (5) drops SYNs under a burst of concurrent deliveries.
    request_queue_size = 1024


class TimedReceiver(WebhookReceiver):
    """The verifying receiver, noting when each webhook-id first arrived."""

    def __init__(self, secret: str) -> None:
        super().__init__(secret)
        self.arrived: dict[str, float] = {}

    def handle(self, headers: dict[str, str], body: bytes) -> Reply:
        """Verify, record, note the arrival time."""
        reply = super().handle(headers, body)
        self.arrived.setdefault(headers.get("webhook-id", ""), time.monotonic())
        return reply

    def start(self) -> Self:
        """Listen with a deep backlog."""
        server = _BacklogServer(("127.0.0.1", self.port), _handler_for(self))
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True).start()
        self._server = server
        return self


class TimedMailHandler(RecordingHandler):
    """Records mail and when each alert's mail arrived (by Message-ID)."""

    def __init__(self) -> None:
        super().__init__()
        self.arrived: dict[str, float] = {}

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        """Record, then note the arrival time of the alert id in the Message-ID."""
        answer = await super().handle_DATA(server, session, envelope)
        alert_id = str(self.received[-1].message["Message-ID"]).strip("<>").partition("@")[0]
        self.arrived.setdefault(alert_id, time.monotonic())
        return answer


@contextmanager
def receivers() -> Iterator[tuple[TimedReceiver, TimedMailHandler, list[Channel]]]:
    """A webhook receiver, an SMTP server and the two channels pointing at them."""
    hook = TimedReceiver(new_secret()).start()
    mail = TimedMailHandler()
    controller = Controller(mail, hostname="127.0.0.1", port=free_port())
    controller.start()
    channels: list[Channel] = [
        WebhookChannel(hook.url, hook.secret),
        EmailChannel(
            ["desk@example.org"], "monitor@example.org", f"smtp://127.0.0.1:{controller.port}"
        ),
    ]
    try:
        yield hook, mail, channels
    finally:
        controller.stop()
        hook.stop()


def alert(i: int, run: str) -> AlertRaised:
    """The i-th sample alert."""
    return AlertRaised(
        alert_id=f"{run}-{i:05}",
        figure=f"figure-{i % 50}",
        label="Shells sent to Russia",
        previous=PREVIOUS,
        current=CURRENT,
        direction="up",
        story={"id": f"s{i}", "title": "Estimate revised", "sources": ["Example Wire"]},
        raised_at=T0 + timedelta(seconds=i),
    )


def fresh_app(database_url: str | None, folder: Path, run: str) -> App:
    """A migrated database for one phase."""
    url = database_url or f"sqlite:///{folder}/{run}.db"
    return open_app(config_mod.build({"database_url": url}, environ={}), upgrade=True)


class DeliveryLoop:
    """The deliverer in its own thread, polling every POLL_INTERVAL seconds."""

    def __init__(self, app: App, channels: list[Channel]) -> None:
        self.app, self.channels = app, channels
        self.stop = threading.Event()
        self.thread = threading.Thread(target=lambda: asyncio.run(self._run()), daemon=True)

    async def _run(self) -> None:
        while not self.stop.is_set():
            await deliver_due(self.app, worker_id="bench", channels=self.channels)
            await asyncio.sleep(POLL_INTERVAL)

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()


def wait_all(hook: TimedReceiver, mail: TimedMailHandler, count: int, limit: float = 300) -> None:
    """Block until both receivers saw `count` alerts."""
    deadline = time.monotonic() + limit
    while len(hook.arrived) < count or len(mail.arrived) < count:
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out: {len(hook.arrived)} webhooks, {len(mail.arrived)} mails")
        time.sleep(0.01)


def percentile(values: list[float], q: float) -> float:
    """The q-quantile (0..1) by nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def burst(database_url: str | None, folder: Path, count: int) -> list[list[str]]:
    """All alerts appended at once, then drained."""
    app = fresh_app(database_url, folder, "burst")
    with receivers() as (hook, mail, channels), DeliveryLoop(app, channels):
        started = time.monotonic()
        app.log.append([alert(i, "burst") for i in range(count)])
        wait_all(hook, mail, count)
        elapsed = time.monotonic() - started
    app.close()
    rows = [["burst", "both", f"{2 * count / elapsed:,.0f}", "", "", f"{elapsed:.2f}"]]
    for name, arrived in (("webhook", hook.arrived), ("email", mail.arrived)):
        lat = [(t - started) * 1000 for t in arrived.values()]
        rows.append(
            [
                "burst",
                name,
                f"{count / elapsed:,.0f}",
                f"{statistics.median(lat):,.0f}",
                f"{percentile(lat, 0.99):,.0f}",
                "",
            ]
        )
    return rows


def steady(database_url: str | None, folder: Path, count: int, pace: float) -> list[list[str]]:
    """Alerts appended one by one at `pace` per second while the deliverer polls."""
    app = fresh_app(database_url, folder, "steady")
    appended: dict[str, float] = {}
    with receivers() as (hook, mail, channels), DeliveryLoop(app, channels):
        started = time.monotonic()
        for i in range(count):
            event = alert(i, "steady")
            app.log.append([event])
            appended[event.alert_id] = time.monotonic()
            time.sleep(max(0.0, started + (i + 1) / pace - time.monotonic()))
        wait_all(hook, mail, count)
        elapsed = time.monotonic() - started
    app.close()
    rows = []
    for name, arrived in (("webhook", hook.arrived), ("email", mail.arrived)):
        lat = [(arrived[k] - appended[k]) * 1000 for k in appended]
        rows.append(
            [
                f"steady {pace:g}/s",
                name,
                f"{count / elapsed:,.0f}",
                f"{statistics.median(lat):,.0f}",
                f"{percentile(lat, 0.99):,.0f}",
                f"{elapsed:.2f}",
            ]
        )
    return rows


def main() -> None:
    """Run both phases and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="default: a temporary SQLite file")
    parser.add_argument("--alerts", type=int, default=1000)
    parser.add_argument("--pace", type=float, default=PACE, help="steady phase: alerts per second")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = burst(args.database_url, Path(tmp), args.alerts)
        rows += steady(args.database_url, Path(tmp), args.alerts, args.pace)
    table = Table(
        title=f"outbox delivery: {args.alerts} alerts × (webhook + email), "
        f"deliverer polling every {POLL_INTERVAL * 1000:g} ms"
    )
    for column in ("phase", "channel", "deliveries/s", "median ms", "p99 ms", "wall s"):
        table.add_column(column, justify="left" if column in ("phase", "channel") else "right")
    for row in rows:
        table.add_row(*row)
    Console().print(table)


if __name__ == "__main__":
    main()
