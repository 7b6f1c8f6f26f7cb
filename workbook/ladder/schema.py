"""Ladder of participation tables (schema 3), in a MetaData of their own."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from workbook.store.schema import deleted_flag, timestamp

# Their own MetaData, so the version-1 migration (metadata.create_all) does not make them.
ladder_metadata = MetaData()
ladder_scenarios = Table(
    "ladder_scenarios",
    ladder_metadata,
    Column("id", Integer, primary_key=True),
    Column("title", String(200), nullable=False),
    Column("situation", Text, nullable=False),
    Column("stage", String(16), nullable=False, default=""),
    Column("suggestions", Text, nullable=False, default="{}"),  # JSON: model key -> rung
    Column("note", Text, nullable=False, default=""),
    Column("origin", String(200), nullable=False, default=""),  # sample deck, a file, typed
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
ladder_rounds = Table(
    "ladder_rounds",
    ladder_metadata,
    Column("id", Integer, primary_key=True),
    Column("model", String(16), nullable=False),
    Column("scenario_id", Integer, ForeignKey("ladder_scenarios.id"), nullable=False),
    Column("suggested", Integer, nullable=True),  # the trainer's rung when the round began
    Column("state", String(16), nullable=False, default="voting"),  # voting / revealed
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
ladder_votes = Table(
    "ladder_votes",
    ladder_metadata,
    Column("id", Integer, primary_key=True),
    Column("round_id", Integer, ForeignKey("ladder_rounds.id"), nullable=False),
    Column("voter", String(120), nullable=False),  # a table's name, or the trainer's tally
    Column("rung", Integer, nullable=False),
    Column("n", Integer, nullable=False, default=1),  # 1 for a vote; a typed tally's count
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
Index("ix_ladder_votes_round", ladder_votes.c.round_id)
ladder_assessments = Table(
    "ladder_assessments",
    ladder_metadata,
    Column("id", Integer, primary_key=True),
    Column("title", String(200), nullable=False),
    Column("model", String(16), nullable=False),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
ladder_assessment_stages = Table(
    "ladder_assessment_stages",
    ladder_metadata,
    Column("id", Integer, primary_key=True),
    Column("assessment_id", Integer, ForeignKey("ladder_assessments.id"), nullable=False),
    Column("stage", String(16), nullable=False),  # analyse / plan / do / review
    Column("now_rung", Integer, nullable=True),
    Column("target_rung", Integer, nullable=True),
    Column("note", Text, nullable=False, default=""),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
ladder_plan_items = Table(
    "ladder_plan_items",
    ladder_metadata,
    Column("id", Integer, primary_key=True),
    Column("assessment_id", Integer, ForeignKey("ladder_assessments.id"), nullable=False),
    Column("area", Integer, nullable=False),  # 1..10: the self-assessment tool's key areas
    Column("doing_now", Text, nullable=False, default=""),
    Column("need_to_do", Text, nullable=False, default=""),
    Column("who", String(200), nullable=False, default=""),
    Column("by_when", String(10), nullable=False, default=""),
    Column("how_we_know", Text, nullable=False, default=""),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
LADDER_TABLES = (
    ladder_scenarios,
    ladder_rounds,
    ladder_votes,
    ladder_assessments,
    ladder_assessment_stages,
    ladder_plan_items,
)
