"""Plan page in a real browser: a table puts dots on ideas, sees the count, takes one back,
undoes it; axe clean with the dot controls shown."""

from __future__ import annotations

import uuid

import pytest

from tests.browser.helpers import assert_axe_clean

expect = pytest.importorskip("playwright.sync_api",
                             reason="Playwright for Python is not installed").expect

PLAN = "06_plan.ipynb"
SETUP = "browser test setup"


def option_value(select, words: str) -> str:
    """A widget's <option> values are its indices: find the one showing these words."""
    return select.locator("option", has_text=words).first.get_attribute("value")


def test_a_table_puts_dots_on_ideas(page, open_stage, button, store, poll, screenshot):
    word = "zq" + uuid.uuid4().hex[:8]
    theme = store.add_theme(f"Evenings {word}", f"I go out {word}", actor=SETUP)
    s = store.add_statement("R-951", "not_working", "person", f"No bus home {word}",
                            actor=SETUP)
    store.assign([s], theme, actor=SETUP)
    bus = store.add_idea(theme, "idea", f"Evening bus {word}", actor=SETUP)
    store.add_idea(theme, "idea", f"Travel buddy {word}", actor=SETUP)
    open_stage(page, PLAN, "Table 24")
    choose = page.get_by_label("Theme", exact=True)
    choose.select_option(value=option_value(choose, word))
    expect(page.get_by_label("Who is voting", exact=True)).to_have_value("Table 24")
    idea = page.get_by_label("Idea", exact=True)
    idea.select_option(value=option_value(idea, f"Evening bus {word}"))
    button(page, "Add a dot").click()
    poll(lambda: store.idea_dots().get(bus) == 1, what="the dot reaching the store")
    ideas = page.locator(".wtfc-ideas")
    expect(ideas).to_contain_text(f"Evening bus {word} ● 1 dot")
    expect(ideas).to_contain_text(f"Travel buddy {word} ● 0 dots")
    expect(page.get_by_text("Table 24 has 2 of 3 dots left for ideas.")).to_be_visible()
    page.mouse.move(0, 0)
    screenshot(page, "06_plan-dots-on-ideas")
    assert_axe_clean(page, "flow-06_plan-dots")
    expect(idea.locator("option").first).to_have_text(f"Evening bus {word} — 1 dot")
    idea.select_option(value=option_value(idea, f"Evening bus {word}"))
    button(page, "Take a dot back").click()
    poll(lambda: store.idea_dots().get(bus) is None, what="the dot taken back")
    button(page, "Undo my last change").click()
    poll(lambda: store.idea_dots().get(bus) == 1, what="the undo bringing the dot back")
    expect(ideas).to_contain_text(f"Evening bus {word} ● 1 dot")
