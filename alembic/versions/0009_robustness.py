"""Full-text retries: feed entries remember failed page fetches and when to try again.

Revision ID: 0009_robustness
Revises: 0009_feed_declarations
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0009_robustness"
down_revision = "0009_feed_declarations"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("feed_entries") as batch:
        batch.add_column(
            sa.Column("page_attempts", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("page_retry_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("retry_event", sa.String(36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("feed_entries") as batch:
        batch.drop_column("retry_event")
        batch.drop_column("page_retry_at")
        batch.drop_column("page_attempts")
