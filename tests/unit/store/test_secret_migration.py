"""Schema 15: the room's kept secrets table, added to a store saved at schema 14, with the
room's keys kept (SQLite and PostgreSQL)."""

from __future__ import annotations

from sqlalchemy import inspect, text

from workbook import Workshop
from workbook.access import cookie, keys
from workbook.access.secret_schema import access_secrets
from workbook.store import db


def test_a_schema_14_store_gains_the_secrets_table_and_keeps_its_keys(tmp_path, db_url):
    ws = Workshop.create(tmp_path / "old", "Old", db_url=db_url)
    ws.add_statement("R-1", "not_working", "person", "The bus stops at six", actor="facilitator")
    with ws.store.engine.begin() as conn:  # as a store saved at schema 14, served once
        conn.execute(text(f"DROP TABLE {access_secrets.name}"))
        conn.execute(db.meta.update().where(db.meta.c.key == "schema_version").values(
            value="14"))
        facilitator, table = _keys_at_14(conn)
    ws.close()

    again = Workshop.open(db_url or tmp_path / "old")
    with again.store.read() as conn:
        assert db.stored_version(conn) == db.SCHEMA_VERSION >= 15
        assert access_secrets.name in inspect(conn).get_table_names()
    with again.store.engine.begin() as conn:  # the links handed out before still work
        assert keys.room_keys(conn) == (facilitator, table)
        secret = cookie.room_secret(conn)
    assert len(bytes.fromhex(secret)) == cookie.SECRET_BYTES
    assert cookie.kept_secret(again.store) == secret
    assert len(again.statements) == 1
    again.close()


def _keys_at_14(conn) -> tuple[str, str]:
    """The room's keys as schema 14 kept them (no secret table to write to yet)."""
    from workbook.access.roles import Role

    made = (keys.long_key(), keys.table_key())
    for role, key in zip((Role.FACILITATOR, Role.TABLE), made, strict=True):
        conn.execute(db.access_keys.insert().values(role=role.value, who="", key=key,
                                                    created_at="2026-12-01T10:00:00+00:00",
                                                    revoked=False))
    return made


def test_a_new_store_has_the_secrets_table_once_and_no_secret_yet(tmp_path, db_url):
    ws = Workshop.create(tmp_path / "new", "New", db_url=db_url)
    with ws.store.read() as conn:
        assert db.stored_version(conn) == db.SCHEMA_VERSION
        names = inspect(conn).get_table_names()
        assert conn.execute(access_secrets.select()).all() == []
    assert names.count(access_secrets.name) == 1
    ws.close()
