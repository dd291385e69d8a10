"""/livez, /readyz and /metrics over real HTTP, on a real database."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from prometheus_client.parser import text_string_to_metric_families

from monitor.daemon.bootstrap import App
from monitor.daemon.health import projection_lags
from monitor.daemon.service import Service
from monitor.events import FeedAdded
from monitor.web.wiring import web_view


@pytest.fixture
def app(make_app: object) -> App:
    """The application on a fresh, migrated database."""
    return make_app()  # type: ignore[operator, no-any-return]


@pytest.fixture
def service(app: App) -> Service:
    """A daemon that was built but not started (so its scheduler is not running)."""
    return Service(app)


@pytest.fixture
def base_url(service: Service) -> Iterator[str]:
    """The health routes served on a free loopback port."""
    with web_view(lambda: service.app, service, "127.0.0.1:0") as server:
        assert server is not None
        yield server.url


def get(url: str) -> tuple[int, str, str]:
    """Status, content type and body of a GET."""
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.status, resp.headers["Content-Type"], resp.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read().decode()


def scraped(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of a scrape, parsed as Prometheus parses it: (name, labels) → value."""
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def add_feeds(app: App, count: int) -> None:
    """Append FeedAdded events without projecting them."""
    now = datetime.now(UTC)
    app.log.append(
        [
            FeedAdded(
                url=f"https://feeds.example.org/{i}.xml",
                name=None,
                interval=None,
                origin="cli",
                added_at=now,
            )
            for i in range(count)
        ]
    )


def test_livez_answers_while_the_process_runs(base_url: str) -> None:
    assert get(base_url + "/livez")[0] == 200


def test_readyz_is_503_with_a_reason_until_the_scheduler_runs(base_url: str) -> None:
    status, content_type, body = get(base_url + "/readyz")
    assert (status, content_type) == (503, "application/json")
    verdict = json.loads(body)
    assert verdict["ready"] is False
    assert verdict["reasons"] == ["scheduler not running"]
    assert verdict["database"] is True


def test_lag_counts_events_not_yet_projected(app: App) -> None:
    add_feeds(app, 3)
    with app.engine.connect() as conn:
        before = projection_lags(conn, ["feeds"], datetime.now(UTC))
    app.project()
    with app.engine.connect() as conn:
        after = projection_lags(conn, ["feeds", "never-ran"], datetime.now(UTC))
    assert before[0].events == 3
    assert before[0].seconds >= 0
    assert after[0].events == 0
    assert after[1].events == 3, "a projection without a checkpoint is behind by the whole log"


def test_metrics_expose_database_figures_without_per_feed_labels(app: App, base_url: str) -> None:
    add_feeds(app, 2)
    app.project()
    status, content_type, text = get(base_url + "/metrics")
    assert status == 200
    assert content_type.startswith("text/plain; version=0.0.4")
    samples = scraped(text)
    assert samples[("monitor_events_total", (("type", "FeedAdded"),))] == 2
    assert samples[("monitor_feeds", (("status", "new"),))] == 2
    assert samples[("monitor_outbox_backlog", ())] == 0
    assert samples[("monitor_projection_lag_events", (("projection", "feeds"),))] == 0
    assert samples[("monitor_up", ())] == 1
    assert "feeds.example.org" not in text
