"""Questions commissioners ask of a workshop, as DataFrames, each with a chart of its answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
from matplotlib.ticker import MaxNLocator

from workbook.charts.base import FONT, HATCHES, KINDS, Chart, chart_label, figure, kind_label
from workbook.cycle.compare import compare_chart as rates_chart
from workbook.cycle.compare import compare_events, figures_of, mapping_of
from workbook.model import KIND_COLOURS, PERSPECTIVE_LABELS, Perspective
from workbook.text import plural

if TYPE_CHECKING:
    from workbook.workshop import Workshop

PERSPECTIVES = [p.value for p in Perspective]
PERSPECTIVE_HATCHES = {"person": "", "family": "//", "staff": "..", "other": "xx"}
PERSPECTIVE_COLOURS = {"person": "#0072B2", "family": "#E69F00", "staff": "#009E73",
                       "other": "#CC79A7"}


def themed(ws: Workshop) -> pd.DataFrame:
    """Live statements that are in a theme (the rest are still on the wall)."""
    st = ws.statements
    return st[st["theme"].notna()]


def themes_by_perspective(ws: Workshop) -> pd.DataFrame:
    """Cross-table: themes (rows, largest first) x perspectives (columns), with totals."""
    st = themed(ws)
    table = pd.crosstab(st["theme"], st["perspective"]).reindex(columns=PERSPECTIVES,
                                                                 fill_value=0)
    table["total"] = table.sum(axis=1)
    return table.sort_values(["total"], ascending=False)


def crosstab_chart(table: pd.DataFrame) -> Chart:
    """Stacked bars of each theme's statements by whose view."""
    df = table.iloc[::-1]
    fig = figure(1200, max(350, 60 * len(df) + 200))
    ax = fig.add_subplot()
    left = [0] * len(df)
    for p in PERSPECTIVES:
        values = df[p].tolist()
        ax.barh([chart_label(str(n)) for n in df.index], values, left=left,
                label=PERSPECTIVE_LABELS[Perspective(p)], color=PERSPECTIVE_COLOURS[p],
                hatch=PERSPECTIVE_HATCHES[p], edgecolor="black")
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_xlabel("Statements", fontsize=FONT)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(labelsize=FONT - 2)
    ax.set_title("Whose view each theme holds", fontsize=FONT + 2)
    fig.legend(loc="outside lower center", ncols=4, fontsize=FONT - 2, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    parts = [f"{n}: " + ", ".join(f"{r[p]} {PERSPECTIVE_LABELS[Perspective(p)].lower()}"
                                  for p in PERSPECTIVES) for n, r in table.iterrows()]
    alt = f"Bar chart of {plural(len(table), 'theme')} by whose view. " + "; ".join(parts) + "."
    return Chart("themes_by_perspective", fig, table.reset_index(), alt)


def most_voted(ws: Workshop, n: int = 5) -> pd.DataFrame:
    """The themes with most dots: name, "I" statement, dots, not-working statements."""
    t = ws.themes
    t = t[t["votes"] > 0].sort_values(["votes", "not_working"], ascending=False)
    return t[["name", "i_statement", "votes", "not_working", "statements"]].head(n)


def votes_chart(top: pd.DataFrame) -> Chart:
    df = top.iloc[::-1]
    fig = figure(1200, max(300, 70 * len(df) + 150))
    ax = fig.add_subplot()
    bars = ax.barh([chart_label(n) for n in df["name"]], df["votes"], color="#0072B2",
                   edgecolor="black")
    ax.bar_label(bars, labels=[plural(int(v), "dot") for v in df["votes"]], fontsize=FONT - 2,
                 padding=4)
    ax.set_xlabel("Dots", fontsize=FONT)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(labelsize=FONT - 2)
    ax.set_title("Most-voted themes", fontsize=FONT + 2)
    ax.spines[["top", "right"]].set_visible(False)
    alt = ("Bar chart of the most-voted themes: "
           + "; ".join(f"{r.name} {plural(int(r.votes), 'dot')}" for r in top.itertuples()) + ".")
    return Chart("most_voted_themes", fig, top.reset_index(drop=True), alt)


def compare(a: Workshop, b: Workshop, mapping: dict[str, str] | None = None) -> pd.DataFrame:
    """Two events side by side, theme by theme, in statements per review (60 reviews against
    40 is no fall in itself): counts and rates at each, and the change per review. Themes are
    matched by `mapping` (a's theme name -> b's), else by b's stored mapping when b was
    started from an event, else by name (Unicode-folded). See workbook.cycle.compare."""
    return compare_events(figures_of(a), figures_of(b),
                          mapping if mapping is not None else mapping_of(b))


def compare_chart(df: pd.DataFrame, first: str | None = None,
                  second: str | None = None) -> Chart:
    """Statements per review in each theme at the two events: paired bars, labelled. `first`
    and `second` rename the events in the legend and alt text."""
    named = df.copy()
    named.attrs.update(df.attrs)
    named.attrs.update({k: v for k, v in (("last", first), ("this", second)) if v})
    return rates_chart(named, "events_compared")


def kinds_chart(ws: Workshop) -> Chart:
    """Themes by kind: how many working, not working and future statements each holds."""
    t = ws.themes.sort_values("statements")
    fig = figure(1200, max(350, 60 * len(t) + 200))
    ax = fig.add_subplot()
    left = [0] * len(t)
    for kind in KINDS:
        values = t[kind.value].tolist()
        ax.barh([chart_label(n) for n in t["name"]], values, left=left, label=kind_label(kind),
                color=KIND_COLOURS[kind], hatch=HATCHES[kind], edgecolor="black")
        left = [x + y for x, y in zip(left, values, strict=True)]
    ax.set_xlabel("Statements", fontsize=FONT)
    ax.tick_params(labelsize=FONT - 2)
    ax.set_title("Themes by kind", fontsize=FONT + 2)
    fig.legend(loc="outside lower center", ncols=3, fontsize=FONT - 2, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    alt = ("Bar chart of themes by kind. "
           + "; ".join(f"{r.name}: {r.working} working, {r.not_working} not working, "
                       f"{r.future} future" for r in t.iloc[::-1].itertuples()) + ".")
    return Chart("themes_by_kind", fig, t[["name", "working", "not_working", "future"]], alt)
