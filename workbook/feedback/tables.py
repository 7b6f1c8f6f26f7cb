"""Schema 9: the feedback log's three columns, status and date, and the hear-back table."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Connection, Integer, String, Table, Text, inspect, text

from workbook.feedback.vocab import DEFAULT_STATUS
from workbook.store.schema import deleted_flag, feedback, metadata, timestamp

# Who must hear back about what was done: one row per group once anything is recorded for it
# (the usual groups are listed without a row until then). told_on None: not told yet.
hear_back = Table(
    "hear_back",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("audience", String(120), nullable=False),
    Column("told_on", String(10), nullable=True),
    Column("how", String(40), nullable=False, default=""),
    Column("note", Text, nullable=False, default=""),
    # False: one of the usual groups that does not need telling at this event.
    Column("needed", Boolean, nullable=False, default=True),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
FEEDBACK_TABLES = (hear_back,)

# The columns schema 9 adds to feedback, as SQLite and PostgreSQL both write them.
NEW_COLUMNS = (
    ("impact", "TEXT NOT NULL DEFAULT ''"),
    ("status", f"VARCHAR(16) NOT NULL DEFAULT '{DEFAULT_STATUS}'"),
    ("reason", "TEXT NOT NULL DEFAULT ''"),
    ("given_on", "VARCHAR(10)"),
)


def add_feedback_columns(conn: Connection) -> None:
    """Schema 9: each entry gains impact, status, reason and date (an entry saved before it
    keeps its words as the middle column, is "in progress", and is dated the day it was
    written); the hear-back table is made."""
    have = {column["name"] for column in inspect(conn).get_columns(feedback.name)}
    for name, kind in NEW_COLUMNS:
        if name not in have:  # a store made by this version has them already
            conn.execute(text(f"ALTER TABLE {feedback.name} ADD COLUMN {name} {kind}"))
    conn.execute(feedback.update().where(feedback.c.given_on.is_(None))
                 .values(given_on=text("substr(created_at, 1, 10)")))
    metadata.create_all(conn, tables=list(FEEDBACK_TABLES), checkfirst=True)
