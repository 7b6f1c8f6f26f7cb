"""Changing and deleting on the Plan, Implement and Review pages in a real browser: an idea's
words changed and a "you said, we did" entry deleted through the page, checked in the store,
axe with the drawers open, and screenshots (big screen with drawers open, a table laptop)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.helpers import assert_axe_clean, open_drawers
from tests.browser.test_stages import (
    ERROR_OUTPUT,
    IMPLEMENT,
    PLAN,
    REVIEW,
    SETUP,
    XSS,
    option_value,
    own_theme,
    token,
)

expect = pytest.importorskip("playwright.sync_api",
                             reason="Playwright for Python is not installed").expect
LAPTOP = {"width": 1366, "height": 768}


def no_errors(page: Any) -> None:
    expect(page.locator(ERROR_OUTPUT)).to_have_count(0)
    body = page.locator("body").inner_text()
    assert "Traceback" not in body and "Something went wrong" not in body
    assert page.wtfc_watch.page_errors == []


def test_change_an_idea_on_plan_and_delete_an_entry_on_review(page, server, open_stage, button,
                                                        store, poll, screenshot):
    word = token()
    theme = own_theme(store, word)
    idea = store.add_idea(theme, "idea", f"Evening bus at weeknds {word}", actor=SETUP)
    gone = store.add_feedback(theme, f"No bus home {word} {XSS}", "We asked for a bus.",
                              actor=SETUP)

    # Plan on the big screen: change the idea's words where they were typed.
    open_stage(page, PLAN)
    choose = page.get_by_label("Theme", exact=True)
    choose.select_option(value=option_value(choose, word))
    expect(page.locator(".wtfc-ideas")).to_contain_text(f"Evening bus at weeknds {word}")
    expect(page.get_by_label("Idea to change")).to_be_hidden()  # a closed drawer
    button(page, "Change or delete an idea").click()
    picker = page.get_by_label("Idea to change")
    picker.select_option(value=option_value(picker, word))
    words = page.get_by_label("New words", exact=True)
    expect(words).to_have_value(f"Evening bus at weeknds {word}")
    words.fill(f"Evening bus at weekends {word}")
    button(page, "Save idea").click()
    poll(lambda: (store.ideas.set_index("idea_id").loc[idea, "text"]
                  == f"Evening bus at weekends {word}"), what="the new words reaching the store")
    expect(page.locator(".wtfc-ideas")).to_contain_text(f"Evening bus at weekends {word}")
    expect(page.locator(".wtfc-message-ok")).to_contain_text("Saved the idea")
    page.mouse.move(0, 0)
    no_errors(page)
    screenshot(page, "edit-05-idea-drawer-open-1920x1080")
    open_drawers(page)
    assert_axe_clean(page, "edit-05-drawers-open")

    # Implement on the big screen: the indicator's drawer under the form that sets one.
    open_stage(page, IMPLEMENT)
    button(page, "Change or delete an indicator").click()
    expect(page.get_by_label("Indicator to change")).to_be_visible()
    page.mouse.move(0, 0)
    screenshot(page, "edit-07-indicator-drawer-open-1920x1080")
    assert_axe_clean(page, "edit-07-indicator-drawer-open")

    # Review on the big screen: delete the entry from the log.
    open_stage(page, REVIEW)
    button(page, "Delete a measurement").click()
    expect(page.get_by_label("Measurement to delete")).to_be_visible()
    page.mouse.move(0, 0)
    screenshot(page, "edit-08-progress-drawers-open-1920x1080")
    open_drawers(page)  # and the others on the Progress tab
    assert_axe_clean(page, "edit-08-progress-drawers-open")
    page.get_by_role("tab", name="You said, we did").click()
    expect(page.locator(".wtfc-feedback")).to_contain_text(f"No bus home {word} {XSS}")
    button(page, "Change or delete an entry").click()
    entry = page.get_by_label("Entry to change")
    entry.select_option(value=option_value(entry, word))
    expect(page.get_by_label("What we did (new words)")).to_have_value("We asked for a bus.")
    button(page, "Delete entry").click()
    poll(lambda: gone not in set(store.feedback["feedback_id"]),
         what="the entry leaving the store")
    expect(page.locator(".wtfc-message-ok")).to_contain_text("Deleted the entry")
    expect(page.locator(".wtfc-feedback")).not_to_contain_text(f"No bus home {word}")
    expect(page.locator('img[src="x"]')).to_have_count(0)
    page.mouse.move(0, 0)
    no_errors(page)
    screenshot(page, "edit-08-feedback-drawer-open-1920x1080")
    assert_axe_clean(page, "edit-08-feedback-drawer-open")
    button(page, "Undo my last change").click()
    poll(lambda: gone in set(store.feedback["feedback_id"]), what="undo bringing it back")
    assert not server.errors_log(), server.errors_log()


@pytest.mark.parametrize("notebook", [PLAN, IMPLEMENT, REVIEW])
def test_edit_tools_at_a_table_laptop(page, open_stage, button, screenshot, notebook):
    """At a table (1366x768) the tools sit in the forms; opened, nothing is wider than the
    laptop's screen."""
    page.set_viewport_size(LAPTOP)
    open_stage(page, notebook, "Table 1")
    name = notebook.removesuffix(".ipynb")
    tabs = {REVIEW: [("Progress", "Delete a measurement", "Measurement to delete"),
                     ("You said, we did", "Change or delete an entry", "Entry to change")],
            IMPLEMENT: [("Indicators", "Change or delete an indicator", "Indicator to change")],
            PLAN: [(None, "Change or delete an idea", "Idea to change")]}[notebook]
    for tab, drawer, chooser in tabs:
        if tab:
            page.get_by_role("tab", name=tab).click()
        expect(button(page, drawer)).to_be_visible()  # the tab is drawn when first chosen
        open_drawers(page)
        expect(page.get_by_label(chooser)).to_be_visible()
        page.mouse.move(0, 0)
        no_errors(page)
        suffix = f"-{tab.split(',')[0].replace(' ', '')}" if tab else ""
        screenshot(page, f"edit-{name}{suffix}-Table1-1366x768", full_page=True)
        width = page.evaluate("() => document.getElementById('rendered_cells').scrollWidth")
        assert width <= LAPTOP["width"], width
    assert_axe_clean(page, f"edit-{name}-Table1")
