"""Schema 10 (the evaluation's tables): a store from before gains them, and they go through the
whole-workshop export and restore, checked row by row (SQLite and PostgreSQL)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import inspect, text

from workbook import InputError, Workshop
from workbook.evaluation.schema import EVALUATION_TABLES
from workbook.evaluation.store import add_paper_counts, asking, save_answers, set_asking, tallies
from workbook.io import exchange
from workbook.io.ingest import import_file
from workbook.store import db


def _answered(ws: Workshop) -> None:
    save_answers(ws, "start", {"mood": 3}, place="Table <1>", actor="T1")
    save_answers(ws, "end", {"mood": 4, "I1": 5, "We3": 1}, place="Table <1>", actor="T1")
    add_paper_counts(ws, "end", "I4", {5: 2, 3: 1}, actor="f")
    set_asking(ws, "end", actor="f")


def _seen(ws: Workshop) -> list:
    t = tallies(ws)
    return t[t["people"] > 0].values.tolist()


def test_a_schema_9_store_gains_the_evaluation_tables_and_keeps_its_work(tmp_path, db_url):
    ws = Workshop.create(tmp_path / "old", "Old", db_url=db_url)
    ws.add_statement("R001", "working", "person", "I like my garden")
    with ws.store.engine.begin() as conn:  # as a store saved at schema 9
        for table in reversed(EVALUATION_TABLES):
            conn.execute(text(f"DROP TABLE {table.name}"))
        conn.execute(db.meta.update().where(db.meta.c.key == "schema_version").values(value="9"))
    ws.close()
    again = Workshop.open(db_url or tmp_path / "old")
    with again.store.read() as conn:
        assert db.stored_version(conn) == db.SCHEMA_VERSION >= 10
        assert {t.name for t in EVALUATION_TABLES} <= set(inspect(conn).get_table_names())
    assert len(again.statements) == 1
    _answered(again)
    assert len(_seen(again)) == 6
    again.close()


@pytest.mark.parametrize("suffix", [".json", ".xlsx"])
def test_an_export_restores_the_evaluation(workshop, tmp_path, suffix, backend):
    _answered(workshop)
    path = tmp_path / f"export{suffix}"
    (exchange.export_json if suffix == ".json" else exchange.export_xlsx)(workshop, path)
    again = Workshop.create(tmp_path / "again", "Again", db_url=backend())
    restored = import_file(again, path).restored
    assert {"evaluation_sheets", "evaluation_answers"} <= set(restored)
    assert _seen(again) == _seen(workshop)
    assert asking(again) == "end"
    save_answers(again, "end", {"I1": 5}, place="T", actor="T")  # new ids after a restore
    assert tallies(again).query("measure == 'I1' and answer == 5")["people"].item() == 2
    again.close()


@pytest.mark.parametrize(("table", "change", "says"), [
    ("evaluation_sheets", {"moment": "lunch"}, "evaluation_sheets row 1: 'lunch' is not a time"),
    ("evaluation_sheets", {"source": "fax"}, "evaluation_sheets row 1: source 'fax'"),
    ("evaluation_answers", {"measure": "I9"}, "evaluation_answers row 1: 'I9' is not a question"),
    ("evaluation_answers", {"answer": 7}, "evaluation_answers row 1: answer 7 is not a point"),
    ("evaluation_answers", {"n": 0}, "evaluation_answers row 1: n 0 is not a number of people"),
    ("evaluation_answers", {"sheet_id": 42}, "evaluation_answers row 1: sheet_id 42"),
    ("evaluation_settings", {"moment": "noon"}, "evaluation_settings row 1: 'noon' is not a"),
])
def test_a_bad_evaluation_row_in_an_export_is_refused_and_nothing_written(
        workshop, tmp_path, table, change, says):
    _answered(workshop)
    data = exchange.dump(workshop)
    data["tables"][table][0].update(change)
    target = Workshop.create(tmp_path / "target", "Target")
    with pytest.raises(InputError, match=says):
        exchange.restore(target, json.loads(json.dumps(data)))
    assert _seen(target) == []
    target.close()


def test_a_statement_on_a_start_sheet_is_refused_on_restore(workshop, tmp_path):
    _answered(workshop)
    data = exchange.dump(workshop)
    start = data["tables"]["evaluation_sheets"][0]
    assert start["moment"] == "start"
    data["tables"]["evaluation_answers"][0]["measure"] = "We1"
    target = Workshop.create(tmp_path / "target", "Target")
    with pytest.raises(InputError, match="We 1 is answered at the end of the event"):
        exchange.restore(target, json.loads(json.dumps(data)))
    target.close()
