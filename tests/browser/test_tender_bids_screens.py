"""A panel member reads a long bid while scoring, on a phone (390x844), a tablet (768x1024) and
a laptop (1366x768), in a real browser: the answer and the profile are on the screen, nothing
goes sideways, and on the laptop the score buttons and Save stay in view beside the bid.

Screenshots: tests/browser/artifacts/tender-bids-*.png (git-ignored)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.helpers import member_key, screenshot
from tests.browser.test_small_screens import check, open_page
from tests.browser.test_tender import choose, visible_without_scrolling

expect = pytest.importorskip("playwright.sync_api",
                             reason="Playwright for Python is not installed").expect

MEMBER = "Frankie"  # on the sample's young people's panel
BIDDER, QUESTION = "B1", "Q1"
ANSWER = ("We will ask young people what they want before we open, and every month after. "
          "See https://example.org/a-very-long-address-that-does-not-break-by-itself-at-all"
          "/youth-voice-and-participation-plan-2027.\n\n"
          + "Young people sit on our steering group and interview our staff. " * 12)
PROFILE = "A youth charity in three towns for 12 years. <b>Not bold</b>\n\n" + (
    "We run clubs, detached work and a radio show made by young people. " * 6)
SIZES = {"390x844": {"width": 390, "height": 844}, "768x1024": {"width": 768, "height": 1024},
         "1366x768": {"width": 1366, "height": 768}}


@pytest.fixture
def with_bid(store: Any):
    """The sample's first bid gets a long answer and a profile; taken away afterwards."""
    from workbook.tender.bids.builder import EvaluationBuilder

    builder = EvaluationBuilder(store.store)
    builder.set_answer(BIDDER, QUESTION, ANSWER, "browser test")
    builder.set_profile(BIDDER, PROFILE, "browser test")
    yield store
    builder.set_answer(BIDDER, QUESTION, "", "browser test")
    builder.set_profile(BIDDER, "", "browser test")


@pytest.mark.parametrize("size", list(SIZES))
def test_a_member_reads_the_bid_beside_the_score(size: str, page: Any, server: Any,
                                                  with_bid: Any) -> None:
    page.set_viewport_size(SIZES[size])
    open_page(page, server.base, "tender_scoring.ipynb", member_key(with_bid, MEMBER))
    choose(page, "Bid", BIDDER)
    choose(page, "Question", QUESTION)
    answer = page.locator(".wtfc-bid-answer")
    expect(answer).to_contain_text("steering group")
    expect(page.locator(".wtfc-bid-facts")).to_contain_text("What a 5 looks like")
    profile = page.locator(".wtfc-bid-profile summary")
    expect(profile).to_contain_text("their one-page profile")
    stem = f"tender-bids-{size}"
    if size == "1366x768":
        # Beside the bid, the score buttons, the reason and Save are in view as it opens.
        for part in (page.locator(".wtfc-tender-qtext"),
                     page.locator(".wtfc-tender-scoring .wtfc-score-buttons button").last,
                     page.get_by_label("Why? (needed)"),
                     page.get_by_role("button", name="Save score")):
            visible_without_scrolling(page, part)
        a, s = (page.locator(".wtfc-bid-read").bounding_box(),
                page.locator(".wtfc-score-buttons").bounding_box())
        assert a["x"] + a["width"] <= s["x"] + 1, (a, s)  # side by side, not stacked
        screenshot(page, stem)
    profile.click()
    expect(page.locator(".wtfc-bid-profile")).to_contain_text("<b>Not bold</b>")
    try:
        if size != "1366x768":
            check(page, f"the bid at {size}")  # nothing sideways, targets and text big enough
    finally:
        screenshot(page, f"{stem}-profile", full_page=True)
