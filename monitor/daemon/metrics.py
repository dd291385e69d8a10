"""Prometheus metrics: in-process counters, database-derived figures, exposed by prometheus_client.

Names follow Prometheus conventions: `monitor_` prefix, base units (seconds), `_total` on
counters, and only low-cardinality labels (outcome, reason, type, state, projection) — never
one label value per feed URL.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.exposition import CONTENT_TYPE_PLAIN_0_0_4
from sqlalchemy import ColumnElement, Connection, Table, func, select

from monitor.daemon.health import Lag
from monitor.projections.stats import counts
from monitor.store.schema import metadata
from monitor.store.tables_feeds import feeds
from monitor.store.tables_outbox import deliveries

Labels = tuple[tuple[str, str], ...]

# The content type of /metrics: the classic text format every Prometheus version scrapes.
CONTENT_TYPE = CONTENT_TYPE_PLAIN_0_0_4

# Read-model tables exposed as row-count gauges when the feature that owns them is installed.
TABLE_GAUGES = {
    "monitor_stories": ("stories", "Stories (clusters of articles about one event)."),
    "monitor_claims": ("figure_claims", "Figure claims extracted from articles."),
}
# Event types with a counter of their own (the generic monitor_events_total has them all).
EVENT_COUNTERS = {
    "monitor_articles_total": ("ArticleObserved", "Articles observed for the first time."),
    "monitor_article_revisions_total": ("ArticleRevised", "Article revisions observed."),
    "monitor_alerts_total": ("AlertRaised", "Alerts raised (figure changes)."),
}


@dataclass(frozen=True)
class Sample:
    """One value of a metric family, with its labels."""

    value: float
    labels: Labels = ()


@dataclass(frozen=True)
class Family:
    """A metric family: name, type, help text and samples."""

    name: str
    kind: str  # counter | gauge
    help: str
    samples: tuple[Sample, ...]


def labels(**pairs: str) -> Labels:
    """Labels in a stable order."""
    return tuple(sorted(pairs.items()))


class _Snapshot:
    """A prometheus_client collector over families computed for one scrape."""

    def __init__(self, families: Iterable[Family]) -> None:
        self._families = list(families)

    def collect(self) -> Iterator[Metric]:
        for family in self._families:
            names = [name for name, _ in family.samples[0].labels] if family.samples else []
            kind = CounterMetricFamily if family.kind == "counter" else GaugeMetricFamily
            metric = kind(family.name, family.help, labels=names)
            for sample in family.samples:
                metric.add_metric([value for _, value in sample.labels], sample.value)
            yield metric


def render(families: Iterable[Family]) -> str:
    """The Prometheus text exposition (version 0.0.4), written by prometheus_client."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(_Snapshot(families))
    return generate_latest(registry).decode()


class Counters:
    """Thread-safe in-process counters (reset on restart, as Prometheus counters may)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: Counter[tuple[str, Labels]] = Counter()

    def inc(self, name: str, amount: float = 1, **label_pairs: str) -> None:
        """Add `amount` to the counter `name` with these labels."""
        with self._lock:
            self._values[(name, labels(**label_pairs))] += amount  # type: ignore[assignment]

    def value(self, name: str, **label_pairs: str) -> float:
        """The current value (0 when never incremented)."""
        with self._lock:
            return float(self._values[(name, labels(**label_pairs))])

    def samples(self, name: str) -> tuple[Sample, ...]:
        """Every labelled value of `name`, sorted by labels."""
        with self._lock:
            found = [Sample(float(v), lbl) for (n, lbl), v in self._values.items() if n == name]
        return tuple(sorted(found, key=lambda s: s.labels))


# The in-process counters the daemon keeps, with their help text.
PROCESS_COUNTERS = {
    "monitor_polls_total": "Feed polls by outcome (new, unchanged, not_modified, failed, gone).",
    "monitor_poll_failures_total": "Failed feed polls by reason class (dns, timeout, ...).",
    "monitor_deliveries_total": "Alert delivery attempts by result.",
    "monitor_projection_runs_total": "Projection job runs by result (ok, error).",
}


def process_families(counters: Counters) -> list[Family]:
    """The daemon's own counters."""
    return [
        Family(name, "counter", help_text, counters.samples(name))
        for name, help_text in PROCESS_COUNTERS.items()
    ]


def _row_count(conn: Connection, table: Table) -> int:
    return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def _grouped(conn: Connection, column: ColumnElement[Any], table: Table) -> dict[str, int]:
    rows = conn.execute(select(column, func.count()).select_from(table).group_by(column)).all()
    return {str(key): int(n) for key, n in rows}


def database_families(conn: Connection) -> list[Family]:
    """Figures the database already holds: events by type, feeds by status, the outbox."""
    by_type = counts(conn)
    out = [
        Family(
            "monitor_events_total",
            "counter",
            "Events appended to the log, by type.",
            tuple(Sample(n, labels(type=t)) for t, n in sorted(by_type.items())),
        )
    ]
    out += [
        Family(name, "counter", help_text, (Sample(by_type.get(event_type, 0)),))
        for name, (event_type, help_text) in EVENT_COUNTERS.items()
    ]
    by_status = _grouped(conn, feeds.c.status, feeds)
    out.append(
        Family(
            "monitor_feeds",
            "gauge",
            "Subscribed feeds by status.",
            tuple(Sample(n, labels(status=s)) for s, n in sorted(by_status.items())),
        )
    )
    by_state = _grouped(conn, deliveries.c.state, deliveries)
    out.append(
        Family(
            "monitor_deliveries",
            "gauge",
            "Alert deliveries (one per alert and channel) by state.",
            tuple(Sample(n, labels(state=s)) for s, n in sorted(by_state.items())),
        )
    )
    out.append(
        Family(
            "monitor_outbox_backlog",
            "gauge",
            "Alert deliveries not yet delivered, failed or dead.",
            (Sample(by_state.get("pending", 0)),),
        )
    )
    for name, (table_name, help_text) in TABLE_GAUGES.items():
        table = metadata.tables.get(table_name)
        if table is not None:
            out.append(Family(name, "gauge", help_text, (Sample(_row_count(conn, table)),)))
    return out


def lag_families(lags: Sequence[Lag]) -> list[Family]:
    """Projection lag in events and in seconds (age of the oldest unapplied event)."""
    return [
        Family(
            "monitor_projection_lag_events",
            "gauge",
            "Events appended but not yet applied, by projection.",
            tuple(Sample(lag.events, labels(projection=lag.projection)) for lag in lags),
        ),
        Family(
            "monitor_projection_lag_seconds",
            "gauge",
            "Age of the oldest event not yet applied, by projection.",
            tuple(Sample(lag.seconds, labels(projection=lag.projection)) for lag in lags),
        ),
    ]


def gauge_families(gauges: Mapping[str, tuple[float, str]]) -> list[Family]:
    """Unlabelled gauges given as name → (value, help)."""
    return [
        Family(name, "gauge", help_text, (Sample(value),))
        for name, (value, help_text) in gauges.items()
    ]
