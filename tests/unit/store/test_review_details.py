"""Schema 7: a review's date, type and consent, added to stores made before it."""

from __future__ import annotations

from sqlalchemy import inspect, select, text

from workbook import Workshop
from workbook.store import db


def test_an_older_store_gains_the_review_columns_and_keeps_its_reviews(tmp_path):
    ws = Workshop.create(tmp_path / "old", "Old")
    ws.add_statement("R001", "working", "person", "I like my garden")
    with ws.store.engine.begin() as conn:  # as a store saved at schema 6
        for name in ("reviewed_on", "review_type", "consent"):
            conn.execute(text(f"ALTER TABLE reviews DROP COLUMN {name}"))
        conn.execute(db.meta.update().where(db.meta.c.key == "schema_version").values(value="6"))
    ws.close()

    again = Workshop.open(tmp_path / "old")
    with again.store.read() as conn:
        assert db.stored_version(conn) == db.SCHEMA_VERSION >= 7
        names = {c["name"] for c in inspect(conn).get_columns("reviews")}
        assert {"reviewed_on", "review_type", "consent"} <= names
        rows = conn.execute(select(db.reviews.c.ref, db.reviews.c.reviewed_on,
                                   db.reviews.c.review_type, db.reviews.c.consent)).all()
    assert [tuple(r) for r in rows] == [("R001", None, None, None)]
    again.close()


def test_a_new_store_has_the_columns_once(tmp_path):
    ws = Workshop.create(tmp_path / "new", "New")
    with ws.store.read() as conn:
        names = [c["name"] for c in inspect(conn).get_columns("reviews")]
    assert names.count("consent") == 1 and "reviewed_on" in names
    ws.close()
