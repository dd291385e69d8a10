"""`monitor alerts` as a user runs it: a real subprocess against a real database and receiver."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from monitor import config as config_mod
from monitor.alerts.deliverer import deliver_due
from monitor.daemon.bootstrap import open_app
from monitor.events import AlertRaised
from tests.support.webhook_receiver import Reply, WebhookReceiver, new_secret
from tests.unit.alerts.alert_samples import CURRENT, PREVIOUS

Run = Callable[..., subprocess.CompletedProcess[str]]
T0 = datetime(2024, 10, 7, 9, 30, tzinfo=UTC)


def write_config(folder: Path, url: str, secret: str) -> Path:
    """A config file with one webhook channel and a private SQLite database."""
    path = folder / "monitor.toml"
    path.write_text(
        f'database_url = "sqlite:///{folder}/monitor.db"\n\n'
        f'[[alerts.webhooks]]\nurl = "{url}"\nsecret = "{secret}"\n'
    )
    return path


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    """A running receiver that verifies every request's signature."""
    started = WebhookReceiver(new_secret()).start()
    yield started
    started.stop()


@pytest.fixture
def config_file(tmp_path: Path, receiver: WebhookReceiver) -> Path:
    """Config pointing at the verifying receiver."""
    return write_config(tmp_path, receiver.url, receiver.secret)


@pytest.fixture
def run(tmp_path: Path) -> Run:
    """Run `python -m monitor --config FILE ARGS` in an empty directory."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}

    def _run(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "monitor", "--config", str(config), *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )

    return _run


def raise_and_deliver(config: Path, *alert_ids: str) -> None:
    """Raise alerts in the database the config names and run one delivery cycle."""
    cfg, _ = config_mod.load(str(config))
    app = open_app(cfg, upgrade=True)
    try:
        app.log.append(
            [
                AlertRaised(
                    alert_id,
                    "nk-shells",
                    "Shells sent to Russia",
                    PREVIOUS,
                    CURRENT,
                    "up",
                    {"id": "s1", "title": "Estimate revised", "sources": []},
                    T0 + timedelta(minutes=i),
                )
                for i, alert_id in enumerate(alert_ids)
            ]
        )
        asyncio.run(deliver_due(app, worker_id="test"))
    finally:
        app.close()


def test_alerts_json_lists_alerts_newest_first_with_their_deliveries(
    run: Run, config_file: Path, receiver: WebhookReceiver
) -> None:
    receiver.script(Reply(200), Reply(400, body=b"no thanks"))
    raise_and_deliver(config_file, "alert-a", "alert-b")
    out = run(config_file, "alerts", "--json")
    assert out.returncode == 0, out.stderr
    listed = json.loads(out.stdout)
    assert [a["id"] for a in listed] == ["alert-b", "alert-a"]
    newest = listed[0]
    assert {"id", "type", "figure", "created_at", "previous", "current", "deliveries"} <= set(
        newest
    )
    assert newest["type"] == "figure.changed" and newest["figure"] == "nk-shells"
    assert newest["created_at"] == "2024-10-07T09:31:00Z"
    assert newest["current"] == CURRENT and newest["previous"] == PREVIOUS
    states = sorted((a["deliveries"][0]["state"], a["deliveries"][0]["last_error"]) for a in listed)
    assert states == [("delivered", None), ("failed", "HTTP 400: no thanks")]
    (delivery,) = newest["deliveries"]
    assert set(delivery) >= {"channel", "state", "attempts", "last_error"}
    table = run(config_file, "alerts")
    assert table.returncode == 0 and "alert-b" in table.stdout and "delivered" in table.stdout


def test_alerts_retry_requeues_a_failed_delivery(
    run: Run, config_file: Path, receiver: WebhookReceiver
) -> None:
    receiver.script(Reply(400))
    raise_and_deliver(config_file, "alert-a")
    out = run(config_file, "alerts", "retry", "alert-a")
    assert out.returncode == 0, out.stderr
    assert "requeued 1" in out.stdout
    (alert,) = json.loads(run(config_file, "alerts", "--json").stdout)
    assert alert["deliveries"][0]["state"] == "pending"
    raise_and_deliver(config_file)
    (alert,) = json.loads(run(config_file, "alerts", "--json").stdout)
    assert (alert["deliveries"][0]["state"], alert["deliveries"][0]["attempts"]) == ("delivered", 2)
    assert "nothing to requeue" in run(config_file, "alerts", "retry", "alert-a").stdout
    unknown = run(config_file, "alerts", "retry", "no-such-alert")
    assert unknown.returncode == 1 and "unknown alert 'no-such-alert'" in unknown.stderr


def test_alerts_test_sends_a_signed_test_message_and_records_nothing(
    run: Run, config_file: Path, receiver: WebhookReceiver
) -> None:
    raise_and_deliver(config_file)  # creates the database; no alerts
    out = run(config_file, "alerts", "test")
    assert out.returncode == 0, out.stderr
    assert "delivered" in out.stdout
    (request,) = receiver.delivered  # signature verified by the receiver
    assert request.payload["type"] == "monitor.test"
    assert json.loads(run(config_file, "alerts", "--json").stdout) == []


def test_alerts_test_exits_1_when_a_channel_refuses(
    run: Run, config_file: Path, receiver: WebhookReceiver
) -> None:
    receiver.script(Reply(503, body=b"maintenance"))
    out = run(config_file, "alerts", "test", "--channel", "webhook", "--json")
    assert out.returncode == 1
    (result,) = json.loads(out.stdout)
    assert result["status"] == "retry" and "HTTP 503" in result["error"]
    unknown = run(config_file, "alerts", "test", "--channel", "pager")
    assert unknown.returncode == 2 and "no channel 'pager'" in unknown.stderr


def test_an_unusable_channel_setting_exits_78(run: Run, tmp_path: Path) -> None:
    config = write_config(tmp_path, "http://127.0.0.1:9/hook", "whsec_c2hvcnQ=")
    out = run(config, "alerts", "test")
    assert out.returncode == 78
    assert "alerts.webhooks[0]" in out.stderr and "too short" in out.stderr
    assert "c2hvcnQ" not in out.stderr
