"""Review page in a real browser: a "you said, we did" entry in three columns, not done with
its reason; who must hear back, one group recorded as told; saved, escaped, axe clean, and
fitting the big screen and a table's laptop."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from tests.browser.helpers import assert_axe_clean

expect = pytest.importorskip("playwright.sync_api",
                             reason="Playwright for Python is not installed").expect

REVIEW = "08_review.ipynb"
SETUP = "browser test setup"
XSS = "<img src=x onerror=alert(1)>"
MIDDLE = "What we did"


def option_value(select, words: str) -> str:
    """A widget's <option> values are its indices: find the one showing these words."""
    return select.locator("option", has_text=words).first.get_attribute("value")


def test_an_entry_not_done_with_its_reason_then_a_group_told(page, open_stage, button, store,
                                                             poll, screenshot):
    word = "zq" + uuid.uuid4().hex[:8]
    store.add_theme(f"Evenings {word}", "I go out when I want", actor=SETUP)
    group = f"Youth forum {word}"
    store.add_hear_back_group(group, actor=SETUP)
    open_stage(page, REVIEW, "Table 31")
    page.get_by_role("tab", name="You said, we did").click()
    choose = page.get_by_label("Theme", exact=True)
    choose.select_option(value=option_value(choose, word))
    page.get_by_label("You said", exact=True).fill(f"No bus home {word} {XSS}")
    page.get_by_label(MIDDLE, exact=True).fill("An evening minibus.")
    page.get_by_label("Impact and next steps", exact=True).fill("We will ask again in April.")
    page.get_by_label("Status", exact=True).select_option(label="Not done")
    button(page, "Add to the log").click()
    expect(page.locator(".wtfc-message-error")).to_contain_text("needs the reason")
    page.get_by_label("Why not done", exact=True).fill(
        f"The contract cannot change until April {word}.")
    button(page, "Add to the log").click()
    poll(lambda: (store.feedback["reason"] == f"The contract cannot change until April {word}."
                  ).any(), what="the entry reaching the store")
    row = store.feedback.set_index("you_said").loc[f"No bus home {word} {XSS}"]
    assert (row["we_did"], row["impact"], row["status"], row["given_on"]) == (
        "An evening minibus.", "We will ask again in April.", "not done",
        date.today().isoformat())
    log = page.locator(".wtfc-feedback")
    expect(log).to_contain_text(f"No bus home {word} {XSS}")
    expect(log).to_contain_text("Not done: An evening minibus. Why: The contract cannot change")
    expect(page.locator('img[src="x"]')).to_have_count(0)
    page.mouse.move(0, 0)
    screenshot(page, "feedback-01-three-columns-1920x1080")
    assert_axe_clean(page, "feedback-01-three-columns")

    page.get_by_role("tab", name="Who must hear back").click()
    listing = page.locator(".wtfc-hear-back")
    expect(listing).to_contain_text(group)
    choose = page.get_by_label("Group", exact=True)
    choose.select_option(value=option_value(choose, group))
    page.get_by_label("How they were told", exact=True).fill("Meeting")
    button(page, "Record that they were told").click()
    poll(lambda: bool(store.hear_back.set_index("group").loc[group, "told"]),
         what="the telling reaching the store")
    assert store.hear_back.set_index("group").loc[group, "how"] == "Meeting"
    expect(listing).to_contain_text(f"✔ Told {date.today().isoformat()}")
    page.mouse.move(0, 0)
    screenshot(page, "feedback-02-hear-back-table-1920x1080")
    assert_axe_clean(page, "feedback-02-hear-back")
    body = page.locator("body").inner_text()
    assert "Traceback" not in body and "Something went wrong" not in body
    assert page.wtfc_watch.page_errors == []


def test_the_facilitator_sees_the_list_tools_and_the_tab_fits_the_big_screen(
        page, open_stage, button, screenshot):
    open_stage(page, REVIEW)
    page.get_by_role("tab", name="You said, we did").click()
    expect(page.locator(".wtfc-feedback")).to_contain_text("Impact and next steps")
    page.mouse.move(0, 0)
    screenshot(page, "feedback-04-you-said-big-screen-1920x1080")
    button(page, "Send “You said, we did” to people").click()
    button(page, "Write “You said, we did”").click()
    expect(page.locator(".wtfc-download", has_text="Download the Word file")).to_be_visible(
        timeout=60_000)
    expect(page.locator(".wtfc-note", has_text="you-said-we-did.docx")).to_be_visible()
    # the drawer's words stay inside the log's column (a file's long name included)
    column = page.locator(".wtfc-fit-main", has=page.locator(".wtfc-feedback")).bounding_box()
    for part in (".wtfc-download", ".wtfc-note >> text=Saved in the outputs folder"):
        box = page.locator(part).first.bounding_box()
        assert box and box["x"] + box["width"] <= column["x"] + column["width"] + 0.5, part
    page.mouse.move(0, 0)
    screenshot(page, "feedback-04b-send-open-1920x1080")
    assert_axe_clean(page, "feedback-04b-send-open")
    page.get_by_role("tab", name="Who must hear back").click()
    expect(page.get_by_label("Another group", exact=True)).to_be_hidden()  # a closed drawer
    button(page, "Add or take off a group (facilitator)").click()
    expect(page.get_by_label("Another group", exact=True)).to_be_visible()
    expect(page.locator(".wtfc-hear-back")).to_contain_text("People whose reviews were used")
    # the list sits within the 1920x1080 screen, beside the form
    box = page.locator(".wtfc-hear-back").bounding_box()
    assert box and box["x"] > 600 and box["y"] + 100 < 1080
    page.mouse.move(0, 0)
    screenshot(page, "feedback-03-hear-back-big-screen-1920x1080")
    assert_axe_clean(page, "feedback-03-hear-back-big-screen")


def test_both_tabs_fit_a_phone_at_a_table(page, open_stage, screenshot):
    page.set_viewport_size({"width": 390, "height": 844})
    open_stage(page, REVIEW, "Table 32")
    for tab, part in (("You said, we did", ".wtfc-feedback"),
                      ("Who must hear back", ".wtfc-hear-back")):
        page.get_by_role("tab", name=tab).click()
        expect(page.locator(part)).to_be_visible()
        wide = page.evaluate("() => [...document.querySelectorAll('body *')].filter((e) => "
                             "e.checkVisibility() && e.getBoundingClientRect().right > "
                             "window.innerWidth + 0.5).map((e) => e.className).slice(0, 5)")
        assert wide == [], f"{tab}: past the phone's edge: {wide}"
        page.locator(part).scroll_into_view_if_needed()
        screenshot(page, f"feedback-05-{part[6:]}-390x844")
