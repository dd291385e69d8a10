"""Figures read model: tracked figures and their claims.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "figures",
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("definition", sa.Text(), nullable=False),
        sa.Column("tracked_position", sa.BigInteger(), nullable=False),
        sa.Column("tracked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("current_value", sa.Float(), nullable=True),
        sa.Column("current_claim", sa.Text(), nullable=True),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("name", name="pk_figures"),
    )
    op.create_table(
        "figure_claims",
        sa.Column("figure", sa.String(128), nullable=False),
        sa.Column("article_id", sa.String(36), nullable=False),
        sa.Column("position", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("lower", sa.Float(), nullable=True),
        sa.Column("upper", sa.Float(), nullable=True),
        sa.Column("qualifier", sa.String(32), nullable=True),
        sa.Column("approximate", sa.Boolean(), nullable=False),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("attribution", sa.Text(), nullable=True),
        sa.Column("article_title", sa.Text(), nullable=False),
        sa.Column("article_url", sa.Text(), nullable=True),
        sa.Column("article_source", sa.Text(), nullable=False),
        sa.Column("article_published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("observed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("copy_of", sa.String(36), nullable=True),
        sa.Column("alert_id", sa.String(128), nullable=True),
        sa.PrimaryKeyConstraint("figure", "article_id", "position", name="pk_figure_claims"),
    )
    op.create_index("ix_figure_claims_figure_position", "figure_claims", ["figure", "position"])


def downgrade() -> None:
    op.drop_table("figure_claims")
    op.drop_table("figures")
