"""Tracked figures end to end on a real database: history, alerts, restatements, replay."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from monitor.daemon.bootstrap import App
from monitor.daemon.cycle import run_cycle
from monitor.events import AlertRaised, FigureTracked, FigureUntracked
from monitor.projections.figures import figure_timeline, figures_overview
from monitor.projector.runner import digest
from monitor.store.tables_figures import figure_claims, figures
from tests.support.feedserver import FeedServer

SHELLS = {
    "name": "nk-shells",
    "label": "Artillery shells North Korea sent to Russia",
    "units": ["artillery shells", "shells", "rounds"],
    "context": ["North Korea", "North Korean", "Pyongyang"],
    "min_change": 0.05,
    "alert_on_first": True,
}

# Texts written for these tests.
MILLION = (
    "South Korea's spy agency believes North Korea has shipped more than a million artillery "
    "shells to Russia since August, a lawmaker said after a closed briefing on Wednesday. "
    "The shipments went by sea and by rail, the lawmaker added."
)
EARLY = (
    "North Korea has been sending hundreds of thousands of artillery shells to Russia, "
    "officials in Washington said on Friday. They gave no precise count of the shipments."
)
THREE_MILLION = (
    "North Korea may have sent up to 3 million artillery shells to Russia, South Korea's "
    "defence minister told reporters on Tuesday. He based the estimate on container counts."
)
CORROBORATION = (
    "As many as 3 million artillery rounds have gone from North Korea to Russia, Seoul's "
    "defence ministry estimated on Tuesday. Pyongyang denies any arms deal with Moscow."
)
RESTATEMENT = (
    "Analysts in Seoul still cite the estimate that North Korea delivered more than one "
    "million shells to Russian forces last year, according to a think-tank report. The "
    "report was published on Monday."
)
UNRELATED = (
    "A European initiative has found 800,000 shells for Ukraine on world markets, the Czech "
    "president said on Thursday. Deliveries are expected to start within weeks."
)


def rss(*items: tuple[str, str, str]) -> bytes:
    body = "".join(
        f"<item><guid>{guid}</guid><title>{title}</title>"
        f"<description><![CDATA[<p>{text}</p>]]></description></item>"
        for guid, title, text in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>'
        f"<link>http://example.invalid/</link><description>d</description>{body}</channel></rss>"
    ).encode()


class Newsroom:
    """Two feeds on a loopback server whose items the test publishes step by step."""

    def __init__(self, server: FeedServer) -> None:
        self.server = server
        self.items: dict[str, list[tuple[str, str, str]]] = {"wire": [], "daily": []}
        self.urls = {slug: server.url(f"/{slug}.xml") for slug in self.items}
        self._serve()

    def publish(self, feed: str, guid: str, title: str, text: str) -> None:
        self.items[feed].insert(0, (guid, title, text))
        self._serve()

    def _serve(self) -> None:
        for slug, items in self.items.items():
            self.server.route(f"/{slug}.xml", body=rss(*items))


@pytest.fixture
def newsroom(feed_server: FeedServer) -> Newsroom:
    return Newsroom(feed_server)


@pytest.fixture
def open_app(make_app: Callable[..., App], newsroom: Newsroom) -> Callable[..., App]:
    """An app on the test database (the same one each call) whose config declares the feeds."""

    def _open(*tracked: dict[str, Any]) -> App:
        return make_app(
            source="/etc/monitor/monitor.toml",
            polling={"timeout": "5s", "full_text": "never"},
            feeds=[{"url": url} for url in newsroom.urls.values()],
            figures=list(tracked),
        )

    return _open


def cycle(app: App) -> None:
    asyncio.run(run_cycle(app, everything=True))


def alerts(app: App, after: int = 0) -> list[AlertRaised]:
    return [s.event for s in app.log.read_after(after, 10_000) if isinstance(s.event, AlertRaised)]


def timeline(app: App) -> list[tuple[str, int, str]]:
    with app.engine.connect() as conn:
        found = figure_timeline(conn, "nk-shells")
    assert found is not None
    return [(c["status"], c["value"], c["text"]) for c in found["timeline"]]


def read_model(app: App) -> str:
    with app.engine.connect() as conn:
        return digest(conn, [figures, figure_claims])


def test_a_figure_added_later_fills_its_history_without_alerting(
    open_app: Callable[..., App], newsroom: Newsroom
) -> None:
    untracked = open_app()  # the figure is not in the config yet
    newsroom.publish("wire", "w1", "Early estimate", EARLY)
    cycle(untracked)
    newsroom.publish("daily", "d1", "Spy agency count", MILLION)
    cycle(untracked)

    app = open_app(SHELLS)
    cycle(app)

    tracked = [s.event for s in app.log.read_after(0, 10_000) if isinstance(s.event, FigureTracked)]
    assert [t.name for t in tracked] == ["nk-shells"]
    assert sorted(timeline(app)) == [
        ("changed", 1_000_000, "more than a million"),
        ("first", 200_000, "hundreds of thousands"),
    ]
    assert alerts(app) == []
    with app.engine.connect() as conn:
        overview = figures_overview(conn)
    assert [(f["name"], f["current"]["value"], f["claims"]) for f in overview] == [
        ("nk-shells", 1_000_000, 2)
    ]


def test_new_reporting_after_tracking_raises_exactly_one_alert_per_change(
    open_app: Callable[..., App], newsroom: Newsroom
) -> None:
    newsroom.publish("daily", "d1", "Spy agency count", MILLION)
    app = open_app(SHELLS)
    cycle(app)
    first = alerts(app)
    assert [(a.direction, a.current["value"], a.previous) for a in first] == [
        ("first", 1_000_000, None)
    ]

    mark = app.log.head()
    newsroom.publish("wire", "w2", "Minister triples estimate", THREE_MILLION)
    newsroom.publish("daily", "d2", "Ministry estimate", CORROBORATION)
    cycle(app)

    [alert] = alerts(app, mark)
    assert (alert.figure, alert.direction, alert.current["value"]) == ("nk-shells", "up", 3_000_000)
    assert alert.previous is not None and alert.previous["value"] == 1_000_000
    assert alert.current["upper"] == 3_000_000
    assert alert.current["qualifier"] in {"up to", "as many as"}  # whichever outlet came first
    assert set(alert.current) >= {
        "value", "lower", "upper", "qualifier", "approximate", "unit", "text", "sentence",
        "attribution", "article", "observed_at",
    }  # fmt: skip
    assert set(alert.current["article"]) == {"id", "title", "url", "source", "published_at"}
    assert alert.current["observed_at"].endswith("Z")
    assert set(alert.story) == {"id", "title", "sources"}
    statuses = [status for status, _, _ in timeline(app)]
    assert sorted(statuses) == ["changed", "first", "restated"]


def test_restatements_unrelated_numbers_and_textless_entries_raise_nothing(
    open_app: Callable[..., App], newsroom: Newsroom
) -> None:
    newsroom.publish("wire", "w1", "Spy agency count", MILLION)
    app = open_app(SHELLS)
    cycle(app)
    mark = app.log.head()

    newsroom.publish("daily", "d3", "Think-tank report", RESTATEMENT)
    newsroom.publish("daily", "d4", "Czech drive", UNRELATED)
    newsroom.publish("wire", "w5", "Photo gallery", "")
    cycle(app)

    assert alerts(app, mark) == []
    assert sorted(timeline(app)) == [
        ("first", 1_000_000, "more than a million"),
        ("past", 1_000_000, "more than one million"),  # "last year": history, not a value
    ]


def test_replay_and_restart_give_the_same_read_model_and_append_nothing(
    open_app: Callable[..., App], newsroom: Newsroom
) -> None:
    newsroom.publish("wire", "w1", "Early estimate", EARLY)
    cycle(open_app())
    app = open_app(SHELLS)
    cycle(app)
    newsroom.publish("daily", "d1", "Spy agency count", MILLION)
    cycle(app)
    newsroom.publish("wire", "w2", "Minister triples estimate", THREE_MILLION)
    newsroom.publish("daily", "d3", "Think-tank report", RESTATEMENT)
    cycle(app)
    assert [a.current["value"] for a in alerts(app)] == [1_000_000, 3_000_000]
    live, head = read_model(app), app.log.head()

    app.runner(app.projection("figures")).rebuild()
    assert read_model(app) == live
    assert app.log.head() == head

    restarted = open_app(SHELLS)
    cycle(restarted)
    assert read_model(restarted) == live
    assert [a.current["value"] for a in alerts(restarted)] == [1_000_000, 3_000_000]


def test_a_changed_definition_refills_the_history_silently(
    open_app: Callable[..., App], newsroom: Newsroom
) -> None:
    app = open_app({**SHELLS, "units": ["artillery shells", "shells"]})
    newsroom.publish("wire", "w1", "Spy agency count", MILLION)
    cycle(app)
    newsroom.publish("daily", "d2", "Ministry estimate", CORROBORATION)
    cycle(app)
    assert timeline(app) == [("first", 1_000_000, "more than a million")]
    mark = app.log.head()

    widened = open_app({**SHELLS, "units": ["artillery shells", "shells", "rounds"]})
    cycle(widened)

    assert sorted(timeline(widened)) == [
        ("changed", 3_000_000, "As many as 3 million"),
        ("first", 1_000_000, "more than a million"),
    ]
    assert alerts(widened, mark) == []
    with widened.engine.connect() as conn:
        row = conn.execute(select(figures.c.current_value)).scalar_one()
    assert row == 3_000_000


def test_a_figure_removed_from_the_config_stops_alerting_and_can_come_back(
    open_app: Callable[..., App], newsroom: Newsroom
) -> None:
    newsroom.publish("daily", "d1", "Spy agency count", MILLION)
    app = open_app(SHELLS)
    cycle(app)
    assert len(alerts(app)) == 1

    dropped = open_app()  # the user deleted the [[figures]] entry
    cycle(dropped)
    untracked = [s.event for s in app.log.read_after(0, 10_000)]
    assert [e.name for e in untracked if isinstance(e, FigureUntracked)] == ["nk-shells"]
    with dropped.engine.connect() as conn:
        assert figures_overview(conn) == []
        assert figure_timeline(conn, "nk-shells") is None
    mark = dropped.log.head()
    newsroom.publish("wire", "w2", "Minister triples estimate", THREE_MILLION)
    cycle(dropped)
    assert alerts(dropped, mark) == []  # no figure, no alert

    again = open_app(SHELLS)
    cycle(again)  # back in the config: its history refills from every article, silently
    assert alerts(again, mark) == []
    assert sorted(timeline(again)) == [
        ("changed", 3_000_000, "up to 3 million"),
        ("first", 1_000_000, "more than a million"),
    ]
    live = read_model(again)
    again.runner(again.projection("figures")).rebuild()
    assert read_model(again) == live
