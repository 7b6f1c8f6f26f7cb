"""Restore checks the whole export through the domain rules first, and writes all or nothing."""

from __future__ import annotations

import copy
import json
import sqlite3

import pytest
from sqlalchemy import Table, inspect, text

from workbook import InputError, Workshop
from workbook.io import exchange
from workbook.io.ingest import import_file
from workbook.io.restore_columns import RESTORED_TABLES
from workbook.io.restore_rules import RULES
from workbook.sample import build_sample
from workbook.store import db

KINDS = {"working", "not_working", "future"}


@pytest.fixture(scope="session")
def sample_text(tmp_path_factory) -> str:
    """The sample workshop's export as JSON text (built once)."""
    with build_sample(tmp_path_factory.mktemp("sample") / "sample") as ws:
        return json.dumps(exchange.dump(ws))


@pytest.fixture
def doc(sample_text) -> dict:
    return json.loads(sample_text)


def full_dump(ws: Workshop) -> dict[str, list]:
    """Every row of every table in the database, the store's own bookkeeping included."""
    with ws.store.read() as conn:
        out = {}
        for name in sorted(inspect(conn).get_table_names()):
            rows = conn.execute(text(f'SELECT * FROM "{name}"'))
            out[name] = sorted((tuple(r) for r in rows), key=repr)
    return out


def opens(ws: Workshop) -> None:
    """The workshop opens again from its folder, and its counts and tables can be read."""
    with Workshop.open(ws.folder) as again:
        again.stats()
        for frame in ("statements", "themes", "causes", "votes", "success_statements",
                      "actions", "ideas", "indicators", "measurements", "feedback", "history",
                      "ladder_rounds", "ladder_scenarios"):
            getattr(again, frame)
        again.tender.evaluation()


def refused(ws: Workshop, data: dict, match: str, *, check_opens: bool = True) -> None:
    before = full_dump(ws)
    with pytest.raises(InputError, match=match):
        exchange.restore(ws, data)
    assert full_dump(ws) == before  # exactly as it was: not a row, not the revision
    if check_opens:
        opens(ws)


# --- the cases in issue 16, on SQLite and PostgreSQL ------------------------------------------
def test_schema_version_in_meta_is_refused_and_the_workshop_still_opens(workshop, doc):
    doc["meta"]["schema_version"] = "0"
    refused(workshop, doc, "meta: 'schema_version' cannot be imported")


def test_a_statement_of_kind_banana_is_refused_naming_table_and_row(workshop, doc):
    doc["tables"]["statements"][11]["kind"] = "banana"
    refused(workshop, doc, r"^statements row 12: kind 'banana' is not one of working, "
                           "not working, future$")


def test_history_rows_are_not_restored_so_undo_cannot_replay_them(workshop, doc):
    first = doc["tables"]["statements"][0]
    crafted = {**first, "kind": "banana"}
    doc["tables"]["changes"].append(
        {"id": 9000, "rev": 9000, "at": first["created_at"], "actor": "Table 1",
         "summary": "crafted", "tables": "statements", "batch": None, "undo_of": None,
         "undone_by": None})
    doc["tables"]["change_rows"].append(
        {"id": 9000, "change_id": 9000, "tbl": "statements", "row_id": first["id"],
         "before": json.dumps(crafted), "after": json.dumps(first)})
    counts = exchange.restore(workshop, doc, source="sample.json")
    assert counts["statements"] == 366 and "changes" not in counts
    with pytest.raises(InputError, match="nothing to undo"):
        workshop.undo("Table 1")
    assert set(workshop.statements["kind"]) <= KINDS
    summaries = list(workshop.history["summary"])
    assert "crafted" not in summaries
    assert summaries[-1].startswith("Restored the whole workshop from sample.json")
    # Pages already open redraw: the restore names (within its column) what it wrote.
    assert {"statements", "themes", "tender_evaluations", "ladder_scenarios", "meta"} <= (
        workshop.store.changed_tables(0))
    opens(workshop)


def _raw_insert(ws: Workshop, table: Table) -> None:
    """One row put straight into the database, its parents missing (foreign keys off)."""
    at = "2026-01-01T00:00:00+00:00"
    row = {}
    for col in table.columns:
        kind = type(col.type).__name__
        row[col.name] = (False if kind == "Boolean" else 900 if "Integer" in kind
                         else 1.0 if kind == "Float" else at if col.name.endswith("_at")
                         else "x")
    if ws.store.dialect == "sqlite":
        url = ws.store.engine.url.database
        with sqlite3.connect(url) as conn:  # a plain connection: foreign keys are off
            cols = ", ".join(row)
            conn.execute(f"INSERT INTO {table.name} ({cols}) VALUES "
                         f"({', '.join('?' * len(row))})", list(row.values()))
        return
    with ws.store.engine.begin() as conn:
        conn.execute(text("SET LOCAL session_replication_role = replica"))  # no FK triggers
        conn.execute(table.insert().values(**row))


@pytest.mark.parametrize("name", ["reviews", "causes", "ideas", "feedback"])
def test_the_empty_check_sees_reviews_causes_ideas_and_feedback(workshop, doc, name):
    _raw_insert(workshop, db.CONTENT_TABLES[[t.name for t in db.CONTENT_TABLES].index(name)])
    refused(workshop, doc, f"already holds 1 {name}.*new, empty workshop", check_opens=False)


@pytest.mark.parametrize("table", RESTORED_TABLES, ids=lambda t: t.name)
def test_the_empty_check_covers_every_table_restore_writes(tmp_path, doc, table):
    with Workshop.create(tmp_path / "ws", "Busy") as ws:
        _raw_insert(ws, table)
        # (the row put in is nonsense, so only "exactly as it was" is checked)
        refused(ws, doc, f"already holds 1 {table.name.replace('_', ' ')}", check_opens=False)


def test_a_setting_already_made_counts_as_content(workshop, doc):
    workshop.set_dots_per_voter(5)
    refused(workshop, doc, "already holds 1 settings")


# --- the document ---------------------------------------------------------------------------
def test_a_newer_export_says_upgrade(workshop, doc):
    doc["schema_version"] = db.SCHEMA_VERSION + 1
    refused(workshop, doc, "made by a newer wtfc-workbook.*upgrade")


@pytest.mark.parametrize(("key", "value", "match"), [
    ("format", "something else", "not a wtfc-workbook export"),
    ("schema_version", "4", "schema_version '4' is not one"),
    ("schema_version", True, "schema_version true is not one"),
    ("meta", [], "meta must be an object"),
    ("tables", None, "tables must be an object"),
])
def test_the_document_itself_is_checked(tmp_path, doc, key, value, match):
    doc[key] = value
    with Workshop.create(tmp_path / "ws", "W") as ws:
        refused(ws, doc, match)


@pytest.mark.parametrize(("key", "value", "match"), [
    ("setting.secret", "1", r"meta: 'setting.secret' is not a setting"),
    ("setting.dots_per_voter", "99", "meta setting.dots_per_voter: '99' is not a number of dots"),
    ("name", 5, "meta name: 5 is not a workshop name"),
    ("name", "   ", "meta name: workshop name is blank"),
])
def test_only_the_meta_keys_the_workbook_owns_each_checked(tmp_path, doc, key, value, match):
    doc["meta"][key] = value
    with Workshop.create(tmp_path / "ws", "W") as ws:
        refused(ws, doc, match)


ROW_CASES = [
    ("statements", 0, "review_id", 99999, "statements row 1: review_id 99999: there is no "
                                          "reviews row"),
    ("statements", 0, "theme_id", 99999, "statements row 1: theme_id 99999: there is no themes"),
    ("statements", 0, "perspective", "martian", "unknown perspective 'martian'"),
    ("statements", 0, "text", " \x01 ", "statements row 1: statement text is blank"),
    ("statements", 0, "text", "a\x00b", "statements row 1: text holds a NUL character"),
    ("statements", 0, "text", "\ud800", "statements row 1: text holds a broken character"),
    ("statements", 0, "text", "x" * 1001, "the limit is 1,000"),
    ("statements", 0, "kind", 7, "kind '7' is not one of"),
    ("statements", 0, "deleted", "no", "deleted must be true or false"),
    ("statements", 0, "id", -1, "id -1 is not a positive"),
    ("statements", 1, "id", 1, "statements row 2: id 1 is already used by row 1"),
    ("statements", 0, "created_at", "yesterday", "created_at 'yesterday' is not a date"),
    ("statements", 0, "colour", "red", "there is no column 'colour'"),
    ("themes", 1, "name", None, "themes row 2: name is empty"),
    ("causes", 1, "parent_id", 99999, "causes row 2: parent_id 99999: there is no causes"),
    ("causes", 0, "theme_id", 2**40, "theme_id must be a whole number"),
    ("votes", 0, "target", "banana", "votes row 1: target 'banana' is not one of theme, cause"),
    ("votes", 0, "target_id", 99999, "votes row 1: target_id 99999: there is no"),
    ("success_statements", 0, "perspective", "dog", "perspective 'dog' is not one of person"),
    ("actions", 0, "status", "nearly", "status 'nearly' is not one of not started"),
    ("actions", 0, "due", "soon", "actions row 1: The due date 'soon' is not a date"),
    ("action_success", 0, "success_id", 99999, "action_success row 1: success_id 99999"),
    ("ideas", 0, "kind", "dream", "ideas row 1: kind 'dream' is not one of already, idea"),
    ("indicators", 0, "baseline", float("inf"), "baseline must be an ordinary number"),
    ("indicators", 0, "target_on", "2000-01-01", "target date comes before the baseline"),
    ("measurements", 0, "indicator_id", 99999, "measurements row 1: indicator_id 99999"),
    ("feedback", 0, "we_did", "", "“we did” is blank"),
    ("tender_scores", 0, "score", 9, "tender_scores row 1: score 9 is not from 0 to 5"),
    ("tender_scores", 0, "reason", " ", "every score needs one"),
    ("tender_bidders", 0, "price", "-5", "price '-5' must not be negative"),  # "0": none given
    ("tender_bidders", 0, "price", "1e999999999", "price '1e999999999' is not a number"),
    ("tender_panels", 0, "share", "-3", "share '-3' must not be negative"),
    ("tender_rankings", 0, "bidder_order", "{", "bidder_order is not readable JSON"),
    ("tender_members", 0, "panel_id", 99999, "tender_members row 1: panel_id 99999"),
    ("ladder_scenarios", 0, "suggestions", '{"hart": 99}', "suggestions hart 99 is not a rung"),
    ("ladder_scenarios", 0, "stage", "someday", "Stage 'someday' is not one of"),
]


@pytest.mark.parametrize(("table", "index", "column", "value", "match"), ROW_CASES,
                         ids=[f"{c[0]}.{c[2]}" for c in ROW_CASES])
def test_each_row_is_checked_and_the_message_names_table_and_row(
        tmp_path, doc, table, index, column, value, match):
    doc["tables"][table][index][column] = value
    with Workshop.create(tmp_path / "ws", "W") as ws:
        refused(ws, doc, match)


def test_a_cross_evaluation_score_is_refused(tmp_path, doc):
    t = doc["tables"]
    t["tender_evaluations"].append({**t["tender_evaluations"][0], "id": 2})
    t["tender_bidders"].append({**t["tender_bidders"][0], "id": 99, "evaluation_id": 2})
    t["tender_scores"][0]["bidder_id"] = 99
    with Workshop.create(tmp_path / "ws", "W") as ws:
        refused(ws, doc, "tender_scores row 1: member_id, bidder_id, question_id belong to "
                         "different tender evaluations")


def test_a_ladder_vote_is_checked_against_its_rounds_model(tmp_path, doc):
    t, at = doc["tables"], doc["tables"]["reviews"][0]["created_at"]
    stamp = {"created_at": at, "updated_at": at, "deleted": False}
    t["ladder_rounds"] = [{"id": 1, "model": "tlap", "scenario_id": 1, "suggested": None,
                           "state": "voting", **stamp}]
    t["ladder_votes"] = [{"id": 1, "round_id": 1, "voter": "T1", "rung": 8, "n": 1, **stamp}]
    with Workshop.create(tmp_path / "ws", "W") as ws:
        refused(ws, doc, "ladder_votes row 1: rung 8 is not a step of")


def test_unknown_tables_are_refused_and_missing_ones_restored_empty(tmp_path, doc):
    doc["tables"]["secrets"] = []
    with Workshop.create(tmp_path / "ws", "W") as ws:
        refused(ws, doc, "tables: 'secrets' is not a table")
    del doc["tables"]["secrets"], doc["tables"]["ladder_scenarios"]
    with Workshop.create(tmp_path / "ws2", "W") as ws:
        counts = exchange.restore(ws, doc)
        assert "ladder_scenarios" not in counts and ws.ladder_scenarios.empty


def test_text_is_cleaned_as_the_pages_clean_it(tmp_path, doc):
    row = doc["tables"]["statements"][0]
    row["text"] = "  Buses\r\nstop\x07 early  "
    with Workshop.create(tmp_path / "ws", "W") as ws:
        exchange.restore(ws, doc)
        got = ws.statements.set_index("statement_id").loc[row["id"], "text"]
        assert got == "Buses\nstop early"


def test_import_batches_are_not_carried_so_a_later_undo_keeps_restored_statements(
        tmp_path, doc):
    for row in doc["tables"]["statements"]:
        row["batch"] = 3  # the change id a new workshop's next import will get
    with Workshop.create(tmp_path / "ws", "W") as ws:
        exchange.restore(ws, doc)
        n = len(ws.statements)
        from workbook.model import StatementIn

        ws.import_statements([StatementIn.parse("R-new", "working", "person", "New one")],
                             source="more.csv", actor="T1")
        assert len(ws.statements) == n + 1
        ws.undo("T1")
        assert len(ws.statements) == n


# --- files: size, broken bytes, Excel, the command line ----------------------------------------
def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed(tmp_path, doc, monkeypatch):
    path = tmp_path / "big.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    monkeypatch.setattr(exchange, "MAX_EXPORT_BYTES", 1000)
    monkeypatch.setattr(exchange, "parse_json", lambda *a: pytest.fail("parsed"))
    with Workshop.create(tmp_path / "ws", "W") as ws, pytest.raises(InputError, match="limit is"):
        import_file(ws, path)


@pytest.mark.parametrize("data", [b'{"format": "wtfc-workbook-export", "x": NaN}',
                                  b'{"format": "wtfc-workbook-export", "n": 1' + b"0" * 5000
                                  + b"}", b'{"format": "wtfc-workbook-export"' + b"[" * 100000,
                                  b'{"format": "wtfc-workbook-export"}\xff'])
def test_broken_json_is_a_plain_refusal(tmp_path, data):
    path = tmp_path / "broken.json"
    path.write_bytes(data)
    with Workshop.create(tmp_path / "ws", "W") as ws:
        before = full_dump(ws)
        with pytest.raises(InputError):
            import_file(ws, path)
        assert full_dump(ws) == before


def test_an_excel_export_is_checked_the_same_way(tmp_path):
    from openpyxl import load_workbook

    with Workshop.create(tmp_path / "a", "A") as ws:
        ws.add_statement("R-1", "working", "person", "Fine")
        ws.add_statement("R-2", "future", "family", "More")
        path = exchange.export_xlsx(ws, tmp_path / "a.xlsx")
    wb = load_workbook(path)
    sheet = wb["table.statements"]
    kind = [c.value for c in sheet[1]].index("kind") + 1
    sheet.cell(row=3, column=kind, value="banana")
    wb.save(path)
    with Workshop.create(tmp_path / "b", "B") as ws:
        before = full_dump(ws)
        with pytest.raises(InputError, match="statements row 2: kind 'banana'"):
            import_file(ws, path)
        assert full_dump(ws) == before


def test_the_command_line_restores_through_the_same_checks(tmp_path, doc, capsys):
    from workbook.cli import main

    doc["tables"]["statements"][11]["kind"] = "banana"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    Workshop.create(tmp_path / "ws", "W").close()
    assert main(["import", str(tmp_path / "ws"), str(bad)]) == 2
    assert "statements row 12: kind 'banana'" in capsys.readouterr().err
    assert main(["stats", str(tmp_path / "ws")]) == 0
    doc["tables"]["statements"][11]["kind"] = "future"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["import", str(tmp_path / "ws"), str(bad)]) == 0
    out = capsys.readouterr().out
    assert "Restored the whole workshop from bad.json" in out and "366 statements" in out
    assert "Added" not in out  # a restore is not a statements import


def test_every_restored_table_has_its_rules():
    assert {t.name for t in RESTORED_TABLES} <= set(RULES)


def test_a_real_export_round_trips_on_each_backend(workshop, doc):
    counts = exchange.restore(workshop, copy.deepcopy(doc))
    # The demo's tender: the adults' 120 scores and five young people's 40 each.
    assert counts["statements"] == 366 and counts["tender_scores"] == 320
    after = exchange.dump(workshop)
    for name in counts:
        want = doc["tables"][name]
        if name == "statements":
            want = [{**r, "batch": None} for r in want]
        assert after["tables"][name] == want, name
    assert after["meta"] == doc["meta"]
    opens(workshop)
