"""A spreadsheet of 12 MB chosen on the Collect page reaches the kernel (above tornado's 10 MiB
WebSocket default) and gets the page's own answer: here, the row limit, with nothing saved."""

from __future__ import annotations

import pytest

from workbook.io.limits import MAX_ROWS

expect = pytest.importorskip("playwright.sync_api",
                             reason="Playwright for Python is not installed").expect

COLLECT = "02_collect.ipynb"


def test_a_12_mb_file_reaches_the_page_and_is_answered(page, open_stage, button, store,
                                                        tmp_path):
    sheet = tmp_path / "whole_county.csv"
    row = "R-{n},Person,Working," + "The day centre bus is late again and again " * 6 + "\n"
    with sheet.open("w", encoding="utf-8") as out:
        out.write("Review,Whose view,Kind,What they said\n")
        for n in range(MAX_ROWS + 5):
            out.write(row.format(n=n))
    assert sheet.stat().st_size > 12 * 1024 * 1024
    before = len(store.statements)
    open_stage(page, COLLECT, "Table 19")
    upload = page.locator(".wtfc-collect-import .widget-upload")
    with page.expect_file_chooser() as chooser:
        upload.click()
    chooser.value.set_files(str(sheet))
    expect(upload).to_contain_text("(1)")
    button(page, "Import file").click()
    report = page.locator(".wtfc-collect-import .wtfc-import-report").last
    expect(report).to_contain_text(f"the limit is {MAX_ROWS:,}", timeout=120_000)
    expect(page.locator("html.wtfc-offline")).to_have_count(0)  # the connection held
    assert len(store.statements) == before
