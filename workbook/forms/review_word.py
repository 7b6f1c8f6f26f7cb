"""The review template as a large-print Word form: to read or fill by hand; Excel imports."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from workbook.forms.review_content import (
    DETAIL_COLUMNS,
    REF,
    RETURN_WORD,
    STATEMENT_COLUMNS,
    TITLE,
    TWO_TOP_THINGS,
    VIEWS,
    WHAT_MATTERS,
)

BODY_PT = 16  # large print; headings larger still


def write_docx(out: Path | BinaryIO, blocks: list[str | None]) -> None:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(BODY_PT)
    normal.paragraph_format.space_after = Pt(8)
    for name, size in (("Title", 28), ("Heading 1", 22), ("Heading 2", 18)):
        doc.styles[name].font.name, doc.styles[name].font.size = "Arial", Pt(size)
    doc.core_properties.title = TITLE
    doc.core_properties.language = "en-GB"
    for index, ref in enumerate(blocks):
        if index:
            doc.add_page_break()
        _form(doc, ref)
    doc.save(out)


def _form(doc, ref: str | None) -> None:
    doc.add_heading(TITLE, 0)
    note = doc.add_paragraph()
    note.add_run(RETURN_WORD).bold = True
    doc.add_heading("About the review", 1)
    details = [(REF + " (never a name)", ref or ""), *((c, "") for c in DETAIL_COLUMNS)]
    _boxes(doc, details, "Write here", height_cm=1.4)
    doc.add_paragraph("Consent to use words: write yes if the person agreed to their words "
                      "being used, or no if not (their words still count, but are not shown "
                      "to others).")
    doc.add_heading("What matters to you: ask these first", 1)
    for question, follow_ups in WHAT_MATTERS:
        doc.add_heading(question, 2)
        for follow in follow_ups:
            doc.add_paragraph(follow, style="List Bullet")
    doc.add_heading("The two top things", 1)
    doc.add_paragraph(TWO_TOP_THINGS)
    for view in VIEWS:
        doc.add_heading(f"Whose view: {view}", 2)
        _boxes(doc, [(c, "") for c in STATEMENT_COLUMNS], "What they said", height_cm=2.6)


def _boxes(doc, rows: list[tuple[str, str]], answer: str, height_cm: float) -> None:
    """A two-column table: the question on the left, a tall empty box to write in."""
    table = doc.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    head = table.rows[0]
    flag = OxmlElement("w:tblHeader")  # a header row screen readers announce
    flag.set(qn("w:val"), "true")
    head._tr.get_or_add_trPr().append(flag)
    for cell, text in zip(head.cells, ("Question", answer), strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].text = value
        table.rows[-1].height = Cm(height_cm)
    for row in table.rows:
        row.cells[0].width, row.cells[1].width = Cm(7), Cm(10)
