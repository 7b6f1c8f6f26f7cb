"""What people do on the pages, in a real browser; each flow ends by looking in the store.

Every test acts as its own table ("Table 11", "Table 12", ...) and works on cards and themes
it made itself (with a unique word in them), so tests never depend on each other's work.
The sample workshop's own data is left alone.
"""

from __future__ import annotations

import difflib
import re
import time
import uuid
from typing import Any

import pandas as pd
import pytest

from tests.browser.helpers import assert_axe_clean, saved_text

expect = pytest.importorskip("playwright.sync_api",
                             reason="Playwright for Python is not installed").expect

COLLECT, THEME, ROOT_CAUSE = "02_collect.ipynb", "03_theme.ipynb", "04_understand.ipynb"
LIVE_SECONDS = 5.0
XSS = "<img src=x onerror=alert(1)>"
SETUP = "browser test setup"


def token() -> str:
    """A word no sample statement contains, to find this test's cards."""
    return "zq" + uuid.uuid4().hex[:8]


def statement(ws: Any, statement_id: int) -> Any:
    rows = ws.statements
    rows = rows[rows["statement_id"] == statement_id]
    return rows.iloc[0] if len(rows) else None


def _theme_of(ws: Any, statement_id: int) -> int | None:
    value = statement(ws, statement_id)["theme_id"]
    return None if pd.isna(value) else int(value)


def new_card(ws: Any, words: str, kind: str = "not_working", review: str = "R-901") -> int:
    return ws.add_statement(review, kind, "person", words, actor=SETUP)


def new_theme(ws: Any, name: str, *card_ids: int) -> int:
    theme_id = ws.add_theme(name, actor=SETUP)
    if card_ids:
        ws.assign(list(card_ids), theme_id, actor=SETUP)
    return theme_id


def option_value(select: Any, words: str) -> str:
    """The value of the one option of a <select> whose text contains `words` (ipywidgets
    uses the label as the option's value)."""
    option = select.locator("option", has_text=words)
    expect(option).to_have_count(1)
    return option.get_attribute("value")


def find_cards(page: Any, words: str) -> None:
    """Type in the Theme page's "Find words" box (it filters on Enter) and wait for the board."""
    box = page.get_by_label("Find words")
    box.fill(words)
    box.press("Enter")
    expect(page.locator(".wtfc-board-unthemed .wtfc-board-summary")).to_contain_text(words)


def board_card(page: Any, statement_id: int, theme_id: int | None = None) -> Any:
    zone = (".wtfc-board-unthemed" if theme_id is None
            else f'.wtfc-board-theme[data-theme-id="{theme_id}"]')
    return page.locator(f'{zone} .wtfc-board-card[data-statement-id="{statement_id}"]')


# --- 1 Collect -----------------------------------------------------------------------------
def test_add_statement_on_collect(page, open_stage, button, store, poll):
    words = f"The minibus to the day centre is always late {token()}"
    open_stage(page, COLLECT, "Table 11")
    form = page.locator(".wtfc-collect-add")
    form.get_by_label("Review", exact=True).fill("R-911")
    form.get_by_label("Whose view", exact=True).select_option(label="Family carer")
    button(form, "Not working").click()
    form.get_by_label("What they said").fill(words)
    button(form, "Add statement").click()

    rows = poll(lambda: (lambda st: st[st["text"] == words])(store.statements),
                what="the statement reaching the store")
    assert len(rows) == 1
    row = rows.iloc[0]
    assert (row["review"], row["kind"], row["perspective"]) == ("R-911", "not_working", "family")
    history = store.history
    assert "Added a statement for review R-911" in set(
        history[history["actor"] == "Table 11"]["summary"])
    # The page says so, shows the card at the top of the list, and empties the words box.
    expect(page.locator(".wtfc-message-area")).to_contain_text(
        f"Added statement No. {row['statement_id']}")
    expect(page.locator(".wtfc-collect-list").get_by_text(words)).to_be_visible()
    expect(form.get_by_label("What they said")).to_have_value("")
    assert_axe_clean(page, "flow-collect-after-add")


def test_import_a_file_on_collect(page, open_stage, button, store, poll, tmp_path):
    """A spreadsheet with a good row and two bad ones: the good one is saved, the page lists
    the rows it could not import (a table), and the page still passes axe."""
    word = token()
    sheet = tmp_path / f"tables_{word}.csv"
    sheet.write_text("Review,Whose view,Kind,What they said\n"
                     f"R-912,Person,Working,I like the garden at the back {word}\n"
                     f"R-912,Person,Banana,This kind is not a kind {word}\n"
                     ",Person,Working,\n", encoding="utf-8")
    open_stage(page, COLLECT, "Table 18")
    upload = page.locator(".wtfc-collect-import .widget-upload")  # "Choose files (0)"
    with page.expect_file_chooser() as chooser:  # its <input type=file> is not in the page
        upload.click()
    chooser.value.set_files(str(sheet))
    expect(upload).to_contain_text("(1)")  # ipywidgets counts the files chosen
    button(page, "Import file").click()

    rows = poll(lambda: (lambda st: st[st["text"].str.contains(word, regex=False)])(
        store.statements), what="the imported statement reaching the store")
    assert rows["text"].tolist() == [f"I like the garden at the back {word}"]
    report = page.locator(".wtfc-collect-import .wtfc-import-report").last
    expect(report).to_contain_text(sheet.name)
    expect(report.locator("table")).to_contain_text("unknown kind 'Banana'")
    expect(page.locator(".wtfc-message-area")).to_contain_text("Imported 1 file")
    assert_axe_clean(page, "flow-collect-after-import")


# --- 2 Theme -------------------------------------------------------------------------------
def test_move_card_with_list_and_button(page, open_stage, button, store, poll):
    word = token()
    card = new_card(store, f"Nobody told me the rota changed {word}")
    theme = new_theme(store, f"Knowing the rota {word}")
    open_stage(page, THEME, "Table 12")
    find_cards(page, word)
    choose = page.get_by_label("Choose cards")
    choose.select_option(value=option_value(choose, word))
    page.get_by_label("Move to theme").select_option(label=f"Knowing the rota {word}")
    button(page, "Move cards").click()

    poll(lambda: _theme_of(store, card) == theme,
         what="the card moving to the theme in the store")
    expect(board_card(page, card, theme)).to_be_visible()
    expect(page.locator(".wtfc-message-area")).to_contain_text("Moved 1 card")
    assert_axe_clean(page, "flow-theme-after-move")


def test_drag_card_onto_theme(page, open_stage, store, poll):
    word = token()
    card = new_card(store, f"I want to choose my own support worker {word}", kind="future")
    theme = new_theme(store, f"Choosing who supports me {word}")
    open_stage(page, THEME, "Table 13")
    find_cards(page, word)
    source = board_card(page, card)
    target = page.locator(f'.wtfc-board-theme[data-theme-id="{theme}"]')
    target.scroll_into_view_if_needed()
    source.scroll_into_view_if_needed()
    source.drag_to(target)

    poll(lambda: _theme_of(store, card) == theme,
         what="the dragged card reaching its theme in the store")
    expect(board_card(page, card, theme)).to_be_visible()
    expect(board_card(page, card)).to_have_count(0)  # gone from "not yet in a theme"


def test_dot_vote_on_theme(page, open_stage, button, store, poll):
    word = token()
    card = new_card(store, f"My money is kept in the office {word}")
    theme = new_theme(store, f"My own money {word}", card)
    open_stage(page, THEME, "Table 14")
    page.get_by_role("tab", name="Dot voting").click()
    voter = page.get_by_label("Who is voting")
    expect(voter).to_have_value("Table 14")  # a table votes as itself unless told otherwise
    who = f"Table 14 {word}"  # a voter of its own, with all their dots, however often this runs
    voter.fill(who)
    per = store.dots_per_voter()
    expect(page.locator(".wtfc-dots-left")).to_contain_text(f"{who} has {per} of {per} dots")
    choose = page.get_by_label("Theme", exact=True)
    choose.select_option(value=option_value(choose, word))
    button(page, "Add a dot").click()

    def my_votes():
        v = store.votes
        return v[(v["voter"] == who) & (v["target"] == "theme")
                 & (v["target_id"] == theme)]

    assert len(poll(my_votes, what="the dot reaching the store")) == 1
    expect(page.locator(".wtfc-priority-list")).to_contain_text(f"My own money {word} — 1 dot")
    themes = store.themes
    assert int(themes[themes["theme_id"] == theme]["votes"].iloc[0]) == 1


# --- 3 Root causes -------------------------------------------------------------------------
def test_add_cause_on_root_cause(page, open_stage, button, store, poll):
    word = token()
    card = new_card(store, f"Staff finish at six so I have to come home {word}")
    theme = new_theme(store, f"Getting home late {word}", card)
    cause_words = f"Rotas end at 6 pm because of the contract {word}"
    open_stage(page, ROOT_CAUSE, "Table 15")
    choose = page.get_by_label("Theme", exact=True)
    choose.select_option(value=option_value(choose, word))
    expect(page.locator(".wtfc-cause-outline-box")).to_contain_text(f"Getting home late {word}")
    page.get_by_label("Why?").fill(cause_words)
    expect(page.get_by_label("Under", exact=True)).to_have_value("The theme itself")
    button(page, "Add cause").click()

    def my_causes():
        c = store.causes
        return c[(c["theme_id"] == theme) & (c["text"] == cause_words)]

    rows = poll(my_causes, what="the cause reaching the store")
    assert len(rows) == 1
    assert pd.isna(rows.iloc[0]["parent_id"])  # "Under: The theme itself"
    expect(page.locator(".wtfc-cause-outline-box")).to_contain_text(cause_words)
    assert_axe_clean(page, "flow-root-cause-after-add")


# --- live, reload, escaping ----------------------------------------------------------------
def test_move_on_one_page_shows_on_the_big_screen(context_factory, open_stage, button, store,
                                                  poll):
    word = token()
    card = new_card(store, f"I never know who is on shift {word}")
    theme = new_theme(store, f"Who is on shift {word}")
    table, big = context_factory(), context_factory()
    open_stage(big, THEME)
    open_stage(table, THEME, "Table 7")
    find_cards(table, word)
    # The big screen shows each theme as its name, words and counts (its cards are at the
    # tables): the move shows as the theme's count.
    big_theme = big.locator(f'.wtfc-board-theme[data-theme-id="{theme}"]')
    expect(big_theme).to_have_attribute("aria-label", re.compile(r", 0 cards$"))

    board_card(table, card).click()  # choose the card on the board, then its theme's button
    theme_zone = table.locator(f'.wtfc-board-theme[data-theme-id="{theme}"]')
    button(theme_zone, "Move chosen cards here").click()
    started = time.monotonic()
    expect(big_theme).to_have_attribute("aria-label", re.compile(r", 1 card$"),
                                        timeout=LIVE_SECONDS * 1000)
    seen_after = time.monotonic() - started
    assert _theme_of(store, card) == theme
    print(f"the big screen showed the move {seen_after:.1f} s after the click")

    # ... and back: the big screen moves it back with its tools, and the table's page
    # follows within 5 s of the big screen's kernel saving it.
    button(big, "Themes and voting").click()
    choose = big.get_by_label("Choose cards")
    choose.select_option(value=option_value(choose, word))
    big.get_by_label("Move to theme").select_option(label="— back to unthemed —")
    button(big, "Move cards").click()
    poll(lambda: _theme_of(store, card) is None, what="the card going back to unthemed")
    expect(board_card(table, card)).to_be_visible(timeout=LIVE_SECONDS * 1000)
    expect(board_card(table, card, theme)).to_have_count(0)


def _visible_state(page: Any, selector: str) -> str:
    return saved_text(page.locator(selector))


def _expect_same_text(page: Any, selector: str, before: str, timeout: float = 10.0) -> None:
    """The text under `selector` becomes exactly `before` (a diff if it never does)."""
    deadline = time.monotonic() + timeout
    now = _visible_state(page, selector)
    while now != before and time.monotonic() < deadline:
        page.wait_for_timeout(250)
        now = _visible_state(page, selector)
    if now != before:
        diff = "\n".join(difflib.unified_diff(before.splitlines(), now.splitlines(),
                                              "before reload", "after reload", lineterm=""))
        pytest.fail(f"{selector} differs after the reload:\n{diff}", pytrace=False)


@pytest.mark.parametrize("notebook, selector", [
    (COLLECT, ".wtfc-collect-list"),
    (THEME, ".wtfc-board-layout"),
    (ROOT_CAUSE, ".wtfc-cause-outline-box"),
], ids=["collect", "theme", "root-cause"])
def test_reload_shows_the_same_state(page, open_stage, button, store, poll, notebook, selector):
    word = token()
    card = new_card(store, f"Staff cook my tea and I never get to choose {word}")
    theme = new_theme(store, f"Cooking {word}", card)
    open_stage(page, notebook, "Table 16")
    if notebook == THEME:  # change something through the page first
        page.get_by_role("tab", name="Themes").click()
        page.get_by_label("Theme name", exact=True).fill(f"Cooking my own food {word}")
        button(page, "Add theme").click()
        expect(page.locator(".wtfc-board-layout")).to_contain_text(f"Cooking my own food {word}")
    elif notebook == COLLECT:
        form = page.locator(".wtfc-collect-add")
        form.get_by_label("Review", exact=True).fill("R-916")
        button(form, "Working").first.click()
        form.get_by_label("What they said").fill(f"I like my new kitchen {word}")
        button(form, "Add statement").click()
        expect(page.locator(selector)).to_contain_text(f"I like my new kitchen {word}")
    else:
        choose = page.get_by_label("Theme", exact=True)
        choose.select_option(value=option_value(choose, word))
        page.get_by_label("Why?").fill(f"Nobody showed me how {word}")
        button(page, "Add cause").click()
        expect(page.locator(selector)).to_contain_text(f"Nobody showed me how {word}")
    page.wait_for_timeout(1500)  # a live refresh or two: the page has settled
    before = _visible_state(page, selector)
    header = _visible_state(page, ".wtfc-header")

    page.reload(wait_until="domcontentloaded")
    open_stage(page, notebook, "Table 16")
    if notebook == ROOT_CAUSE:  # the chosen theme is the page's, not the store's: choose again
        choose = page.get_by_label("Theme", exact=True)
        choose.select_option(value=option_value(choose, word))
        expect(page.locator(selector)).to_contain_text(f"Nobody showed me how {word}")
    _expect_same_text(page, selector, before)
    assert _visible_state(page, ".wtfc-header") == header
    assert theme in set(store.themes["theme_id"])


def test_typed_html_stays_text(context_factory, open_stage, button, store, poll):
    word = token()
    words = f"{XSS} {word}"
    collect = context_factory()
    open_stage(collect, COLLECT, "Table 17")
    form = collect.locator(".wtfc-collect-add")
    form.get_by_label("Review", exact=True).fill("R-917")
    button(form, "Working").first.click()
    form.get_by_label("What they said").fill(words)
    button(form, "Add statement").click()
    poll(lambda: (store.statements["text"] == words).any(),
         what="the statement reaching the store")
    listed = collect.locator(".wtfc-collect-list .wtfc-card", has_text=words)
    expect(listed).to_be_visible()
    expect(collect.locator('img[src="x"]')).to_have_count(0)

    theme = context_factory()
    open_stage(theme, THEME, "Table 17")
    find_cards(theme, word)
    expect(theme.locator(".wtfc-board-card", has_text=words)).to_be_visible()
    expect(theme.get_by_label("Choose cards").locator("option", has_text=words)).to_have_count(1)
    theme.wait_for_timeout(500)  # an onerror handler would have run by now
    for page in (collect, theme):
        expect(page.locator('img[src="x"]')).to_have_count(0)
        assert page.wtfc_watch.dialogs == []


# Markup a participant might type (or paste): each must show as the very characters typed.
HOSTILE = [
    '<img src=x onerror="window.__pwned=1">',
    '<svg onload="window.__pwned=2"></svg>',
    "<script>window.__pwned=3</script>",
    '"><img src=x onerror=window.__pwned=4>',
    "<iframe srcdoc=\"<script>parent.__pwned=5</script>\"></iframe>",
]
INJECTED = """(root) => {
  const board = document.querySelector(root);
  // an event handler or a frame's document made from the words, anywhere on the page
  const live = [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some(
    (a) => (a.name.startsWith('on') || a.name === 'srcdoc') && a.value.includes('__pwned')));
  return {pwned: window.__pwned === undefined ? null : String(window.__pwned),
          elements: board.querySelectorAll('img, svg, script, iframe, b').length,
          attributes: live.map((e) => e.outerHTML.slice(0, 120))};
}"""


def test_markup_in_statements_stays_text_on_the_theme_board(context_factory, open_stage, store):
    """Statements and a theme name full of HTML, put in the store, drawn by the board (at a
    table: cards in themes too; on the big screen: theme tiles): the words show as typed,
    no element is made from them and none of their script runs, even when hovered."""
    word = token()
    cards = {new_card(store, f"{words} {word}"): f"{words} {word}" for words in HOSTILE}
    themed = new_card(store, f"{HOSTILE[0]} in a theme {word}", kind="working")
    theme_name = f'<b onmouseover="window.__pwned=6">Bold</b> {word}'
    theme = new_theme(store, theme_name, themed)
    table, big = context_factory(), context_factory()
    for page in (table, big):
        open_stage(page, THEME, "Table 19" if page is table else None)
        find_cards(page, word)
        zone = page.locator(f'.wtfc-board-theme[data-theme-id="{theme}"]')
        expect(zone.locator(".wtfc-board-theme-name")).to_have_text(re.compile(
            r"^\s*\d+\s+" + re.escape(theme_name) + r"\s*$"))
        zone.hover()
        for card_id, words in cards.items():
            text = board_card(page, card_id).locator(".wtfc-card-text")
            expect(text).to_have_text(re.compile(re.escape(words) + r"\s*$"))
            text.hover()
    expect(board_card(table, themed, theme).locator(".wtfc-card-text")).to_have_text(
        re.compile(re.escape(f"{HOSTILE[0]} in a theme {word}") + r"\s*$"))
    for page in (table, big):
        page.wait_for_timeout(500)  # an onerror or onload handler would have run by now
        found = page.evaluate(INJECTED, ".wtfc-board-root")
        assert found == {"pwned": None, "elements": 0, "attributes": []}, found
