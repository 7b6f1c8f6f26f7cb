"""Tables of stages 5-8 (ideas, action links, indicators, measurements, you said we did)."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)

from workbook.store.schema import deleted_flag, metadata, timestamp

# Added by migration _create_stages_tables (schema 4).
# Step 6: "what is happening already" notes and ideas per theme; a chosen idea becomes an action.
ideas = Table(
    "ideas",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("theme_id", Integer, ForeignKey("themes.id"), nullable=False),
    Column("kind", String(16), nullable=False),  # "already" (happening already) or "idea"
    Column("text", Text, nullable=False),
    Column("author", String(120), nullable=False, default=""),  # the table that wrote it
    Column("action_id", Integer, ForeignKey("actions.id"), nullable=True),  # once chosen
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
Index("ix_ideas_theme", ideas.c.theme_id)
# An action may serve several success statements (and one statement many actions).
action_success = Table(
    "action_success",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("action_id", Integer, ForeignKey("actions.id"), nullable=False),
    Column("success_id", Integer, ForeignKey("success_statements.id"), nullable=False),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
Index("ix_action_success_action", action_success.c.action_id)
# Step 7: indicators of each success statement, with a baseline and a target.
indicators = Table(
    "indicators",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("success_id", Integer, ForeignKey("success_statements.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("unit", String(60), nullable=False, default=""),
    Column("baseline", Float, nullable=False),
    Column("baseline_on", String(10), nullable=False),
    Column("target", Float, nullable=False),
    Column("target_on", String(10), nullable=False),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
# Step 8: dated measurements of an indicator.
measurements = Table(
    "measurements",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("indicator_id", Integer, ForeignKey("indicators.id"), nullable=False),
    Column("taken_on", String(10), nullable=False),
    Column("value", Float, nullable=False),
    Column("note", Text, nullable=False, default=""),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
Index("ix_measurements_indicator", measurements.c.indicator_id)
# Step 8: "you said, we did" feedback to the people who took part.
feedback = Table(
    "feedback",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("theme_id", Integer, ForeignKey("themes.id"), nullable=False),
    Column("action_id", Integer, ForeignKey("actions.id"), nullable=True),
    Column("you_said", Text, nullable=False),
    Column("we_did", Text, nullable=False),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
STAGES_TABLES = (ideas, action_success, indicators, measurements, feedback)
