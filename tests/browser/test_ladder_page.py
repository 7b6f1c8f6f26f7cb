"""The ladder page in a real browser: renders, a table votes, the trainer reveals, reload, axe.

Screenshots go to tests/browser/artifacts/ladder-*.png (big screen 1920x1080, table 1366x768).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

import pytest

from tests.browser.helpers import assert_axe_clean

expect = pytest.importorskip("playwright.sync_api",
                             reason="Playwright for Python is not installed").expect

NOTEBOOK = "ladder.ipynb"
LAPTOP = {"width": 1366, "height": 768}
TIMEOUT = 60_000
RUNG_PX_IN_PNG = 24 * 100 / 72  # RUNG_PT at 100 dpi


def open_ladder(page: Any, base: str, button: Any, table: str | None = None) -> Any:
    url = f"{base}/voila/render/{NOTEBOOK}" + (f"?table={quote(table)}" if table else "")
    page.goto(url, wait_until="domcontentloaded", timeout=TIMEOUT)
    expect(page.locator(".wtfc-header h1").first).to_be_visible(timeout=TIMEOUT)
    main = button(page, "Send my vote" if table else "Put to the room").first
    expect(main).to_be_visible(timeout=TIMEOUT)
    if not table:
        expect(main).to_be_enabled(timeout=TIMEOUT)
        expect(page.locator(".wtfc-ladder-figure img").first).to_be_visible(timeout=TIMEOUT)
    return page


def rung_px_as_displayed(page: Any) -> float:
    """How tall the ladder's rung names are on screen: PNG size scaled as the page shows it."""
    # Found, loaded and measured in one step in the page: a redraw swaps the <img> (and a
    # new one is 0 px wide until its PNG has loaded), so wait for one that is drawn.
    sizes = page.wait_for_function("""() => {
      for (const i of document.querySelectorAll('.wtfc-ladder-figure img')) {
        const shown = i.getBoundingClientRect().width;
        if (i.complete && i.naturalWidth && shown) return [i.naturalWidth, shown];
      }
      return null;
    }""", timeout=15_000).json_value()
    natural, shown = sizes
    return RUNG_PX_IN_PNG * shown / natural


def no_errors(page: Any, server: Any) -> None:
    text = page.locator("body").inner_text()
    assert "Traceback" not in text and "Something went wrong" not in text
    assert page.wtfc_watch.page_errors == []
    assert not server.errors_log(), server.errors_log()


def test_vote_flow_reveal_and_reload(context_factory, server, button, store, poll,
                                     screenshot):
    big = open_ladder(context_factory(), server.base, button)
    big.get_by_label("Model", exact=True).select_option(label="Arnstein's ladder of citizen "
                                                             "participation")
    big.get_by_label("Scenario", exact=True).select_option(
        label="2. Young carers shape a re-tender")
    button(big, "Put to the room").click()
    current = poll(lambda: store.current_round(), what="the round starting")
    assert current["model"] == "arnstein" and current["title"] == "Young carers shape a re-tender"
    expect(big.get_by_text("0 votes in")).to_be_visible()
    big.mouse.move(0, 0)
    screenshot(big, "ladder-big-screen-voting")
    # the ladder fills the screen and its rung names are at least 24 px as displayed
    box = big.locator(".wtfc-ladder-figure img").first.bounding_box()
    assert box["y"] + box["height"] <= 1080 and box["height"] >= 700, box
    assert rung_px_as_displayed(big) >= 24

    laptop = context_factory()
    laptop.set_viewport_size(LAPTOP)
    open_ladder(laptop, server.base, button, table="Table 5")
    expect(laptop.get_by_text("Young carers shape a re-tender")).to_be_visible(timeout=TIMEOUT)
    laptop.get_by_role("radio", name="6. Partnership").check()
    button(laptop, "Send my vote").click()
    poll(lambda: store.round_counts(current["id"]) == {6: 1}, what="the table's vote saved")
    expect(laptop.get_by_text("Your vote: 6. Partnership")).to_be_visible()
    laptop.mouse.move(0, 0)
    screenshot(laptop, "ladder-table-1366x768")
    assert_axe_clean(laptop, "ladder-table-after-vote")
    # the big screen hears of it, but shows only the count until the reveal
    expect(big.get_by_text("1 vote in")).to_be_visible(timeout=15_000)
    alt = big.locator(".wtfc-ladder-figure img").first.get_attribute("alt")
    assert "Votes per" not in alt

    button(big, "Reveal votes").click()
    poll(lambda: store.current_round()["state"] == "revealed", what="the reveal saved")
    # the reveal steps: the bars grow first, the numbers come last
    img = big.locator(".wtfc-ladder-figure img").first
    expect(img).to_have_attribute("alt", re.compile("being revealed"), timeout=10_000)
    screenshot(big, "ladder-big-screen-revealing")
    expect(img).to_have_attribute("alt", re.compile(r"6\. Partnership: 1"), timeout=15_000)
    expect(big.get_by_text("The trainer's suggestion")).to_be_visible()
    big.mouse.move(0, 0)
    screenshot(big, "ladder-big-screen-revealed")
    assert_axe_clean(big, "ladder-trainer-after-reveal")
    saved = server.folder / "outputs" / f"ladder_round_{current['id']}.png"
    poll(lambda: saved.exists(), what="the revealed ladder saved as PNG in outputs/")
    expect(laptop.get_by_text("Revealed: 1 vote")).to_be_visible(timeout=15_000)
    expect(button(laptop, "Send my vote")).to_be_disabled()

    big.reload(wait_until="domcontentloaded")
    open_ladder(big, server.base, button)
    expect(big.get_by_text("Revealed: 1 vote")).to_be_visible()
    expect(big.locator(".wtfc-ladder-figure img").first).to_have_attribute(
        "alt", re.compile(r"6\. Partnership: 1"))
    no_errors(big, server)
    no_errors(laptop, server)


def test_big_screen_and_table_accessibility(context_factory, server, button, screenshot):
    big = open_ladder(context_factory(), server.base, button)
    assert_axe_clean(big, "ladder-trainer")
    small = context_factory()
    small.set_viewport_size(LAPTOP)
    open_ladder(small, server.base, button)
    small.mouse.move(0, 0)
    screenshot(small, "ladder-big-screen-at-1366x768")
    table = context_factory()
    table.set_viewport_size(LAPTOP)
    open_ladder(table, server.base, button, table="Table 9")
    assert_axe_clean(table, "ladder-table")


def test_commissioner_assessment(page, server, button, store, poll, screenshot):
    open_ladder(page, server.base, button)
    page.get_by_label("Mode", exact=True).select_option(label="Commissioner: now and target")
    page.get_by_text("Start a new assessment", exact=True).click()
    page.get_by_label("New assessment name").fill("Browser year")
    page.get_by_label("On the model", exact=True).select_option(label="Ladder of co-production")
    button(page, "Start assessment").click()
    found = poll(lambda: [r for r in store.ladder_assessments.itertuples()
                          if r.title == "Browser year"], what="the assessment saved")
    aid = int(found[0].assessment_id)
    page.get_by_label("Analyse now", exact=True).select_option(label="3. Informing")
    page.get_by_label("Analyse target", exact=True).select_option(
        label="6. Co-design")
    page.get_by_label("Analyse note", exact=True).fill("Next: co-design it")
    button(page, "Save Analyse").click()
    stages = poll(lambda: store.assessment_stages(aid), what="the stage saved")
    assert stages[["stage", "now", "target", "note"]].values.tolist() == [
        ["analyse", 3, 6, "Next: co-design it"]]
    img = page.locator(".wtfc-ladder-figure img:visible").first
    expect(img).to_have_attribute("alt", re.compile("Analyse: now 3. Informing, target 6"),
                                  timeout=15_000)
    page.mouse.move(0, 0)
    screenshot(page, "ladder-commissioner")
    assert_axe_clean(page, "ladder-commissioner")
    no_errors(page, server)


def test_levels_of_engagement_as_the_seed_draws_them(context_factory, server, button, store,
                                                     poll, screenshot):
    """The trainer puts a scenario on the levels of engagement: the page shows the levels
    numbered from the top with the context to point at; a table votes on a face."""
    big = open_ladder(context_factory(), server.base, button)
    big.get_by_label("Model", exact=True).select_option(
        label="Levels of engagement, negative and positive")
    about = big.locator(".wtfc-model-about").first
    expect(about).to_contain_text("Negative context: Negative motivation, Limited capacity, "
                                  "Insufficient assurances")
    expect(about).to_contain_text("Positive context: Positive motivation, Sufficient capacity")
    expect(about.locator("th[scope=row]").first).to_have_text("1. Citizen control")
    big.get_by_label("Scenario", exact=True).select_option(
        label="7. Children become commissioners")
    before = len(store.ladder_rounds)  # other tests on this server may have run rounds
    button(big, "Put to the room").click()
    current = poll(lambda: len(store.ladder_rounds) > before and store.current_round(),
                   what="the round starting")
    assert current["model"] == "levels"
    # the round's drawing: the levels as the seed numbers them, no votes shown yet
    expect(big.locator(".wtfc-ladder-figure img").first).to_have_attribute(
        "alt", re.compile(r"4 levels numbered from the top \(1\. Citizen control"),
        timeout=15_000)
    table = context_factory()
    table.set_viewport_size(LAPTOP)
    open_ladder(table, server.base, button, table="Table 3")
    radios = table.get_by_role("radio")
    expect(radios.first).to_have_accessible_name(
        "1. Citizen control: Abdication of responsibility (negative)")
    table.get_by_role("radio", name="2. Shared power: Co-operation (positive)").check()
    button(table, "Send my vote").click()
    poll(lambda: store.round_counts(current["id"]) == {6: 1}, what="the table's vote saved")
    assert_axe_clean(table, "ladder-levels-table")
    expect(big.get_by_text("1 vote in")).to_be_visible(timeout=15_000)
    button(big, "Reveal votes").click()
    img = big.locator(".wtfc-ladder-figure img").first
    expect(img).to_have_attribute(
        "alt", re.compile(r"2\. Shared power: Co-operation \(positive\): 1"), timeout=15_000)
    box = img.bounding_box()
    assert box["y"] + box["height"] <= 1080, box
    big.mouse.move(0, 0)
    screenshot(big, "ladder-levels-revealed")
    assert_axe_clean(big, "ladder-levels-trainer")
    no_errors(big, server)
    no_errors(table, server)
