"""Which statements become cards, and where each goes on the A4 sheets."""

from __future__ import annotations

import pytest

from tests.consent_room import set_consent
from workbook import InputError
from workbook.cards import Card, read_cards
from workbook.cards import placing as p
from workbook.consent.erasure import forget_review
from workbook.model import Kind, Perspective


def card(n: int, words: str, kind: Kind = Kind.WORKING) -> Card:
    return Card(n, words, kind, Perspective.FAMILY)


def test_a_card_says_its_number_kind_in_a_symbol_and_a_word_and_whose_view():
    c = card(12, "Rotas change", Kind.NOT_WORKING)
    assert (c.number_line, c.kind_line, c.view_line) == (
        "No. 12", "✖ Not working", "Whose view: Family carer")


def test_cards_are_the_live_statements_by_their_own_numbers(workshop):
    keep = workshop.add_statement("R-1", "working", "person", "I like\nmy   keyworker",
                                  actor="s")
    gone = workshop.add_statement("R-1", "future", "staff", "Deleted words", actor="s")
    themed = workshop.add_statement("R-2", "not_working", "family", "Rotas change", actor="s")
    secret = workshop.add_statement("R-NO", "not_working", "person", "Secret words", actor="s")
    erased = workshop.add_statement("R-GONE", "future", "other", "Erased words", actor="s")
    set_consent(workshop, "R-NO", False)
    forget_review(workshop, "R-GONE", actor="facilitator")
    workshop.delete_statement(gone, actor="s")
    workshop.assign([themed], workshop.add_theme("Rotas", actor="s"), actor="s")
    every = read_cards(workshop.store)
    # Same numbers as the Collect page's "No."; the words on one line; nothing deleted,
    # erased or without consent.
    assert every.cards == [Card(keep, "I like my keyworker", Kind.WORKING, Perspective.PERSON),
                           Card(themed, "Rotas change", Kind.NOT_WORKING, Perspective.FAMILY)]
    assert every.withheld == 1 and secret not in [c.number for c in every.cards]
    assert erased not in [c.number for c in every.cards]
    assert every.left_out() == ("1 statement left out: the person did not agree to their "
                                "words being used.")
    unthemed = read_cards(workshop.store, "unthemed")
    assert [c.number for c in unthemed.cards] == [keep]
    assert unthemed.sentence() == "1 card (statements not yet in a theme)"
    with pytest.raises(InputError, match="Choose which cards to print"):
        read_cards(workshop.store, "some")


def test_the_sheet_holds_six_cards_with_large_type():
    assert (p.COLS, p.ROWS) == (2, 3)
    assert min(p.TEXT_SIZES) >= 16 and min(p.NUMBER_PT, p.KIND_PT, p.VIEW_PT) >= 16
    # The grid fills the page inside its margins, gaps included.
    assert p.MARGIN_X * 2 + p.COLS * p.COL_W + (p.COLS - 1) * p.GAP == pytest.approx(p.PAGE_W)
    assert (p.MARGIN_TOP + p.MARGIN_BOTTOM + p.ROWS * p.ROW_H + (p.ROWS - 1) * p.GAP
            == pytest.approx(p.PAGE_H))


def test_short_cards_go_six_a_sheet_in_number_order_at_the_largest_size():
    placed = p.place([card(n, "I like my keyworker") for n in range(1, 9)])
    assert [(c.page, c.row, c.col) for c in placed] == [
        (0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (0, 2, 0), (0, 2, 1), (1, 0, 0), (1, 0, 1)]
    assert {(c.rows, c.cols, c.text_pt) for c in placed} == {(1, 1, max(p.TEXT_SIZES))}
    assert p.page_count(placed) == 2 and p.page_count([]) == 0


def test_long_words_get_a_bigger_card_never_a_smaller_type_than_16pt():
    words = {
        1: "short",
        2: "a longer statement about the rota " * 3,  # smaller type, same place
        3: "the rota changes without any warning at all " * 6,  # a whole row
        4: "short again",
        5: "I want to know who is coming to support me each morning " * 16,  # two rows
        6: "x" * 1000,  # one unbroken "word": cut into lines, never past the edge
    }
    placed = {c.card.number: c for c in p.place([card(n, w) for n, w in words.items()])}
    assert (placed[1].rows, placed[1].cols, placed[1].text_pt) == (1, 1, 24.0)
    assert (placed[2].rows, placed[2].cols) == (1, 1) and 16 <= placed[2].text_pt < 24
    assert (placed[3].rows, placed[3].cols) == (1, 2)
    # A wide card starts a fresh row; the next small one follows it.
    assert (placed[3].page, placed[3].row, placed[3].col) == (0, 1, 0)
    assert (placed[4].page, placed[4].row, placed[4].col) == (0, 2, 0)
    # Two rows do not fit under card 4: a fresh sheet, a gap left rather than reordering.
    assert (placed[5].page, placed[5].row, placed[5].rows, placed[5].cols) == (1, 0, 2, 2)
    for c in placed.values():
        assert c.text_pt >= 16 and not c.cut
        # Every line fits its card's width, and the lines fit its height.
        pdf = p.measuring_pdf()
        pdf.set_font(p.FONT, "", c.text_pt)
        assert max(pdf.get_string_width(line) for line in c.lines) <= p.text_width(c.cols)
        assert len(c.lines) * p.line_height(c.text_pt) <= p.text_height(c.rows) + 1e-6
        assert c.x + c.w <= p.PAGE_W - p.MARGIN_X + 1e-6
        assert c.y + c.h <= p.PAGE_H - p.MARGIN_BOTTOM + 1e-6
        assert "".join(c.lines).replace(" ", "") == c.card.text.replace(" ", "")


def test_words_past_any_sheet_are_cut_with_an_ellipsis():
    # Longer than a statement may be (MAX_TEXT): an old store or a direct database edit.
    placed = p.place([card(1, "word " * 2000)])[0]
    assert placed.cut and (placed.rows, placed.cols, placed.text_pt) == (3, 2, 16.0)
    assert placed.lines[-1].endswith("…")
    assert len(placed.lines) * p.line_height(16.0) <= p.text_height(3)


def test_characters_the_font_lacks_are_found():
    assert not p.unprintable("Ünïcödé “quotes” — ✔ ✖ ➜ Ελληνικά Кириллица")
    assert p.unprintable("日本語")
