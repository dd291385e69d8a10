"""Scale-out: per-host lease counting, the processes table, NOTIFY on every append.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# One notification per appending statement, sent when its transaction commits (PostgreSQL
# folds identical notifications of one transaction). The payload names the schema, so
# monitors sharing one database in different schemas do not wake each other.
_NOTIFY_FUNCTION = """
CREATE OR REPLACE FUNCTION monitor_events_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('monitor_events', current_schema());
    RETURN NULL;
END
$$
"""
_NOTIFY_TRIGGER = """
CREATE TRIGGER events_notify AFTER INSERT ON events
FOR EACH STATEMENT EXECUTE FUNCTION monitor_events_notify()
"""


def upgrade() -> None:
    with op.batch_alter_table("feed_schedule") as batch:
        batch.add_column(sa.Column("host", sa.String(512), nullable=True))
        batch.create_index("ix_feed_schedule_lease_until", ["lease_until"], unique=False)
    op.create_table(
        "processes",
        sa.Column("id", sa.String(128), nullable=False),
        sa.Column("host", sa.String(255), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lock_backend_pid", sa.Integer(), nullable=True),
        sa.Column("projections", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_processes"),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_NOTIFY_FUNCTION)
        op.execute(_NOTIFY_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS events_notify ON events")
        op.execute("DROP FUNCTION IF EXISTS monitor_events_notify()")
    op.drop_table("processes")
    with op.batch_alter_table("feed_schedule") as batch:
        batch.drop_index("ix_feed_schedule_lease_until")
        batch.drop_column("host")
