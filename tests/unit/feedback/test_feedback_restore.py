"""Whole-workshop export and restore carry the three columns, status and who heard back."""

from __future__ import annotations

import json

import pytest

from workbook import InputError, Workshop
from workbook.io import exchange


@pytest.fixture
def source(tmp_path, db_url):
    ws = Workshop.create(tmp_path / "src", "Source", db_url=db_url)
    tid = ws.add_theme("Getting out", "I go out when I want")
    ws.add_feedback(tid, "No bus home.", "An evening bus.", impact="", status="not done",
                    reason="No money until April.", given_on="2026-03-01")
    ws.add_feedback(tid, "Nothing to do.", "A youth club.", impact="Forty members.",
                    status="done", given_on="2026-04-01")
    ws.record_told("Staff", "2026-05-01", "Meeting", "Team briefing")
    ws.add_hear_back_group("Youth council")
    ws.remove_hear_back_group("Providers")
    yield ws
    ws.close()


@pytest.mark.parametrize("fmt", ["json", "xlsx"])
def test_export_and_restore_keep_feedback_and_hear_back(source, tmp_path, backend, fmt):
    path = tmp_path / f"export.{fmt}"
    (exchange.export_json if fmt == "json" else exchange.export_xlsx)(source, path)
    with Workshop.create(tmp_path / "copy", "Copy", db_url=backend()) as copy:
        exchange.restore(copy, exchange.load_export(path))
        cols = ["you_said", "we_did", "impact", "status", "reason", "given_on"]
        assert copy.feedback[cols].equals(source.feedback[cols])
        assert copy.hear_back.equals(source.hear_back)


def test_an_export_from_before_schema_9_restores_with_dates_and_status(source, tmp_path):
    doc = json.loads(json.dumps(exchange.dump(source)))
    for row in doc["tables"]["feedback"]:
        for col in ("impact", "status", "reason", "given_on"):
            del row[col]
        row["created_at"] = "2025-10-09T08:00:00+00:00"
    del doc["tables"]["hear_back"]
    doc["schema_version"] = 8
    with Workshop.create(tmp_path / "old", "Old") as copy:
        exchange.restore(copy, doc)
        assert set(copy.feedback["status"]) == {"in progress"}
        assert set(copy.feedback["given_on"]) == {"2025-10-09"}
        assert not copy.hear_back["told"].any()


@pytest.mark.parametrize(("table", "change", "match"), [
    ("feedback", {"status": "not done", "reason": ""}, "feedback row 2: An entry that is not "
                                                       "done needs the reason"),
    ("feedback", {"status": "half"}, "feedback row 2: The status 'half' is not one of"),
    ("feedback", {"given_on": "soon"}, "feedback row 2: The date of the entry 'soon'"),
    ("hear_back", {"audience": " "}, "hear_back row 1: group name is blank"),
    ("hear_back", {"told_on": "May"}, "hear_back row 1: The date they were told 'May'"),
])
def test_a_bad_row_is_refused_naming_table_and_row(source, tmp_path, table, change, match):
    doc = json.loads(json.dumps(exchange.dump(source)))
    doc["tables"][table][1 if table == "feedback" else 0].update(change)
    with Workshop.create(tmp_path / "bad", "Bad") as copy:
        with pytest.raises(InputError, match=match):
            exchange.restore(copy, doc)
        assert copy.feedback.empty and copy.stats()["you_said_we_did"] == 0


def test_two_live_rows_for_one_group_are_refused(source, tmp_path):
    doc = json.loads(json.dumps(exchange.dump(source)))
    rows = doc["tables"]["hear_back"]
    rows.append({**rows[0], "id": 99, "audience": rows[0]["audience"].upper()})
    with Workshop.create(tmp_path / "dup", "Dup") as copy, \
            pytest.raises(InputError, match="hear_back row 4: the group 'STAFF' is already used"):
        exchange.restore(copy, doc)


def test_the_excel_export_has_readable_sheets_of_both(source, tmp_path):
    from openpyxl import load_workbook

    path = exchange.export_xlsx(source, tmp_path / "export.xlsx")
    book = load_workbook(path, read_only=True)
    said = list(book["You said, we did"].iter_rows(values_only=True))
    assert said[0][4:10] == ("you_said", "we_did", "impact", "status", "reason", "given_on")
    assert said[1][7:10] == ("not done", "No money until April.", "2026-03-01")
    told = list(book["Who must hear back"].iter_rows(values_only=True))
    assert told[0] == ("hear_back_id", "group", "standard", "told", "told_on", "how", "note")
    assert ("Staff", True, "2026-05-01", "Meeting", "Team briefing") in [r[1:2] + r[3:] for r in
                                                                       told[1:]]
    book.close()
