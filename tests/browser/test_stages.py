"""Pages 4-6 and the report in a real browser: render, a flow saved, reload, axe, screenshots.

Each test works on its own theme (with a unique word), so tests never depend on each other.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.browser.helpers import assert_axe_clean, open_drawers, saved_text

expect = pytest.importorskip("playwright.sync_api",
                             reason="Playwright for Python is not installed").expect

SUCCESS, PLAN = "05_success.ipynb", "06_plan.ipynb"
IMPLEMENT, REVIEW = "07_implement.ipynb", "08_review.ipynb"
STDERR = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
ERROR_OUTPUT = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]'
SETUP = "browser test setup"
XSS = "<img src=x onerror=alert(1)>"

PAGES = {
    SUCCESS: ("Step 5 · Identify success", ["Theme", "Cause it answers", "Success statement"],
              ["Add success statement", "Make the report", "Undo my last change"]),
    PLAN: ("Step 6 · Plan", ["Theme", "Words", "Action", "Owner", "Due date"],
           ["Add idea", "Add action", "Make the report"]),
    IMPLEMENT: ("Step 7 · Implement", ["Success statement", "Indicator", "Baseline",
                                       "Indicator to change"],
                ["Add indicator", "Save indicator"]),
    REVIEW: ("Step 8 · Review", ["Indicator measured", "Value", "Measurements of"],
             ["Add measurement", "Delete measurement", "Make the report"]),
}


def token() -> str:
    return "zq" + uuid.uuid4().hex[:8]


def own_theme(ws: Any, word: str) -> int:
    """A theme of this test's own, with a not-working card, voted to the top."""
    t = ws.add_theme(f"Evenings {word}", f"I go out {word}", actor=SETUP)
    s = ws.add_statement("R-950", "not_working", "person", f"No bus home {word}", actor=SETUP)
    ws.assign([s], t, actor=SETUP)
    return t


def option_value(select: Any, words: str) -> str:
    return select.locator("option", has_text=words).first.get_attribute("value")


def flat(locator: Any) -> str:
    return " ".join(saved_text(locator).split())


def expect_same_text(page: Any, locator: Any, before: str, timeout_ms: int = 10_000) -> None:
    """The region shows `before` again (whitespace aside), within the timeout."""
    waited = 0
    while flat(locator) != before and waited < timeout_ms:
        page.wait_for_timeout(250)
        waited += 250
    assert flat(locator) == before


@pytest.mark.parametrize("notebook", list(PAGES))
def test_stage_page_renders_cleanly_and_passes_axe(page, server, open_stage, screenshot,
                                                   button, notebook):
    title, labels, buttons = PAGES[notebook]
    open_stage(page, notebook)
    expect(page.locator(".wtfc-header h1")).to_contain_text(title)
    # The big screen keeps forms used now and then in drawers: open them, so that their
    # controls are checked (and axe sees them) too.
    open_drawers(page, popovers=True)
    for label in labels:
        expect(page.get_by_label(label, exact=True).first).to_be_visible()
    for name in buttons:
        expect(button(page, name).first).to_be_visible()
    expect(page.locator(STDERR)).to_have_count(0)
    expect(page.locator(ERROR_OUTPUT)).to_have_count(0)
    body = page.locator("body").inner_text()
    assert "Traceback" not in body and "Something went wrong" not in body
    assert page.wtfc_watch.page_errors == []
    assert not server.errors_log(), server.errors_log()
    name = notebook.removesuffix(".ipynb")
    page.mouse.move(0, 0)
    page.wait_for_timeout(500)
    screenshot(page, name)
    screenshot(page, name + "-full", full_page=True)
    assert_axe_clean(page, name)


def test_success_statement_saved_and_kept_on_reload(page, open_stage, button, store, poll):
    word = token()
    theme = own_theme(store, word)
    store.vote(word, theme_id=theme, actor=SETUP)  # a priority theme: in the grid
    open_stage(page, SUCCESS, "Table 21")
    choose = page.get_by_label("Theme", exact=True)
    choose.select_option(value=option_value(choose, word))
    button(page, "Staff (We)").click()
    expect(page.locator(".wtfc-prompt")).to_contain_text("Start with “We”")
    words = f"We plan support around evenings {word}"
    page.get_by_label("Success statement", exact=True).fill(words)
    button(page, "Add success statement").click()
    rows = poll(lambda: (lambda df: df[df["text"] == words])(store.success_statements),
                what="the success statement reaching the store")
    assert (int(rows.iloc[0]["theme_id"]), rows.iloc[0]["perspective"]) == (theme, "staff")
    grid = page.get_by_role("region", name="Success statements by theme and voice")
    expect(grid).to_contain_text(words)
    assert_axe_clean(page, "flow-05_success-after-add")
    page.wait_for_timeout(1500)
    before = flat(grid)
    page.reload(wait_until="domcontentloaded")
    open_stage(page, SUCCESS, "Table 21")
    expect_same_text(page, grid, before)
    choose = page.get_by_label("Theme", exact=True)
    choose.select_option(value=option_value(choose, word))
    button(page, "Change or delete a statement").click()
    expect(page.get_by_label("Statement to change").locator("option", has_text=words)
           ).to_have_count(1)


def test_idea_then_action_saved_and_kept_on_reload(page, open_stage, button, store, poll):
    word = token()
    theme = own_theme(store, word)
    open_stage(page, PLAN, "Table 22")
    choose = page.get_by_label("Theme", exact=True)
    choose.select_option(value=option_value(choose, word))
    page.get_by_label("Words", exact=True).fill(f"Evening bus {word}")
    button(page, "Add idea").click()
    poll(lambda: (store.ideas["text"] == f"Evening bus {word}").any(),
         what="the idea reaching the store")
    expect(page.locator(".wtfc-ideas")).to_contain_text(f"Evening bus {word}")
    picker = page.get_by_label("Start from an idea")
    picker.select_option(value=option_value(picker, word))
    expect(page.get_by_label("Action", exact=True)).to_have_value(f"Evening bus {word}")
    page.get_by_label("Owner", exact=True).first.fill("Transport lead")
    page.get_by_label("Due date", exact=True).first.fill("2027-05-31")
    button(page, "Add action").click()

    def mine():
        a = store.actions
        return a[a["text"] == f"Evening bus {word}"]

    rows = poll(mine, what="the action reaching the store")
    row = rows.iloc[0]
    assert (int(row["theme_id"]), row["owner"], row["due"]) == (theme, "Transport lead",
                                                                "2027-05-31")
    expect(page.locator(".wtfc-actions")).to_contain_text(f"Evening bus {word}")
    assert_axe_clean(page, "flow-06_plan-after-add")
    page.wait_for_timeout(1500)
    before = flat(page.locator(".wtfc-actions"))
    page.reload(wait_until="domcontentloaded")
    open_stage(page, PLAN, "Table 22")
    expect(page.locator(".wtfc-actions")).to_be_visible()
    expect_same_text(page, page.locator(".wtfc-actions"), before)


def test_you_said_we_did_saved_escaped_and_report_made(page, open_stage, button, store, poll):
    word = token()
    own_theme(store, word)
    open_stage(page, REVIEW, "Table 23")
    page.get_by_role("tab", name="You said, we did").click()
    choose = page.get_by_label("Theme", exact=True)
    choose.select_option(value=option_value(choose, word))
    expect(page.locator(".wtfc-people-said")).to_contain_text(f"No bus home {word}")
    page.get_by_label("You said", exact=True).fill(f"No bus home {word}.")
    page.get_by_label("What we did", exact=True).fill(f"{XSS} {word}")
    button(page, "Add to the log").click()
    poll(lambda: (store.feedback["we_did"] == f"{XSS} {word}").any(),
         what="the entry reaching the store")
    expect(page.locator(".wtfc-feedback")).to_contain_text(f"{XSS} {word}")
    expect(page.locator('img[src="x"]')).to_have_count(0)
    assert_axe_clean(page, "flow-08_review-after-add")
    button(page, "Report").click()  # its panel opens over the page
    button(page, "Make the report").click()
    expect(page.locator(".wtfc-download")).to_be_visible(timeout=60_000)
    page.reload(wait_until="domcontentloaded")
    open_stage(page, REVIEW, "Table 23")
    page.get_by_role("tab", name="You said, we did").click()
    expect(page.locator(".wtfc-feedback")).to_contain_text(f"{XSS} {word}")


def test_report_panel_closes_with_escape_or_a_click_outside(page, open_stage, button):
    """At a table's laptop the open Report panel covers the tabs: it closes as a pop-up does."""
    page.set_viewport_size({"width": 1366, "height": 768})
    open_stage(page, REVIEW, "Table 24")
    report, make = button(page, "Report"), button(page, "Make the report")
    expect(report).to_have_attribute("aria-expanded", "false")
    report.click()
    expect(make).to_be_visible()
    expect(report).to_have_attribute("aria-expanded", "true")
    page.get_by_label("Format", exact=True).focus()  # a keyboard user inside the panel
    page.keyboard.press("Escape")
    expect(make).to_be_hidden()
    expect(report).to_be_focused()  # focus goes back to the panel's button, not lost
    expect(report).to_have_attribute("aria-expanded", "false")  # and says it is closed
    report.click()
    expect(make).to_be_visible()
    page.locator(".wtfc-header h1").first.click()  # anywhere outside the panel
    expect(make).to_be_hidden()
    page.get_by_role("tab", name="You said, we did").click()  # no longer covered
    expect(page.get_by_label("What we did", exact=True)).to_be_visible()
    report.click()  # and it still opens, from its own button, after all that
    expect(make).to_be_visible()


def test_report_html_in_chromium_passes_axe(page, store, tmp_path, screenshot):
    from workbook.report import write_report

    out = write_report(store, "html", tmp_path / "report.html")
    page.set_content(out.read_text(encoding="utf-8"), wait_until="load")
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("h2", has_text="The golden thread")).to_be_visible()
    from workbook.report import gather

    trees = sum(1 for t in gather(store).causes if t.figure)  # one per theme with causes
    assert trees >= 1
    assert page.locator("img").count() == 6 + 1 + trees  # the stages, the evaluation, the trees
    for img in page.locator("img").all():
        assert img.evaluate("i => i.complete && i.naturalWidth > 0")
    screenshot(page, "report-html")
    assert_axe_clean(page, "report-html")
    easy = write_report(store, "easy-read", tmp_path / "easy.html")
    page.set_content(easy.read_text(encoding="utf-8"), wait_until="load")
    screenshot(page, "report-easy-read")
    assert_axe_clean(page, "report-easy-read")


@pytest.mark.parametrize("notebook", list(PAGES))
def test_stage_page_on_a_table_laptop(page, server, open_stage, screenshot, notebook):
    """A table's laptop (1366x768, ?table=): the page names the table and shows no errors."""
    page.set_viewport_size({"width": 1366, "height": 768})
    open_stage(page, notebook, "Table 2")
    expect(page.locator(".wtfc-header")).to_contain_text("Table: Table 2")
    expect(page.locator(ERROR_OUTPUT)).to_have_count(0)
    assert "Something went wrong" not in page.locator("body").inner_text()
    assert page.wtfc_watch.page_errors == []
    page.mouse.move(0, 0)
    screenshot(page, notebook.removesuffix(".ipynb") + "-Table2-1366")
