"""Host slots: requests in flight per host — feed fetches (`feed_schedule.fetching`) and
article pages (`host_slots`) — counted across processes.

Revision ID: 0010_host_slots
Revises: 0009_robustness
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0010_host_slots"
down_revision = "0009_robustness"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("feed_schedule") as batch:
        batch.add_column(
            sa.Column("fetching", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.create_table(
        "host_slots",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("host", sa.String(512), nullable=False),
        sa.Column("owner", sa.String(128), nullable=False),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_host_slots"),
    )
    op.create_index("ix_host_slots_host", "host_slots", ["host"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_host_slots_host", table_name="host_slots")
    op.drop_table("host_slots")
    with op.batch_alter_table("feed_schedule") as batch:
        batch.drop_column("fetching")
