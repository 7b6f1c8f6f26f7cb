"""Schema 9: a store saved at schema 8 gains the feedback columns and the hear-back table."""

from __future__ import annotations

from sqlalchemy import inspect, text

from workbook import Workshop
from workbook.feedback.tables import NEW_COLUMNS, hear_back
from workbook.store import db


def test_a_schema_8_store_keeps_its_entries_as_the_middle_column(tmp_path, db_url):
    ws = Workshop.create(tmp_path / "old", "Old", db_url=db_url)
    tid = ws.add_theme("Getting out", "I go out when I want")
    fid = ws.add_feedback(tid, "No bus home.", "We run a bus until 10pm.")
    with ws.store.engine.begin() as conn:  # as a store saved at schema 8
        conn.execute(text(f"DROP TABLE {hear_back.name}"))
        for name, _kind in NEW_COLUMNS:
            conn.execute(text(f"ALTER TABLE feedback DROP COLUMN {name}"))
        conn.execute(db.feedback.update().values(created_at="2025-11-03T10:00:00+00:00"))
        conn.execute(db.meta.update().where(db.meta.c.key == "schema_version").values(value="8"))
    ws.close()

    again = Workshop.open(db_url or tmp_path / "old")
    with again.store.read() as conn:
        assert db.stored_version(conn) == db.SCHEMA_VERSION >= 9
        assert {n for n, _ in NEW_COLUMNS} <= {
            c["name"] for c in inspect(conn).get_columns("feedback")}
        assert hear_back.name in inspect(conn).get_table_names()
    row = again.feedback.iloc[0]
    assert (row["you_said"], row["we_did"], row["impact"], row["status"], row["reason"],
            row["given_on"]) == ("No bus home.", "We run a bus until 10pm.", "", "in progress",
                                 "", "2025-11-03")
    # and the upgraded store takes the new columns and telling
    again.edit_feedback(fid, status="done", impact="Twelve people used it.", actor="facilitator")
    again.record_told("Staff", "2025-12-01", "Meeting", actor="facilitator")
    assert again.feedback.iloc[0]["status"] == "done"
    assert again.hear_back.set_index("group").loc["Staff", "told_on"] == "2025-12-01"
    again.close()


def test_migrating_twice_changes_nothing(tmp_path):
    ws = Workshop.create(tmp_path / "new", "New")
    ws.add_feedback(ws.add_theme("T", ""), "Said", "Did", given_on="2026-01-05")
    with ws.store.engine.begin() as conn:
        db.MIGRATIONS[9](conn)  # a store rolled back to an older version runs it again
        assert [t for t in inspect(conn).get_table_names() if t == hear_back.name] == [
            hear_back.name]
    assert ws.feedback.iloc[0]["given_on"] == "2026-01-05"
    ws.close()
