"""The stories projection on a real database: placement, copies, revisions, replay, queries."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import insert, select

from monitor.daemon.ahead import Seen, features_ahead, keep
from monitor.daemon.bootstrap import App
from monitor.polling.identity import entry_facts
from monitor.polling.parser import ParsedEntry
from monitor.projections import parallel
from monitor.projections.cluster_state import SqlClusterState
from monitor.projections.clustering import (
    Assignment,
    ClusterEngine,
)
from monitor.projections.stories import (
    StoriesProjection,
    _members,
    refresh_stories,
    stories_list,
    story_detail,
    story_of_article,
    story_row,
)
from monitor.projector.runner import digest
from monitor.store.db import as_utc
from monitor.store.tables_feeds import articles
from monitor.store.tables_stories import stories, story_articles
from tests.integration.stories.support import (
    article_event,
    assigned_in_memory,
    html_of,
    labelled_docs,
    labelled_rows,
    row_event,
)

T0 = datetime(2024, 3, 5, 8, 0, tzinfo=UTC)
HOUR, DAY = timedelta(hours=1), timedelta(days=1)

DAM_WIRE = (
    "ORVENNA (Coast Wire) - Engineers opened all six spillway gates of the Orvenna dam on "
    "Monday after three days of rain raised the reservoir to its highest level since 1987.\n"
    "The regional water board said about 4,000 residents of the Lower Tavi valley were moved "
    "to schools and sports halls as a precaution while the river rose downstream.\n"
    "Board chairwoman Ilse Marron said the dam itself was sound and that inspectors had found "
    "no cracks, but warned that the river would stay high until Thursday.\n"
    "Farmers along the valley floor reported flooded fields and stranded livestock."
)
DAM_FEATURE = (
    "In the sports hall of Tavi Bridge, camp beds stood in rows on Monday night as families "
    "who left the Lower Tavi valley waited for news of their homes below the Orvenna dam.\n"
    "The water board opened every spillway gate after the reservoir reached a level not seen "
    "since 1987, and Ilse Marron, who chairs the board, said the structure was safe.\n"
    "Volunteers served soup while children slept. Several farmers said they had to leave "
    "cattle behind on higher ground."
)
MUSEUM = (
    "The national museum in Castelbruno will close its east wing for eighteen months from "
    "September to replace a leaking glass roof, its director Paolo Venturi said on Monday.\n"
    "The collection of medieval maps will move to a temporary gallery in the old customs house "
    "by the harbour, where entry will be free during the works.\n"
    "The renovation is expected to cost about 12 million euros, paid mostly by the city."
)
WRAP_TOP = "BREAKING | Tap to share with friends\nKeep reading below.\n"
WRAP_BOTTOM = "\nFollow us for more stories like this every single day."


@pytest.fixture
def app(make_app: Callable[..., App]) -> App:
    return make_app()


def publish(app: App, *events: Any) -> None:
    """Append article events as one poll would, then run every projection."""
    app.log.append(list(events))
    app.project()


def story(app: App, article_id: str) -> str | None:
    with app.engine.connect() as conn:
        return story_of_article(conn, article_id)


def member(app: App, article_id: str) -> Any:
    with app.engine.connect() as conn:
        return conn.execute(
            select(story_articles).where(story_articles.c.article_id == article_id)
        ).one()


def stories_digest(app: App) -> str:
    with app.engine.connect() as conn:
        return digest(conn, StoriesProjection().tables)


def test_write_ups_join_one_story_and_an_unrelated_event_gets_its_own(app: App) -> None:
    publish(
        app,
        article_event(
            app,
            "wire",
            source="Coast Wire",
            title="Orvenna dam opens all spillways",
            text=DAM_WIRE,
            seen_at=T0,
        ),
        article_event(
            app,
            "museum",
            source="Harbour Times",
            title="Museum wing to close",
            text=MUSEUM,
            seen_at=T0 + HOUR,
        ),
        article_event(
            app,
            "feature",
            source="Valley Post",
            title="A night in the sports hall",
            text=DAM_FEATURE,
            seen_at=T0 + 3 * HOUR,
        ),
    )
    assert story(app, "wire") == story(app, "feature") == "s-wire"
    assert story(app, "museum") == "s-museum"
    with app.engine.connect() as conn:
        dam = story_detail(conn, "s-wire")
    assert dam is not None
    assert dam["title"] == "Orvenna dam opens all spillways"
    assert dam["sources"] == ["Coast Wire", "Valley Post"]
    assert [a["id"] for a in dam["articles"]] == ["wire", "feature"]
    assert [a["copy_of"] for a in dam["articles"]] == [None, None]


def test_a_write_up_filed_in_an_opinion_section_founds_its_own_story(app: App) -> None:
    publish(
        app,
        article_event(
            app,
            "wire",
            source="Coast Wire",
            title="Orvenna dam opens all spillways",
            text=DAM_WIRE,
            seen_at=T0,
        ),
        article_event(
            app,
            "column",
            source="Valley Post",
            title="A night in the sports hall",
            text=DAM_FEATURE,
            seen_at=T0 + 3 * HOUR,
            link="https://valley-post.invalid/opinion/2024/03/05/a-night-in-the-sports-hall",
        ),
    )
    assert story(app, "wire") == "s-wire"
    assert story(app, "column") == "s-column"


def test_a_rewrapped_copy_a_year_later_is_found_in_the_database(app: App) -> None:
    publish(
        app,
        article_event(
            app, "wire", source="Coast Wire", title="Orvenna dam opens", text=DAM_WIRE, seen_at=T0
        ),
    )
    # Each publish is its own batch: nothing carries over in memory between them.
    publish(
        app,
        article_event(
            app,
            "late-feature",
            source="Valley Post",
            title="Camp beds",
            text=DAM_FEATURE,
            seen_at=T0 + 20 * DAY,
        ),
    )
    later = T0 + 365 * DAY
    publish(
        app,
        article_event(
            app,
            "repost",
            source="Clickbait",
            title="You won't believe it",
            text=WRAP_TOP + DAM_WIRE + WRAP_BOTTOM,
            seen_at=later,
            published_at=later,
        ),
    )
    assert story(app, "late-feature") == "s-late-feature"  # the story was idle by then
    repost = member(app, "repost")
    assert (repost.story_id, repost.copy_of) == ("s-wire", "wire")
    with app.engine.connect() as conn:
        dam = story_detail(conn, "s-wire")
    assert dam is not None
    assert dam["title"] == "Orvenna dam opens"  # never the copy's headline
    assert dam["last_seen_at"] == later


def test_an_original_arriving_just_after_its_copy_takes_over(app: App) -> None:
    # One poll: the aggregator's feed answered first, the wire's a moment later.
    publish(
        app,
        article_event(
            app,
            "repost",
            source="Clickbait",
            title="Dam drama!",
            text=WRAP_TOP + DAM_WIRE,
            seen_at=T0 + 2 * DAY,
            published_at=T0 + 2 * DAY - HOUR,
        ),
        article_event(
            app,
            "wire",
            source="Coast Wire",
            title="Orvenna dam opens",
            text=DAM_WIRE,
            seen_at=T0 + 2 * DAY + timedelta(seconds=2),
            published_at=T0,
        ),
    )
    publish(
        app,
        article_event(
            app,
            "syndicated",
            source="Valley Post",
            title="Dam opens",
            text=DAM_WIRE + WRAP_BOTTOM,
            seen_at=T0 + 3 * DAY,
        ),
    )
    assert member(app, "wire").copy_of is None
    assert member(app, "repost").copy_of == "wire"
    assert member(app, "syndicated").copy_of == "wire"
    assert member(app, "repost").event_time == member(app, "wire").event_time
    with app.engine.connect() as conn:
        found = story_detail(conn, story(app, "wire") or "")
    assert found is not None and found["title"] == "Orvenna dam opens"


def test_a_revision_keeps_its_story_and_empty_text_gets_a_story_of_its_own(app: App) -> None:
    publish(
        app,
        article_event(
            app, "wire", source="Coast Wire", title="Orvenna dam opens", text=DAM_WIRE, seen_at=T0
        ),
        article_event(
            app,
            "headline",
            source="Coast Wire",
            title="Orvenna dam opens spillways",
            text="",
            seen_at=T0 + HOUR,
        ),
    )
    before = member(app, "wire")
    publish(
        app,
        article_event(
            app,
            "wire",
            source="Coast Wire",
            title="Museum wing to close",
            text=MUSEUM,
            seen_at=T0 + 2 * HOUR,
            revised=True,
        ),
    )
    assert member(app, "wire") == before
    assert story(app, "headline") == "s-headline"
    with app.engine.connect() as conn:
        dam = story_detail(conn, "s-wire")
    assert dam is not None and dam["title"] == "Orvenna dam opens"  # the headline first seen
    live = stories_digest(app)
    app.runner(app.projection("stories")).rebuild()
    assert stories_digest(app) == live


def test_the_sql_state_assigns_exactly_like_the_in_memory_state(app: App) -> None:
    docs = labelled_docs()
    expected = assigned_in_memory(docs)
    got: list[Assignment] = []
    for start in range(0, len(docs), 7):  # small batches: every read crosses a flush
        with app.engine.begin() as conn:
            state = SqlClusterState(conn)
            engine = ClusterEngine(state)
            got.extend(engine.assign(d) for d in docs[start : start + 7])
            state.flush()
    assert got == expected


def test_replay_rebuilds_byte_identical_stories(app: App) -> None:
    rows = labelled_rows()
    for start in range(0, len(rows), 9):  # live: many small polls
        publish(app, *(row_event(app, r) for r in rows[start : start + 9]))
    live = stories_digest(app)
    with app.engine.connect() as conn:
        listed = stories_list(conn)
    events = {r["event"] for r in rows}
    assert len(events) // 2 < len(listed) <= len(rows) - len(events) // 2
    app.runner(app.projection("stories")).rebuild()
    assert stories_digest(app) == live


def test_text_features_computed_on_the_process_pool_give_the_same_stories(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = labelled_rows()
    publish(app, *(row_event(app, r) for r in rows))
    runner = app.runner(app.projection("stories"))
    monkeypatch.setenv("MONITOR_WORKERS", "0")
    runner.rebuild()
    in_process = stories_digest(app)
    monkeypatch.setenv("MONITOR_WORKERS", "2")
    monkeypatch.setattr(parallel, "MIN_WORK", 0)  # a small batch: pool it anyway
    try:
        runner.rebuild()
        assert parallel._pool is not None, "the features were computed by worker processes"
    finally:
        parallel.shutdown()
    assert stories_digest(app) == in_process


def test_features_computed_ahead_by_the_parse_worker_give_the_same_stories(app: App) -> None:
    rows = labelled_rows()
    publish(app, *(row_event(app, r) for r in rows))
    computed = stories_digest(app)
    cache = app.features_ahead
    assert cache.hits == 0
    missed = cache.misses  # the live fold: nothing was computed ahead
    entries = [
        entry_facts(ParsedEntry(r["id"], None, r["title"], None, html_of(r["body"]), None, None))
        for r in rows
    ]
    for source in sorted({r["outlet"] for r in rows}):
        mine = [f for f, r in zip(entries, rows, strict=True) if r["outlet"] == source]
        keep(cache, features_ahead(mine, source, Seen()))
    app.runner(app.projection("stories")).rebuild()
    assert cache.hits + cache.misses - missed == sum(1 for r in rows if r["body"].strip())
    assert cache.hits > cache.misses - missed  # a text its source's repeated lines changed: missed
    assert stories_digest(app) == computed


def test_stories_are_listed_newest_first_and_filtered_by_last_sight(app: App) -> None:
    publish(
        app,
        article_event(
            app, "wire", source="Coast Wire", title="Orvenna dam opens", text=DAM_WIRE, seen_at=T0
        ),
        article_event(
            app,
            "museum",
            source="Harbour Times",
            title="Museum wing to close",
            text=MUSEUM,
            seen_at=T0 + 5 * DAY,
        ),
    )
    with app.engine.connect() as conn:
        everything = stories_list(conn)
        recent = stories_list(conn, T0 + DAY)
        unknown = story_detail(conn, "s-nothing")
    assert [s["id"] for s in everything] == ["s-museum", "s-wire"]
    assert [s["id"] for s in recent] == ["s-museum"]
    assert unknown is None
    assert set(everything[0]) >= {
        "id",
        "title",
        "first_seen_at",
        "last_seen_at",
        "sources",
        "articles",
    }
    assert set(everything[0]["articles"][0]) >= {
        "id",
        "title",
        "url",
        "source",
        "published_at",
        "first_seen_at",
        "copy_of",
    }


def _insert_members(app: App, story_id: str, members: list[tuple[str | None, bool]]) -> None:
    """Members in story order as (title, is_copy); each from its own source an hour apart."""
    with app.engine.begin() as conn:
        for i, (title, is_copy) in enumerate(members):
            article_id = f"{story_id}-{i}"
            conn.execute(
                insert(articles).values(
                    id=article_id,
                    feed_url="http://x.invalid/feed",
                    source=f"Outlet {i % 4}",
                    title=title or "",
                    first_seen_at=T0 + i * HOUR,
                    revision=0,
                    position=1000 + i,
                )
            )
            conn.execute(
                insert(story_articles).values(
                    article_id=article_id,
                    story_id=story_id,
                    copy_of=f"{story_id}-0" if is_copy else None,
                    first_copy_of=None,
                    event_time=T0 + i * HOUR,
                    similarity=0.5,
                    position=1000 + i,
                    title=title,
                )
            )


def _aware(row: Any) -> dict[str, Any]:
    return {k: as_utc(v) if isinstance(v, datetime) else v for k, v in row.items()}


def test_story_rows_equal_the_summary_of_all_their_members(app: App) -> None:
    rows = labelled_rows()
    for start in range(0, len(rows), 9):
        publish(app, *(row_event(app, r) for r in rows[start : start + 9]))
    late_headline: list[tuple[str | None, bool]] = [("Update", False)] * 11
    late_headline.append(("Dam gates open after rain", False))
    _insert_members(app, "late-headline", late_headline)  # beyond the first few originals
    _insert_members(app, "copies-only", [(None, False), ("Re-post of the dam story", True)])
    _insert_members(app, "untitled", [(None, False), ("", False)])
    _insert_members(app, "short", [("Dam", False), ("Update", False)])
    _insert_members(
        app,
        "medoid",
        [
            ("A night in the sports hall", False),
            ("Orvenna dam opens all spillway gates after rain", False),
            ("SHOCKING: dam drama in the Orvenna valley", True),
            ("Spillway gates opened at Orvenna dam as river rises", False),
            ("Orvenna dam: all gates open, 4,000 moved", False),
        ],
    )
    with app.engine.begin() as conn:
        story_ids = sorted(conn.execute(select(story_articles.c.story_id).distinct()).scalars())
        refresh_stories(conn, story_ids)
        stored = {r["id"]: _aware(r) for r in conn.execute(select(stories)).mappings()}
        members = _members(conn, story_ids)
    expected = {sid: story_row(sid, found) for sid, found in members.items()}
    assert stored == expected
    assert stored["late-headline"]["title"] == "Dam gates open after rain"
    assert stored["copies-only"]["title"] == "Re-post of the dam story"
    assert (stored["untitled"]["title"], stored["short"]["title"]) == ("(untitled)", "Dam")
    # Neither the first-seen feature headline nor the copy's: the one the others agree with.
    assert stored["medoid"]["title"] == "Orvenna dam opens all spillway gates after rain"


def test_five_unrelated_articles_in_an_empty_database_stay_five_stories(app: App) -> None:
    # Nothing is known yet but the language prior: everyday words ("said", "officials",
    # "people", "on Monday") must not glue these together.
    texts = [
        ("dam", "Orvenna dam opens all spillways", DAM_WIRE),
        ("museum", "Museum wing to close for roof works", MUSEUM),
        (
            "bank",
            "Norland central bank holds rates",
            "The Norland central bank held its main rate at 4.25 percent on Monday, officials "
            "said, because inflation was still too high. Governor Astrid Lundqvist said people "
            "would have to wait for cuts until wage growth slowed in the second half.",
        ),
        (
            "court",
            "Court orders bakery refunds",
            "A regional court in Lisandra ordered the bakery chain Pane Dorato to repay "
            "customers on Monday, officials said. About 3,000 people bought vouchers that were "
            "never honoured, and the company said it would appeal the ruling.",
        ),
        (
            "quake",
            "Quake shakes Vellmar coast",
            "A magnitude 5.9 earthquake shook the Vellmar coast on Monday, officials said, "
            "cracking walls in the port of Estrin. People slept outside as aftershocks "
            "continued; no deaths were reported by the regional government.",
        ),
    ]
    publish(
        app,
        *(
            article_event(
                app, key, source=f"Outlet {i}", title=title, text=text, seen_at=T0 + i * HOUR
            )
            for i, (key, title, text) in enumerate(texts)
        ),
    )
    with app.engine.connect() as conn:
        found = stories_list(conn)
    assert len(found) == 5
    assert sorted(s["id"] for s in found) == sorted(f"s-{key}" for key, _, _ in texts)
