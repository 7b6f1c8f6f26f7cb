"""The panel's tables (schema 14): settings, briefing ticks, practice scores, recognition."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Connection, ForeignKey, Index, Integer, String, Table, Text

from workbook.store.schema import deleted_flag, metadata, timestamp

# Money and hours are exact decimals as text ("25", "2.5"), as tender numbers are.
tender_panel_settings = Table(
    "tender_panel_settings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("evaluation_id", Integer, ForeignKey("tender_evaluations.id"), nullable=False),
    Column("contact_role", String(120), nullable=False),  # the independent person's role
    Column("contact_details", String(200), nullable=False),  # how to reach them
    Column("reward_kind", String(20), nullable=False),  # "cash" or "vouchers"
    Column("half_day_rate", String(20), nullable=False),
    Column("full_day_rate", String(20), nullable=False),
    Column("next_steps", Text, nullable=False),  # what happens next, for the outcome
    Column("final_at", String(40), nullable=True),  # the facilitator marked results final
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
# Append-only: every tick and untick is a row, the newest per member and item is current,
# so the briefing each member confirmed is in the record with who and when.
tender_briefings = Table(
    "tender_briefings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("member_id", Integer, ForeignKey("tender_members.id"), nullable=False),
    Column("item", String(40), nullable=False),
    Column("ticked", Boolean, nullable=False),
    Column("actor", String(120), nullable=False),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
Index("ix_tender_briefings_member", tender_briefings.c.member_id)
# Practice scores on the sample bid: a table of their own, so they can never reach a result.
tender_practice = Table(
    "tender_practice",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("member_id", Integer, ForeignKey("tender_members.id"), nullable=False),
    Column("question", String(40), nullable=False),
    Column("score", Integer, nullable=False),
    Column("reason", Text, nullable=False),
    Column("actor", String(120), nullable=False),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
tender_recognition = Table(
    "tender_recognition",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("member_id", Integer, ForeignKey("tender_members.id"), nullable=False),
    Column("hours_day", String(20), nullable=False),
    Column("hours_prep", String(20), nullable=False),
    Column("expenses", String(20), nullable=False),
    Column("reward_kind", String(20), nullable=False),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
PANEL_TABLES = (tender_panel_settings, tender_briefings, tender_practice, tender_recognition)


def create_panel_tables(conn: Connection) -> None:
    """Schema 14: the young people's panel's preparation, recognition and outcome."""
    metadata.create_all(conn, tables=list(PANEL_TABLES), checkfirst=True)
