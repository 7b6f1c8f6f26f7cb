"""The Theme page's "Paper wall" tab, driven headless: print the cards, type the wall back in."""

from __future__ import annotations

import base64
import re

import pandas as pd
import pytest
from pypdf import PdfReader

from widgets.stages.theme.page import ThemeView
from widgets.stages.theme.paper_wall import BACK, ONLY_FACILITATOR
from workbook import StatementIn, Workshop
from workbook.access.roles import Access, Role

EVIL = "<img src=x onerror=alert(1)>"


@pytest.fixture
def wall_ws(tmp_path):
    workshop = Workshop.create(tmp_path / "wall_ws", "Spring <b>event</b>")
    workshop.import_statements([
        StatementIn.parse("R-001", "not working", "person", "I never know who is coming"),
        StatementIn.parse("R-001", "working", "person", "I like my keyworker"),
        StatementIn.parse("R-002", "not working", "family", "Rotas change without warning"),
        StatementIn.parse("R-003", "future", "staff", EVIL),
    ], source="test")
    yield workshop
    workshop.close()


@pytest.fixture
def view(wall_ws):
    v = ThemeView(wall_ws)
    yield v
    v.close()


def numbers(ws: Workshop) -> dict[str, int]:
    st = ws.statements
    return dict(zip(st["text"], st["statement_id"], strict=True))


def theme_of(ws: Workshop, sid: int):
    value = ws.statements.set_index("statement_id").loc[sid, "theme"]
    return None if pd.isna(value) else value


def test_the_tab_is_among_the_theme_tools(view):
    view.show_view.value = "tools"
    assert view.controls.titles[-1] == "Paper wall"
    assert view.controls.children[-1] is view._tool_pages[-1]


def test_make_the_cards_writes_the_pdf_into_outputs_and_offers_it(view, wall_ws):
    view.print_cards_button.click()
    path = wall_ws.outputs / "spring-b-event-b-cards.pdf"
    assert path.exists()
    assert view.messages.kind == "ok"
    assert view.messages.text == ("✔ The cards are ready: 4 cards on 1 A4 sheet, "
                                  "spring-b-event-b-cards.pdf.")
    assert f"saved in the outputs folder as {path}" in view.cards_note.value
    link = re.search(r'href="data:application/pdf;base64,([^"]+)"', view.cards_link.value)
    assert link and base64.b64decode(link.group(1)) == path.read_bytes()
    assert 'download="spring-b-event-b-cards.pdf"' in view.cards_link.value
    text = " ".join(p.extract_text() for p in PdfReader(path).pages)
    n = numbers(wall_ws)["Rotas change without warning"]
    assert f"No. {n}" in text and "Rotas change" in text


def test_word_and_only_unthemed_cards(view, wall_ws):
    ids = numbers(wall_ws)
    wall_ws.assign([ids["I like my keyworker"]], wall_ws.add_theme("Staff"))
    view.cards_format.value = dict(view.cards_format.options)["Word"]
    view.cards_which.value = "unthemed"
    view.print_cards_button.click()
    path = wall_ws.outputs / "spring-b-event-b-unthemed-cards.docx"
    assert path.exists() and "3 cards (statements not yet in a theme)" in view.cards_note.value
    assert "application/vnd.openxmlformats" in view.cards_link.value


def test_a_tables_page_cannot_print_the_cards(wall_ws):
    home = wall_ws.add_theme("Home")
    v = ThemeView(wall_ws, access=Access(Role.TABLE, "laptop-1", "Table 2"))
    try:
        assert v.print_cards_button.disabled and ONLY_FACILITATOR in v.cards_note.value
        v.print_cards()  # a click sent anyway is refused in the kernel too
        assert v.messages.kind == "error" and ONLY_FACILITATOR in v.messages.text
        assert not list(wall_ws.outputs.glob("*cards*"))
        # Moving cards by number is open to a table, as dragging them is.
        n = numbers(wall_ws)["I like my keyworker"]
        v.card_numbers.value = str(n)
        v.numbers_button.click()
        assert v.messages.kind == "ok" and v.numbers_theme.value == home
        assert theme_of(wall_ws, n) == "Home"
    finally:
        v.close()


def test_typed_numbers_move_the_cards_and_undo_takes_them_back(view, wall_ws):
    home = wall_ws.add_theme("Knowing who is coming")
    view.redraw(set())
    assert view.numbers_theme.options[0] == ("1 · Knowing who is coming", home)
    assert view.numbers_theme.options[-1][1] == BACK
    assert view.numbers_theme.value == home
    ids = numbers(wall_ws)
    a, b = ids["I never know who is coming"], ids["Rotas change without warning"]
    view.card_numbers.value = f"{a}, {b}"
    view.numbers_button.click()
    assert view.messages.text == (f"✔ Moved 2 cards (No. {a} and {b}) to "
                                  "“Knowing who is coming”.")
    assert theme_of(wall_ws, a) == theme_of(wall_ws, b) == "Knowing who is coming"
    assert view.card_numbers.value == ""  # ready for the next pile
    assert wall_ws.themes.set_index("name").loc["Knowing who is coming", "statements"] == 2
    view.undo_button.click()
    assert theme_of(wall_ws, a) is None and theme_of(wall_ws, b) is None


def test_cards_already_there_are_named(view, wall_ws):
    home = wall_ws.add_theme("Home")
    a = numbers(wall_ws)["I like my keyworker"]
    wall_ws.assign([a], home)
    view.redraw(set())
    view.numbers_theme.value = home
    view.card_numbers.value = str(a)
    view.numbers_button.click()
    assert view.messages.kind == "info"
    assert view.messages.text.endswith(f"Nothing moved: No. {a} was already in “Home”.")
    assert view.card_numbers.value == str(a)


@pytest.mark.parametrize("typed, says", [
    ("{a} 999", "There is no card No. 999"),
    ("{a} twelve", "This is not a card number: “twelve”"),
    ("", "Type the numbers written on the cards first"),
    (EVIL, "not card numbers"),
])
def test_wrong_numbers_move_nothing_and_say_which(view, wall_ws, typed, says):
    home = wall_ws.add_theme("Home")
    view.redraw(set())
    a = numbers(wall_ws)["I like my keyworker"]
    before = wall_ws.revision
    view.card_numbers.value = typed.format(a=a)
    view.numbers_button.click()
    assert view.messages.kind == "error" and says in view.messages.text
    assert "<img" not in view.messages.value  # the typed text is escaped on the page
    assert wall_ws.revision == before and theme_of(wall_ws, a) is None
    assert view.numbers_theme.value == home


def test_themes_are_numbered_as_the_board_numbers_them(view, wall_ws):
    first, second = wall_ws.add_theme("Zebra crossings"), wall_ws.add_theme("Apples")
    view.redraw(set())
    labels = [label for label, _ in view.numbers_theme.options]
    assert labels == ["1 · Zebra crossings", "2 · Apples", "— back to not yet in a theme —"]
    numbered = [(t["name"], n) for n, t in enumerate(view.board.data["themes"], start=1)]
    assert numbered == [("Zebra crossings", 1), ("Apples", 2)]  # the board's badges
    assert view.numbers_theme.value == first and second


def test_back_to_not_yet_in_a_theme(view, wall_ws):
    home = wall_ws.add_theme("Home")
    a = numbers(wall_ws)["I like my keyworker"]
    wall_ws.assign([a], home)
    view.redraw(set())
    view.numbers_theme.value = BACK
    view.card_numbers.value = f"No. {a}"
    view.numbers_button.click()
    assert "back to not yet in a theme" in view.messages.text and theme_of(wall_ws, a) is None


def test_words_without_consent_are_left_out_and_the_page_says_so(view, wall_ws):
    from tests.consent_room import set_consent

    set_consent(wall_ws, "R-003", False)
    view.print_cards_button.click()
    assert view.messages.text.startswith("✔ The cards are ready: 3 cards on 1 A4 sheet")
    assert "1 statement left out: the person did not agree" in view.cards_note.value
    path = wall_ws.outputs / "spring-b-event-b-cards.pdf"
    assert "onerror" not in " ".join(p.extract_text() for p in PdfReader(path).pages)


def test_a_failed_write_says_so_and_the_button_works_again(view, wall_ws, monkeypatch):
    import widgets.stages.theme.paper_wall as paper_wall

    def full_disk(*_a, **_k):
        raise OSError(28, "No space left on device")

    view.print_cards_button.click()
    assert "Download" in view.cards_link.value
    monkeypatch.setattr(paper_wall, "write_cards", full_disk)
    view.print_cards_button.click()
    assert view.messages.kind == "error" and "nothing was saved" in view.messages.text.lower()
    assert not view.print_cards_button.disabled and view.cards_link.value == ""
