"""A panel member reads a long bid while scoring, on a phone (390x844), a tablet (768x1024) and
a laptop (1366x768), in a real browser: the answer and the profile are on the screen, nothing
goes sideways, and on the laptop the score buttons and Save stay in view beside the bid.

Screenshots: tests/browser/artifacts/tender-bids-*.png (git-ignored)."""

from __future__ import annotations

import re
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


def test_the_facilitator_types_a_bid_in_set_up(page: Any, server: Any, store: Any) -> None:
    """On the big screen: Set up, then 'Set up by hand', choose a bid and a question, type
    the answer, Save: it is in the store at once (and taken away again afterwards)."""
    from tests.browser.helpers import assert_axe_clean, button, open_stage, poll

    typed = "We will hold a youth forum every term <script>x</script>"
    open_stage(page, server.base, "tender_scoring.ipynb")
    button(page, "Set up").click()
    button(page, "Set up by hand: panels, questions, bidders and bids").click()
    reading = page.locator(".wtfc-column", has_text="What the panel reads")
    for label, code in (("Bid", "B2"), ("Question", "Q2")):
        select = reading.get_by_label(label, exact=True)
        # ipywidgets' option values are indexes; its labels start with the code.
        option = select.locator("option", has_text=re.compile("^" + code + r"\s"))
        select.select_option(value=option.get_attribute("value"))
    reading.get_by_label("Their answer (up to 8,000 characters)").fill(typed)
    try:
        button(page, "Save answer").click()
        poll(lambda: store.tender.evaluation()[0].bids.get(("B2", "Q2")) == typed,
             what="the answer reaching the store")
        expect(page.locator(".wtfc-message-area")).to_contain_text("Answer of B2 to Q2: saved")
        page.mouse.move(0, 0)
        screenshot(page, "tender-bids-set-up-1920x1080", full_page=True)
        assert_axe_clean(page, "tender-bids-set-up")
    finally:
        from workbook.tender.bids.builder import EvaluationBuilder

        EvaluationBuilder(store.store).set_answer("B2", "Q2", "", "browser test")
