"""The read commands as an analyst uses them, on the demo data through a real subprocess:
tables that fit 100 columns, short ids accepted anywhere, pages with a way to the next one,
empty states that say what to do, colour only where it is wanted."""

from __future__ import annotations

import json
import re

import pytest

from tests.e2e.cli.conftest import Run

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-")
ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")


def fits(text: str, width: int = 100) -> bool:
    return all(len(line.rstrip()) <= width for line in text.splitlines())


@pytest.mark.parametrize(
    "command",
    [["stories"], ["figures"], ["figure", "nk-shells"], ["alerts"], ["feeds", "list"]],
)
def test_tables_fit_100_columns_with_local_minutes_and_short_ids(
    demo: Run, command: list[str]
) -> None:
    out = demo(*command)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() and fits(out.stdout), out.stdout
    assert not ISO.search(out.stdout), "tables show local times, --json shows ISO-8601"
    if command[0] != "feeds":
        assert not UUID.search(out.stdout), "tables show display ids, --json the full ones"


def test_stories_are_newest_first_by_publication_and_json_keeps_full_ids(demo: Run) -> None:
    found = json.loads(demo("stories", "--json", "--limit", "100").stdout)
    published = [s["published_at"] for s in found]
    assert published == sorted(published, reverse=True)
    assert all(s["id"].startswith("s-") and len(s["id"]) > 30 for s in found)
    table = demo("stories").stdout
    assert found[0]["id"][:10] in table  # "s-" and 8 hex digits
    # Europe/Berlin in summer: 09:00 UTC prints as 11:00.
    newest = found[0]["published_at"]
    assert newest.endswith("09:00:00Z") and newest[:10] + " 11:00" in table


def test_story_by_display_id_prefix_and_web_path(demo: Run) -> None:
    stories = json.loads(demo("stories", "--json", "--limit", "100").stdout)
    story = max(stories, key=lambda s: len(s["articles"]))
    full = story["id"]
    for typed in (full[:10], full[:6], f"/stories/{full}", f"http://example.org/stories/{full}"):
        out = demo("story", typed, "--json")
        assert out.returncode == 0, (typed, out.stderr)
        assert json.loads(out.stdout)["id"] == full
    table = demo("story", full[:10]).stdout
    assert fits(table)
    assert "copy of Meridian Press — Asia, 2023-11-01" in table  # not a UUID
    assert "http://127.0.0.1:" in table  # the article's link
    assert "4 articles from 4 sources, 2 copies" in table


def test_ambiguous_and_unknown_ids_say_what_to_do(demo: Run) -> None:
    stories = json.loads(demo("stories", "--json", "--limit", "100").stdout)
    by_first: dict[str, list[str]] = {}
    for s in stories:
        by_first.setdefault(s["id"][2], []).append(s["id"])
    shared = next(ids for ids in by_first.values() if len(ids) > 1)
    ambiguous = demo("story", shared[0][:3])
    assert ambiguous.returncode == 1 and "Traceback" not in ambiguous.stderr
    assert "fits several stories" in ambiguous.stderr
    assert all(i[:10] in ambiguous.stderr for i in shared)
    unknown = demo("story", "s-00000000")
    assert unknown.returncode == 1
    assert unknown.stderr.strip().splitlines() == [
        "Error: unknown story 's-00000000' (see `monitor stories` for the ids)"
    ]
    assert "unknown alert" in demo("alerts", "retry", "zzzz").stderr


def test_pages_follow_their_footer_and_json_pages_the_same(demo: Run) -> None:
    everything = [s["id"] for s in json.loads(demo("stories", "--json", "--limit", "100").stdout)]
    first = demo("stories", "--limit", "3")
    footer = first.stdout.strip().splitlines()[-1]
    assert footer.startswith("3 stories shown; next page: monitor stories --after s-")
    after = footer.split("--after ")[1].split()[0].rstrip(";")
    assert after == everything[2][:10]
    second = json.loads(demo("stories", "--json", "--limit", "3", "--after", after).stdout)
    assert [s["id"] for s in second] == everything[3:6]
    back = json.loads(demo("stories", "--json", "--limit", "2", "--before", everything[3]).stdout)
    assert [s["id"] for s in back] == everything[1:3]
    last = demo("stories", "--after", everything[-2], "--limit", "5").stdout
    assert "previous page: monitor stories --before" in last and "next page" not in last
    both = demo("stories", "--after", "s-1", "--before", "s-2")
    assert both.returncode == 2 and "not both" in both.stderr


def test_alerts_show_the_change_source_story_and_delivery(demo: Run) -> None:
    table = demo("alerts", "--limit", "1").stdout
    assert "almost 5,000,000 →" in table and "more than" in table and "6,000,000" in table
    assert "nk-shells up" in table and "webhook: delivered" in table
    assert "Northern Defence" in table and "s-" in table
    assert "1 alert shown; next page: monitor alerts --after " in table
    alerts = json.loads(demo("alerts", "--json", "--limit", "2").stdout)
    assert len(alerts) == 2 and alerts[0]["created_at"].endswith("Z")


def test_feed_status_is_coloured_on_a_terminal_unless_no_color(demo: Run) -> None:
    coloured = demo("feeds", "list", env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert "\x1b[32mok" in coloured.stdout
    plain = demo("feeds", "list", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert not re.search(r"\x1b\[(3\d|9\d)m", plain.stdout) and " ok " in plain.stdout


def test_empty_tables_say_what_to_do_next(fresh: Run) -> None:
    assert fresh("db", "upgrade").returncode == 0
    expected = {
        ("stories",): "no stories yet: `monitor poll`",
        ("alerts",): "no alerts yet:",
        ("feeds", "list"): "no feeds yet: add one with `monitor feeds add URL`",
        ("events",): "no events yet: `monitor poll`",
    }
    for command, says in expected.items():
        out = fresh(*command)
        assert out.returncode == 0 and out.stdout.startswith(says), (command, out.stdout)


def test_alerts_test_reports_the_outcome_in_words(fresh: Run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "monitor.toml"
    config.write_text(
        config.read_text()
        + '[[alerts.webhooks]]\nurl = "http://127.0.0.1:9/hook"\n'
        + 'secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"\n'
    )
    out = fresh("alerts", "test")
    assert out.returncode == 1
    words = " ".join(out.stdout.split())
    assert "not delivered" in words and "a real alert would be retried" in words
    assert "retry " not in out.stdout and not re.search(r"[A-Z]\w+Error", out.stdout + out.stderr)
    assert out.stderr.strip() == (
        "Error: the test alert was not delivered on 1 channel: webhook 127.0.0.1:9/hook"
    )
