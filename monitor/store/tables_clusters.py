"""Cluster state of the stories projection: LSH bands, fingerprints, story summaries, term DF.

Everything the clustering engine remembers lives in these tables, so memory stays flat
however long the history grows and a year-old original is still found by its band keys.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

from monitor.store.tables import metadata

cluster_bands = Table(
    "cluster_bands",
    metadata,
    Column("band_key", BigInteger, nullable=False),
    Column("article_id", String(36), nullable=False),
    # The primary key's leading column is the band key: it is the lookup index.
    PrimaryKeyConstraint("band_key", "article_id", name="pk_cluster_bands"),
)

cluster_articles = Table(
    "cluster_articles",
    metadata,
    Column("article_id", String(36), primary_key=True),
    Column("story_id", String(64), nullable=False),
    Column("event_time", DateTime(timezone=True), nullable=False),
    Column("seen_at", DateTime(timezone=True), nullable=False),
    Column("copy_of", String(36)),
    Column("shingles", LargeBinary, nullable=False),
)

cluster_stories = Table(
    "cluster_stories",
    metadata,
    Column("story_id", String(64), primary_key=True),
    Column("first_event_time", DateTime(timezone=True), nullable=False),
    Column("last_event_time", DateTime(timezone=True), nullable=False),
    Column("size", Integer, nullable=False),
    Column("centroid", Text, nullable=False),  # JSON [[term, weight], ...], sorted by term
    Index("ix_cluster_stories_last_event_time", "last_event_time"),
)

cluster_terms = Table(
    "cluster_terms",
    metadata,
    Column("term", Text, primary_key=True),
    Column("df", Integer, nullable=False),
)

cluster_counters = Table(
    "cluster_counters",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("value", BigInteger, nullable=False),
)
