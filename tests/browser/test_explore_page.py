"""The commissioners' explore_themes notebook under Voila: charts with alt text, axe clean."""

from __future__ import annotations

import re

import pytest

from tests.browser.helpers import PAGE_TIMEOUT_MS, assert_axe_clean, screenshot

expect = pytest.importorskip("playwright.sync_api",
                             reason="Playwright for Python is not installed").expect

NOTEBOOK = "explore_themes.ipynb"
CHARTS = 5  # one figure in each of its five sections
SCROLLS = "() => { const r = document.getElementById('rendered_cells');" \
          " return [r.scrollLeft, r.scrollTop]; }"


def settle(page, width: int, height: int) -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.evaluate("() => window.wtfcScroll.update()")  # look at once, not at the next frame


def test_explore_themes_page_passes_axe_and_scrolls_by_keyboard(page, server):
    """A notebook of tables and charts has no control to focus, and its page scrolls: a wide
    table scrolls in its own box, a named region in the tab order that the arrow keys scroll;
    where no table is that wide, <main> itself takes focus so the keys scroll the page.
    axe finds nothing serious or critical at a laptop's, the big screen's or a wider size."""
    page.goto(server.url(NOTEBOOK), wait_until="domcontentloaded", timeout=PAGE_TIMEOUT_MS)
    charts = page.locator("main figure img")
    expect(charts).to_have_count(CHARTS, timeout=PAGE_TIMEOUT_MS)
    for chart in charts.all():  # the PNG, with alt text that states its figures
        expect(chart).to_have_attribute("alt", re.compile(r"chart .*\d"))
        assert chart.evaluate("i => i.complete && i.naturalWidth > 0")
    screenshot(page, "explore_themes-full", full_page=True)
    assert_axe_clean(page, "explore_themes")

    settle(page, 1366, 768)  # a commissioner's laptop: the comparison table is too wide
    wide = page.get_by_role("region", name=re.compile(r"^Table, 5\. Two events compared"))
    expect(wide).to_have_attribute("tabindex", "0")
    assert page.evaluate(SCROLLS)[0] == 0  # the page itself does not scroll sideways
    wide.focus()
    for _ in range(6):
        page.keyboard.press("ArrowRight")
    expect(wide).to_be_focused()
    # keyboard scrolling is animated: wait for it to move
    page.wait_for_function("e => e.scrollLeft > 0", arg=wide.element_handle(), timeout=5_000)
    assert_axe_clean(page, "explore_themes-1366x768")

    settle(page, 2560, 1440)  # every table fits: nothing of its own to focus on the page
    expect(page.locator("main .jp-OutputArea-output[tabindex]")).to_have_count(0)
    main = page.locator("main")
    expect(main).to_have_attribute("tabindex", "0")
    page.locator("body").press("Tab")
    expect(main).to_be_focused()
    page.keyboard.press("PageDown")
    page.wait_for_function("() => document.getElementById('rendered_cells').scrollTop > 0",
                           timeout=5_000)
    assert_axe_clean(page, "explore_themes-2560x1440")
    assert page.wtfc_watch.page_errors == []
