"""The Evaluation page in a real browser: the big screen's tallies and chart (alt text, fits
1920x1080, axe), and a table's laptop answering one person's mood, saved in the store.

Screenshots go to tests/browser/artifacts/evaluation-*.png.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

from tests.browser.helpers import assert_axe_clean
from tests.browser.test_small_screens import SIZES, check

expect = pytest.importorskip("playwright.sync_api",
                             reason="Playwright for Python is not installed").expect

NOTEBOOK = "evaluation.ipynb"
LAPTOP = {"width": 1366, "height": 768}
TIMEOUT = 60_000


def open_evaluation(page: Any, base: str, button: Any, table: str | None = None) -> Any:
    url = f"{base}/voila/render/{NOTEBOOK}" + (f"?table={quote(table)}" if table else "")
    page.goto(url, wait_until="domcontentloaded", timeout=TIMEOUT)
    expect(page.locator(".wtfc-header h1").first).to_be_visible(timeout=TIMEOUT)
    expect(button(page, "Save my answers" if table else "Undo my last change").first
           ).to_be_enabled(timeout=TIMEOUT)
    return page


def asking(store: Any) -> str:
    from workbook.evaluation.store import asking as now

    return now(store)


def mood_people(store: Any, when: str) -> int:
    from workbook.evaluation.store import tallies

    t = tallies(store)
    return int(t[(t["moment"] == when) & (t["measure"] == "mood")]["people"].sum())


def test_big_screen_shows_tallies_and_chart_and_a_table_answers(context_factory, server,
                                                                 button, store, poll,
                                                                 screenshot):
    big = open_evaluation(context_factory(), server.base, button)
    chart = big.locator(".wtfc-figure img").first
    expect(chart).to_be_visible(timeout=TIMEOUT)
    alt = chart.get_attribute("alt")
    assert "At the start of the event, 14 people said how they felt" in alt
    expect(big.get_by_role("table", name="Mood barometer (people)")).to_be_visible()
    box = chart.bounding_box()
    assert box["y"] + box["height"] <= 1080, box  # the chart fits the big screen
    # shown at the width it was drawn for, so its smallest text is at least 18 px
    natural = chart.evaluate("i => i.naturalWidth")
    smallest_px = float(chart.get_attribute("data-min-font-pt")) * 100 / 72
    assert smallest_px * box["width"] / natural >= 18, (box, natural)
    caption = big.locator(".wtfc-eval-chart .wtfc-figcaption-scroll").first
    expect(caption).to_be_visible()
    assert caption.bounding_box()["y"] < 1080  # the caption starts on screen, and scrolls
    big.mouse.move(0, 0)
    screenshot(big, "evaluation-big-screen-1920x1080")
    assert big.get_by_role("button", name="At the end of the event").count() == 1
    assert_axe_clean(big, "evaluation-big-screen")

    before = mood_people(store, "start")
    laptop = context_factory()
    laptop.set_viewport_size(LAPTOP)
    open_evaluation(laptop, server.base, button, table="Table 2")
    assert laptop.locator(".wtfc-figure img").count() == 0  # a table sees no results
    button(laptop, "Happy").first.click()
    button(laptop, "Save my answers").first.click()
    expect(laptop.get_by_text("Saved. Thank you!")).to_be_visible(timeout=TIMEOUT)
    poll(lambda: mood_people(store, "start") == before + 1, what="the answer saved")
    # the facilitator moves the room on: the table's form follows by itself
    big.get_by_role("button", name="At the end of the event").first.click()
    expect(laptop.get_by_text("I am treated with respect and dignity")).to_be_visible(
        timeout=15_000)
    poll(lambda: asking(store) == "end", what="the setting saved")
    screenshot(laptop, "evaluation-table-1366x768")
    assert_axe_clean(laptop, "evaluation-table")
    # the big screen's tallies follow within seconds
    expect(big.get_by_role("table", name="Mood barometer (people)").get_by_role(
        "row", name="All")).to_contain_text(str(before + 1), timeout=15_000)


@pytest.mark.parametrize("size", list(SIZES))
def test_a_phone_or_tablet_answers_the_end_of_event_questions(context_factory, server, button,
                                                              screenshot, size):
    phone = context_factory()
    phone.set_viewport_size(SIZES[size])
    open_evaluation(phone, server.base, button, table="Table 4")
    phone.get_by_role("button", name="At the end of the event").first.click()
    expect(phone.get_by_text("We work in partnership with others")).to_be_visible()
    check(phone, f"evaluation {size}")  # nothing past the edge, 44 px targets, 16 px text
    screenshot(phone, f"evaluation-table-{size}", full_page=True)
