"""The evaluation's chart: the room's mood at the start and at the end, and the "I"/"We" answers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from matplotlib.ticker import MaxNLocator

from workbook.charts.base import LABEL_PX, TEXT_PX, TITLE_PX, Chart, chart_label, figure, pt
from workbook.evaluation.measures import AGREE, MOMENTS, MOOD, MOOD_MEASURE, STATEMENTS
from workbook.evaluation.summaries import all_sentences, counts

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

# Okabe-Ito, agreeing blues to disagreeing oranges, plus a hatch each: never colour alone.
AGREE_STYLE = {5: ("#0072B2", "", "white"), 4: ("#56B4E9", "..", "black"),
               3: ("#DDDDDD", "", "black"), 2: ("#E69F00", "//", "black"),
               1: ("#D55E00", "xx", "black")}
MOMENT_STYLE = {"start": ("#F0E442", "//"), "end": ("#009E73", "")}
MOMENT_WORDS = {"start": "At the start", "end": "At the end"}
NAME = "evaluation"


def _axis_from_zero(ax: Axes, most: int) -> None:
    """People from 0, room for the numbers beside the longest bar; empty: say so."""
    ax.set_xlim(0, max(most * 1.12, 1))
    if not most:
        ax.text(0.5, 0.5, "Nobody has answered yet", ha="center", va="center",
                fontsize=pt(LABEL_PX), transform=ax.transAxes)


def _mood(ax: Axes, t: pd.DataFrame) -> None:
    words = [w for _, w in MOOD]
    y = list(range(len(words)))
    height = 0.4
    for i, when in enumerate(MOMENTS):
        colour, hatch = MOMENT_STYLE[when]
        values = [n for _, n in counts(t, when, MOOD_MEASURE)]
        bars = ax.barh([v + (i - 0.5) * height for v in y], values, height, color=colour,
                       hatch=hatch, edgecolor="black", label=MOMENT_WORDS[when])
        ax.bar_label(bars, labels=[str(v) if v else "" for v in values],
                     fontsize=pt(TEXT_PX), padding=4)
    ax.set_yticks(y, words)
    ax.invert_yaxis()  # happiest at the top, as the page lists them
    ax.set_title("Mood barometer", fontsize=pt(TITLE_PX), loc="left")
    ax.set_xlabel("People", fontsize=pt(LABEL_PX))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(labelsize=pt(TEXT_PX))
    _axis_from_zero(ax, max(max(n for _, n in counts(t, w, MOOD_MEASURE)) for w in MOMENTS))
    # above the bars, beside the title: it never covers a bar
    ax.legend(fontsize=pt(TEXT_PX), loc="lower right", bbox_to_anchor=(1.0, 1.0), ncols=1,
              frameon=False, borderaxespad=0.1)
    ax.spines[["top", "right"]].set_visible(False)


def _statements(ax: Axes, t: pd.DataFrame) -> None:
    labels = [chart_label(f"{m.number}: {m.short}", 40) for m in STATEMENTS]
    y = list(range(len(STATEMENTS)))
    left = [0] * len(STATEMENTS)
    for point, words in AGREE:
        colour, hatch, ink = AGREE_STYLE[point]
        values = [dict(counts(t, "end", m)).get(words, 0) for m in STATEMENTS]
        bars = ax.barh(y, values, 0.7, left=left, color=colour, hatch=hatch,
                       edgecolor="black", label=words)
        ax.bar_label(bars, labels=[str(v) if v else "" for v in values], label_type="center",
                     fontsize=pt(TEXT_PX), color=ink,
                     bbox={"boxstyle": "round,pad=0.1", "facecolor": colour, "linewidth": 0})
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_yticks(y, labels)
    _axis_from_zero(ax, max(left))
    ax.invert_yaxis()
    ax.set_title("At the end: “I” and “We” statements", fontsize=pt(TITLE_PX), loc="left")
    ax.set_xlabel("People", fontsize=pt(LABEL_PX))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(labelsize=pt(TEXT_PX))
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(fontsize=pt(TEXT_PX), loc="upper center", bbox_to_anchor=(0.4, -0.22), ncols=3,
              frameon=False)


def evaluation_chart(t: pd.DataFrame, width_px: int = 1100, height_px: int = 980) -> Chart:
    """Two panels from the tallies (store.tallies): mood at the start and the end, and how
    many people agreed with each "I" and "We" statement at the end."""
    fig = figure(width_px, height_px)
    top, bottom = fig.subplots(2, 1, height_ratios=[1, 1.45])
    _mood(top, t)
    _statements(bottom, t)
    alt = "Chart of the event's evaluation. " + " ".join(all_sentences(t))
    data = t[["moment", "number", "measure", "answer", "label", "people"]].copy()
    return Chart(NAME, fig, data, alt)
