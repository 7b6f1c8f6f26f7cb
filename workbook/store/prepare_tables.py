"""Schema 8 (WTfC step 1, Prepare): the event, who is invited, and the access checklist."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Integer, String, Table, Text

from workbook.store.schema import deleted_flag, metadata, timestamp

REVIEW_AGE_MONTHS = 12  # a review older than this (before the event) is flagged

# One row: the event this workshop prepares (the first live row is the event).
prepare_event = Table(
    "prepare_event",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("held_on", String(10), nullable=True),  # ISO date; None until set
    Column("place", Text, nullable=False, default=""),
    Column("facilitators", Text, nullable=False, default=""),
    Column("reviews_planned", Integer, nullable=True),  # None: no number set
    Column("review_age_months", Integer, nullable=False, default=REVIEW_AGE_MONTHS),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
# Who is invited: a name or description (never required to be a real name), a role, and
# whether they have support needs and took part in theming (step 3 asks for a mixed group).
prepare_invitees = Table(
    "prepare_invitees",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(120), nullable=False),
    Column("role", String(32), nullable=False),
    Column("support_needs", Boolean, nullable=False, default=False),
    Column("theming", Boolean, nullable=False, default=False),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
# The access-requirements checklist: a row per item ever ticked (unticked: ticked false).
prepare_access = Table(
    "prepare_access",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("item", String(40), nullable=False, unique=True),
    Column("ticked", Boolean, nullable=False, default=False),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
PREPARE_TABLES = (prepare_event, prepare_invitees, prepare_access)
