"""The cards as a PDF (fpdf2, DejaVu Sans embedded): A4 sheets to print and cut."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from workbook.cards import placing as p
from workbook.model import KIND_COLOURS
from workbook.text import shorten

INK = (0, 0, 0)
LINE = (60, 60, 60)  # the cutting line: dark enough to see, lighter than the words
NOTE_PT = 11.0


def rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def page_note(title: str, page: int, pages: int) -> str:
    return (f"{shorten(title, 50)} · statement cards · sheet {page} of {pages} · "
            "cut along the lines")


def cards_pdf(placed: Sequence[p.Placed], title: str) -> bytes:
    """Every placed card drawn on its sheet; an empty workshop gives one sheet saying so."""
    from fpdf import FPDF

    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(p.MARGIN_X, p.MARGIN_TOP, p.MARGIN_X)
    p.add_fonts(pdf)
    pdf.set_title(f"Statement cards: {title}")
    pdf.set_lang("en-GB")
    pdf.set_creator("wtfc-workbook")
    pages = max(p.page_count(placed), 1)
    for page in range(pages):
        pdf.add_page()
        _note(pdf, title, page + 1, pages)
        for card in (c for c in placed if c.page == page):
            _card(pdf, card)
    if not placed:
        pdf.set_font(p.FONT, "", 20)
        pdf.set_xy(p.MARGIN_X, 40)
        pdf.multi_cell(p.PAGE_W - 2 * p.MARGIN_X, 10, "No statements to print yet: add them "
                       "on the Collect page (step 2), then make the cards again.")
    quiet = _Quiet()  # fpdf2 logs each missing glyph; write_cards says it once, plainly
    logging.getLogger("fpdf.output").addFilter(quiet)
    try:
        return bytes(pdf.output())
    finally:
        logging.getLogger("fpdf.output").removeFilter(quiet)


class _Quiet(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "missing the following glyphs" not in record.getMessage()


def _note(pdf, title: str, page: int, pages: int) -> None:
    pdf.set_text_color(*INK)
    pdf.set_font(p.FONT, "", NOTE_PT)
    pdf.set_xy(p.MARGIN_X, p.PAGE_H - p.MARGIN_BOTTOM + 3)
    pdf.cell(p.PAGE_W - 2 * p.MARGIN_X, 6, page_note(title, page, pages), align="C")


def _card(pdf, c: p.Placed) -> None:
    card = c.card
    pdf.set_draw_color(*LINE)
    pdf.set_line_width(0.4)
    pdf.set_fill_color(*rgb(KIND_COLOURS[card.kind]))
    pdf.rect(c.x, c.y, p.BAR, c.h, style="F")  # colour as well as the symbol and word
    pdf.rect(c.x, c.y, c.w, c.h, style="D")
    left = c.x + p.BAR + p.PAD
    inner = c.w - p.BAR - 2 * p.PAD
    pdf.set_text_color(*INK)
    top = c.y + p.PAD
    pdf.set_font(p.FONT, "B", p.NUMBER_PT)
    pdf.set_xy(left, top)
    pdf.cell(inner, p.NUMBER_H, card.number_line)
    pdf.set_font(p.FONT, "B", p.KIND_PT)
    pdf.set_xy(left, top + p.NUMBER_H)
    pdf.cell(inner, p.KIND_H, card.kind_line)
    pdf.set_font(p.FONT, "", c.text_pt)
    step = p.line_height(c.text_pt)
    y = top + p.HEAD_H
    for line in c.lines:
        pdf.set_xy(left, y)
        pdf.cell(inner, step, line)
        y += step
    pdf.set_font(p.FONT, "", p.VIEW_PT)
    pdf.set_xy(left, c.y + c.h - p.PAD - p.FOOT_H + 2)
    pdf.cell(inner, p.FOOT_H - 2, card.view_line)
