"""A chart's data CSV in outputs/ is formula-safe: typed text never becomes a live formula."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from workbook.charts.stages import theme_chart
from workbook.io.files import formula_like, inert, inert_frame

LINK = '=HYPERLINK("http://x","y")'


def test_a_theme_named_as_a_formula_is_inert_in_the_chart_csv(workshop, tmp_path):
    sid = workshop.add_statement("R-1", "not_working", "person", "No bus after 6pm", actor="t")
    theme = workshop.add_theme(LINK, "I get home", actor="t")
    workshop.assign([sid], theme, actor="t")
    _, path = theme_chart(workshop.themes).save(tmp_path / "outputs")
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["name"] for r in rows] == ["'" + LINK]
    assert rows[0]["statements"] == "1"  # numbers stay numbers


@pytest.mark.parametrize("text", [LINK, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx",
                                  "\rx", "  =1+1", " @x"])
def test_formula_like_text_gets_an_apostrophe(text):
    assert formula_like(text) and inert(text) == "'" + text


@pytest.mark.parametrize("value", ["Getting out", "-5", "+44", "3.5", " -1e3", "a=b", "", 7,
                                   -3, 2.5, None])
def test_plain_text_and_numbers_are_left_alone(value):
    assert inert(value) == value


def test_every_text_column_and_heading_of_a_frame_is_made_inert():
    frame = pd.DataFrame({"=owner": ["=A1", "Sam"], "count": [-1, 2], "when": ["-", "x"]})
    out = inert_frame(frame)
    assert list(out.columns) == ["'=owner", "count", "when"]
    assert out["'=owner"].tolist() == ["'=A1", "Sam"]
    assert out["count"].tolist() == [-1, 2] and out["when"].tolist() == ["'-", "x"]
    assert frame["=owner"].tolist() == ["=A1", "Sam"]  # the chart's own data is unchanged


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://x\",\"y\")", "=1+1", "+1+1", "@SUM(A1)"])
def test_an_xlsx_cell_of_formula_like_text_is_a_text_cell(value, tmp_path):
    """Every XLSX the kit writes with write-only cells keeps typed text as text (io.files)."""
    import openpyxl
    from openpyxl import Workbook

    from workbook.io.files import xlsx_cell

    book = Workbook(write_only=True)
    sheet = book.create_sheet("s")
    sheet.append([xlsx_cell(sheet, value), xlsx_cell(sheet, float("nan")), xlsx_cell(sheet, 3)])
    book.save(tmp_path / "s.xlsx")
    cells = openpyxl.load_workbook(tmp_path / "s.xlsx")["s"][1]
    assert [c.data_type for c in cells[:1]] == ["s"] and cells[0].value == value
    assert cells[1].value is None and cells[2].value == 3
