"""Evaluation tables (schema 10), in a MetaData of their own: sheets and their answers."""

from __future__ import annotations

from sqlalchemy import Column, Connection, ForeignKey, Index, Integer, MetaData, String, Table

from workbook.store.schema import deleted_flag, timestamp

evaluation_metadata = MetaData()
# A sheet: one person's answers saved at a table, or one count typed in from paper forms.
evaluation_sheets = Table(
    "evaluation_sheets",
    evaluation_metadata,
    Column("id", Integer, primary_key=True),
    Column("moment", String(8), nullable=False),  # start / end (measures.MOMENTS)
    Column("source", String(8), nullable=False),  # table / paper (measures.SOURCES)
    Column("place", String(120), nullable=False, default=""),  # the table's name, never a person's
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
evaluation_answers = Table(
    "evaluation_answers",
    evaluation_metadata,
    Column("id", Integer, primary_key=True),
    Column("sheet_id", Integer, ForeignKey("evaluation_sheets.id"), nullable=False),
    Column("measure", String(8), nullable=False),  # measures.MEASURES key
    Column("answer", Integer, nullable=False),  # a point of its scale, 1 to 5
    Column("n", Integer, nullable=False, default=1),  # 1 for a person; a count from paper
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
Index("ix_evaluation_answers_sheet", evaluation_answers.c.sheet_id)
# What the tables are asked now (the first live row): the facilitator moves the room on from
# the start to the end of the event, and every table's form follows.
evaluation_settings = Table(
    "evaluation_settings",
    evaluation_metadata,
    Column("id", Integer, primary_key=True),
    Column("moment", String(8), nullable=False, default="start"),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
EVALUATION_TABLES = (evaluation_sheets, evaluation_answers, evaluation_settings)


def create_evaluation_tables(conn: Connection) -> None:
    """Schema 10: the event's evaluation (checkfirst: safe on a store that has them)."""
    evaluation_metadata.create_all(conn, checkfirst=True)
