"""Where each card goes on A4 sheets, and at what size its words fit (measured with the font)."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from workbook.cards.card_data import Card
from workbook.text import ELLIPSIS

# A4 portrait in millimetres: two columns by three rows, six ordinary cards a sheet.
PAGE_W, PAGE_H = 210.0, 297.0
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 10.0, 10.0, 14.0  # the bottom margin holds a page note
GAP = 4.0  # between cards: room to cut
COLS, ROWS = 2, 3
COL_W = (PAGE_W - 2 * MARGIN_X - (COLS - 1) * GAP) / COLS
ROW_H = (PAGE_H - MARGIN_TOP - MARGIN_BOTTOM - (ROWS - 1) * GAP) / ROWS
BAR = 5.0  # the kind's colour bar down the left edge (the symbol and word say it too)
PAD = 4.0
NUMBER_H, KIND_H = 11.0, 9.0  # "No. 12" above the kind: side by side they collide
HEAD_H = NUMBER_H + KIND_H + 2.0
FOOT_H = 10.0  # whose view
# Point sizes: the statement as large as it fits, never under 16 pt; labels fixed.
TEXT_SIZES = (24.0, 22.0, 20.0, 18.0, 16.0)
NUMBER_PT, KIND_PT, VIEW_PT = 24.0, 18.0, 16.0
LEADING = 1.25
PT_MM = 25.4 / 72
# A card too long for one place takes a whole row, then two rows, then a sheet of its own.
SPANS = ((1, 1), (1, 2), (2, 2), (3, 2))  # (rows, columns)
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
FONT = "DejaVu"


def font_dir() -> Path:
    """matplotlib's own copy of DejaVu Sans (full Unicode coverage for European scripts):
    always installed with us, unlike the system's fonts. Found without importing it."""
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("matplotlib is not installed: its DejaVu Sans font is needed")
    return Path(list(spec.submodule_search_locations)[0]) / "mpl-data" / "fonts" / "ttf"


@lru_cache(maxsize=1)
def font_chars() -> frozenset[int]:
    """The code points the regular font can draw."""
    from fontTools.ttLib import TTFont  # matplotlib's dependency

    with TTFont(str(font_dir() / FONT_FILES[""]), lazy=True) as font:
        return frozenset(font.getBestCmap())


def unprintable(text: str) -> bool:
    """True when the font lacks a character of `text` (Chinese, most emoji): the PDF would
    leave a gap; Word draws them with the computer's own fonts."""
    have = font_chars()
    return any(ord(ch) not in have for ch in text if not ch.isspace())


def text_width(cols: int) -> float:
    return cols * COL_W + (cols - 1) * GAP - BAR - 2 * PAD


def text_height(rows: int) -> float:
    return rows * ROW_H + (rows - 1) * GAP - HEAD_H - FOOT_H - 2 * PAD


def line_height(pt: float) -> float:
    return pt * LEADING * PT_MM


# Wraps text to a width (mm) at a size (pt): returns the lines.
Wrap = Callable[[str, float, float], list[str]]


@dataclass(frozen=True)
class Placed:
    """A card on a sheet: its cell (0-based row and column), how many rows and columns it
    spans, the statement's size, and its words as wrapped lines."""

    card: Card
    page: int
    row: int
    col: int
    rows: int
    cols: int
    text_pt: float
    lines: tuple[str, ...]
    cut: bool = False  # too long even for a sheet: ends with "…"

    @property
    def x(self) -> float:
        return MARGIN_X + self.col * (COL_W + GAP)

    @property
    def y(self) -> float:
        return MARGIN_TOP + self.row * (ROW_H + GAP)

    @property
    def w(self) -> float:
        return self.cols * COL_W + (self.cols - 1) * GAP

    @property
    def h(self) -> float:
        return self.rows * ROW_H + (self.rows - 1) * GAP


def fit(text: str, wrap: Wrap, width_of: Callable[[str, float], float] | None = None
        ) -> tuple[int, int, float, tuple[str, ...], bool]:
    """The smallest span, then the largest size, at which the words fit. `width_of` (the
    words' width without spaces, in mm) skips sizes that cannot fit without wrapping."""
    inked = text.replace(" ", "")
    for rows, cols in SPANS:
        for pt in TEXT_SIZES:
            room = (text_height(rows) + 1e-6) // line_height(pt)
            if width_of is not None and width_of(inked, pt) > room * text_width(cols):
                continue  # even full lines could not hold it
            lines = wrap(text, text_width(cols), pt)
            if len(lines) * line_height(pt) <= text_height(rows) + 1e-6:
                return rows, cols, pt, tuple(lines), False
    # Past MAX_TEXT (an old store): a sheet of its own at 16 pt, cut with "…".
    rows, cols = SPANS[-1]
    pt = TEXT_SIZES[-1]
    room = int(text_height(rows) // line_height(pt))
    lines = wrap(text, text_width(cols), pt)[:room]
    lines[-1] = lines[-1][:-2].rstrip() + " " + ELLIPSIS
    return rows, cols, pt, tuple(lines), True


def place(cards: Sequence[Card], wrap: Wrap | None = None) -> list[Placed]:
    """Cards in number order, left to right and down; a wide card starts a fresh row and a
    tall one a fresh sheet when it would not fit, so a gap is left rather than reordering."""
    width_of = pdf_width if wrap is None else None
    wrap = wrap or pdf_wrap
    out: list[Placed] = []
    page = row = col = 0
    for card in cards:
        rows, cols, pt, lines, cut = fit(card.text, wrap, width_of)
        if col + cols > COLS:
            row, col = row + 1, 0
        if row + rows > ROWS:
            page, row, col = page + 1, 0, 0
        out.append(Placed(card, page, row, col, rows, cols, pt, lines, cut))
        col += cols
        if col >= COLS:
            row, col = row + rows, 0
        if row >= ROWS:
            page, row, col = page + 1, 0, 0
    return out


def page_count(placed: Sequence[Placed]) -> int:
    return max((p.page for p in placed), default=-1) + 1


@lru_cache(maxsize=1)
def measuring_pdf():
    """One fpdf2 document kept for measuring: wraps exactly as the PDF is drawn."""
    from fpdf import FPDF

    pdf = FPDF(unit="mm", format="A4")
    add_fonts(pdf)
    pdf.add_page()  # fpdf2 measures on a page
    return pdf


def add_fonts(pdf) -> None:
    folder = font_dir()
    for style, name in FONT_FILES.items():
        pdf.add_font(FONT, style, str(folder / name))


def pdf_wrap(text: str, width: float, pt: float) -> list[str]:
    pdf = measuring_pdf()
    pdf.set_font(FONT, "", pt)
    return pdf.multi_cell(width, line_height(pt), text, dry_run=True, output="LINES")


def pdf_width(text: str, pt: float) -> float:
    pdf = measuring_pdf()
    pdf.set_font(FONT, "", pt)
    return pdf.get_string_width(text)
