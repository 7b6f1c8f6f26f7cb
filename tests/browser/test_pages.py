"""Each stage page in a real browser: no errors, its controls there, a screenshot, and axe-core.

Screenshots (1920x1080, and the full page) and each page's axe findings go to
tests/browser/artifacts/. axe violations of impact "serious" or "critical" fail the test;
"moderate" and "minor" ones are written down only.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.helpers import ARTIFACTS, assert_axe_clean

expect = pytest.importorskip("playwright.sync_api",
                             reason="Playwright for Python is not installed").expect

STDERR = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
ERROR_OUTPUT = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]'


def collect_controls(page: Any, button: Any) -> list[Any]:
    if page.locator(".wtfc-big").count():
        # The big screen: importing a file opens on demand (a drawer), so open it first.
        button(page, "Import statements from a file").click()
    form = page.locator(".wtfc-collect-add")
    return [
        form.get_by_label("Review", exact=True),
        form.get_by_label("Whose view", exact=True),
        button(form, "Working"),
        button(form, "Not working"),
        button(form, "For the future"),
        form.get_by_label("What they said"),
        button(page, "Add statement"),
        button(page, "Import file"),
        page.get_by_label("Find words"),
        page.get_by_role("list", name="Statements"),
        button(page, "Undo my last change"),
    ]


def theme_controls(page: Any, button: Any) -> list[Any]:
    board = [
        page.get_by_label("Show cards from"),
        page.get_by_label("Find words"),
        page.get_by_role("region", name="Cards not yet in a theme"),
        page.get_by_role("region", name="Themes"),
        page.locator(".wtfc-board-card").first,
        page.locator(".wtfc-board-theme").first,
    ]
    if page.locator(".wtfc-big").count():
        # The big screen shows the board; the chart and the tools are one press away.
        return [*board, button(page, "Chart"), button(page, "Themes and voting"),
                button(page, "Undo my last change")]
    return [
        *board,
        page.get_by_role("tab", name="Move cards"),
        page.get_by_role("tab", name="Dot voting"),
        page.get_by_label("Choose cards"),
        page.get_by_label("Move to theme"),
        button(page, "Move cards"),
        button(page, "Undo my last change"),
    ]


def root_cause_controls(page: Any, button: Any) -> list[Any]:
    if page.locator(".wtfc-big").count():
        # The big screen: voting opens on demand (a drawer), so open it first.
        button(page, "Vote: which causes matter most?").click()
    return [
        page.get_by_label("Theme", exact=True),
        page.get_by_label("Why?"),
        page.get_by_label("Under", exact=True),
        button(page, "Add cause"),
        page.get_by_label("Voter name"),
        page.get_by_label("Cause", exact=True),
        button(page, "Add dot"),
        button(page, "Undo my last change"),
    ]


PAGES = {
    "02_collect.ipynb": ("Step 2 · Collect", collect_controls),
    "03_theme.ipynb": ("Step 3 · Theme", theme_controls),
    "04_understand.ipynb": ("Step 4 · Understand", root_cause_controls),
}


@pytest.mark.parametrize("table", [None, "Table 2"], ids=["big-screen", "table"])
@pytest.mark.parametrize("notebook", list(PAGES))
def test_page_renders_cleanly(page, server, open_stage, screenshot, button, notebook, table):
    title, controls = PAGES[notebook]
    open_stage(page, notebook, table)
    expect(page.locator(".wtfc-header h1")).to_have_count(1)
    expect(page.locator(".wtfc-header h1")).to_contain_text(title)
    expect(page.locator(".wtfc-header")).to_contain_text(
        f"Table: {table}" if table else "Big screen")

    for control in controls(page, button):
        expect(control).to_be_visible()

    # Nothing went wrong in the kernel: no stderr, no error output, no traceback, no
    # "Something went wrong" in the message area.
    expect(page.locator(STDERR)).to_have_count(0)
    expect(page.locator(ERROR_OUTPUT)).to_have_count(0)
    text = page.locator("body").inner_text()
    assert "Traceback" not in text
    assert "Something went wrong" not in text
    watch = page.wtfc_watch
    assert watch.page_errors == [], watch.page_errors
    assert watch.unexpected_console_errors() == [], watch.unexpected_console_errors()
    assert not server.errors_log(), server.errors_log()

    name = notebook.removesuffix(".ipynb") + ("-" + table.replace(" ", "") if table else "")
    page.mouse.move(0, 0)  # no hover highlight in the picture
    screenshot(page, name)
    screenshot(page, name + "-full", full_page=True)
    if watch.blocked:
        (ARTIFACTS / f"{name}-outside-requests.txt").write_text("\n".join(watch.blocked) + "\n")


@pytest.mark.parametrize("notebook", list(PAGES))
def test_page_accessibility(page, open_stage, notebook):
    open_stage(page, notebook)
    assert_axe_clean(page, notebook.removesuffix(".ipynb"))


@pytest.mark.parametrize("old, new, title", [
    ("03_root_cause.ipynb", "04_understand.ipynb", "Step 4 · Understand"),
    ("06_review.ipynb", "08_review.ipynb", "Step 8 · Review"),
])
def test_an_old_address_opens_its_steps_page(page, server, old, new, title):
    """A link from before the pages took the steps' numbers (a bookmark, a printed QR code)
    opens the same step's page, its table's name kept."""
    page.goto(f"{server.base}/voila/render/{old}?table=Table%209", wait_until="domcontentloaded")
    assert page.url == f"{server.base}/voila/render/{new}?table=Table%209"
    header = page.locator(".wtfc-header")
    expect(header.locator("h1")).to_contain_text(title, timeout=60_000)
    expect(header).to_contain_text("Table: Table 9")
