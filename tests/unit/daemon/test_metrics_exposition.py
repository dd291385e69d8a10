"""Prometheus text exposition and the daemon's in-process counters."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from prometheus_client.parser import text_string_to_metric_families

from monitor.daemon.health import Lag
from monitor.daemon.metrics import (
    Counters,
    Family,
    Sample,
    labels,
    lag_families,
    process_families,
    render,
)


def test_families_render_with_help_type_and_labels() -> None:
    text = render(
        [
            Family(
                "monitor_polls_total",
                "counter",
                "Feed polls.",
                (Sample(3, labels(outcome="new")), Sample(1.5, labels(outcome="failed"))),
            )
        ]
    )
    assert text.startswith(
        "# HELP monitor_polls_total Feed polls.\n# TYPE monitor_polls_total counter\n"
    )
    (family,) = text_string_to_metric_families(text)
    assert (family.name, family.type, family.documentation) == (
        "monitor_polls",
        "counter",
        "Feed polls.",
    )
    assert [(s.name, s.labels, s.value) for s in family.samples] == [
        ("monitor_polls_total", {"outcome": "new"}, 3),
        ("monitor_polls_total", {"outcome": "failed"}, 1.5),
    ]


def test_label_values_are_escaped() -> None:
    text = render([Family("m", "gauge", "h", (Sample(1, labels(reason='a "b"\\\n')),))])
    assert 'm{reason="a \\"b\\"\\\\\\n"} 1.0' in text
    (family,) = text_string_to_metric_families(text)
    assert family.samples[0].labels == {"reason": 'a "b"\\\n'}


def test_counters_add_up_across_threads() -> None:
    counters = Counters()
    with ThreadPoolExecutor(8) as pool:
        for _ in range(800):
            pool.submit(counters.inc, "monitor_polls_total", outcome="new")
    counters.inc("monitor_polls_total", outcome="failed")
    assert counters.value("monitor_polls_total", outcome="new") == 800
    assert counters.value("monitor_polls_total", outcome="gone") == 0


def test_process_counters_are_exposed_even_before_the_first_poll() -> None:
    names = [f.name for f in process_families(Counters())]
    assert "monitor_polls_total" in names
    assert all(name.endswith("_total") for name in names)


def test_lag_is_labelled_by_projection_only() -> None:
    text = render(lag_families([Lag("articles", 5, 1.25)]))
    assert 'monitor_projection_lag_events{projection="articles"} 5.0' in text
    assert 'monitor_projection_lag_seconds{projection="articles"} 1.25' in text
