"""Assessment summaries: why each bid won or lost, with every score and reason, XLSX and DOCX."""

from __future__ import annotations

import openpyxl
from docx import Document
from tender_cases import small

from workbook.tender import build
from workbook.tender.report import bidder_summary, why, write_summaries_docx, write_summaries_xlsx


def test_why_states_the_points_from_the_hand_working():
    ev, _ = build(small())
    # B2 86.5 (quality 46.5, price 40) beat B1 63.5 (31.5, 32) by 23.0.
    assert why(ev, "B2") == ("Ranked 1st of 2 with 86.50 points out of 100 (quality 46.50, price "
                             "40.00). The highest total: this bid won. 23.00 points ahead of B1 "
                             "(2nd).")
    assert why(ev, "B1") == ("Ranked 2nd of 2 with 63.50 points out of 100 (quality 31.50, price "
                             "32.00). 23.00 points behind B2, the winner (86.50). It scored 15.00 "
                             "fewer quality points and 8.00 fewer price points.")
    s = bidder_summary(ev, "B1")
    assert s["move"] == ("Without the young people's panel it would have ranked 1st; with it, "
                         "2nd.")
    assert ["Y", "Q3", "Show us the activity", "y1", 1, "boring"] in s["rows"]
    assert ["A", "Q1", "How will you keep us safe?", "Score used", "4.50",
            "mean of the members' scores"] in s["rows"]


def test_summaries_written_as_xlsx_and_docx(tmp_path):
    sheets = small()
    n, row = sheets["Scores"][0]
    sheets["Scores"][0] = (n, {**row, "reason": "=cmd|' /C calc'!A0"})
    ev, _ = build(sheets)
    book = openpyxl.load_workbook(write_summaries_xlsx(ev, tmp_path / "s.xlsx"))
    assert book.sheetnames == ["B1", "B2"]
    values = [c.value for r in book["B2"].iter_rows() for c in r]
    assert "agreed after discussion of the safeguarding plan" in values
    assert book["B1"]["F8"].data_type == "s"  # a formula-like reason stays text
    doc = Document(str(write_summaries_docx(ev, tmp_path / "s.docx")))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "B2 Southside CIC" in text and "this bid won" in text
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert "asked us what safe means" in cells and "=cmd|' /C calc'!A0" in cells
