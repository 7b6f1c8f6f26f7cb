"""Show a workbook Chart as a PNG with alt text stating its figures, and save PNG + CSV."""

from __future__ import annotations

import base64
from pathlib import Path

import ipywidgets as w

from widgets.common.cards import esc
from workbook.charts.base import DPI, Chart


class ChartView(w.HTML):
    """An <img> with alt text, plus the same facts as visible text for everyone.

    The PNG is drawn one pixel per CSS pixel of the room the big-screen layout gives it, and
    shown at that width (narrower only on a small screen), so its text stays as large as the
    chart was made for. A chart bigger than its box scrolls inside the box.
    """

    def __init__(self, outputs: Path | None = None, **kwargs):
        super().__init__(**kwargs)
        self.outputs = outputs
        self.alt = ""
        self.saved: tuple[Path, Path] | None = None
        self.add_class("wtfc-chart")

    def show(self, chart: Chart, save: bool = True, scroll: bool = False,
             caption_scrolls: bool = False) -> None:
        """scroll: never shrink the PNG to its box (a wide tree scrolls sideways instead).
        caption_scrolls: a long caption scrolls in a box of its own (focusable)."""
        png = chart.png()
        self.show_png(png, chart.alt, chart.width_px, chart.height_px,
                      chart.smallest_font_pt(), scroll, caption_scrolls)
        if save and self.outputs is not None:
            self.saved = chart.save(self.outputs, png)
        chart.figure.clear()  # free the figure's memory: the page keeps only the PNG

    def show_png(self, png: bytes, alt: str, width: int, height: int,
                 smallest_pt: float, scroll: bool = False,
                 caption_scrolls: bool = False) -> None:
        self.alt = alt
        data = base64.b64encode(png).decode("ascii")
        fit = "" if scroll else "max-width:100%;"
        # A chart bigger than its box scrolls there: focusable, so it scrolls by keyboard too.
        box = ('tabindex="0" role="region" aria-label="Chart (scrolls)"' if scroll else "")
        # A long caption scrolls in a region of its own: inside the figcaption, which may not
        # carry a region role itself (axe: aria-allowed-role).
        caption = (f'<div class="wtfc-figcaption-scroll" tabindex="0" role="region" '
                   f'aria-label="Chart figures (scrolls)">{esc(alt)}</div>'
                   if caption_scrolls else esc(alt))
        # data-* let the browser test work out the text size as displayed.
        self.value = (
            f'<figure class="wtfc-figure"><div class="wtfc-figure-scroll" {box}>'
            f'<img src="data:image/png;base64,{data}" alt="{esc(alt)}" width="{width}" '
            f'height="{height}" data-dpi="{DPI}" data-min-font-pt="{smallest_pt:.2f}" '
            f'style="width:{width}px;{fit}height:auto"></div>'
            f'<figcaption class="wtfc-figcaption">{caption}</figcaption></figure>'
        )
