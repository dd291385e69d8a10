"""Outbox tables: the alerts read model and one delivery row per (alert, channel)."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, Integer, String, Table, Text

from monitor.store.tables import metadata

alerts = Table(
    "alerts",
    metadata,
    Column("alert_id", String(128), primary_key=True),
    Column("figure", String(128), nullable=False, index=True),
    Column("label", Text, nullable=False),
    Column("direction", String(16), nullable=False),
    Column("raised_at", DateTime(timezone=True), nullable=False),
    Column("position", BigInteger, nullable=False),
    # The AlertRaised fields as JSON: channels and `monitor alerts` need all of them.
    Column("payload", Text, nullable=False),
)

deliveries = Table(
    "deliveries",
    metadata,
    Column("alert_id", String(128), primary_key=True),
    Column("channel", String(512), primary_key=True),
    Column("state", String(16), nullable=False),
    Column("attempts", Integer, nullable=False),
    # Attempts made before the last operator requeue: the retry schedule restarts from here.
    Column("requeued_after", Integer, nullable=False),
    Column("first_attempt_at", DateTime(timezone=True)),
    Column("last_attempt_at", DateTime(timezone=True)),
    Column("next_attempt_at", DateTime(timezone=True), index=True),
    Column("last_error", Text),
    Column("claimed_by", String(128)),
    Column("claimed_until", DateTime(timezone=True)),
)
