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
    Column("event_time", DateTime(timezone=True), nullable=False),
    Column("similarity", Float, nullable=False),
    Column("position", BigInteger, nullable=False),
    Index("ix_story_articles_story_id", "story_id"),
)
