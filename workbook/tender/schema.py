"""Tender scoring tables (schema 2)."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)

from workbook.store.schema import deleted_flag, metadata, timestamp

# Numbers are exact fractions as text ("70", "1/3"); scores and agreed scores are
# append-only: a change is a new row, and the newest live row is the current one.
tender_evaluations = Table(
    "tender_evaluations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("quality_weight", String(40), nullable=False),
    Column("price_weight", String(40), nullable=False),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
tender_panels = Table(
    "tender_panels",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("evaluation_id", Integer, ForeignKey("tender_evaluations.id"), nullable=False),
    Column("code", String(120), nullable=False),
    Column("share", String(40), nullable=False),
    Column("young_people", Boolean, nullable=False),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
tender_members = Table(
    "tender_members",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("panel_id", Integer, ForeignKey("tender_panels.id"), nullable=False),
    Column("name", String(120), nullable=False),
    Column("submitted_at", String(40), nullable=True),  # scores hidden from others until set
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
tender_questions = Table(
    "tender_questions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("evaluation_id", Integer, ForeignKey("tender_evaluations.id"), nullable=False),
    Column("code", String(120), nullable=False),
    Column("text", Text, nullable=False),
    Column("weight", String(40), nullable=False),
    Column("panel_id", Integer, ForeignKey("tender_panels.id"), nullable=True),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
tender_bidders = Table(
    "tender_bidders",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("evaluation_id", Integer, ForeignKey("tender_evaluations.id"), nullable=False),
    Column("code", String(120), nullable=False),
    Column("name", String(300), nullable=False),
    Column("price", String(40), nullable=False),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
tender_scores = Table(
    "tender_scores",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("member_id", Integer, ForeignKey("tender_members.id"), nullable=False),
    Column("bidder_id", Integer, ForeignKey("tender_bidders.id"), nullable=False),
    Column("question_id", Integer, ForeignKey("tender_questions.id"), nullable=False),
    Column("score", Integer, nullable=False),
    Column("reason", Text, nullable=False),
    Column("actor", String(120), nullable=False),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
Index("ix_tender_scores_member", tender_scores.c.member_id)
tender_agreed = Table(
    "tender_agreed",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("panel_id", Integer, ForeignKey("tender_panels.id"), nullable=False),
    Column("bidder_id", Integer, ForeignKey("tender_bidders.id"), nullable=False),
    Column("question_id", Integer, ForeignKey("tender_questions.id"), nullable=False),
    Column("score", Integer, nullable=False),
    Column("reason", Text, nullable=False),
    Column("actor", String(120), nullable=False),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
tender_rankings = Table(
    "tender_rankings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("member_id", Integer, ForeignKey("tender_members.id"), nullable=False),
    Column("bidder_order", Text, nullable=False),  # JSON list of bidder codes, favourite first
    Column("actor", String(120), nullable=False),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
tender_descriptors = Table(
    "tender_descriptors",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("evaluation_id", Integer, ForeignKey("tender_evaluations.id"), nullable=False),
    Column("score", Integer, nullable=False),
    Column("words", String(200), nullable=False),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
TENDER_TABLES = (
    tender_evaluations,
    tender_panels,
    tender_members,
    tender_questions,
    tender_bidders,
    tender_scores,
    tender_agreed,
    tender_rankings,
    tender_descriptors,
)
