"""Charts as matplotlib Figures (no pyplot state), each with its data and alt text stating it."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.axis import Axis, Tick
from matplotlib.figure import Figure
from matplotlib.text import Text

from workbook.io.files import write_atomic, write_csv
from workbook.model import (
    KIND_LABELS,
    KIND_SYMBOLS,
    Kind,
)
from workbook.text import shorten

KINDS = [Kind.WORKING, Kind.NOT_WORKING, Kind.FUTURE]
# A hatch per kind as well as a colour, so kind is never shown by colour alone.
HATCHES = {Kind.WORKING: "", Kind.NOT_WORKING: "//", Kind.FUTURE: ".."}
# Sizes are set for the space a chart gets on the big screen (1920x1080), in CSS pixels: the
# PNG is drawn at DPI so that one PNG pixel is one CSS pixel there, and every font is given
# in pixels as displayed. Nothing is smaller than MIN_TEXT_PX (readable from the back of a hall).
DPI = 100
MIN_TEXT_PX = 18
TEXT_PX = 20  # tick labels, bar labels, legend, tree boxes
LABEL_PX = 22  # axis labels
TITLE_PX = 26


def pt(px: float) -> float:
    """Font size in points that is `px` pixels tall in a PNG drawn at DPI and shown 1:1."""
    return px * 72 / DPI


def displayed_text_px(font_pt: float, figure_width_in: float, dpi: float,
                      displayed_width_px: float) -> float:
    """How tall text of `font_pt` points is on screen, in CSS pixels, when the figure is drawn
    `figure_width_in` inches wide at `dpi` and the PNG is shown `displayed_width_px` wide."""
    png_width_px = figure_width_in * dpi
    return font_pt * dpi / 72 * (displayed_width_px / png_width_px)


@dataclass
class Chart:
    """A figure, the numbers it shows, and a sentence saying those numbers."""

    name: str
    figure: Figure
    data: pd.DataFrame
    alt: str

    @property
    def width_px(self) -> int:
        """The width the chart is made for on the big screen (CSS px), also its PNG width."""
        return round(self.figure.get_figwidth() * DPI)

    @property
    def height_px(self) -> int:
        return round(self.figure.get_figheight() * DPI)

    def smallest_font_pt(self) -> float:
        """The smallest font of any visible text in the figure (ticks, labels, legend...)."""
        sizes = [t.get_fontsize() for t in drawn_texts(self.figure) if t.get_text().strip()]
        return min(sizes) if sizes else float("inf")

    def png(self, dpi: int = DPI, tight: bool = False) -> bytes:
        """PNG bytes. Not cropped by default, so the PNG is exactly width_px wide at DPI
        (the constrained layout already keeps every label inside the figure)."""
        buf = io.BytesIO()
        self.figure.savefig(buf, format="png", dpi=dpi, bbox_inches="tight" if tight else None)
        return buf.getvalue()

    def save(self, outputs: Path, png_bytes: bytes | None = None) -> tuple[Path, Path]:
        """Write NAME.png and NAME.csv (formula-safe) into the workshop's outputs folder."""
        outputs.mkdir(parents=True, exist_ok=True)
        stem = re.sub(r"[^a-z0-9_-]+", "_", self.name.lower()).strip("_") or "chart"
        png, csv = outputs / f"{stem}.png", outputs / f"{stem}.csv"
        data = png_bytes if png_bytes is not None else self.png()
        write_atomic(png, lambda tmp: tmp.write_bytes(data))
        write_csv(csv, self.data)  # a theme named "=HYPERLINK(…)" stays text in Excel
        return png, csv


def drawn_texts(artist: Artist) -> Iterator[Text]:
    """Texts that are drawn: not hidden, nor inside a hidden artist or a switched-off axis."""
    if not artist.get_visible():
        return
    if isinstance(artist, Text):
        yield artist
    children = artist.get_children()
    if isinstance(artist, Axes) and not artist.axison:
        children = [c for c in children if not isinstance(c, Axis)]
    if isinstance(artist, Axis):  # ticks outside the axis's range are not drawn
        lo, hi = sorted(artist.get_view_interval())
        slack = (hi - lo) * 1e-6
        shown = {id(t) for t in artist.get_major_ticks() + artist.get_minor_ticks()
                 if lo - slack <= t.get_loc() <= hi + slack}
        children = [c for c in children if not isinstance(c, Tick) or id(c) in shown]
    for child in children:
        yield from drawn_texts(child)


def figure(width_px: float, height_px: float, *, layout: str | None = "constrained",
           dpi: float | None = None) -> Figure:
    """An empty white figure `width_px` x `height_px` CSS pixels: every chart is sized this
    way, and its PNG drawn at DPI has one pixel per CSS pixel. `layout=None` for charts that
    place their own axes; `dpi` where text is measured in pixels while drawing."""
    fig = Figure(figsize=(width_px / DPI, height_px / DPI), layout=layout, dpi=dpi)
    fig.set_facecolor("white")
    return fig


# Print-sized charts (the report, explore) give their text in points: FONT for body text.
FONT = 16


def kind_legend(fig: Figure) -> None:
    # Below the chart: it never covers a bar, and it is cheaper to place than loc="best".
    fig.legend(loc="outside lower center", ncols=3, fontsize=pt(TEXT_PX), frameon=False)


def kind_label(kind: Kind) -> str:
    return f"{KIND_SYMBOLS[kind]} {KIND_LABELS[kind]}"


def chart_label(text: object, limit: int = 38) -> str:
    """A label of at most `limit` characters, its "$" kept as text (matplotlib would read
    "$...$" as a formula: misdrawn, or an error that stops the whole report)."""
    return shorten(text, limit).replace("$", r"\$")
