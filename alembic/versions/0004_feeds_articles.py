"""Feeds, articles and the poller's state.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "article_revisions",
        sa.Column("article_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("position", sa.BigInteger(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("page_date", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("article_id", "revision", name="pk_article_revisions"),
    )
    op.create_index(
        "ix_article_revisions_position", "article_revisions", ["position"], unique=False
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("feed_url", sa.String(length=2048), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("page_date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("first_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("position", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=("pk_articles")),
    )
    op.create_index("ix_articles_first_seen_at", "articles", ["first_seen_at"], unique=False)
    op.create_table(
        "feed_entries",
        sa.Column("feed_url", sa.String(length=2048), nullable=False),
        sa.Column("entry_key", sa.String(length=2048), nullable=False),
        sa.Column("article_id", sa.String(length=36), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("text_sample", sa.Text(), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("feed_url", "entry_key", name="pk_feed_entries"),
    )
    op.create_table(
        "feed_schedule",
        sa.Column("url", sa.String(length=2048), nullable=False),
        sa.Column("next_poll_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("body_hash", sa.String(length=64), nullable=True),
        sa.Column("lease_owner", sa.String(length=128), nullable=True),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("url", name=("pk_feed_schedule")),
    )
    op.create_index(
        "ix_feed_schedule_next_poll_at", "feed_schedule", ["next_poll_at"], unique=False
    )
    op.create_table(
        "feeds",
        sa.Column("url", sa.String(length=2048), nullable=False),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("interval", sa.Float(), nullable=True),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_success_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_error_reason", sa.String(length=32), nullable=True),
        sa.Column("last_error_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("consecutive_failures", sa.Integer(), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("url", name=("pk_feeds")),
    )
    op.create_table(
        "source_boilerplate",
        sa.Column("source", sa.String(length=512), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("source", name=("pk_source_boilerplate")),
    )


def downgrade() -> None:
    for table in (
        "source_boilerplate",
        "feeds",
        "feed_schedule",
        "feed_entries",
        "articles",
        "article_revisions",
    ):
        op.drop_table(table)
