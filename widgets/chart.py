"""Show a workbook Chart as a PNG with alt text stating its figures, and save PNG + CSV."""

from __future__ import annotations

import base64
from pathlib import Path

import ipywidgets as w

from workbook.charts import Chart

from .cards import esc


class ChartView(w.HTML):
    """An <img> with alt text, plus the same facts as visible text for everyone."""

    def __init__(self, outputs: Path | None = None, **kwargs):
        super().__init__(**kwargs)
        self.outputs = outputs
        self.alt = ""
        self.saved: tuple[Path, Path] | None = None
        self.add_class("wtfc-chart")

    def show(self, chart: Chart, save: bool = True, dpi: int = 100, tight: bool = True) -> None:
        png = chart.png(dpi=dpi, tight=tight)
        self.alt = chart.alt
        data = base64.b64encode(png).decode("ascii")
        self.value = (
            f'<figure class="wtfc-figure"><img src="data:image/png;base64,{data}" '
            f'alt="{esc(chart.alt)}" style="width:100%;max-width:1600px;height:auto">'
            f'<figcaption class="wtfc-figcaption">{esc(chart.alt)}</figcaption></figure>'
        )
        if save and self.outputs is not None:
            self.saved = chart.save(self.outputs, png)
        chart.figure.clear()  # free the figure's memory: the page keeps only the PNG
