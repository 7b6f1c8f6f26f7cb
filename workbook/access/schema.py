"""The access keys table (schema 5): the keys behind the links of each role in the room."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Integer, MetaData, String, Table, text

from workbook.store.schema import timestamp

# Its own MetaData: kept out of every export and restore (a key is a secret, not workshop data).
access_metadata = MetaData()
access_keys = Table(
    "access_keys",
    access_metadata,
    Column("id", Integer, primary_key=True),
    Column("role", String(20), nullable=False),  # facilitator, table or member
    Column("who", String(64), nullable=False, default=""),  # a member's id; "" for the others
    Column("key", String(128), nullable=False, unique=True),
    timestamp("created_at"),
    Column("revoked", Boolean, nullable=False, default=False, server_default=text("false")),
)
