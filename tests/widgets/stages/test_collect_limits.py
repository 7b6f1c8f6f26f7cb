"""The Collect page's upload: files at once and their size checked in the kernel, before reading."""

from __future__ import annotations

import pytest

from tests.widgets.stages.test_collect import upload
from widgets.stages.collect.page import CollectView
from workbook.io import limits

GOOD = b"review,perspective,kind,text\nR-1,person,working,Good rota\n"


@pytest.fixture
def view(ws):
    v = CollectView(ws, table="Table 1")
    yield v
    v.close()


def test_too_many_files_at_once_are_refused_and_nothing_is_read(view, ws):
    before = ws.revision
    upload(view, *((f"f{i}.csv", GOOD) for i in range(limits.MAX_UPLOAD_FILES + 1)))
    view.import_button.click()
    assert view.messages.kind == "error"
    assert "11 files were chosen at once; the limit is 10" in view.messages.text
    assert ws.revision == before and ws.statements.empty
    assert view.upload.value == ()  # choose again
    assert not view.import_button.disabled


def test_files_too_big_together_are_refused(view, ws, monkeypatch):
    monkeypatch.setattr(limits, "MAX_UPLOAD_BYTES", 100)
    upload(view, ("a.csv", GOOD), ("b.csv", GOOD))
    view.import_button.click()
    assert "the limit at once is 100 bytes" in view.messages.text
    assert ws.statements.empty


def test_one_file_over_the_limit_is_named_and_the_others_import(view, ws):
    big = GOOD + b"R-2,person,working," + b"x" * (limits.MAX_FILE_BYTES) + b"\n"
    upload(view, ("big.csv", big), ("ok.csv", GOOD))
    view.import_button.click()
    assert len(ws.statements) == 1
    assert "big.csv is 20.1 MB; the limit is 20 MB" in view.import_report.value
    assert "1 file could not be read" in view.messages.text
