"""The room's kept secrets table (schema 15): the login cookies' signing secret."""

from __future__ import annotations

from sqlalchemy import Column, Connection, MetaData, String, Table

from workbook.store.schema import timestamp

# Its own MetaData, like the keys': never in an export or a restore (db.CONTENT_TABLES).
secret_metadata = MetaData()
access_secrets = Table(
    "access_secrets",
    secret_metadata,
    Column("name", String(32), primary_key=True),  # "cookie"
    Column("value", String(128), nullable=False),
    timestamp("created_at"),
)


def create_secret_tables(conn: Connection) -> None:
    """Schema 15: the table of the room's kept secrets."""
    secret_metadata.create_all(conn, checkfirst=True)
