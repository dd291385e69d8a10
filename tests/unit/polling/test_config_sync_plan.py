"""Config sync planning: only the file that declared a feed or figure may remove it."""

from __future__ import annotations

from datetime import UTC, datetime

from monitor.events import FeedAdded, FeedRemoved, FigureTracked, FigureUntracked, may_undeclare
from monitor.polling.subscriptions import DeclaredFeed, plan_sync
from monitor.projections.figures import definition_json
from monitor.projections.figures_sync import plan_figure_sync
from monitor.text.figures import FigureSpec

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
ETC = "/etc/monitor/monitor.toml"
HOME = "/home/ana/monitor.toml"
FEED = "https://example.org/world.xml"


def row(origin: str, source: str | None) -> dict[str, object]:
    return {"name": None, "interval": None, "origin": origin, "source": source}


def test_only_the_declaring_file_may_undeclare() -> None:
    assert may_undeclare(ETC, ETC)
    assert not may_undeclare(ETC, None), "a run with no config file removes nothing"
    assert not may_undeclare(ETC, HOME), "another file leaves the first file's items alone"
    assert may_undeclare(None, ETC), "an unrecorded declaration is adopted by a loaded file"
    assert not may_undeclare(None, None)


def test_a_run_without_a_config_file_keeps_config_declared_feeds() -> None:
    plan = plan_sync({FEED: row("config", ETC)}, [], None, NOW)
    assert plan.events == ()
    assert plan.kept == ((FEED, ETC),)


def test_a_run_with_another_file_keeps_them_and_adds_its_own() -> None:
    other = "https://example.org/other.xml"
    plan = plan_sync({FEED: row("config", ETC)}, [DeclaredFeed(other)], HOME, NOW)
    assert [type(e) for e in plan.events] == [FeedAdded]
    added = plan.events[0]
    assert isinstance(added, FeedAdded) and added.source == HOME and added.url == other
    assert plan.kept == ((FEED, ETC),)


def test_the_same_file_removes_what_it_no_longer_declares() -> None:
    plan = plan_sync({FEED: row("config", ETC)}, [], ETC, NOW)
    assert [type(e) for e in plan.events] == [FeedRemoved]
    assert plan.removed == (FEED,) and plan.kept == ()


def test_feeds_added_by_hand_are_never_touched() -> None:
    plan = plan_sync({FEED: row("cli", None), "https://x.org/o": row("opml", None)}, [], ETC, NOW)
    assert plan.events == () and plan.kept == ()


def spec(name: str) -> FigureSpec:
    return FigureSpec(name=name, label=name, units=("shells",), context=("North Korea",))


def test_figures_follow_the_same_rule() -> None:
    known = {"nk-shells": definition_json(spec("nk-shells"))}
    sources = {"nk-shells": ETC}
    assert plan_figure_sync(known, sources, [], None, NOW).kept == (("nk-shells", ETC),)
    assert plan_figure_sync(known, sources, [], HOME, NOW).events == ()
    removed = plan_figure_sync(known, sources, [], ETC, NOW)
    assert [type(e) for e in removed.events] == [FigureUntracked]
    assert removed.removed == ("nk-shells",)


def test_a_newly_declared_figure_records_its_file() -> None:
    plan = plan_figure_sync({}, {}, [spec("measles")], HOME, NOW)
    (event,) = plan.events
    assert isinstance(event, FigureTracked) and event.source == HOME
    assert plan.recorded == ("measles",)
