"""Cluster state of the stories projection; story_articles keeps the headline at first sight.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("story_articles", sa.Column("title", sa.Text(), nullable=True))
    op.add_column("story_articles", sa.Column("first_copy_of", sa.String(36), nullable=True))
    op.create_table(
        "cluster_bands",
        sa.Column("band_key", sa.BigInteger(), nullable=False),
        sa.Column("article_id", sa.String(36), nullable=False),
        sa.PrimaryKeyConstraint("band_key", "article_id", name="pk_cluster_bands"),
    )
    op.create_table(
        "cluster_articles",
        sa.Column("article_id", sa.String(36), nullable=False),
        sa.Column("story_id", sa.String(64), nullable=False),
        sa.Column("event_time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("copy_of", sa.String(36), nullable=True),
        sa.Column("shingles", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("article_id", name="pk_cluster_articles"),
    )
    op.create_table(
        "cluster_stories",
        sa.Column("story_id", sa.String(64), nullable=False),
        sa.Column("first_event_time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_event_time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("centroid", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("story_id", name="pk_cluster_stories"),
    )
    op.create_index(
        "ix_cluster_stories_last_event_time", "cluster_stories", ["last_event_time"]
    )
    op.create_table(
        "cluster_terms",
        sa.Column("term", sa.Text(), nullable=False),
        sa.Column("df", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("term", name="pk_cluster_terms"),
    )
    op.create_table(
        "cluster_counters",
        sa.Column("name", sa.String(32), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_cluster_counters"),
    )


def downgrade() -> None:
    for table in (
        "cluster_counters",
        "cluster_terms",
        "cluster_stories",
        "cluster_articles",
        "cluster_bands",
    ):
        op.drop_table(table)
    op.drop_column("story_articles", "first_copy_of")
    op.drop_column("story_articles", "title")
