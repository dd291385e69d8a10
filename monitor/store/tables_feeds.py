"""Feeds and articles: read models (feeds, articles, article_revisions) and the poller's own state."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    false,
)

from monitor.store.tables import metadata

# Read model of FeedAdded/Changed/Removed/Polled/Failed/Moved/Gone.
feeds = Table(
    "feeds",
    metadata,
    Column("url", String(2048), primary_key=True),
    Column("name", Text),
    Column("title", Text),
    Column("interval", Float),
    Column("origin", String(16), nullable=False),
    Column("source", Text),  # the config file that declared it (origin "config")
    Column("paused", Boolean, nullable=False, server_default=false()),  # FeedPaused
    Column("status", String(16), nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
    Column("last_success_at", DateTime(timezone=True)),
    Column("last_error", Text),
    Column("last_error_reason", String(32)),
    Column("last_error_at", DateTime(timezone=True)),
    Column("consecutive_failures", Integer, nullable=False),
    Column("articles", Integer, nullable=False),
)

# The poller's operational state, written in the same transaction as its appends: HTTP
# validators, the next poll time (with random jitter, so it is not a projection) and leases.
feed_schedule = Table(
    "feed_schedule",
    metadata,
    Column("url", String(2048), primary_key=True),
    Column("next_poll_at", DateTime(timezone=True), nullable=False),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("body_hash", String(64)),
    Column("lease_owner", String(128)),
    Column("lease_until", DateTime(timezone=True)),
    # The per-host politeness key (host[:port]), so claims can count leases per host.
    Column("host", String(512)),
    Index("ix_feed_schedule_next_poll_at", "next_poll_at"),
    Index("ix_feed_schedule_lease_until", "lease_until"),
)

# The daemons sharing the database (scale-out): who they are, when they last showed signs of
# life, and the backend pid of the connection holding their projection locks (`monitor status`).
processes = Table(
    "processes",
    metadata,
    Column("id", String(128), primary_key=True),
    Column("host", String(255), nullable=False),
    Column("pid", Integer, nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("heartbeat_at", DateTime(timezone=True), nullable=False),
    Column("lock_backend_pid", Integer),
    # Projections this process runs, as it last recorded them (comma-separated names).
    Column("projections", Text, nullable=False),
)

# What the poller knows of each entry, to tell new, unchanged, revised and reused entries.
feed_entries = Table(
    "feed_entries",
    metadata,
    Column("feed_url", String(2048), nullable=False),
    Column("entry_key", String(2048), nullable=False),
    Column("article_id", String(36), nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("text_sample", Text, nullable=False),
    Column("generation", Integer, nullable=False),
    # Full text: failed page fetches of this entry so far, and when to try again (NULL: never).
    Column("page_attempts", Integer, nullable=False, server_default="0"),
    Column("page_retry_at", DateTime(timezone=True)),
    Column("retry_event", String(36)),  # the article event whose page is still missing
    PrimaryKeyConstraint("feed_url", "entry_key", name="pk_feed_entries"),
)

# Read model: one row per article (its latest revision) ...
articles = Table(
    "articles",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("feed_url", String(2048), nullable=False),
    Column("source", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("url", Text),
    Column("published_at", DateTime(timezone=True)),
    Column("page_date", DateTime(timezone=True)),
    Column("first_seen_at", DateTime(timezone=True), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("position", BigInteger, nullable=False),
    Index("ix_articles_first_seen_at", "first_seen_at"),
)

# ... and the clean text of every revision, so later projections read exactly the text of
# the event they are folding, whatever happened since.
article_revisions = Table(
    "article_revisions",
    metadata,
    Column("article_id", String(36), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("position", BigInteger, nullable=False),
    Column("title", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("page_date", DateTime(timezone=True)),
    PrimaryKeyConstraint("article_id", "revision", name="pk_article_revisions"),
    Index("ix_article_revisions_position", "position"),
)

# Per-source state of the repeated-line learner (boilerplate), JSON.
source_boilerplate = Table(
    "source_boilerplate",
    metadata,
    Column("source", String(512), primary_key=True),
    Column("state", Text, nullable=False),
)
