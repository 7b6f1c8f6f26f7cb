"""Schema 14: the young people's panel tables, added to a store saved at schema 13, with its
tender evaluation kept (SQLite and PostgreSQL)."""

from __future__ import annotations

from sqlalchemy import inspect, text

from workbook import Workshop
from workbook.paths import sample_dir
from workbook.store import db
from workbook.tender.panel import briefing
from workbook.tender.panel.panel_tables import PANEL_TABLES
from workbook.tender.sample import load_tender_sample


def test_a_schema_13_store_gains_the_panel_tables_and_keeps_its_evaluation(tmp_path, db_url):
    ws = Workshop.create(tmp_path / "old", "Old", db_url=db_url)
    load_tender_sample(ws.tender, sample_dir() / "tender_evaluation.xlsx")
    with ws.store.engine.begin() as conn:  # as a store saved at schema 13
        for table in reversed(PANEL_TABLES):
            conn.execute(text(f"DROP TABLE {table.name}"))
        conn.execute(db.meta.update().where(db.meta.c.key == "schema_version").values(
            value="13"))
    ws.close()

    again = Workshop.open(db_url or tmp_path / "old")
    with again.store.read() as conn:
        assert db.stored_version(conn) == db.SCHEMA_VERSION >= 14
        assert {t.name for t in PANEL_TABLES} <= set(inspect(conn).get_table_names())
    ev, _ = again.tender.evaluation()
    assert len(ev.bidders) == 5 and ev.scores
    assert briefing.settings(again.tender).saved is False
    briefing.save_settings(again.tender, "facilitator", contact_role="Youth worker",
                           contact_details="", reward_kind="cash", half_day_rate="25",
                           full_day_rate="50", next_steps="")
    briefing.tick(again.tender, "Amani", "confidential", True, actor="Amani")
    assert briefing.briefing_state(again.tender, "Amani")["confidential"]
    again.close()


def test_a_new_store_has_the_panel_tables_once(tmp_path, db_url):
    ws = Workshop.create(tmp_path / "new", "New", db_url=db_url)
    with ws.store.read() as conn:
        assert db.stored_version(conn) >= 14
        names = inspect(conn).get_table_names()
    assert all(names.count(t.name) == 1 for t in PANEL_TABLES)
    ws.close()
