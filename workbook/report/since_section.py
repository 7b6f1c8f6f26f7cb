"""The report's "Since last time" section: this event against the one it was started from,
theme by theme, in statements per review (so 40 reviews compare fairly with 60)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from workbook.charts.base import Chart
from workbook.cycle.compare import comparable, compare_chart, label, rate, since_last_time
from workbook.cycle.origin import origin
from workbook.report.prepare_section import Table
from workbook.text import plural

if TYPE_CHECKING:
    from workbook.workshop import Workshop

TITLE = "Since last time: the themes, per review"
SHOWN = 3  # themes named in each sentence of rises and falls


def _names(items: list[str]) -> str:
    """The first SHOWN, then how many more: "A, B, C and 4 more"."""
    more = len(items) - SHOWN
    return ", ".join(items[:SHOWN]) + (f" and {plural(more, 'more', 'more')}" if more > 0
                                       else "")


@dataclass
class SinceSection:
    """Plain sentences, a table and a chart (the renderers escape them)."""

    lines: list[str] = field(default_factory=list)
    table: Table | None = None
    figure: Any = None  # report.content.Figure, made by the caller's converter
    title: str = TITLE


def _changes(df: pd.DataFrame) -> list[str]:
    both = df[(df["statements_last"] > 0) & (df["statements_this"] > 0)]
    down = both[both["change"] < 0].sort_values("change")
    up = both[both["change"] > 0].sort_values("change", ascending=False)

    def said(rows: pd.DataFrame) -> list[str]:
        return [f"{n} ({rate(r.per_review_last)} to {rate(r.per_review_this)})"
                for n, r in rows.iterrows()]

    lines = []
    if len(down):
        lines.append("Said less often per review than last time: "
                     + _names(said(down)) + ".")
    if len(up):
        lines.append("Said more often per review than last time: "
                     + _names(said(up)) + ".")
    new = [str(n) for n, r in df.iterrows() if r.statements_last == 0 and r.statements_this]
    gone = [str(n) for n, r in df.iterrows() if r.statements_last and r.statements_this == 0]
    if new:
        lines.append("Heard this time but not last time: " + _names(new) + ".")
    if gone:
        lines.append("Heard last time but not this time: " + _names(gone) + ".")
    return lines


def gather_since(ws: Workshop,
                 to_figure: Callable[[Chart], Any] | None = None) -> SinceSection | None:
    """The section, or None when this event was not started from a previous one.
    `to_figure` turns the chart into the report's figure (None: no chart)."""
    found = origin(ws)
    df = since_last_time(ws) if found else None
    if found is None or df is None:
        return None
    section = SinceSection([found.sentence()])
    if not comparable(df):
        section.lines.append("This event has no reviews with statements yet, so there is "
                             "nothing to compare per review yet.")
    else:
        section.lines.append(
            f"Figures are statements per review, so events of different sizes compare "
            f"fairly: {label(df, 'last')} last time, {label(df, 'this')} this time. Themes "
            "are matched as the facilitator set them, otherwise by name.")
        section.lines += _changes(df)
    section.table = Table(
        "Statements per review in each theme, last time and this time",
        ["Theme", "Last time's theme", "Last time: statements", "Per review",
         "This time: statements", "Per review", "Change per review",
         "Not working per review: last, this"],
        [[str(n), r.last_names or "(new)", str(r.statements_last), rate(r.per_review_last),
          str(r.statements_this), rate(r.per_review_this),
          "–" if pd.isna(r.change) else f"{r.change:+.2f}",
          f"{rate(r.not_working_per_review_last)}, {rate(r.not_working_per_review_this)}"]
         for n, r in df.iterrows()])
    if to_figure is not None and comparable(df) and len(df):
        section.figure = to_figure(compare_chart(df))
    return section


def write_since_docx(doc: Any, section: SinceSection,
                     heading: Callable[[Any, str, int], Any],
                     table: Callable[[Any, Table], None],
                     figure: Callable[[Any, Any], None]) -> None:
    """The section in a Word report, with the report's own heading, table and figure helpers."""
    heading(doc, section.title, 1)
    for line in section.lines:
        doc.add_paragraph(line)
    if section.table and section.table.rows:
        table(doc, section.table)
    if section.figure is not None:
        figure(doc, section.figure)
