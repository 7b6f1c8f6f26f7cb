"""The Theme page's "Paper wall" tab in a real browser: cards made and offered, numbers typed
back in and saved. Screenshots in artifacts/ (theme-paper-wall*.png)."""

from __future__ import annotations

import re
import uuid
from typing import Any

import pandas as pd
import pytest

from tests.browser.helpers import assert_axe_clean

expect = pytest.importorskip("playwright.sync_api",
                             reason="Playwright for Python is not installed").expect

THEME = "03_theme.ipynb"
SETUP = "browser test setup"


def theme_of(ws: Any, statement_id: int) -> Any:
    rows = ws.statements.set_index("statement_id")
    value = rows.loc[statement_id, "theme_id"]
    return None if pd.isna(value) else int(value)


def test_print_cards_and_type_the_wall_back_in(page, open_stage, button, store, poll,
                                               screenshot, server):
    word = "zq" + uuid.uuid4().hex[:8]
    cards = [store.add_statement("R-902", "not_working", "person", f"The bus is late {word} {i}",
                                 actor=SETUP) for i in range(2)]
    theme = store.add_theme(f"Getting about {word}", actor=SETUP)
    open_stage(page, THEME)  # the big screen: the facilitator's
    button(page, "Themes and voting").click()
    page.get_by_role("tab", name="Paper wall").click()
    panel = page.locator(".wtfc-theme-controls .wtfc-theme-section").filter(
        has_text="Bring the wall back in")
    expect(panel).to_be_visible()
    numbers = page.get_by_label("Card numbers")
    expect(numbers).to_be_visible()
    screenshot(page, "theme-paper-wall")

    numbers.fill(f"{cards[0]}, {cards[1]}")
    choose = panel.get_by_label("Into theme")
    option = choose.locator("option", has_text=f"Getting about {word}")
    expect(option).to_have_count(1)  # numbered as on the board: "N · Getting about ..."
    choose.select_option(value=option.get_attribute("value"))
    button(panel, "Move").click()
    poll(lambda: theme_of(store, cards[0]) == theme_of(store, cards[1]) == theme,
         what="the typed cards moving into the theme")
    expect(page.locator(".wtfc-message")).to_contain_text(
        f"Moved 2 cards (No. {cards[0]} and {cards[1]}) to “Getting about {word}”.")

    numbers.fill(f"{cards[0]} 99999")
    button(panel, "Move").click()
    expect(page.locator(".wtfc-message")).to_contain_text("There is no card No. 99999")

    button(page, "Make the cards").click()
    link = page.get_by_role("link", name=re.compile(r"^Download .*-cards\.pdf$"))
    expect(link).to_be_visible(timeout=60_000)
    name = link.inner_text().removeprefix("Download ").strip()
    assert (server.folder / "outputs" / name).stat().st_size > 1000
    expect(page.locator(".wtfc-message")).to_contain_text("The cards are ready:")
    screenshot(page, "theme-paper-wall-made", full_page=True)
    assert_axe_clean(page, "theme-paper-wall")
