"""The seed situation end to end: an original wire story, an independent write-up, a
syndicated copy and a boilerplate-wrapped re-post with a false later date form ONE story
with two copies of the original — and every other round's reporting stays in its own story.

Five feeds on a loopback server publish the demo timeline round by round (monitor/demo/data,
texts written for the project); after each round one full cycle runs, as `monitor poll --all`.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from monitor.cli import main
from monitor.clock import utcnow
from monitor.daemon.bootstrap import App
from monitor.daemon.cycle import run_cycle
from monitor.daemon.subscriptions import add_feed
from monitor.demo.httpserver import FeedServer
from monitor.demo.timeline import install_round, timeline
from monitor.events import ArticleObserved
from monitor.polling.subscriptions import DeclaredFeed
from monitor.projections.stories import stories_list
from monitor.projector.runner import digest

TIMELINE = timeline()
EXPECTED = TIMELINE["expected"]
SEED_ROUND = "2023-11"
ORIGINAL = "meridian:asia:2023-11-01:nis-million-shells"
REPOST = "trendhub:insights:88213"
BOILERPLATE = ("TrendPulse", "Support us", "Share:", "Related", "Ranking", "votes")


@dataclass(frozen=True)
class Polled:
    """The application after the whole timeline was polled, and the stories it holds."""

    app: App
    guid_of: dict[str, str]  # article id → entry guid
    stories: list[dict[str, Any]]

    def story_with(self, guid: str) -> dict[str, Any]:
        return next(s for s in self.stories if guid in self.guids(s))

    def guids(self, story: dict[str, Any]) -> list[str]:
        return [self.guid_of[a["id"]] for a in story["articles"]]

    def article(self, guid: str) -> dict[str, Any]:
        story = self.story_with(guid)
        return next(a for a in story["articles"] if self.guid_of[a["id"]] == guid)


@pytest.fixture
def polled(make_app: Callable[..., App]) -> Iterator[Polled]:
    server = FeedServer().start()
    try:
        app = make_app(polling={"timeout": "30s"})  # generous: the suite may load the machine
        for url in install_round(server, 0).values():
            add_feed(app.log, DeclaredFeed(url), "cli", utcnow())
        for index, _ in enumerate(TIMELINE["rounds"]):
            install_round(server, index)
            asyncio.run(run_cycle(app, everything=True))
        guid_of = {
            s.event.article_id: s.event.guid or ""
            for s in app.log.read_after(0, 100_000)
            if isinstance(s.event, ArticleObserved)
        }
        with app.engine.connect() as conn:
            found = stories_list(conn)
        yield Polled(app, guid_of, found)
    finally:
        server.stop()


def seed_guids() -> set[str]:
    [seed] = [r for r in TIMELINE["rounds"] if r["label"] == SEED_ROUND]
    return {e["guid"] for e in seed["entries"]}


def test_the_seed_round_is_one_story_with_two_copies_of_the_original(polled: Polled) -> None:
    story = polled.story_with(ORIGINAL)
    assert set(polled.guids(story)) == seed_guids()
    assert len(story["sources"]) == 4
    assert polled.article(ORIGINAL)["copy_of"] is None
    copies = {polled.guid_of[a["id"]] for a in story["articles"] if a["copy_of"]}
    assert copies == set(EXPECTED["copies"])
    for copy, of in EXPECTED["copies"].items():
        assert polled.article(copy)["copy_of"] == polled.article(of)["id"]
    # Named by the original's headline: never a copy's own or a line of the re-post's wrapper.
    originals = [a["title"] for a in story["articles"] if a["copy_of"] is None]
    assert story["title"] == polled.article(ORIGINAL)["title"] and story["title"] in originals
    assert not any(word in story["title"] for word in BOILERPLATE)
    # The re-post claims 2025; the story's event stays the original's publication.
    assert polled.article(REPOST)["published_at"].year == 2025
    assert story["event_time"] == polled.article(ORIGINAL)["published_at"]


def test_every_round_groups_exactly_as_expected(polled: Polled) -> None:
    grouping = sorted(sorted(polled.guids(s)) for s in polled.stories)
    assert grouping == sorted(sorted(group) for group in EXPECTED["stories"])


@dataclass(frozen=True)
class Ran:
    """One `monitor` invocation: exit status and what it printed."""

    status: int
    stdout: str
    stderr: str


@pytest.fixture
def monitor(
    polled: Polled, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> Callable[..., Ran]:
    """`monitor --config CONFIG ARGS...` on the polled database, in this process."""
    config = tmp_path / "monitor.toml"
    config.write_text(f"database_url = {json.dumps(database_url)}\n", encoding="utf-8")

    def run(*args: str) -> Ran:
        capsys.readouterr()
        status = main(["--config", str(config), "--log-level", "error", *args])
        out, err = capsys.readouterr()
        return Ran(status, out, err)

    return run


def test_the_commands_show_stories_and_one_story_with_copies_marked(
    polled: Polled, monitor: Callable[..., Ran]
) -> None:
    listed = monitor("stories", "--json")
    assert listed.status == 0, listed.stderr
    # The same stories, newest first by the publication time of their latest original.
    assert sorted(s["id"] for s in json.loads(listed.stdout)) == sorted(
        s["id"] for s in polled.stories
    )
    seed = polled.story_with(ORIGINAL)
    detail = monitor("story", seed["id"], "--json")
    assert detail.status == 0, detail.stderr
    one = json.loads(detail.stdout)
    assert one["title"] == seed["title"] and one["first_seen_at"].endswith("Z")
    assert sum(1 for a in one["articles"] if a["copy_of"]) == 2
    table = monitor("stories", "--since", "2020-01-01", "--limit", "100")  # by publication time
    rows = [line for line in table.stdout.splitlines() if line.startswith("s-")]
    assert table.status == 0 and len(rows) == len(polled.stories)
    assert json.loads(monitor("stories", "--since", "2999-01-01", "--json").stdout) == []
    unknown = monitor("story", "s-no-such-story")
    assert unknown.status == 1 and "unknown story 's-no-such-story'" in unknown.stderr
    assert monitor("stories", "--since", "yesterday-ish").status == 2


def test_monitor_replay_stories_rebuilds_an_identical_read_model(
    polled: Polled, monitor: Callable[..., Ran]
) -> None:
    tables = polled.app.projection("stories").tables
    with polled.app.engine.connect() as conn:
        live = digest(conn, tables)
    replayed = monitor("replay", "stories")
    assert replayed.status == 0, replayed.stderr
    with polled.app.engine.connect() as conn:
        assert digest(conn, tables) == live
