"""Figures read model: tracked figures and every claim an article made about one."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    Index,
    Integer,
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
    # When the reporting of the current value was published (docs/SPEC.md §7 order).
    Column("current_at", DateTime(timezone=True)),
)

# One row per claim an article revision made about a figure (`seq`: its index among the
# article's claims), with its frame and the status the change rule gave it.
figure_claims = Table(
    "figure_claims",
    metadata,
    Column("figure", String(128), nullable=False),
    Column("article_id", String(36), nullable=False),
    Column("position", BigInteger, nullable=False),
    Column("seq", Integer, nullable=False),
    # first | changed | restated | copy | earlier | stale | alternative | past | new | part
    # | previous | rate (monitor.projections.figures.rule)
    Column("status", String(16), nullable=False),
    Column("value", Float, nullable=False),
    Column("lower", Float),
    Column("upper", Float),
    Column("qualifier", String(32)),
    Column("approximate", Boolean, nullable=False),
    Column("unit", Text, nullable=False),
    Column("head", Text),
    Column("scope", Text),
    Column("scope_source", String(16)),
    Column("kind", String(16), nullable=False),
    Column("time", String(16), nullable=False),
    Column("time_ref", Text),
    Column("revision", String(16)),
    Column("revised_from", Float),
    Column("reason", Text, nullable=False),  # why it is bound (and, held back, why it cannot move)
    Column("text", Text, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("attribution", Text),
    Column("article_title", Text, nullable=False),
    Column("article_url", Text),
    Column("article_source", Text, nullable=False),
    Column("article_published_at", DateTime(timezone=True)),
    Column("observed_at", DateTime(timezone=True), nullable=False),
    Column("effective_at", DateTime(timezone=True), nullable=False),
    Column("copy_of", String(36)),
    Column("alert_id", String(128)),  # set when this claim raised an alert
    PrimaryKeyConstraint("figure", "article_id", "position", "seq", name="pk_figure_claims"),
    Index("ix_figure_claims_figure_position", "figure", "position"),
    Index("ix_figure_claims_figure_effective", "figure", "effective_at"),
)
