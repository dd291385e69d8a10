"""The pages and the API over the demo's timeline, run through the real pipeline on SQLite
and PostgreSQL: what each page shows, paging, and the API equal to the query functions."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Callable, Iterator

import pytest

from monitor.daemon.bootstrap import App
from monitor.daemon.cycle import run_cycle
from monitor.demo.httpserver import FeedServer
from monitor.demo.timeline import feed_path, install_round, rounds, timeline
from monitor.projections.figures import figure_timeline, figures_overview
from monitor.store.db import read_connection
from monitor.web.server import ServerSettings
from monitor.web.wiring import web_view
from tests.integration.web.conftest import Site

FIGURE = timeline()["figure"]["name"]


@pytest.fixture
def demo_app(make_app: Callable[..., App], feed_server: FeedServer) -> App:
    """Every round of the demo timeline polled and projected into the test database."""
    data = timeline()
    app = make_app(
        feeds=[
            {"url": feed_server.url(feed_path(f["slug"])), "name": f["title"]}
            for f in data["feeds"]
        ],
        figures=[data["figure"]],
        polling={"timeout": "5s", "interval": "1h"},
        alerts={"public_url": "https://monitor.example.org/"},
    )
    for index in range(len(rounds())):
        install_round(feed_server, index)
        asyncio.run(run_cycle(app, everything=True))
    return app


@pytest.fixture
def demo_site(demo_app: App) -> Iterator[Site]:
    with web_view(
        lambda: demo_app, None, "127.0.0.1:0", ServerSettings(idle_timeout=2.0)
    ) as server:
        assert server is not None
        yield Site(server.url)


def test_the_overview_shows_the_figure_alerts_stories_and_feed_health(
    demo_site: Site, demo_app: App
) -> None:
    page = demo_site.get("/").text
    with read_connection(demo_app.engine) as conn:
        (figure,) = figures_overview(conn)
    assert f'href="/figures/{FIGURE}"' in page
    assert figure["current"]["text"] in page, "the current value as reported"
    assert figure["current"]["qualifier"] in page
    assert '<svg class="spark"' in page
    assert page.count('<a href="/stories/') >= 5
    assert f"<strong>{len(timeline()['feeds'])}</strong> feeds" in page
    assert "/alerts.atom" in page


def test_the_figure_page_has_a_point_per_claim_and_a_row_per_claim(
    demo_site: Site, demo_app: App
) -> None:
    with read_connection(demo_app.engine) as conn:
        found = figure_timeline(conn, FIGURE)
    assert found is not None
    page = demo_site.get(f"/figures/{FIGURE}").text
    claims = found["timeline"]
    assert page.count('<circle class="pt ') == len(claims)
    assert page.count('data-current="true"') == 1
    assert page.count('class="alert-mark"') == sum(1 for c in claims if c["alert_id"])
    rows = re.findall(r'data-position="(\d+)"', page)
    assert [int(r) for r in rows] == [c["position"] for c in reversed(claims)], "newest first"
    for claim in claims:
        assert claim["text"] in page
    assert '<a href="/stories/' in page, "claims link to their story"


def test_the_figure_table_pages_back_through_older_claims(
    demo_site: Site, demo_app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    from monitor.web import pages

    monkeypatch.setattr(pages, "TABLE_CLAIMS", 3)
    seen: list[str] = []
    path = f"/figures/{FIGURE}"
    while True:
        page = demo_site.get(path).text
        seen += re.findall(r'data-position="(\d+)"', page)
        older = re.search(r'<a href="(\?offset=\d+)" rel="next">', page)
        if not older:
            break
        path = f"/figures/{FIGURE}{older[1]}"
    with read_connection(demo_app.engine) as conn:
        found = figure_timeline(conn, FIGURE)
    assert found is not None
    # Every claim exactly once across the pages, newest first as on the first page.
    assert sorted(int(s) for s in seen) == sorted(c["position"] for c in found["timeline"])
    assert len(seen) > 3


def test_stories_page_newest_first_and_each_story_lists_its_claims(demo_site: Site) -> None:
    stories = json.loads(demo_site.get("/api/stories?limit=100").text)
    page = demo_site.get("/stories").text
    order = re.findall(r'<a href="/stories/([^"]+)">', page)
    assert order == [s["id"] for s in stories]
    with_claims = 0
    for story in stories:
        detail = demo_site.get(f"/stories/{story['id']}").text
        for article in story["articles"]:
            assert f'<tr id="{article["id"]}"' in detail
        with_claims += f'href="/figures/{FIGURE}"' in detail
    assert with_claims >= 5, "the figure's claims are shown on their stories"


def test_copies_name_what_they_copy(demo_site: Site) -> None:
    stories = json.loads(demo_site.get("/api/stories?limit=100").text)
    copies = [(s["id"], a) for s in stories for a in s["articles"] if a["copy_of"]]
    assert copies
    for story_id, article in copies:
        detail = demo_site.get(f"/stories/{story_id}").text
        assert f'<a href="#{article["copy_of"]}">' in detail


def test_the_api_answers_what_the_query_functions_return(demo_site: Site, demo_app: App) -> None:
    with read_connection(demo_app.engine) as conn:
        overview = json.loads(json.dumps(figures_overview(conn), default=str))
        timeline_json = figure_timeline(conn, FIGURE)
    assert json.loads(demo_site.get("/api/figures").text) == overview
    assert json.loads(demo_site.get(f"/api/figures/{FIGURE}").text) == timeline_json
    alerts = json.loads(demo_site.get("/api/alerts").text)
    assert len(alerts) == len(timeline()["expected"]["alerts"])
    first_two = demo_site.get("/api/alerts?limit=2")
    assert 'rel="next"' in first_two.headers["link"]
    rest = json.loads(demo_site.get(f"/api/alerts?limit=100&before={alerts[1]['id']}").text)
    assert [a["id"] for a in rest] == [a["id"] for a in alerts[2:]]


def test_atom_links_use_the_public_url(demo_site: Site) -> None:
    body = demo_site.get("/alerts.atom").text
    assert f'href="https://monitor.example.org/figures/{FIGURE}"' in body
    assert 'href="https://monitor.example.org/alerts.atom"' in body
