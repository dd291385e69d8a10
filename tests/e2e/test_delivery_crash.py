"""kill -9 a delivery worker mid-attempt: after a restart every alert is delivered, and only
the attempt that was in flight may reach the receiver twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

import monitor
from monitor import config as config_mod
from monitor.daemon.bootstrap import App, open_app
from monitor.events import AlertRaised, DeliveryRecorded
from monitor.store.tables_outbox import deliveries
from tests.support.webhook_receiver import Reply, WebhookReceiver, new_secret
from tests.unit.alerts.alert_samples import CURRENT

ALERTS = 20
T0 = datetime(2024, 10, 7, 9, 30, tzinfo=UTC)
REPO = Path(monitor.__file__).resolve().parent.parent


class SlowReceiver(WebhookReceiver):
    """Records each request on arrival, then takes a while to answer it."""

    delay = 0.3

    def handle(self, headers: dict[str, str], body: bytes) -> Reply:
        """Verify and record, then answer late."""
        reply = super().handle(headers, body)
        time.sleep(self.delay)
        return reply


@pytest.fixture
def receiver() -> Iterator[SlowReceiver]:
    """A running slow receiver."""
    slow = SlowReceiver(new_secret()).start()
    yield slow
    slow.stop()


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    """A migrated SQLite database holding ALERTS raised alerts."""
    cfg = config_mod.build({"database_url": f"sqlite:///{tmp_path}/monitor.db"}, environ={})
    opened = open_app(cfg, upgrade=True)
    opened.log.append(
        [
            AlertRaised(
                f"alert-{i:02}",
                "nk-shells",
                "Shells",
                None,
                CURRENT,
                "first",
                {"id": "s", "title": "t", "sources": []},
                T0 + timedelta(seconds=i),
            )
            for i in range(ALERTS)
        ]
    )
    yield opened
    opened.close()


def start_worker(app: App, receiver: WebhookReceiver) -> subprocess.Popen[bytes]:
    """The worker script in its own process."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.e2e.delivery_worker",
            app.config.database_url,
            receiver.url,
            receiver.secret,
        ],
        cwd=REPO,
        env={k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")},
    )


def wait_for(condition: Callable[[], Any], what: str, limit: float = 30.0) -> None:
    """Poll until `condition()` holds (a synchronisation point, not a speed check)."""
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.01)


def delivered_rows(app: App) -> int:
    """Deliveries in state delivered."""
    with app.engine.connect() as conn:
        query = select(func.count()).where(deliveries.c.state == "delivered")
        return int(conn.execute(query).scalar_one())


@pytest.mark.slow
def test_a_worker_killed_mid_attempt_loses_nothing_and_duplicates_at_most_one(
    app: App, receiver: SlowReceiver
) -> None:
    first = start_worker(app, receiver)
    try:
        wait_for(lambda: len(receiver.requests) >= 5, "the first deliveries")
        first.send_signal(signal.SIGKILL)  # the 5th request is still being answered
        first.wait()
    finally:
        first.kill()
    assert delivered_rows(app) < ALERTS
    second = start_worker(app, receiver)
    try:
        wait_for(lambda: delivered_rows(app) == ALERTS, "every alert to be delivered")
    finally:
        second.kill()
        second.wait()
    received = Counter(r.webhook_id for r in receiver.requests)
    assert set(received) == {f"alert-{i:02}" for i in range(ALERTS)}
    assert max(received.values()) <= 2
    assert sum(1 for n in received.values() if n > 1) <= 1
    outcomes = [s.event for s in app.log.iter_all() if isinstance(s.event, DeliveryRecorded)]
    assert sorted(e.alert_id for e in outcomes if e.state == "delivered") == sorted(received)
