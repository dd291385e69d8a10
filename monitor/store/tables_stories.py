"""Stories read model: stories and the membership of every article (with copy marks)."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, Float, Index, Integer, String, Table, Text

from monitor.store.tables import metadata

stories = Table(
    "stories",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("title", Text, nullable=False),
    Column("first_seen_at", DateTime(timezone=True), nullable=False),
    Column("last_seen_at", DateTime(timezone=True), nullable=False),
    Column("event_time", DateTime(timezone=True), nullable=False),
    Column("sources", Text, nullable=False),  # JSON list, sorted
    Column("articles", Integer, nullable=False),
    Column("position", BigInteger, nullable=False),
    Index("ix_stories_last_seen_at", "last_seen_at"),
)

story_articles = Table(
    "story_articles",
    metadata,
    Column("article_id", String(36), primary_key=True),
    Column("story_id", String(64), nullable=False),
    Column("copy_of", String(36)),
    # The copy mark the article got when it was placed. `copy_of` may later move to an
    # earlier-published original that arrived in the same sighting; this never changes, so
    # projections that read it (figures) fold the same facts live and on replay.
    Column("first_copy_of", String(36)),
    Column("event_time", DateTime(timezone=True), nullable=False),
    Column("similarity", Float, nullable=False),
    Column("position", BigInteger, nullable=False),
    # The headline at first sight (migration 0007): story titles never follow later edits,
    # so a replay names every story exactly as the live run did.
    Column("title", Text),
    Index("ix_story_articles_story_id", "story_id"),
)
