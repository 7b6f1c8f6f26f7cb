"""The overview's "Last time and next time" drawer in Chromium: the comparison per review with
its chart and alt text, and the next event started from this one (checked on disk and in its
store)."""

from __future__ import annotations

import pytest

from tests.browser.helpers import PAGE_TIMEOUT_MS, assert_axe_clean, button, poll, screenshot
from tests.browser.servers import start_sample_server, stop_process

expect = pytest.importorskip("playwright.sync_api",
                             reason="Playwright for Python is not installed").expect

PAGE = "00_workshop.ipynb"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    srv = start_sample_server(tmp_path_factory.mktemp("cycle"), ready=[PAGE])
    from workbook import Workshop
    from workbook.cycle.schema import cycle_last_themes, cycle_origin

    ws = Workshop.open(srv.folder)
    # as if the sample had been started from a larger event last year (synthetic figures)
    with ws.store.write("setup", "Started from last year's event") as tx:
        origin = tx.insert(cycle_origin, workshop="Last year's event", location="elsewhere",
                           held_on="2025-05-14", revision=1, reviews=80, statements=420,
                           actor="setup")
        for t in ws.themes.itertuples():
            nw = int(t.not_working) * 2
            tx.insert(cycle_last_themes, origin_id=origin, name=t.name.upper(),
                      i_statement="", statements=int(t.working) + nw + int(t.future),
                      working=int(t.working), not_working=nw, future=int(t.future), votes=0,
                      theme_id=None)
    try:
        yield srv, ws
    finally:
        ws.close()
        stop_process(srv.proc)


def test_the_comparison_and_the_next_event_from_the_overview(served, page, tmp_path):
    srv, ws = served
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{srv.base}/voila/render/{PAGE}", wait_until="domcontentloaded",
              timeout=PAGE_TIMEOUT_MS)
    toggle = page.get_by_role("button", name="Last time and next time")
    expect(toggle).to_be_visible(timeout=PAGE_TIMEOUT_MS)
    toggle.click()
    img = page.locator(".wtfc-cycle figure img")
    expect(img).to_be_visible(timeout=3 * PAGE_TIMEOUT_MS)  # matplotlib, drawn
    alt = img.get_attribute("alt")
    assert "Last year's event (80 reviews) then" in alt and "(60 reviews)" in alt
    expect(page.locator(".wtfc-cycle")).to_contain_text("statements per review")
    assert (srv.folder / "outputs" / "since_last_time.png").exists()
    assert (srv.folder / "outputs" / "since_last_time.csv").exists()
    page.locator(".wtfc-cycle figure").scroll_into_view_if_needed()
    screenshot(page, "cycle_overview_comparison")
    assert_axe_clean(page, "cycle_overview")

    target = tmp_path / "autumn"
    page.get_by_label("Name of the next event").fill("Autumn follow-up")
    folder = page.get_by_label("Folder for the next event")
    folder.fill(str(target))
    page.wait_for_timeout(300)  # the last keystrokes reach the kernel before the click
    button(page, "Start the next event from this one").click()
    expect(page.locator(".wtfc-cycle")).to_contain_text(f"wtfc serve {target}",
                                                        timeout=3 * PAGE_TIMEOUT_MS)
    poll(lambda: (target / "workshop.json").exists(), what="the next event's folder")
    from workbook import Workshop
    from workbook.cycle.origin import origin

    with Workshop.open(target) as made:
        assert made.name == "Autumn follow-up"
        assert origin(made).workshop == ws.name and origin(made).reviews == 60
        assert len(made.themes) == len(ws.themes) and made.stats()["reviews"] == 0
    page.get_by_text("To open its pages, run").scroll_into_view_if_needed()
    screenshot(page, "cycle_overview_next_event")
