"""Claim frames in the figures read model: one row per bound claim with its frame, status
reason and publication time; the figure's current value remembers when it was published.

The figures read model is rebuilt from the log: the table is recreated empty and the
projection's checkpoint reset, so the next cycle replays every FigureTracked and article
under the new rule (alert ids are deterministic: alerts already raised are not raised again).

Revision ID: 0011_claim_frames
Revises: 0010_host_slots
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0011_claim_frames"
down_revision = "0010_host_slots"
branch_labels = None
depends_on = None


def _claims_table(frames: bool) -> None:
    columns = [
        sa.Column("figure", sa.String(128), nullable=False),
        sa.Column("article_id", sa.String(36), nullable=False),
        sa.Column("position", sa.BigInteger(), nullable=False),
    ]
    if frames:
        columns.append(sa.Column("seq", sa.Integer(), nullable=False))
    columns += [
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("lower", sa.Float(), nullable=True),
        sa.Column("upper", sa.Float(), nullable=True),
        sa.Column("qualifier", sa.String(32), nullable=True),
        sa.Column("approximate", sa.Boolean(), nullable=False),
        sa.Column("unit", sa.Text(), nullable=False),
    ]
    if frames:
        columns += [
            sa.Column("head", sa.Text(), nullable=True),
            sa.Column("scope", sa.Text(), nullable=True),
            sa.Column("scope_source", sa.String(16), nullable=True),
            sa.Column("kind", sa.String(16), nullable=False),
            sa.Column("time", sa.String(16), nullable=False),
            sa.Column("time_ref", sa.Text(), nullable=True),
            sa.Column("revision", sa.String(16), nullable=True),
            sa.Column("revised_from", sa.Float(), nullable=True),
            sa.Column("reason", sa.Text(), nullable=False),
        ]
    columns += [
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("attribution", sa.Text(), nullable=True),
        sa.Column("article_title", sa.Text(), nullable=False),
        sa.Column("article_url", sa.Text(), nullable=True),
        sa.Column("article_source", sa.Text(), nullable=False),
        sa.Column("article_published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("observed_at", sa.DateTime(timezone=True), nullable=False),
    ]
    if frames:
        columns.append(sa.Column("effective_at", sa.DateTime(timezone=True), nullable=False))
    columns += [
        sa.Column("copy_of", sa.String(36), nullable=True),
        sa.Column("alert_id", sa.String(128), nullable=True),
    ]
    key = ["figure", "article_id", "position"] + (["seq"] if frames else [])
    op.create_table(
        "figure_claims", *columns, sa.PrimaryKeyConstraint(*key, name="pk_figure_claims")
    )
    op.create_index("ix_figure_claims_figure_position", "figure_claims", ["figure", "position"])
    if frames:
        op.create_index(
            "ix_figure_claims_figure_effective", "figure_claims", ["figure", "effective_at"]
        )


def _rebuild_from_log() -> None:
    op.execute("DELETE FROM figures")
    op.execute("DELETE FROM checkpoints WHERE name = 'figures'")


def upgrade() -> None:
    op.drop_table("figure_claims")
    _claims_table(frames=True)
    with op.batch_alter_table("figures") as batch:
        batch.add_column(sa.Column("current_at", sa.DateTime(timezone=True), nullable=True))
    _rebuild_from_log()


def downgrade() -> None:
    op.drop_table("figure_claims")
    _claims_table(frames=False)
    with op.batch_alter_table("figures") as batch:
        batch.drop_column("current_at")
    _rebuild_from_log()
