"""Figures read model: tracked figures and every claim an article made about one."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    Index,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

from monitor.store.tables import metadata

# One row per tracked figure: its definition (from the last FigureTracked), the log position
# from which reporting may raise alerts, and the value it stands at.
figures = Table(
    "figures",
    metadata,
    Column("name", String(128), primary_key=True),
    Column("label", Text, nullable=False),
    Column("definition", Text, nullable=False),  # JSON of the FigureSpec, sorted keys
    Column("tracked_position", BigInteger, nullable=False),
    Column("tracked_at", DateTime(timezone=True), nullable=False),
    Column("current_value", Float),
    Column("current_claim", Text),  # JSON CLAIM of the value the figure stands at
    Column("changed_at", DateTime(timezone=True)),
)

# One row per (figure, article revision) that gave the figure a value.
figure_claims = Table(
    "figure_claims",
    metadata,
    Column("figure", String(128), nullable=False),
    Column("article_id", String(36), nullable=False),
    Column("position", BigInteger, nullable=False),
    Column("status", String(16), nullable=False),  # first | changed | restated | copy
    Column("value", Float, nullable=False),
    Column("lower", Float),
    Column("upper", Float),
    Column("qualifier", String(32)),
    Column("approximate", Boolean, nullable=False),
    Column("unit", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("attribution", Text),
    Column("article_title", Text, nullable=False),
    Column("article_url", Text),
    Column("article_source", Text, nullable=False),
    Column("article_published_at", DateTime(timezone=True)),
    Column("observed_at", DateTime(timezone=True), nullable=False),
    Column("copy_of", String(36)),
    Column("alert_id", String(128)),  # set when this claim raised an alert
    PrimaryKeyConstraint("figure", "article_id", "position", name="pk_figure_claims"),
    Index("ix_figure_claims_figure_position", "figure", "position"),
)
