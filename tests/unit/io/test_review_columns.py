"""Importers read a review's optional date, type and consent columns, or refuse the file."""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pytest

from workbook.io.decode import FileUnreadable
from workbook.io.headers import classify
from workbook.io.ingest import import_file


def _csv(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def _details(ws):
    return {r.ref: (r.reviewed_on, r.review_type, r.consent, r.statements)
            for r in ws.prepare_reviews()}


def test_a_long_csv_sets_each_reviews_date_type_and_consent_in_one_undoable_import(
        workshop, tmp_path):
    path = _csv(tmp_path / "reviews.csv",
                "Review ref,Kind,Perspective,Statement,Review date,Review type,"
                "Consent to use words\n"
                "R-1,Working,Person,I like my garden,01/03/2026,Annual review,yes\n"
                "R-1,Not working,Person,Buses stop at six,2026-03-01,,Y\n"
                "R-2,Working,Family,She has friends,46082,Person-centred review,no\n"
                "R-3,Working,Person,Music on Fridays,,,\n")
    report = import_file(workshop, path, actor="facilitator")
    assert report.added == 4
    assert _details(workshop) == {
        "R-1": ("2026-03-01", "Annual review", True, 2),
        "R-2": ("2026-03-01", "Person-centred review", False, 1),
        "R-3": (None, None, None, 1),
    }
    assert "details of 2 reviews" in workshop.history.iloc[-1]["summary"]
    workshop.undo("facilitator")
    assert {v[:3] for v in _details(workshop).values()} == {(None, None, None)}


def test_an_excel_file_with_date_cells_day_numbers_and_synonym_headings(workshop, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Person ref", "Date of review", "Type of review", "Consent", "Working 1",
                  "Not working 1"])
    sheet.append(["A-1", datetime(2025, 1, 15), "Annual", "TRUE", "My flat", "Noise"])
    sheet.append(["A-2", 46082, None, "n", "My job", None])
    sheet.append(["A-3", "1/3/2026", None, "false", "Friends", None])
    book.save(tmp_path / "wide.xlsx")
    import_file(workshop, tmp_path / "wide.xlsx")
    assert _details(workshop) == {"A-1": ("2025-01-15", "Annual", True, 2),
                                  "A-2": ("2026-03-01", None, False, 1),
                                  "A-3": ("2026-03-01", None, False, 1)}
    workshop.set_event(held_on="2026-06-01")
    assert [r.ref for r in workshop.prepare_reviews() if r.old] == ["A-1"]


@pytest.mark.parametrize(("cells", "says"), [
    ("31/02/2026,yes", "row 3: The review date '31/02/2026' is not a date"),
    ("2026-03-01,perhaps", "row 3: The consent to use words 'perhaps' is not yes or no"),
    ("2026-03-02,yes", "row 3: review R-1 has Review date '2026-03-02' here but "
                       "'2026-03-01' on row 2"),
])
def test_a_bad_date_or_consent_names_the_row_and_nothing_is_written(workshop, tmp_path, cells,
                                                                     says):
    path = _csv(tmp_path / "bad.csv", "Review ref,Kind,Statement,Review date,Consent\n"
                                      "R-1,Working,I like my garden,2026-03-01,yes\n"
                                      f"R-1,Not working,Buses stop at six,{cells}\n")
    before = workshop.revision
    with pytest.raises(FileUnreadable, match=says) as caught:
        import_file(workshop, path)
    assert "nothing was imported" in str(caught.value)
    assert workshop.revision == before and workshop.prepare_reviews() == []


def test_review_type_is_not_taken_for_the_statements_kind():
    header = classify(["Review ref", "Type", "Statement", "Review type", "Date"], 1)
    assert header.roles == {"review": 0, "kind": 1, "text": 2, "review_type": 3,
                            "review_date": 4}
    assert header.layout == "long"


def test_a_file_without_the_columns_leaves_the_details_not_recorded(workshop, tmp_path):
    path = _csv(tmp_path / "plain.csv", "Review ref,Kind,Statement\nR-1,Working,My garden\n")
    import_file(workshop, path)
    assert _details(workshop) == {"R-1": (None, None, None, 1)}
