"""The tender page in a real browser: a member scores a bid, reload keeps it; axe; screenshots.

Screenshots: the big screen at 1920x1080 (results and moderation) and a member's laptop at
1366x768, in tests/browser/artifacts/. Each of them fits its screen without page scrolling.
"""

from __future__ import annotations

import re
import uuid

import pytest

from tests.browser.helpers import assert_axe_clean, member_key

expect = pytest.importorskip("playwright.sync_api",
                             reason="Playwright for Python is not installed").expect

TENDER = "tender_scoring.ipynb"
LAPTOP = {"width": 1366, "height": 768}
SIZES = """() => {
  const cells = document.getElementById('rendered_cells');
  // What reaches below the window, so a failure says what does not fit.
  const below = [...document.querySelectorAll('#rendered_cells *')]
    .filter((e) => e.getClientRects().length
            && e.getBoundingClientRect().bottom > window.innerHeight)
    .slice(-4)
    .map((e) => `${e.tagName}.${e.className}:${Math.round(e.getBoundingClientRect().bottom)}`);
  return {doc: document.documentElement.scrollHeight, cells: cells ? cells.scrollHeight : 0,
          view: window.innerHeight, below};
}"""
MEMBER = "Frankie"  # on the sample's young people's panel, which scores live in the demo


def choose(page, label: str, starts: str) -> None:
    select = page.get_by_label(label, exact=True)
    # ipywidgets writes option text with non-breaking spaces: \s matches them in the browser.
    option = select.locator("option", has_text=re.compile("^" + re.escape(starts) + r"\s"))
    expect(option).to_have_count(1)
    select.select_option(value=option.get_attribute("value"))


def fits(page) -> dict:
    """No page scrolling: the document (and Voila's own scroller) no taller than the window."""
    page.wait_for_timeout(500)  # late widget views and the chart
    sizes = page.evaluate(SIZES)
    assert sizes["doc"] <= sizes["view"], sizes
    assert sizes["cells"] <= sizes["view"], sizes
    return sizes


def visible_without_scrolling(page, locator) -> None:
    """Wholly inside the window as the page opens (nothing scrolled into view first)."""
    box = locator.bounding_box()
    assert box is not None and box["y"] >= 0, box
    assert box["y"] + box["height"] <= page.viewport_size["height"], box


def stored(store, bidder: str, question: str):
    ev, _ = store.tender.evaluation(everyone=True)
    return next(((s.score, s.reason) for s in ev.scores if (s.member, s.bidder, s.question)
                 == (MEMBER, bidder, question)), None)


def test_member_scores_a_bid_and_reload_keeps_it(page, open_stage, button, store, poll,
                                                 screenshot):
    reason = f"They let young people choose the activities {uuid.uuid4().hex[:6]}"
    page.set_viewport_size(LAPTOP)
    open_stage(page, TENDER, key=member_key(store, MEMBER))
    choose(page, "Bid", "B3")
    choose(page, "Question", "Q5")
    expect(page.locator(".wtfc-tender-qtext")).to_contain_text("activity with the panel")
    # The question, the six score buttons with their words, the reason and Save: one screen.
    scores = page.locator(".wtfc-tender-scoring .wtfc-score-buttons button")
    expect(scores).to_have_count(6)
    page.mouse.move(0, 0)
    screenshot(page, "tender_scoring-member-1366x768")
    fits(page)
    for part in (page.locator(".wtfc-tender-qtext"), scores.first, scores.last,
                 page.get_by_label("Why? (needed)"), button(page, "Save score")):
        visible_without_scrolling(page, part)
    button(page, "4 · Good").click()
    page.get_by_label("Why? (needed)").fill(reason)
    button(page, "Save score").click()
    poll(lambda: stored(store, "B3", "Q5") == (4, reason), what="the score reaching the store")
    expect(page.locator(".wtfc-message-area")).to_contain_text("Saved: B3 Q5 scored 4")
    page.mouse.move(0, 0)
    screenshot(page, "tender_scoring-member")
    assert_axe_clean(page, "tender_scoring-member-after-save")

    page.reload(wait_until="domcontentloaded")
    open_stage(page, TENDER, key=member_key(store, MEMBER))
    button(page, "My scores so far").click()  # opens on demand: the laptop keeps the room
    expect(page.get_by_role("region", name="My scores so far")).to_contain_text(reason)
    choose(page, "Bid", "B3")
    choose(page, "Question", "Q5")
    expect(page.get_by_label("Why? (needed)")).to_have_value(reason)
    expect(button(page, "4 · Good")).to_have_class(re.compile("mod-active"))
    assert_axe_clean(page, "tender_scoring-member-after-reload")


def test_big_screen_results_and_moderation(page, open_stage, button, screenshot, server):
    open_stage(page, TENDER)
    expect(page.locator(".wtfc-tender-changed")).to_be_visible()
    # The demo's young people have submitted (one still scoring): their effect shows.
    expect(page.locator(".wtfc-figure img")).to_have_attribute("alt",
                                                              re.compile("Slope chart"))
    expect(page.locator(".wtfc-tender-results")).to_contain_text("without)")
    expect(page.locator(".wtfc-tender-results")).not_to_contain_text("not yet: no scores")
    button(page, "Totals").click()
    expect(page.locator(".wtfc-figure img")).to_have_attribute("alt",
                                                              re.compile("Stacked bar chart"))
    text = page.locator("body").inner_text()
    assert "Traceback" not in text and "Something went wrong" not in text
    assert page.wtfc_watch.page_errors == []
    page.mouse.move(0, 0)
    screenshot(page, "tender_scoring-big-screen")
    screenshot(page, "tender_scoring-results-1920x1080")
    fits(page)
    visible_without_scrolling(page, page.locator(".wtfc-figcaption").first)
    assert_axe_clean(page, "tender_scoring-big-screen")

    button(page, "Moderation").click()
    page.locator(".wtfc-tender-moderation").get_by_label("Panel", exact=True).select_option(
        value="Adult panel")
    button(page, "Next flagged").click()
    expect(page.locator(".wtfc-tender-flag").first).to_contain_text("points apart")
    page.mouse.move(0, 0)
    screenshot(page, "tender_scoring-moderation")
    screenshot(page, "tender_scoring-moderation-1920x1080")
    fits(page)
    visible_without_scrolling(page, page.get_by_role("region", name="Flagged scores for "
                                                                   "Adult panel"))
    assert_axe_clean(page, "tender_scoring-moderation")
    assert not server.errors_log(), server.errors_log()
