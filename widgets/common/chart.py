"""Show a workbook Chart as a PNG with alt text stating its figures, and save PNG + CSV."""

from __future__ import annotations

import base64
import logging
import os
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ipywidgets as w

from widgets.common.cards import esc

if TYPE_CHECKING:
    from workbook.charts.base import Chart

log = logging.getLogger("wtfc.widgets.common.chart")


def in_pool() -> bool:
    """True in a pre-heated page kernel still waiting in Voila's pool for its request (Voila
    sets QUERY_STRING when the request comes, see voila.utils.wait_for_request)."""
    return (os.environ.get("VOILA_PREHEAT", "False") != "False"
            and "QUERY_STRING" not in os.environ)


# Charts whose drawing waits for the request: a kernel in the pool does not yet know whether
# it becomes the big screen (draw them) or a table's laptop (draw one only when asked), and
# matplotlib alone costs a kernel about 30 MB and a second of a loaded machine.
_HELD: weakref.WeakSet[ChartView] = weakref.WeakSet()


def draw_held(at_table: bool) -> None:
    """After the request: the big screen draws its held charts now; a table is offered them
    (a "Show the chart" button), so its kernel never loads matplotlib unless asked."""
    for chart in list(_HELD):
        _HELD.discard(chart)
        if at_table:
            chart.offer()
        else:
            chart.release()


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
        self.pending: tuple[Callable[[], Chart], dict[str, Any]] | None = None
        self.held = in_pool()  # see show_later
        if self.held:
            _HELD.add(self)
        # Put beside the chart by a view that holds it at a table; hidden until offered.
        self.opener = w.Button(description="Show the chart",
                               tooltip="Draw the chart the big screen shows",
                               layout=w.Layout(display="none"))
        self.opener.add_class("wtfc-chart-opener")
        self.opener.on_click(lambda _b: self.release())

    def show_later(self, make: Callable[[], Chart], **options: Any) -> None:
        """Show ``make()`` (options as for ``show``): at once, unless this chart is held (made
        in a kernel waiting in Voila's pool; see ``draw_held``): then the latest one is drawn
        when released. ``make`` imports the chart module itself, so a held page never loads
        matplotlib."""
        self.pending = (make, options)
        if not self.held:
            self.draw_pending()

    def draw_pending(self) -> None:
        if self.pending is not None:
            make, options = self.pending
            self.pending = None
            self.show(make(), **options)

    def offer(self) -> None:
        """At a table: the chart stays undrawn until its opener is pressed."""
        self.opener.layout.display = None

    def release(self) -> None:
        """Draw from now on (the big screen, or a table that asked)."""
        self.held = False
        _HELD.discard(self)
        self.opener.layout.display = "none"
        try:
            self.draw_pending()
        except Exception:  # noqa: BLE001 - a button's callback or the page's start: log it
            log.exception("could not draw a held chart")

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
        from workbook.charts.base import DPI  # with its chart: matplotlib is loaded by now

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
