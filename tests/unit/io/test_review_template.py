"""The review template: a filled-in Excel copy imports as it is; the Word copy says how."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from docx import Document

from workbook import InputError, Workshop
from workbook.forms.review_template import (
    DETAIL_COLUMNS,
    HEADINGS,
    QUESTIONS_SHEET,
    SHEET,
    STATEMENT_COLUMNS,
    VIEWS,
    write_template,
)
from workbook.io.headers import find_header
from workbook.io.ingest import import_file

SAID = {  # whose view -> the six boxes, as a reviewer types them
    "The person": ["I go to the art class", "My keyworker listens", "I never have cash",
                   "The bus stops at 6pm", "A job in a café", "A holiday with my sister"],
    "Staff": ["Settled at home", None, "Rotas change at short notice", None,
              "Travel training", None],
}


@pytest.fixture
def ws(tmp_path):
    workshop = Workshop.create(tmp_path / "ws", "Template")
    yield workshop
    workshop.close()


def heading_row(sheet) -> int:
    header, _, _ = find_header(iter(sheet.iter_rows(values_only=True)))
    assert header is not None and header.layout == "wide"
    return header.row


def test_headings_are_the_ones_the_importer_reads(tmp_path):
    path = write_template(tmp_path / "review.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [SHEET, QUESTIONS_SHEET]
    sheet = book[SHEET]
    row = heading_row(sheet)
    header, _, _ = find_header(iter(sheet.iter_rows(values_only=True)))
    assert [c.value for c in sheet[row]] == list(HEADINGS)
    assert DETAIL_COLUMNS == ("Review date", "Review type", "Consent to use words")
    # Each statement column is read as its kind: 2 working, 2 not working, 2 future.
    assert [k.value for _, k in header.statement_columns] == [
        "working", "working", "not_working", "not_working", "future", "future"]
    # A row for each perspective the importer knows, the view filled in.
    views = [sheet.cell(row=r, column=2).value for r in range(row + 1, sheet.max_row + 1)]
    assert views == list(VIEWS) == ["The person", "Family carer", "Staff", "Other"]
    # Large print: 14 pt in the boxes and headings, the title larger.
    assert sheet.cell(row=row, column=3).font.sz >= 14 and sheet["A1"].font.sz >= 20
    assert sheet.cell(row=row + 1, column=3).font.sz >= 14
    questions = " ".join(str(c.value) for c in book[QUESTIONS_SHEET]["A"] if c.value)
    for ask in ("What is important TO you?", "What are you good at?",
                "most important relationships", "What is important FOR you?",
                "two top things"):
        assert ask in questions


def test_a_blank_template_imports_nothing_and_complains_of_nothing(tmp_path, ws):
    report = import_file(ws, write_template(tmp_path / "blank.xlsx"))
    assert (report.added, report.rejected, report.warnings) == (0, [], [])


def test_a_filled_in_copy_imports_as_it_is(tmp_path, ws):
    path = write_template(tmp_path / "review.xlsx", ["R-017"])
    book = openpyxl.load_workbook(path)
    sheet = book[SHEET]
    row = heading_row(sheet)
    at = {heading: column for column, heading in enumerate(HEADINGS, start=1)}
    rows = {sheet.cell(row=r, column=2).value: r for r in range(row + 1, sheet.max_row + 1)}
    assert all(sheet.cell(row=r, column=1).value == "R-017" for r in rows.values())
    for view, boxes in SAID.items():
        for heading, text in zip(STATEMENT_COLUMNS, boxes, strict=True):
            sheet.cell(row=rows[view], column=at[heading], value=text)
    book.save(path)
    report = import_file(ws, path)
    assert (report.added, report.rejected, report.warnings) == (9, [], [])
    got = sorted(ws.statements[["review", "perspective", "kind", "text"]]
                 .itertuples(index=False, name=None))
    kinds = ["working", "working", "not_working", "not_working", "future", "future"]
    want = sorted(("R-017", {"The person": "person", "Staff": "staff"}[view], kind, text)
                  for view, boxes in SAID.items()
                  for kind, text in zip(kinds, boxes, strict=True) if text)
    assert got == want


def test_a_third_thing_typed_in_a_copied_column_is_kept_and_flagged(tmp_path, ws):
    path = write_template(tmp_path / "review.xlsx", ["R-5"])
    book = openpyxl.load_workbook(path)
    sheet = book[SHEET]
    row = heading_row(sheet)
    extra = len(HEADINGS) + 1  # a reviewer adds "What is working 3" at the end
    sheet.cell(row=row, column=extra, value="What is working 3")
    for column, text in ((3, "Art"), (4, "Garden"), (extra, "Dog")):
        sheet.cell(row=row + 1, column=column, value=text)
    book.save(path)
    report = import_file(ws, path)
    assert report.added == 3
    assert [(w["review"], w["kind"], w["perspective"], w["count"]) for w in report.warnings] == [
        ("R-5", "working", "person", 3)]


def test_word_copy_is_large_print_and_says_to_return_the_excel_copy(tmp_path):
    path = write_template(tmp_path / "review.docx", ["R-1", "R-2"])
    doc = Document(str(path))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "type your answers into the Excel copy" in text
    assert "wtfc template reviews review.xlsx" in text
    assert "What is important TO you?" in text and "two top things" in text
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    for heading in (*STATEMENT_COLUMNS, *DETAIL_COLUMNS):
        assert heading in cells
    assert cells.count("R-1") == 1 and cells.count("R-2") == 1  # a form for each review
    for view in VIEWS:
        assert text.count(f"Whose view: {view}") == 2
    assert doc.styles["Normal"].font.size.pt >= 16


def test_plain_refusals(tmp_path):
    with pytest.raises(InputError, match=r"\.xlsx .*or.*\.docx"):
        write_template(tmp_path / "review.pdf")
    path = write_template(tmp_path / "review.xlsx")
    with pytest.raises(InputError, match="--force"):
        write_template(path)
    write_template(path, overwrite=True)
    with pytest.raises(InputError, match="never a name"):
        write_template(tmp_path / "r.xlsx", ["x" * 65])
    with pytest.raises(InputError, match="no folder"):
        write_template(tmp_path / "missing" / "r.xlsx")


def test_review_date_type_and_consent_written_once_import_with_the_review(tmp_path, ws):
    path = write_template(tmp_path / "review.xlsx", ["R-20", "R-21"])
    book = openpyxl.load_workbook(path)
    sheet = book[SHEET]
    row = heading_row(sheet)
    at = {heading: column for column, heading in enumerate(HEADINGS, start=1)}
    first_of = {"R-20": row + 1, "R-21": row + 1 + len(VIEWS)}  # each review's person row
    filled = {"R-20": (dt.date(2026, 2, 14), "Person-centred review", "yes"),  # a date cell
              "R-21": ("2026-01-09", "Outcome-focused review", "no")}
    for ref, values in filled.items():
        sheet.cell(row=first_of[ref], column=at["What is working 1"], value=f"{ref} likes art")
        sheet.cell(row=first_of[ref] + 2, column=at["What is not working 1"],
                   value=f"{ref}'s rota changes")  # the staff row: details left blank there
        for heading, value in zip(DETAIL_COLUMNS, values, strict=True):
            sheet.cell(row=first_of[ref], column=at[heading], value=value)
    book.save(path)
    report = import_file(ws, path)
    assert (report.added, report.rejected, report.warnings) == (4, [], [])
    reviews = {r.ref: r for r in ws.prepare_reviews()}
    assert (reviews["R-20"].reviewed_on, reviews["R-20"].review_type,
            reviews["R-20"].consent) == ("2026-02-14", "Person-centred review", True)
    assert (reviews["R-21"].reviewed_on, reviews["R-21"].consent) == ("2026-01-09", False)
    assert reviews["R-20"].statements == 2
