"""Schema 8: the Prepare tables, added to a store saved at schema 7 (SQLite and PostgreSQL)."""

from __future__ import annotations

from sqlalchemy import inspect, text

from workbook import Workshop
from workbook.store import db


def test_a_schema_7_store_gains_the_prepare_tables_and_keeps_its_work(tmp_path, db_url):
    ws = Workshop.create(tmp_path / "old", "Old", db_url=db_url)
    ws.add_statement("R001", "working", "person", "I like my garden")
    ws.edit_review(ws.prepare_reviews()[0].id, consent="yes")
    with ws.store.engine.begin() as conn:  # as a store saved at schema 7
        for table in reversed(db.PREPARE_TABLES):
            conn.execute(text(f"DROP TABLE {table.name}"))
        conn.execute(db.meta.update().where(db.meta.c.key == "schema_version").values(value="7"))
    ws.close()

    again = Workshop.open(db_url or tmp_path / "old")
    with again.store.read() as conn:
        assert db.stored_version(conn) == db.SCHEMA_VERSION >= 8
        assert {t.name for t in db.PREPARE_TABLES} <= set(inspect(conn).get_table_names())
    assert [(r.ref, r.consent, r.statements) for r in again.prepare_reviews()] == [
        ("R001", True, 1)]
    assert again.event.review_age_months == 12 and again.invitees() == []
    again.set_event(place="Community hall", reviews_planned=3, actor="facilitator")
    again.add_invitee("Parents' forum member", "Family carer", support_needs=True)
    assert again.event.place == "Community hall"
    assert [i.role for i in again.invitees()] == ["family"]
    again.close()


def test_a_new_store_is_made_at_the_latest_schema_with_the_prepare_tables_once(tmp_path):
    ws = Workshop.create(tmp_path / "new", "New")
    with ws.store.read() as conn:
        assert db.stored_version(conn) == db.SCHEMA_VERSION >= 8
        names = inspect(conn).get_table_names()
    assert all(names.count(t.name) == 1 for t in db.PREPARE_TABLES)
    ws.close()
