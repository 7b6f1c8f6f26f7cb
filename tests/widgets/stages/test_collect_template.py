"""Collect page: the review template offered for download, filled in, and imported back."""

from __future__ import annotations

import base64
import datetime as dt
import io
import re

import openpyxl
import pytest
from docx import Document

from widgets.stages.collect.page import CollectView
from workbook.forms.review_template import HEADINGS, SHEET


@pytest.fixture
def view(ws):
    v = CollectView(ws, table="Table 2")
    yield v
    v.close()


def downloads(view: CollectView) -> dict[str, bytes]:
    found = re.findall(r'download="review-template(\.\w+)" href="data:[^;]+;base64,([^"]+)"',
                       view.template_links.value)
    return {suffix: base64.b64decode(data) for suffix, data in found}


def test_template_downloaded_filled_in_and_imported_on_the_same_page(view, ws):
    assert view.template_links.value == ""  # made on a click: page kernels stay light
    view.template_button.click()
    assert view.messages.kind == "ok" and "imports here as it is" in view.messages.text
    files = downloads(view)
    assert set(files) == {".xlsx", ".docx"}
    word = "\n".join(p.text for p in Document(io.BytesIO(files[".docx"])).paragraphs)
    assert "type your answers into the Excel copy" in word
    book = openpyxl.load_workbook(io.BytesIO(files[".xlsx"]))
    sheet = book[SHEET]
    head = next(c.row for c in sheet["A"] if c.value == HEADINGS[0])
    sheet.cell(row=head + 1, column=1, value="R-31")
    sheet.cell(row=head + 1, column=HEADINGS.index("What is working 1") + 1,
               value="I choose my own food")
    sheet.cell(row=head + 1, column=HEADINGS.index("What is important for the future 1") + 1,
               value="To live nearer my mum")
    filled = io.BytesIO()
    book.save(filled)
    data = filled.getvalue()
    view.upload.value = ({"name": "R-31.xlsx", "type": "application/octet-stream",
                          "size": len(data), "content": memoryview(data),
                          "last_modified": dt.datetime(2025, 5, 1, tzinfo=dt.UTC)},)
    view.import_button.click()
    assert view.messages.kind == "ok", view.messages.text
    got = sorted(ws.statements[["review", "perspective", "kind", "text"]]
                 .itertuples(index=False, name=None))
    assert got == [("R-31", "person", "future", "To live nearer my mum"),
                   ("R-31", "person", "working", "I choose my own food")]
    assert "worth a look" not in view.import_report.value
