"""The Prepare page (step 1) in a real browser: the facilitator fills in the event and
invites someone, and both are in the store."""

from __future__ import annotations

import uuid

import pytest

from tests.browser.helpers import PAGE_TIMEOUT_MS, button, poll
from tests.browser.servers import start_sample_server, stop_process

expect = pytest.importorskip("playwright.sync_api",
                             reason="Playwright for Python is not installed").expect

PAGE = "01_prepare.ipynb"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    # every page heated first (as the session's server does): a page opened while the others
    # still heat can wait past the timeout on a busy two-core machine
    srv = start_sample_server(tmp_path_factory.mktemp("prepare"))
    from workbook import Workshop

    ws = Workshop.open(srv.folder)
    try:
        yield srv, ws
    finally:
        ws.close()
        stop_process(srv.proc)


def test_the_facilitator_fills_the_event_and_invites_someone(served, page):
    srv, ws = served
    page.goto(f"{srv.base}/voila/render/{PAGE}", wait_until="domcontentloaded",
              timeout=PAGE_TIMEOUT_MS)
    expect(page.locator(".wtfc-header h1").first).to_have_text(
        "Step 1 · Prepare: who, when, where, and which reviews?", timeout=PAGE_TIMEOUT_MS)
    save = button(page, "Save the event").first
    expect(save).to_be_enabled(timeout=PAGE_TIMEOUT_MS)
    place = f"Library meeting room {uuid.uuid4().hex[:6]}"
    page.get_by_label("Date of the event").fill("2026-07-02")
    page.get_by_label("Place", exact=True).fill(place)
    page.get_by_label("Number of reviews planned").fill("24")
    page.wait_for_timeout(300)  # the last keystrokes reach the kernel before the click
    save.click()
    event = poll(lambda: ws.event if ws.event.place == place else None,
                 what="the event saved in the store")
    assert (event.held_on, event.reviews_planned) == ("2026-07-02", 24)

    page.get_by_role("tab", name="Who is invited").click()
    who = f"Member of the carers' forum {uuid.uuid4().hex[:6]}"
    page.get_by_label("Name or description").first.fill(who)
    page.get_by_label("Role").first.select_option(label="Family carer")
    page.get_by_label("Has support needs").first.check()
    page.wait_for_timeout(300)
    button(page, "Add to who is invited").first.click()
    person = poll(lambda: next((p for p in ws.invitees() if p.name == who), None),
                  what="the invitee saved in the store")
    assert (person.role, person.support_needs, person.theming) == ("family", True, False)
    expect(page.locator(".wtfc-invitees")).to_contain_text(who)
    assert page.wtfc_watch.unexpected_console_errors() == []


SIZES = """() => {
  const cells = document.getElementById('rendered_cells');
  return {doc: document.documentElement.scrollHeight, cells: cells ? cells.scrollHeight : 0,
          view: window.innerHeight, width: cells ? cells.scrollWidth : 0};
}"""
TABS = ["The event", "Who is invited", "Access requirements", "Reviews to be used"]


@pytest.mark.parametrize("size", [{"width": 1920, "height": 1080},
                                  {"width": 1366, "height": 768}])
def test_every_section_fits_the_screen_with_no_serious_axe_violation(served, page, size):
    from tests.browser.helpers import assert_axe_clean, screenshot

    srv, _ws = served
    page.set_viewport_size(size)
    page.goto(f"{srv.base}/voila/render/{PAGE}", wait_until="domcontentloaded",
              timeout=PAGE_TIMEOUT_MS)
    expect(button(page, "Save the event").first).to_be_enabled(timeout=PAGE_TIMEOUT_MS)
    where = f"{size['width']}x{size['height']}"
    for n, tab in enumerate(TABS):
        page.get_by_role("tab", name=tab).click()
        page.wait_for_timeout(700)
        page.mouse.move(0, 0)
        screenshot(page, f"prepare-{n + 1}-{where}")
        sizes = page.evaluate(SIZES)
        assert sizes["width"] <= size["width"], (tab, sizes)  # no sideways scrolling
        if size["width"] == 1920:  # the big screen: each section on one screen
            assert sizes["doc"] <= sizes["view"] and sizes["cells"] <= sizes["view"], (tab,
                                                                                       sizes)
        assert_axe_clean(page, f"prepare-{n + 1}-{where}")
