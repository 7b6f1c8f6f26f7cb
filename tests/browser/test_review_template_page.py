"""The review template, end to end in Chromium: made on the Collect page, downloaded, filled in
as a reviewer would, and imported on the same page; the two top things flagged, not refused."""

from __future__ import annotations

import openpyxl
import pytest

from tests.browser.test_bigscreen import _fits
from workbook.forms.review_template import HEADINGS, SHEET

expect = pytest.importorskip("playwright.sync_api",
                             reason="Playwright for Python is not installed").expect

COLLECT = "02_collect.ipynb"


def test_template_downloaded_filled_in_and_imported(page, open_stage, button, store, tmp_path):
    open_stage(page, COLLECT, "Table 7")
    button(page, "Review template for reviewers").click()
    link = page.get_by_role("link", name="Download the review template (Excel: filled in, it "
                                         "imports here as it is)")
    expect(link).to_be_visible(timeout=30_000)
    expect(page.get_by_role("link", name="Download the review template (Word, large print: "
                                         "to read, or to fill in by hand)")).to_be_visible()
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "review-template.xlsx"
    path = tmp_path / "R-88.xlsx"
    download.value.save_as(path)
    book = openpyxl.load_workbook(path)
    sheet = book[SHEET]
    head = next(c.row for c in sheet["A"] if c.value == HEADINGS[0])
    working = HEADINGS.index("What is working 1") + 1
    sheet.cell(row=head + 1, column=1, value="R-88")
    for offset, text in enumerate(("I like my job", "I see my nan", "My cat")):
        # a third thing typed in the column after "What is working 2": kept and flagged
        column = working + offset if offset < 2 else len(HEADINGS) + 1
        sheet.cell(row=head + 1, column=column, value=text)
    sheet.cell(row=head, column=len(HEADINGS) + 1, value="What is working 3")
    book.save(path)
    upload = page.locator(".wtfc-collect-import .widget-upload")
    with page.expect_file_chooser() as chooser:
        upload.click()
    chooser.value.set_files(str(path))
    expect(upload).to_contain_text("(1)")
    button(page, "Import file").click()
    report = page.locator(".wtfc-collect-import .wtfc-import-report").last
    expect(report).to_contain_text("3 added", timeout=60_000)
    expect(report).to_contain_text("R-88 has 3 'Working' statements from the person")
    rows = store.statements
    assert sorted(rows[rows.review == "R-88"].text) == ["I like my job", "I see my nan", "My cat"]
    # The big screen flags R-88 under the typing column, and still fits 1920x1080.
    open_stage(page, COLLECT)
    flag = page.locator(".wtfc-collect-top-two")
    expect(flag).to_contain_text("Two top things: ", timeout=30_000)  # other tests may add more
    page.get_by_text("Which reviews").click()
    expect(flag).to_contain_text("R-88: 3 'Working' from the person")
    page.get_by_text("Which reviews").click()
    page.wait_for_timeout(1000)  # the chart
    _fits(page)
