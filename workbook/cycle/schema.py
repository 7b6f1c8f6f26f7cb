"""Schema 11: where an event came from (the last event, as it stood) and its themes' mapping."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from workbook.store.schema import deleted_flag, themes, timestamp

cycle_metadata = MetaData()

# One row when this event was started from a previous one (`wtfc new NEXT --from LAST`): which
# workshop, where it was, its figures then. `created_at` is when this event was started.
cycle_origin = Table(
    "cycle_origin",
    cycle_metadata,
    Column("id", Integer, primary_key=True),
    Column("workshop", String(120), nullable=False),  # the last event's name
    Column("location", Text, nullable=False, default=""),  # its folder or masked URL
    Column("held_on", String(10), nullable=True),  # its date from its Prepare page, if set
    Column("revision", BigInteger, nullable=False, default=0),  # its store's revision then
    Column("reviews", Integer, nullable=False, default=0),  # reviews with statements
    Column("statements", Integer, nullable=False, default=0),
    Column("actor", String(120), nullable=False, default=""),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
# The last event's themes as they stood, with their counts, so the comparison needs no access
# to the old store; theme_id is the facilitator's mapping (which theme of this event it is;
# None: matched by name).
cycle_last_themes = Table(
    "cycle_last_themes",
    cycle_metadata,
    Column("id", Integer, primary_key=True),
    Column("origin_id", Integer, ForeignKey(cycle_origin.c.id), nullable=False),
    Column("name", String(200), nullable=False),
    Column("i_statement", Text, nullable=False, default=""),
    Column("statements", Integer, nullable=False, default=0),
    Column("working", Integer, nullable=False, default=0),
    Column("not_working", Integer, nullable=False, default=0),
    Column("future", Integer, nullable=False, default=0),
    Column("votes", Integer, nullable=False, default=0),
    Column("theme_id", Integer, ForeignKey(themes.c.id), nullable=True),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
CYCLE_TABLES = (cycle_origin, cycle_last_themes)


def create_cycle_tables(conn: Connection) -> None:
    """Migration 11: the two tables above (a store from before has neither)."""
    cycle_metadata.create_all(conn, checkfirst=True)
