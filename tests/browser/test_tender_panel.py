"""The young people's panel in a real browser: a member who joined late ticks the briefing on
a phone before the scoring form opens, and reads the words explained; the facilitator's Panel
view on the big screen. axe; screenshots in tests/browser/artifacts/."""

from __future__ import annotations

import pytest

from tests.browser.helpers import assert_axe_clean, member_key

expect = pytest.importorskip("playwright.sync_api",
                             reason="Playwright for Python is not installed").expect

TENDER = "tender_scoring.ipynb"
PHONE = {"width": 390, "height": 844}
LATE = "Gus"  # added here: the demo's members are all briefed


def test_a_late_member_ticks_the_briefing_on_a_phone_then_scores(page, open_stage, button,
                                                                  store, poll, screenshot):
    from workbook.tender.panel.briefing import BRIEFING, briefing_audit, is_briefed

    if LATE not in {m for ms in store.tender.evaluation(everyone=True)[0].members.values()
                    for m in ms}:
        store.tender.add_member("Young people's panel", LATE, "facilitator")
    page.set_viewport_size(PHONE)
    open_stage(page, TENDER, key=member_key(store, LATE))
    checklist = page.locator(".wtfc-tender-briefing")
    expect(checklist).to_be_visible()
    expect(checklist).to_contain_text("Participation officer")
    expect(button(page, "Save score")).to_be_hidden()
    screenshot(page, "tender_panel-briefing-390x844")
    assert_axe_clean(page, "tender_panel-briefing")
    boxes = checklist.get_by_role("checkbox")
    expect(boxes).to_have_count(len(BRIEFING))
    for i in range(len(BRIEFING)):
        boxes.nth(i).check()
        poll(lambda i=i: len([a for a in briefing_audit(store.tender)
                              if a["member"] == LATE]) > i, what=f"tick {i + 1} saved")
    expect(button(page, "Save score")).to_be_visible()
    expect(checklist).to_be_hidden()
    button(page, "Worried? Who to talk to").click()
    expect(page.locator(".wtfc-tender-briefed")).to_contain_text("07700 900123")
    assert is_briefed(store.tender, LATE)
    button(page, "Words explained").click()
    glossary = page.get_by_role("region", name="Words explained")
    expect(glossary).to_contain_text("Conflict of interest")
    screenshot(page, "tender_panel-words-390x844")
    assert_axe_clean(page, "tender_panel-words")
    assert page.wtfc_watch.page_errors == []


def test_the_facilitators_panel_view_on_the_big_screen(page, open_stage, button, screenshot,
                                                      server):
    open_stage(page, TENDER)
    button(page, "Panel").click()
    recognition = page.locator(".wtfc-tender-recognition")
    expect(recognition).to_be_visible()
    expect(recognition).to_contain_text("Amani")
    expect(page.locator(".wtfc-tender-outcome")).to_contain_text("Not final yet")
    page.mouse.move(0, 0)
    screenshot(page, "tender_panel-view-1920x1080")
    assert_axe_clean(page, "tender_panel-view")
    button(page, "Set up").click()
    setup = page.locator(".wtfc-tender-panel-setup")
    expect(setup).to_be_visible()
    expect(page.get_by_label("Independent person (their role)")).to_have_value(
        "Participation officer")
    setup.scroll_into_view_if_needed()
    screenshot(page, "tender_panel-setup-1920x1080")
    text = page.locator("body").inner_text()
    assert "Traceback" not in text and "Something went wrong" not in text
    assert page.wtfc_watch.page_errors == []
    assert not server.errors_log(), server.errors_log()
