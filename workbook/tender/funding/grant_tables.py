"""Schema 13: a grant round's budget, the shortlist and stages (columns on the tender tables)."""

from __future__ import annotations

import json
from fractions import Fraction
from typing import Any

from sqlalchemy import Column, Connection, Integer, String, Text, inspect, text

from workbook.model import InputError

# Added to tender_evaluations and tender_questions (workbook/tender/schema.py lists them).
EVALUATION_COLUMNS = (
    # the money to give, an exact fraction as text; NULL: not a grant round
    lambda: Column("budget", String(40), nullable=True),
    lambda: Column("shortlist", Integer, nullable=True),  # bids going on to the next stage
    # JSON {"2": ["B1", "B3"]}: the bids the facilitator let into each later stage
    lambda: Column("shortlists", Text, nullable=True),
)
QUESTION_COLUMNS = (lambda: Column("stage", Integer, nullable=False, default=1,
                                   server_default="1"),)


def add_grant_columns(conn: Connection) -> None:
    """Schema 13: the columns above, on a store made before them (one made since has them)."""
    for table, columns in (("tender_evaluations", ("budget VARCHAR(40)", "shortlist INTEGER",
                                                   "shortlists TEXT")),
                           ("tender_questions", ("stage INTEGER NOT NULL DEFAULT 1",))):
        have = {c["name"] for c in inspect(conn).get_columns(table)}
        for spec in columns:
            if spec.split()[0] not in have:
                conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {spec}"))


def check_restored(row: dict[str, Any]) -> None:
    """A restored evaluation's or question's schema-13 columns (InputError says what is wrong)."""
    budget = row.get("budget")
    if budget is not None:
        try:
            ok = Fraction(str(budget).strip()) > 0
        except (ValueError, ZeroDivisionError):
            ok = False
        if not ok or len(str(budget)) > 40:
            raise InputError(f"budget {str(budget)[:40]!r} is not an amount above 0")
    if row.get("shortlist") is not None and row["shortlist"] < 1:
        raise InputError(f"shortlist {row['shortlist']} is below 1")
    if "stage" in row and not 1 <= row["stage"] <= 99:
        raise InputError(f"stage {row['stage']} is not a stage from 1")
    if row.get("shortlists") is not None:
        try:
            fixed = json.loads(row["shortlists"])
        except ValueError:
            fixed = None
        if not isinstance(fixed, dict) or not all(
                k.isdigit() and isinstance(v, list) and all(isinstance(c, str) for c in v)
                for k, v in fixed.items()):
            raise InputError("shortlists is not a list of bidder codes for each stage")
