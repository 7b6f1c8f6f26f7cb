"""Import warnings: what an import kept or skipped that is worth a look, with file and row."""

from __future__ import annotations

import io

import openpyxl
import pytest

from workbook.io.ingest import import_file, import_upload
from workbook.io.row_notes import ONLY_OTHER_COLUMNS


@pytest.fixture
def ws(workshop):
    """On SQLite, and on PostgreSQL when a server is given (tests/conftest.py)."""
    return workshop


LONG = """Review,Perspective,Kind,Statement,Notes
R-1,person,working,I see my friends
R-1,person,working,I like my flat
R-1,person,working,I go swimming
R-1,person,working,I see my friends
,,,,phoned the family on Tuesday

R-2,family,not working,She waits for the bus

"""


def test_long_file_warns_of_duplicates_notes_blank_rows_and_two_top_things(tmp_path, ws):
    path = tmp_path / "reviews.csv"
    path.write_text(LONG, encoding="utf-8")
    report = import_file(ws, path)
    assert (report.added, report.skipped_duplicates, report.rejected) == (4, 1, [])
    rows = [(w["row"], w["reason"]) for w in report.warnings if "row" in w]
    assert [row for row, _ in rows] == [5, 6, 7]  # the trailing blank row is not worth a look
    assert rows[0][1].startswith("not added again: row 2 of this file has the same review")
    assert rows[1][1] == ONLY_OTHER_COLUMNS
    assert rows[2][1].startswith("row 7 is blank, between rows that were imported")
    assert all(w["file"] == "reviews.csv" for w in report.warnings)
    flag = report.warnings[-1]
    assert {k: flag[k] for k in ("review", "kind", "perspective", "count")} == {
        "review": "R-1", "kind": "working", "perspective": "person", "count": 3}
    assert "two top things" in flag["reason"]
    # Imported again: every statement is already there, and the review is still over two.
    again = import_file(ws, path)
    assert again.added == 0 and again.skipped_duplicates == 5
    assert sum("workshop already has" in w["reason"] for w in again.warnings) == 5
    assert again.warnings[-1]["review"] == "R-1"
    assert ws.stats()["statements"]["working"] == 3  # a warning never stops a statement


def test_two_top_things_counts_what_the_workshop_held_before_the_file(ws):
    ws.add_statement("r-7", "not_working", "staff", "Rotas change at short notice")
    ws.add_statement("R-7", "not_working", "staff", "No time to read the support plan")
    data = b"Review,Perspective,Kind,Statement\nR-7,staff,not working,Agency staff every week\n"
    report = import_upload(ws, data, "late.csv")
    assert [(w["review"], w["count"]) for w in report.warnings] == [("r-7", 3)]
    clean = import_upload(ws, b"Review,Kind,Statement\nR-8,working,Good food\n", "ok.csv")
    assert clean.warnings == []  # R-7 is not in this file: not its warning


def test_wide_rows_of_a_template_left_empty_are_not_warned_of(ws):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Review reference", "Perspective", "Working 1", "Working 2", "Working 3",
                  "Notes"])
    sheet.append(["R-3", "The person", "Art class", "My garden", "My dog", None])
    sheet.append([None, "Family carer", None, None, None, None])  # not filled in: silent
    sheet.append([None, None, None, None, None, "ask the staff team"])
    sheet.append(["R-3", "Staff", "Settled at home", None, None, None])
    data = io.BytesIO()
    book.save(data)
    report = import_upload(ws, data.getvalue(), "wide.xlsx")
    assert report.added == 4
    assert [(w.get("row"), w.get("review")) for w in report.warnings] == [(4, None),
                                                                          (None, "R-3")]
    assert report.warnings[0]["reason"] == ONLY_OTHER_COLUMNS
    assert report.as_dict()["warnings"] == report.warnings
