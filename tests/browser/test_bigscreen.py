"""The big screen at 1920x1080 and a table's laptop at 1366x768: every stage page fits, its
chart text is readable, and the Theme board works by keyboard in a few key presses.

Screenshots of every stage at both sizes go to tests/browser/artifacts/bigscreen-*.png.
"""

from __future__ import annotations

import uuid

import pandas as pd
import pytest

expect = pytest.importorskip("playwright.sync_api",
                             reason="Playwright for Python is not installed").expect

STAGES = ["02_collect.ipynb", "03_theme.ipynb", "04_understand.ipynb", "05_success.ipynb",
          "06_plan.ipynb", "07_implement.ipynb", "08_review.ipynb"]
BIG = {"width": 1920, "height": 1080}
LAPTOP = {"width": 1366, "height": 768}
MIN_CHART_TEXT_PX = 18
# success statements are words, not figures; Implement's indicators and actions are tables
CHARTLESS = {"05_success.ipynb", "07_implement.ipynb"}
MAX_KEYS = 10

SIZES = """() => {
  const cells = document.getElementById('rendered_cells');
  return {doc: document.documentElement.scrollHeight, cells: cells ? cells.scrollHeight : 0,
          view: window.innerHeight};
}"""

# Each chart's smallest text as shown: points -> PNG pixels (dpi / 72) -> shown pixels.
CHART_TEXT = """() => [...document.querySelectorAll('.wtfc-chart img[data-min-font-pt]')]
  .filter((img) => img.getClientRects().length)
  .map((img) => Number(img.dataset.minFontPt) * Number(img.dataset.dpi) / 72
                * img.getBoundingClientRect().width / img.naturalWidth)"""


def _fits(page) -> dict:
    sizes = page.evaluate(SIZES)
    assert sizes["doc"] <= sizes["view"], sizes
    assert sizes["cells"] <= sizes["view"], sizes  # Voila scrolls #rendered_cells, not the page
    return sizes


@pytest.mark.parametrize("notebook", STAGES)
def test_stage_fits_the_big_screen_with_readable_charts(page, open_stage, screenshot, notebook):
    open_stage(page, notebook)
    page.wait_for_timeout(1000)  # late widget views and the chart
    page.mouse.move(0, 0)
    screenshot(page, "bigscreen-" + notebook.removesuffix(".ipynb") + "-1920x1080")
    _fits(page)
    if notebook == "03_theme.ipynb":
        page.get_by_role("button", name="Chart", exact=True).click()
        page.wait_for_timeout(500)
        screenshot(page, "bigscreen-03_theme-chart-1920x1080")
        _fits(page)
    if notebook in CHARTLESS:
        return
    if notebook == "06_plan.ipynb":  # the plan's charts are a tab away from its actions
        page.get_by_role("tab", name="Chart: by status").click()
        page.wait_for_timeout(500)
        screenshot(page, "bigscreen-06_plan-chart-1920x1080")
        _fits(page)
    sizes = page.evaluate(CHART_TEXT)
    assert sizes, "no chart shown on the big screen"
    assert min(sizes) >= MIN_CHART_TEXT_PX, sizes


@pytest.mark.parametrize("notebook", STAGES)
def test_stage_at_a_table_laptop(page, open_stage, screenshot, notebook):
    page.set_viewport_size(LAPTOP)
    open_stage(page, notebook, "Table 4")
    page.wait_for_timeout(1000)
    page.mouse.move(0, 0)
    screenshot(page, "bigscreen-" + notebook.removesuffix(".ipynb") + "-table-1366x768")
    # Nothing wider than the laptop's screen: no sideways scrolling of the page.
    width = page.evaluate("() => document.getElementById('rendered_cells').scrollWidth")
    assert width <= LAPTOP["width"], width


def test_the_cause_trees_last_level_and_caption_are_reachable(page, open_stage, screenshot):
    """Understand at 1920x1080: the tree scrolls in its own box, by keyboard too, to its last
    level; its caption shows in a box of its own; both inside the screen and the chart's box."""
    open_stage(page, "04_understand.ipynb")
    page.wait_for_timeout(1000)
    tree = page.get_by_role("region", name="Chart (scrolls)")
    caption = page.get_by_role("region", name="Chart figures (scrolls)")
    expect(tree).to_be_visible()
    expect(caption).to_be_visible()
    boxes = """() => {
      const box = (s) => document.querySelector(s).getBoundingClientRect();
      const chart = box('.wtfc-rc-chart'), tree = box('.wtfc-rc-chart .wtfc-figure-scroll');
      const cap = box('.wtfc-rc-chart .wtfc-figcaption-scroll');
      const img = box('.wtfc-rc-chart img');
      return {view: innerHeight, chart: chart.bottom, tree: [tree.top, tree.bottom],
              cap: [cap.top, cap.bottom], img: img.bottom};
    }"""
    seen = page.evaluate(boxes)
    assert seen["tree"][1] <= seen["cap"][0] + 1, seen  # the caption under the tree
    assert seen["cap"][1] <= min(seen["chart"], seen["view"]) + 1, seen  # not cut off
    more = "() => document.querySelector('.wtfc-rc-chart .wtfc-figure-scroll').className"
    if seen["img"] > seen["tree"][1] + 1:  # taller than its box: it says there is more
        assert "wtfc-more-below" in page.evaluate(more)
    tree.focus()
    page.keyboard.press("End")  # a keyboard user scrolls the tree's box to its foot
    page.wait_for_timeout(300)
    seen = page.evaluate(boxes)
    assert seen["img"] <= seen["tree"][1] + 1, seen  # the last level is in view
    assert "wtfc-more-below" not in page.evaluate(more)  # and the line no longer covers it
    caption.focus()
    page.keyboard.press("End")
    page.wait_for_timeout(300)
    end = page.evaluate("""() => { const c = document.querySelector(
      '.wtfc-rc-chart .wtfc-figcaption-scroll');
      return c.scrollTop + c.clientHeight >= c.scrollHeight - 1; }""")
    assert end, "the caption's last words cannot be scrolled to"
    page.mouse.move(0, 0)
    screenshot(page, "bigscreen-04_understand-tree-scrolled-1920x1080")
    _fits(page)


def test_theme_board_shows_every_theme_and_20_cards_on_the_big_screen(page, open_stage, store):
    open_stage(page, "03_theme.ipynb")
    page.wait_for_timeout(1000)
    seen = page.evaluate("""() => {
      const inside = (el, box) => { const r = el.getBoundingClientRect();
        return r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.height > 0; };
      const screen = {top: 0, bottom: window.innerHeight};
      const scroller = document.querySelector('.wtfc-board-unthemed .wtfc-board-scroller');
      const box = scroller.getBoundingClientRect();
      const cards = [...scroller.querySelectorAll('.wtfc-board-card')]
        .filter((c) => inside(c, box) && inside(c, screen)).length;
      const themes = [...document.querySelectorAll('.wtfc-board-theme')];
      return {cards, themes: themes.length,
              themesShown: themes.filter((t) => inside(t, screen)
                && t.querySelector('.wtfc-board-i')
                && t.querySelector('.wtfc-board-counts')).length,
              more: document.querySelector('.wtfc-board-unthemed .wtfc-board-more').textContent};
    }""")
    assert seen["themes"] == len(store.themes)
    assert seen["themesShown"] == seen["themes"], seen
    assert seen["cards"] >= 20, seen
    assert "more cards" in seen["more"], seen  # the rest scroll in their own box, counted


def test_keyboard_moves_a_card_into_the_third_theme_in_at_most_10_keys(page, open_stage, store,
                                                                       poll):
    word = "zq" + uuid.uuid4().hex[:8]
    card = store.add_statement("R-931", "not_working", "person",
                               f"Nobody tells me when the bus is late {word}", actor="setup")
    third = store.themes.sort_values("theme_id").iloc[2]
    open_stage(page, "03_theme.ipynb", "Table 14")
    search = page.get_by_label("Find words")
    search.focus()
    page.keyboard.type(word)  # typing the words to find is not counted: moving is
    page.keyboard.press("Enter")
    card_node = page.locator(f'.wtfc-board-unthemed [data-statement-id="{card}"]')
    expect(card_node).to_be_visible()

    presses = 0

    def press(key: str) -> None:
        nonlocal presses
        presses += 1
        page.keyboard.press(key)

    press("Tab")  # into the cards not yet in a theme: one tab stop for the zone
    expect(card_node).to_be_focused()
    press("Space")  # choose it
    expect(card_node).to_have_attribute("aria-selected", "true")
    press("3")  # the third theme, by its number
    poll(lambda: (lambda v: not pd.isna(v) and int(v) == int(third["theme_id"]))(
        store.statements.set_index("statement_id").loc[card, "theme_id"]),
         what="the card reaching the third theme in the store")
    assert presses <= MAX_KEYS
    print(f"moved by keyboard in {presses} key presses")
    expect(page.locator(".wtfc-board-status")).to_contain_text(f"Moved 1 card to “{third['name']}”")


def test_arrow_keys_rove_inside_a_zone_and_tab_leaves_it(page, open_stage):
    open_stage(page, "03_theme.ipynb", "Table 15")
    cards = page.locator(".wtfc-board-unthemed .wtfc-board-card")
    page.get_by_label("Find words").focus()
    page.keyboard.press("Tab")
    expect(cards.nth(0)).to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(cards.nth(1)).to_be_focused()
    expect(cards.nth(1)).to_have_attribute("tabindex", "0")
    expect(cards.nth(0)).to_have_attribute("tabindex", "-1")
    page.keyboard.press("End")
    expect(cards.last).to_be_focused()
    # One tab stop per zone: Tab goes on to the first theme's cards, not the next card.
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.closest('.wtfc-board-theme') !== null")
    assert focused


def test_theme_tools_open_on_demand_on_the_big_screen(page, open_stage, button):
    open_stage(page, "03_theme.ipynb")
    expect(page.get_by_role("tab", name="Move cards")).to_be_hidden()
    button(page, "Themes and voting").click()
    for name in ("Move cards", "Themes", "Dot voting"):
        expect(page.get_by_role("tab", name=name)).to_be_visible()
    expect(page.locator(".wtfc-board-root")).to_be_hidden()
    button(page, "Board").click()
    expect(page.locator(".wtfc-board-root")).to_be_visible()


# A list box's rows by where they are: wholly below what the box shows, or cut by its foot.
ROWS_OUT_OF_SIGHT = """(sel) => {
  const box = document.querySelector(sel);
  const note = box.querySelector(':scope > .wtfc-more-note');
  const bottom = box.getBoundingClientRect().bottom
                 - (note && !note.hidden ? note.getBoundingClientRect().height : 0);
  const rows = [...box.querySelectorAll(box.dataset.moreItems)].map(
    (r) => r.getBoundingClientRect());
  return {below: rows.filter((r) => r.top >= bottom).length,
          cut: rows.filter((r) => r.top < bottom && r.bottom > bottom).length,
          all: rows.length, note: note.hidden ? null : note.textContent};
}"""
NOTE_COUNT = r"^↓ (\d+) more statements? below: scroll this box \((\d+) on this page\)$"


def _more(page, selector: str) -> dict:
    page.evaluate("() => window.wtfcMore.update()")  # count now, not at the next frame
    return page.evaluate(ROWS_OUT_OF_SIGHT, selector)


def test_n_more_counts_the_rows_this_screen_cannot_show(page, open_stage):
    """The "N more" line is counted in the browser for the screen in front of the room: it
    matches the rows out of sight, falls as the box is scrolled, is gone at the foot of the
    list, and changes with the window's height."""
    import re

    box = ".wtfc-collect-list [data-more-items]"
    open_stage(page, "02_collect.ipynb")
    page.wait_for_timeout(500)
    seen = _more(page, box)
    match = re.match(NOTE_COUNT, seen["note"] or "")
    assert match, seen
    shown, total = int(match[1]), int(match[2])
    assert total == seen["all"] == 50  # one page of the list
    assert seen["below"] <= shown <= seen["below"] + seen["cut"], seen
    assert 0 < shown < total
    page.evaluate(f"() => {{ const b = document.querySelector('{box}'); "
                  "b.scrollTop = b.scrollHeight / 2; }")
    halfway = _more(page, box)
    assert 0 < int(re.match(NOTE_COUNT, halfway["note"])[1]) < shown, halfway
    page.evaluate(f"() => {{ const b = document.querySelector('{box}'); "
                  "b.scrollTop = b.scrollHeight; }")
    assert _more(page, box)["note"] is None  # every row left is in sight: no line
    page.evaluate(f"() => {{ document.querySelector('{box}').scrollTop = 0; }}")
    page.set_viewport_size({"width": 1920, "height": 1400})
    page.wait_for_timeout(300)
    taller = _more(page, box)
    assert int(re.match(NOTE_COUNT, taller["note"])[1]) < shown, taller
    assert taller["below"] <= int(re.match(NOTE_COUNT, taller["note"])[1]) <= (
        taller["below"] + taller["cut"])


# Each stage's add button pressed with nothing typed in: the page says what to do.
EMPTY_ADD = {"02_collect.ipynb": "Add statement", "04_understand.ipynb": "Add cause",
             "05_success.ipynb": "Add success statement", "06_plan.ipynb": "Add idea"}


@pytest.mark.parametrize("notebook", list(EMPTY_ADD))
def test_a_message_keeps_the_page_on_one_screen(page, open_stage, button, screenshot,
                                                notebook):
    """Messages come after every action in a room: the page still fits the big screen with
    one showing, and the message has room to be read (not a sliver beside a long title)."""
    open_stage(page, notebook)
    page.wait_for_timeout(500)
    button(page, EMPTY_ADD[notebook]).click()
    message = page.locator(".wtfc-message-area .wtfc-message").first
    expect(message).to_contain_text("first")
    page.wait_for_timeout(300)
    _fits(page)
    box = message.bounding_box()
    assert box["width"] >= 28 * 22, box  # its column is 30rem at 22 px, less margins
    assert box["y"] + box["height"] <= 200, box  # in the header's row, not down the page
    screenshot(page, "bigscreen-" + notebook.removesuffix(".ipynb") + "-message-1920x1080")
