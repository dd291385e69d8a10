"""The JSON API answers what the CLI's --json prints; /alerts.atom is valid Atom."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

import feedparser

from monitor.web.atom import entry_id
from tests.e2e.web.conftest import PUBLIC_URL, DemoDaemon

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


def by_id(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in items}


def test_figures_match_the_cli(demo_daemon: DemoDaemon) -> None:
    assert demo_daemon.api("/api/figures") == demo_daemon.cli("figures")
    name = demo_daemon.figure
    assert demo_daemon.api(f"/api/figures/{name}") == demo_daemon.cli("figure", name)


def test_stories_match_the_cli_and_come_newest_first_by_publication(
    demo_daemon: DemoDaemon,
) -> None:
    api = demo_daemon.api("/api/stories?limit=1000")
    cli = by_id(demo_daemon.cli("stories"))
    assert set(by_id(api)) == set(cli)
    for story in api:
        assert {k: story[k] for k in cli[story["id"]]} == cli[story["id"]]
    published = [s["published_at"] for s in api]
    assert published == sorted(published, reverse=True)
    one = api[0]["id"]
    assert demo_daemon.api(f"/api/stories/{one}") == demo_daemon.cli("story", one)


def test_story_pages_follow_the_next_link_to_the_end(demo_daemon: DemoDaemon) -> None:
    everything = [s["id"] for s in demo_daemon.api("/api/stories?limit=1000")]
    seen: list[str] = []
    path: str | None = "/api/stories?limit=2"
    while path:
        status, _ = demo_daemon.get(path)
        assert status == 200
        page = demo_daemon.api(path)
        seen += [s["id"] for s in page]
        path = f"/api/stories?limit=2&before={page[-1]['id']}" if len(page) == 2 else None
    assert seen == everything


def test_alerts_and_feeds_match_the_cli(demo_daemon: DemoDaemon) -> None:
    assert demo_daemon.api("/api/alerts?limit=1000") == demo_daemon.cli("alerts")
    assert demo_daemon.api("/api/feeds") == demo_daemon.cli("feeds", "list")


def test_alerts_atom_parses_and_is_valid_rfc4287(demo_daemon: DemoDaemon) -> None:
    status, body = demo_daemon.get("/alerts.atom")
    assert status == 200
    alerts = demo_daemon.cli("alerts")
    parsed = feedparser.parse(body)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert [e.id for e in parsed.entries] == [entry_id(a["id"]) for a in alerts]
    assert all(e.link.startswith(f"{PUBLIC_URL}/figures/") for e in parsed.entries)

    feed = ET.fromstring(body.encode())
    assert feed.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{tag}")) == 1, f"feed needs exactly one atom:{tag}"
    assert feed.find(f"{ATOM}author/{ATOM}name") is not None, (
        "feed-level author (entries have none)"
    )
    assert feed.find(f"{ATOM}link[@rel='self']") is not None
    ids = []
    for entry in feed.findall(f"{ATOM}entry"):
        for tag in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{tag}")) == 1, f"entry needs exactly one atom:{tag}"
        assert RFC3339.match(entry.findtext(f"{ATOM}updated") or ""), "updated is RFC 3339"
        assert entry.find(f"{ATOM}link[@rel='alternate']") is not None, "no content: a link"
        ids.append(entry.findtext(f"{ATOM}id") or "")
    assert len(set(ids)) == len(ids) == len(alerts)
    assert all(re.match(r"^urn:uuid:[0-9a-f-]{36}$", i) for i in ids), "ids are absolute IRIs"
    assert RFC3339.match(feed.findtext(f"{ATOM}updated") or "")
    again = ET.fromstring(demo_daemon.get("/alerts.atom")[1].encode())
    assert [e.findtext(f"{ATOM}id") for e in again.findall(f"{ATOM}entry")] == ids, "stable ids"


def test_health_endpoints_are_served_beside_the_pages(demo_daemon: DemoDaemon) -> None:
    assert demo_daemon.get("/livez")[0] == 200
    status, body = demo_daemon.get("/readyz")
    assert status == 200, body
    status, metrics = demo_daemon.get("/metrics")
    assert status == 200 and "monitor_alerts_total" in metrics
