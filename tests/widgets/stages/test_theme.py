"""The Theme page, driven headless through its public controls; checked against the store."""

from __future__ import annotations

import re

import pytest

from tests.widgets.helpers import html_values
from widgets.stages.theme.page import UNTHEMED, ThemeView
from workbook import StatementIn, Workshop

EVIL = "<img src=x onerror=alert(1)>"


@pytest.fixture
def cards_ws(tmp_path):
    workshop = Workshop.create(tmp_path / "cards_ws", "Test workshop")
    items = [
        StatementIn.parse("R-001", "not working", "person", "I never know who is coming"),
        StatementIn.parse("R-001", "working", "person", "I like my keyworker"),
        StatementIn.parse("R-002", "not working", "family", "Rotas change without warning"),
        StatementIn.parse("R-002", "future", "person", "I want to go to college"),
        StatementIn.parse("R-003", "not working", "staff", EVIL),
        StatementIn.parse("R-003", "working", "other", "The bus pass works well"),
    ]
    workshop.import_statements(items, source="test")
    yield workshop
    workshop.close()


@pytest.fixture
def view(cards_ws):
    v = ThemeView(cards_ws, table="Table 2")
    yield v
    v.close()


def ids_by_text(cards_ws: Workshop) -> dict[str, int]:
    st = cards_ws.statements
    return dict(zip(st["text"], st["statement_id"], strict=True))


def theme_of(cards_ws: Workshop, statement_id: int):
    st = cards_ws.statements.set_index("statement_id")
    value = st.loc[statement_id, "theme"]
    return None if value != value or value is None else value  # NaN/NA: unthemed


def add_theme(view: ThemeView, name: str, i_statement: str = "") -> int:
    view.new_theme_name.value = name
    view.new_theme_i.value = i_statement
    view.add_theme_button.click()
    themes = view.workshop.themes
    return int(themes.loc[themes["name"] == name, "theme_id"].iloc[0])


def counts(cards_ws: Workshop, name: str) -> dict[str, int]:
    row = cards_ws.themes.set_index("name").loc[name]
    return {k: int(row[k]) for k in ("statements", "working", "not_working", "future")}


# --- the board ---------------------------------------------------------------------------------
def test_board_shows_unthemed_cards_and_the_controls_list_them(view, cards_ws):
    data = view.board.data
    assert data["unthemed"]["summary"] == "Showing all 6 cards not yet in a theme."
    assert len(view.card_select.options) == 6
    number = ids_by_text(cards_ws)["I like my keyworker"]
    label = dict((v, k) for k, v in view.card_select.options)[number]
    assert label.startswith(f"No. {number} ✔ Working: I like my keyworker")  # as on its card
    assert view.move_target.options == (("— back to unthemed —", UNTHEMED),)
    assert "No themes yet" in view.chart.alt


def test_lists_start_at_the_first_theme_ready_to_edit(cards_ws):
    a = cards_ws.add_theme("Home", "I like my home")
    cards_ws.assign([ids_by_text(cards_ws)["I never know who is coming"]], a)
    v = ThemeView(cards_ws)
    assert v.theme_select.value == a and v.merge_keep.value == a and v.vote_theme.value == a
    assert (v.rename_text.value, v.i_statement_text.value) == ("Home", "I like my home")
    assert v.move_target.value == a
    v.close()


@pytest.mark.slow
def test_board_is_bounded_at_thirty_thousand_statements(tmp_path):
    """30,000 statements, none themed: the board, the list and the note show 60 and say so."""
    big = Workshop.create(tmp_path / "big", "Big")
    big.import_statements([StatementIn.parse(f"R-{i:05d}", "working", "person", f"Card {i}")
                           for i in range(30_000)], source="big")
    v = ThemeView(big)
    assert len(v.board.data["unthemed"]["cards"]) == 60
    assert v.board.data["unthemed"]["summary"] == "Showing 60 of 30,000 cards not yet in a theme."
    assert len(v.card_select.options) == 60
    assert "Showing 60 of 30,000" in v.card_note.value
    v.close()
    big.close()


def test_add_theme_then_move_cards_with_the_keyboard_controls(view, cards_ws):
    tid = add_theme(view, "Knowing who supports me", "I know who is coming to support me")
    assert "Made the theme “Knowing who supports me”" in view.messages.text
    assert view.move_target.value == tid and view.theme_select.value == tid
    ids = ids_by_text(cards_ws)
    view.card_select.value = (ids["I never know who is coming"],
                              ids["Rotas change without warning"])
    view.move_button.click()
    assert view.messages.text == "✔ Moved 2 cards to “Knowing who supports me”."
    assert counts(cards_ws, "Knowing who supports me") == {
        "statements": 2, "working": 0, "not_working": 2, "future": 0}
    theme = view.board.data["themes"][0]
    assert {c["kind"]: c["n"] for c in theme["counts"]}["not_working"] == 2
    assert view.board.data["unthemed"]["total"] == 4
    assert "Knowing who supports me: 2 (0 working, 2 not working, 0 future)" in view.chart.alt
    # cards inside themes are offered too, so they can be moved on or back
    labels = [label for label, _ in view.card_select.options]
    assert any(label.endswith("[in Knowing who supports me]") for label in labels)
    view.card_select.value = (ids["Rotas change without warning"],)
    view.move_target.value = UNTHEMED
    view.move_button.click()
    assert theme_of(cards_ws, ids["Rotas change without warning"]) is None
    assert "not yet in a theme" in view.messages.text


def test_moving_a_card_where_it_already_is_says_so(view, cards_ws):
    tid = add_theme(view, "Home")
    card = ids_by_text(cards_ws)["I like my keyworker"]
    view.board.receive({"type": "move", "ids": [card], "theme_id": tid})
    view.board.receive({"type": "move", "ids": [card], "theme_id": tid})
    assert view.messages.text == "Nothing moved: that card is in “Home” already."
    assert view.board.status == view.messages.text
    view.undo_button.click()  # the empty move is skipped: undo takes back the real one
    assert theme_of(cards_ws, card) is None


def test_move_without_choosing_cards_says_what_to_do(view, cards_ws):
    add_theme(view, "Home")
    rev = cards_ws.revision
    view.card_select.value = ()
    view.move_button.click()
    assert view.messages.kind == "error" and "Choose one or more cards" in view.messages.text
    assert cards_ws.revision == rev


def test_board_drop_message_moves_cards_through_the_workshop(view, cards_ws):
    tid = add_theme(view, "Getting out")
    ids = ids_by_text(cards_ws)
    view.board.receive({"type": "move", "ids": [ids["The bus pass works well"]], "theme_id": tid})
    assert theme_of(cards_ws, ids["The bus pass works well"]) == "Getting out"
    assert view.board.status == "Moved 1 card to “Getting out”."
    card_ids = [c["id"] for c in view.board.data["themes"][0]["cards"]]
    assert card_ids == [ids["The bus pass works well"]]
    view.board.receive({"type": "move", "ids": [ids["The bus pass works well"]],
                        "theme_id": None})
    assert theme_of(cards_ws, ids["The bus pass works well"]) is None
    history = cards_ws.history
    assert history["actor"].iloc[-1] == "Table 2"  # undo is per table


@pytest.mark.parametrize("msg, words", [
    ({"type": "move", "ids": "all", "theme_id": 1}, "Choose at least one card"),
    ({"type": "move", "ids": ["drop table"], "theme_id": 1}, "could not be read"),
    ({"type": "move", "ids": [1], "theme_id": 999}, "no longer exists"),
    ({"type": "move", "ids": [999], "theme_id": None}, "deleted"),
])
def test_bad_board_messages_write_nothing_and_say_so(view, cards_ws, msg, words):
    add_theme(view, "Home")
    rev = cards_ws.revision
    view.board.receive(msg)
    assert cards_ws.revision == rev
    assert view.messages.kind == "error" and words in view.messages.text
    assert words in view.board.status


def test_unknown_board_messages_are_ignored(view, cards_ws):
    rev = cards_ws.revision
    view.board.receive({"type": "delete everything"})
    view.board.receive(["not", "a", "dict"])
    assert cards_ws.revision == rev and view.messages.text == ""


# --- making and changing themes ----------------------------------------------------------------
def test_blank_or_duplicate_theme_names_are_refused_plainly(view, cards_ws):
    rev = cards_ws.revision
    view.new_theme_name.value = "   "
    view.add_theme_button.click()
    assert view.messages.kind == "error" and "theme name is blank" in view.messages.text
    add_theme(view, "Home")
    rev = cards_ws.revision
    view.new_theme_name.value = "home"
    view.add_theme_button.click()
    assert "There is already a theme called 'home'" in view.messages.text
    assert cards_ws.revision == rev and len(cards_ws.themes) == 1


def test_rename_and_write_the_i_statement(view, cards_ws):
    tid = add_theme(view, "Staff")
    view.theme_select.value = tid
    assert view.rename_text.value == "Staff"
    view.rename_text.value = "Knowing my staff"
    view.rename_button.click()
    assert "Renamed “Staff” to “Knowing my staff”." in view.messages.text
    view.i_statement_text.value = "I know the people who support me"
    view.i_statement_button.click()
    row = cards_ws.themes.iloc[0]
    assert (row["name"], row["i_statement"]) == ("Knowing my staff",
                                                 "I know the people who support me")
    assert view.board.data["themes"][0]["i_statement"] == "I know the people who support me"


def test_merge_split_and_delete_then_undo(view, cards_ws):
    ids = ids_by_text(cards_ws)
    a, b = add_theme(view, "Staff"), add_theme(view, "Rotas")
    cards_ws.assign([ids["I never know who is coming"]], a, actor="Table 2")
    cards_ws.assign([ids["Rotas change without warning"], ids["I like my keyworker"]], b,
              actor="Table 2")
    view.live.sync()
    view.merge_keep.value = a
    view.merge_others.value = (b,)
    view.merge_button.click()
    assert "Merged “Rotas” into “Staff”." in view.messages.text
    assert list(cards_ws.themes["name"]) == ["Staff"]
    assert counts(cards_ws, "Staff")["statements"] == 3

    view.theme_select.value = a
    split_ids = {v for _, v in view.split_cards.options}
    assert split_ids == {ids["I never know who is coming"], ids["Rotas change without warning"],
                         ids["I like my keyworker"]}
    view.split_cards.value = (ids["I like my keyworker"],)
    view.split_name.value = "My keyworker"
    view.split_button.click()
    assert theme_of(cards_ws, ids["I like my keyworker"]) == "My keyworker"
    assert view.theme_select.value != a  # the new theme is ready to edit

    view.theme_select.value = a
    view.delete_theme_button.click()
    assert "Deleted the theme “Staff”" in view.messages.text
    assert theme_of(cards_ws, ids["I never know who is coming"]) is None
    view.undo_button.click()
    assert theme_of(cards_ws, ids["I never know who is coming"]) == "Staff"
    assert "Staff" in [t["name"] for t in view.board.data["themes"]]


def test_split_with_nothing_chosen_writes_nothing(view, cards_ws):
    add_theme(view, "Home")
    rev = cards_ws.revision
    view.split_name.value = "New"
    view.split_button.click()
    assert "Select the cards" in view.messages.text and cards_ws.revision == rev


def test_undo_takes_back_this_tables_move(view, cards_ws):
    tid = add_theme(view, "Home")
    card = ids_by_text(cards_ws)["I want to go to college"]
    view.board.receive({"type": "move", "ids": [card], "theme_id": tid})
    view.undo_button.click()
    assert theme_of(cards_ws, card) is None
    assert card in [c["id"] for c in view.board.data["unthemed"]["cards"]]


# --- filters -------------------------------------------------------------------------------------
def test_perspective_filter_and_search_narrow_the_board(view, cards_ws):
    view.perspective_filter.value = "family"
    cards = view.board.data["unthemed"]["cards"]
    assert [c["text"] for c in cards] == ["Rotas change without warning"]
    assert "(family carer only)" in view.board.data["unthemed"]["summary"]
    assert len(view.card_select.options) == 1
    view.perspective_filter.value = ""
    view.search.value = "BUS"
    assert [c["text"] for c in view.board.data["unthemed"]["cards"]] == ["The bus pass works well"]


# --- dot voting ----------------------------------------------------------------------------------
def test_dot_voting_places_takes_back_and_ranks(view, cards_ws):
    ids = ids_by_text(cards_ws)
    a, b = add_theme(view, "Knowing who supports me"), add_theme(view, "College")
    c = add_theme(view, "Good things")
    cards_ws.assign([ids["I never know who is coming"], ids["Rotas change without warning"]], a)
    cards_ws.assign([ids[EVIL]], b)
    cards_ws.assign([ids["I like my keyworker"]], c)
    view.live.sync()
    # only themes with not-working statements take dots
    assert {v for _, v in view.vote_theme.options} == {a, b}
    view.dots_per_voter.value = 2
    view.set_dots_button.click()
    assert cards_ws.dots_per_voter() == 2
    assert view.voter.value == "Table 2"
    assert view.dots_left.value == "Table 2 has 2 of 2 dots left."
    view.vote_theme.value = a
    view.vote_button.click()
    view.vote_button.click()
    assert view.dots_left.value == "Table 2 has 0 of 2 dots left."
    rev = cards_ws.revision
    view.vote_theme.value = b
    view.vote_button.click()
    assert "has used all 2 dots" in view.messages.text and cards_ws.revision == rev
    text = re.sub(r"<[^>]+>", " ", view.priority_html.value)
    assert "Knowing who supports me — 2 dots" in text
    assert "<ol" in view.priority_html.value
    view.vote_theme.value = a
    view.unvote_button.click()
    assert view.dots_left.value == "Table 2 has 1 of 2 dots left."
    assert "Knowing who supports me — 1 dot" in view.priority_html.value
    view.voter.value = "Table 5"
    view.vote_theme.value = b
    view.vote_button.click()
    view.vote_button.click()
    items = re.findall(r"<li>(.*?)</li>", view.priority_html.value)
    assert items[0] == "College — 2 dots"
    assert items[1] == "Knowing who supports me — 1 dot"


def test_voting_without_a_voter_or_theme_says_what_to_do(view, cards_ws):
    rev = cards_ws.revision
    view.voter.value = "  "
    view.vote_button.click()
    assert "Type who is voting" in view.messages.text
    assert view.dots_left.value.startswith("Type who is voting")
    view.voter.value = "Table 2"
    view.vote_button.click()
    assert "Choose a theme first" in view.messages.text and cards_ws.revision == rev


def test_dots_per_voter_stay_between_1_and_20(view, cards_ws):
    view.dots_per_voter.value = 25  # the control keeps it in range
    assert view.dots_per_voter.value == 20
    view.set_dots_button.click()
    assert cards_ws.dots_per_voter() == 20 and "Each voter now has 20 dots." in view.messages.text
    view.dots_per_voter.value = 0
    assert view.dots_per_voter.value == 1


# --- safety and live updates ----------------------------------------------------------------------
def test_participant_text_is_escaped_in_every_html_value(view, cards_ws):
    ids = ids_by_text(cards_ws)
    tid = add_theme(view, EVIL, EVIL)
    cards_ws.assign([ids[EVIL]], tid)
    cards_ws.vote(EVIL, theme_id=tid)
    view.voter.value = EVIL
    view.live.sync()
    view.search.value = EVIL  # the search words are repeated in the "showing" line
    assert "&lt;img" in view.card_note.value
    values = html_values(view)
    assert any("&lt;img src=x onerror=alert(1)&gt;" in v for v in values)
    for value in values:
        assert "<img src=x" not in value
    # the board gets the raw words as JSON data; board.js draws them as text (a browser test
    # proves it: tests/browser/test_flows.py, test_markup_in_statements_stays_text_on_...)
    assert view.board.data["themes"][0]["name"] == EVIL
    assert view.dots_left.value.startswith(EVIL)  # a Label: shown as text, never as HTML


def test_a_second_screen_sees_the_first_tables_moves(cards_ws):
    table, screen = ThemeView(cards_ws, table="Table 2"), ThemeView(cards_ws)
    tid = add_theme(table, "Home")
    card = ids_by_text(cards_ws)["I like my keyworker"]
    table.board.receive({"type": "move", "ids": [card], "theme_id": tid})
    assert screen.board.data["themes"] == []
    screen.live.sync()
    assert [c["id"] for c in screen.board.data["themes"][0]["cards"]] == [card]
    assert "Home: 1 (1 working" in screen.chart.alt
    table.close()
    screen.close()


def test_a_vote_redraws_only_the_votes_panel(cards_ws):
    a = cards_ws.add_theme("Home")
    cards_ws.assign([ids_by_text(cards_ws)["I never know who is coming"]], a)
    screen = ThemeView(cards_ws)
    calls = []
    screen._draw_board = lambda: calls.append("board")
    chart_before = screen.chart.value
    cards_ws.vote("Table 1", theme_id=a)
    screen.live.sync()
    assert calls == [] and screen.chart.value == chart_before
    assert "Home — 1 dot" in screen.priority_html.value
    cards_ws.assign([ids_by_text(cards_ws)["I like my keyworker"]], a)
    screen.live.sync()
    assert calls == ["board"] and screen.chart.value != chart_before
    screen.close()
