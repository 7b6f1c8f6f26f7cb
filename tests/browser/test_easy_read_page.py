"""Review page's Easy read tab in a real browser: every point with a described picture, a long
sentence flagged, a picture changed and saved, the file written; axe clean."""

from __future__ import annotations

import uuid

import pytest

from tests.browser.helpers import assert_axe_clean
from workbook.easyread.choices import picture_choices

expect = pytest.importorskip("playwright.sync_api",
                             reason="Playwright for Python is not installed").expect

REVIEW = "08_review.ipynb"
SETUP = "browser test setup"


def option_value(select, words: str) -> str:
    """A widget's <option> values are its indices: find the one showing these words."""
    return select.locator("option", has_text=words).first.get_attribute("value")


def test_the_facilitator_changes_a_picture_and_writes_the_easy_read(
        page, open_stage, button, store, poll, screenshot):
    word = "zq" + uuid.uuid4().hex[:8]
    theme = store.add_theme(f"Getting out {word}", "I go out when I want", actor=SETUP)
    long = (f"The last bus {word} leaves before my club finishes so I always have to go "
            "home early and miss the end.")
    fid = store.add_feedback(theme, long, "We asked for a later bus.", status="done",
                             actor=SETUP)
    open_stage(page, REVIEW)
    page.get_by_role("tab", name="Easy read").click()
    points = page.locator(".wtfc-easy-point")
    expect(points.first).to_be_visible(timeout=30_000)
    expect(page.locator(".wtfc-easy-long")).to_contain_text(long)
    images = page.locator(".wtfc-easy-point img")
    assert images.count() == points.count() > 0
    assert all(images.nth(i).get_attribute("alt") for i in range(images.count()))
    screenshot(page, "easy-read-tab")
    assert_axe_clean(page, "easy-read-tab")

    choose = page.get_by_label("Point", exact=True)
    choose.select_option(value=option_value(choose, word))
    picture = page.get_by_label("Picture", exact=True)
    picture.select_option(value=option_value(picture, "Sport"))
    button(page, "Use this picture").click()
    key = f"said:{fid}"
    poll(lambda: picture_choices(store).get(key) == "sport", what="the picture choice saved")
    expect(page.locator(".wtfc-easy-points img[alt='A football']").first).to_be_visible()
    button(page, "Write the easy read: Word").click()
    expect(page.locator(".wtfc-easy-read .wtfc-download")).to_contain_text(
        "easy-read.docx", timeout=60_000)


def test_the_easy_read_files_pass_axe_with_their_pictures(page, store, tmp_path, screenshot):
    from workbook.report import write_report

    html = write_report(store, "easy-read", tmp_path / "easy.html")
    page.set_viewport_size({"width": 1000, "height": 1400})
    page.set_content(html.read_text(encoding="utf-8"), wait_until="load")
    images = page.locator("main img")
    assert images.count() == page.locator("[data-point]").count() > 0
    assert page.evaluate("() => [...document.images].every(i => i.complete && "
                         "i.naturalWidth > 0 && i.alt.length > 0)")
    screenshot(page, "easy-read-html", full_page=True)
    assert_axe_clean(page, "easy-read-html")


def test_the_easy_read_tab_at_a_table_laptop(page, open_stage, screenshot):
    page.set_viewport_size({"width": 1366, "height": 768})
    open_stage(page, REVIEW, "Table 6")
    page.get_by_role("tab", name="Easy read").click()
    expect(page.locator(".wtfc-easy-point").first).to_be_visible(timeout=30_000)
    for name in ("Point", "Picture"):
        expect(page.get_by_label(name, exact=True)).to_be_visible()
    # nothing wider than the laptop's screen
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 1366
    screenshot(page, "easy-read-tab-table", full_page=True)
    assert_axe_clean(page, "easy-read-tab-table")
