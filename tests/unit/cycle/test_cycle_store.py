"""Schema 11 (the origin and the last event's themes): a store from before gains the tables,
a whole-workshop export restores them, and a bad row is refused naming table and row."""

from __future__ import annotations

import json

import pytest
from cycle_cases import last_event
from sqlalchemy import inspect, text

from workbook import InputError, Workshop
from workbook.cycle.carry import start_next
from workbook.cycle.origin import last_themes, origin, set_mapping
from workbook.cycle.schema import CYCLE_TABLES
from workbook.io import exchange
from workbook.io.ingest import import_file
from workbook.store import db


def test_a_schema_10_store_gains_the_cycle_tables_and_keeps_its_work(tmp_path, db_url):
    ws = Workshop.create(tmp_path / "old", "Old", db_url=db_url)
    ws.add_theme("Getting out", "I go out")
    with ws.store.engine.begin() as conn:  # as a store saved at schema 10
        for table in reversed(CYCLE_TABLES):
            conn.execute(text(f"DROP TABLE {table.name}"))
        conn.execute(db.meta.update().where(db.meta.c.key == "schema_version")
                     .values(value="10"))
    ws.close()
    again = Workshop.open(db_url or tmp_path / "old")
    with again.store.read() as conn:
        assert db.stored_version(conn) == db.SCHEMA_VERSION >= 11
        assert {t.name for t in CYCLE_TABLES} <= set(inspect(conn).get_table_names())
    assert again.themes["name"].tolist() == ["Getting out"] and origin(again) is None
    start_next(again, tmp_path / "next", "Next")  # and it can start the next event
    again.close()


@pytest.mark.parametrize("suffix", [".json", ".xlsx"])
def test_an_export_restores_the_origin_and_the_mapping(workshop, tmp_path, suffix, backend):
    last_event(workshop)
    start_next(workshop, tmp_path / "next", "Autumn")
    nxt = Workshop.open(tmp_path / "next")
    eco = next(t for t in last_themes(nxt) if t.name == "Économie")
    out = int(nxt.themes.set_index("name").loc["Getting out", "theme_id"])
    set_mapping(nxt, eco.id, out, actor="facilitator")
    path = tmp_path / f"export{suffix}"
    (exchange.export_json if suffix == ".json" else exchange.export_xlsx)(nxt, path)
    again = Workshop.create(tmp_path / "again", "Again", db_url=backend())
    restored = import_file(again, path).restored
    assert {"cycle_origin", "cycle_last_themes"} <= set(restored)
    assert origin(again) == origin(nxt)
    assert last_themes(again) == last_themes(nxt)
    again.close()
    nxt.close()


@pytest.mark.parametrize(("table", "change", "says"), [
    ("cycle_origin", {"reviews": -1}, "cycle_origin row 1: reviews -1 must not be negative"),
    ("cycle_origin", {"held_on": "soon"}, "cycle_origin row 1: "),
    ("cycle_last_themes", {"name": "  "}, "cycle_last_themes row 1: "),
    ("cycle_last_themes", {"statements": 99}, "cycle_last_themes row 1: statements is not"),
    ("cycle_last_themes", {"theme_id": 999}, "cycle_last_themes row 1: theme_id 999"),
])
def test_a_bad_cycle_row_is_refused_and_nothing_written(workshop, tmp_path, table, change,
                                                       says):
    last_event(workshop)
    start_next(workshop, tmp_path / "next", "Autumn")
    with Workshop.open(tmp_path / "next") as nxt:
        data = exchange.dump(nxt)
    data["tables"][table][0].update(change)
    target = Workshop.create(tmp_path / "target", "Target")
    with pytest.raises(InputError, match=says):
        exchange.restore(target, json.loads(json.dumps(data)))
    assert origin(target) is None and len(target.themes) == 0
    target.close()
