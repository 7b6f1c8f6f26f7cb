"""Charts of the action plan and review: actions by status and owner, due dates, progress."""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.ticker import MaxNLocator

from workbook.charts.base import FONT, Chart, chart_label, figure
from workbook.text import plural, quantity

STATUSES = ("not started", "in progress", "done")
# Okabe-Ito colours plus a hatch and a word, so status is never shown by colour alone.
STATUS_COLOURS = {"not started": "#D55E00", "in progress": "#E69F00", "done": "#009E73"}
STATUS_HATCHES = {"not started": "//", "in progress": "..", "done": ""}
STATUS_MARKERS = {"not started": "o", "in progress": "s", "done": "D"}


def _sizes(screen: bool) -> tuple[int, int, int]:
    """(figure width in px, base font in pt, label length): a page column shows the figure at
    about 800 px, so there it is drawn narrower with fonts of 18 px or more as displayed. In
    print (the report, 16 cm wide) 1000 px keeps the smallest text at about 9 pt."""
    return (750, 20, 24) if screen else (1000, FONT, 40)


def _empty(ax, message: str) -> None:
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=FONT, transform=ax.transAxes)


def actions_by_status_chart(actions: pd.DataFrame, screen: bool = False) -> Chart:
    """How many actions are not started, in progress and done."""
    width, font, _ = _sizes(screen)
    counts = actions["status"].value_counts().reindex(list(STATUSES), fill_value=0)
    fig = figure(min(width, 1000), 360 if screen else 450)  # on screen: under the actions
    ax = fig.add_subplot()
    bars = ax.barh(list(reversed(STATUSES)), [int(counts[s]) for s in reversed(STATUSES)],
                   color=[STATUS_COLOURS[s] for s in reversed(STATUSES)],
                   hatch=None, edgecolor="black")
    for bar, status in zip(bars, reversed(STATUSES), strict=True):
        bar.set_hatch(STATUS_HATCHES[status])
    ax.bar_label(bars, fontsize=font, padding=4)
    ax.set_xlabel("Actions", fontsize=font)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(labelsize=font)
    ax.set_title("Actions by status", fontsize=font + 2)
    ax.spines[["top", "right"]].set_visible(False)
    total = int(counts.sum())
    alt = (f"Bar chart of {plural(total, 'action')} by status: "
           + ", ".join(f"{int(counts[s])} {s}" for s in STATUSES) + ".")
    data = counts.rename_axis("status").reset_index(name="actions")
    return Chart("actions_by_status", fig, data, alt)


def actions_by_owner_chart(actions: pd.DataFrame, top: int = 12, screen: bool = False) -> Chart:
    """Actions per owner, stacked by status; the owners with most actions first."""
    width, font, short = _sizes(screen)
    table = (actions.groupby(["owner", "status"]).size().unstack(fill_value=0)
             if len(actions) else pd.DataFrame())
    table = table.reindex(columns=list(STATUSES), fill_value=0).fillna(0).astype(int)
    table["total"] = table.sum(axis=1)
    table = table.sort_values(["total"], ascending=False)
    shown = table.head(top).iloc[::-1]
    fig = figure(width, max(350, 55 * len(shown) + 200))
    ax = fig.add_subplot()
    if not len(shown):
        _empty(ax, "No actions yet")
    else:
        left = [0] * len(shown)
        names = [chart_label(str(o), short) for o in shown.index]
        for status in STATUSES:
            values = shown[status].tolist()
            bars = ax.barh(names, values, left=left, label=status.capitalize(),
                           color=STATUS_COLOURS[status], hatch=STATUS_HATCHES[status],
                           edgecolor="black")
            ax.bar_label(bars, labels=[str(v) if v else "" for v in values],
                         label_type="center", fontsize=font - 2,
                         bbox={"boxstyle": "round,pad=0.15", "facecolor": "white",
                               "linewidth": 0})
            left = [a + b for a, b in zip(left, values, strict=True)]
        ax.set_xlabel("Actions", fontsize=font)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.tick_params(labelsize=font - 2)
        fig.legend(loc="outside lower center", ncols=3, fontsize=font - 2, frameon=False)
        ax.spines[["top", "right"]].set_visible(False)
    ax.set_title("Actions by owner", fontsize=font + 2)
    more = len(table) - len(shown)
    parts = [f"{o}: {r['total']} ({r['not started']} not started, {r['in progress']} in "
             f"progress, {r['done']} done)" for o, r in table.head(top).iterrows()]
    alt = (f"Bar chart of actions by owner, {plural(len(table), 'owner')}. "
           + "; ".join(parts) + "." + (f" {more} more owners not shown." if more else "")
           if parts else "No actions yet.")
    return Chart("actions_by_owner", fig, table.rename_axis("owner").reset_index(), alt)


def due_timeline_chart(actions: pd.DataFrame, today: str | None = None, top: int = 20,
                       screen: bool = False) -> Chart:
    """Each action on a line of due dates, marked by status; overdue ones said in words."""
    width, font, short = _sizes(screen)
    today = today or pd.Timestamp.today().date().isoformat()
    df = actions.assign(_due=pd.to_datetime(actions["due"])).sort_values(["_due", "action_id"])
    overdue = df[(df["due"] < today) & (df["status"] != "done")]
    shown = df.head(top).iloc[::-1]
    fig = figure(width, max(350, 50 * len(shown) + 200))
    ax = fig.add_subplot()
    if not len(shown):
        _empty(ax, "No actions yet")
    else:
        ys = range(len(shown))
        for status in STATUSES:
            mask = (shown["status"] == status).tolist()
            pts = [(d, y) for d, y, m in zip(shown["_due"], ys, mask, strict=True) if m]
            if pts:
                ax.scatter([p[0] for p in pts], [p[1] for p in pts], s=180,
                           marker=STATUS_MARKERS[status], color=STATUS_COLOURS[status],
                           edgecolor="black", label=status.capitalize(), zorder=3)
        ax.set_yticks(list(ys), [chart_label(str(t), short) for t in shown["text"]],
                      fontsize=font - 2)
        ax.set_ylim(-0.6, len(shown) - 0.4)
        low, high = _date_span([*shown["_due"], pd.Timestamp(today)])
        ax.set_xlim(low, high)
        ax.axvline(pd.Timestamp(today), color="#333333", linestyle="--", linewidth=2)
        # x in dates, y in the axes' height: the label stays inside however many rows there are
        ax.text(pd.Timestamp(today), 0.01, " today", fontsize=font - 2, va="bottom",
                transform=ax.get_xaxis_transform(),
                bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "linewidth": 0})
        locator = mdates.AutoDateLocator(minticks=2, maxticks=4 if screen else 8)
        ax.xaxis.set_major_locator(locator)
        if high - low < pd.Timedelta(days=150):  # months alone would repeat: show days
            ax.xaxis.set_major_formatter(mdates.DateFormatter("%-d %b"))
            years = sorted({low.year, high.year})
            ax.set_xlabel("Due date, " + "–".join(str(y) for y in years), fontsize=font - 2)
        else:
            ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
        ax.tick_params(axis="x", labelsize=font - 2)
        ax.grid(axis="x", color="#DDDDDD")
        fig.legend(loc="outside lower center", ncols=3, fontsize=font - 2, frameon=False)
        ax.spines[["top", "right"]].set_visible(False)
    ax.set_title("When actions are due", fontsize=font + 2)
    if len(df):
        first, last = df["due"].iloc[0], df["due"].iloc[-1]
        alt = (f"Timeline of {plural(len(df), 'action')} due from {first} to {last}. "
               + (f"{plural(len(overdue), 'action')} overdue and not done: "
                  + "; ".join(f"{r.text} (due {r.due})" for r in overdue.head(5).itertuples())
                  + "." if len(overdue) else "None is overdue.")
               + (f" The first {top} are drawn." if len(df) > top else ""))
    else:
        alt = "No actions yet."
    data = df[["action_id", "text", "owner", "due", "status"]].reset_index(drop=True)
    return Chart("actions_due_dates", fig, data, alt)


def _date_span(dates: list[pd.Timestamp]) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The dates' range with a margin: one date alone would get matplotlib's six years."""
    low, high = min(dates), max(dates)
    pad = max((high - low) * 0.08, pd.Timedelta(days=10))
    return low - pad, high + pad


def progress_chart(indicators: pd.DataFrame, top: int = 12, screen: bool = False) -> Chart:
    """Each indicator's way from baseline (0%) to target (100%), with its latest figures.

    Each name is written above its bar across the whole width (not squeezed into a margin
    at the left), so long names and the figures beside the bars both fit."""
    width, font, _ = _sizes(screen)
    df = indicators.head(top).iloc[::-1]
    fig = figure(width, max(350, 80 * len(df) + 160))
    ax = fig.add_subplot()
    if not len(df):
        _empty(ax, "No indicators yet")
    else:
        pct = [0.0 if pd.isna(p) else max(-50.0, min(150.0, float(p) * 100)) for p in
               df["progress"]]
        ys = range(len(df))
        bars = ax.barh(list(ys), pct, height=0.42, color="#0072B2", edgecolor="black")
        left = min(0, min(pct)) - 5
        for y, name in zip(ys, df["name"], strict=True):
            ax.text(left, y + 0.27, chart_label(str(name), 52 if screen else 75),
                    fontsize=font - 2, va="bottom", ha="left", zorder=3,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
        labels = [
            "not measured yet" if pd.isna(r.progress) else
            f"{r.progress * 100:.0f}%: now {quantity(r.latest, r.unit)}, "
            f"target {quantity(r.target, r.unit)}"
            for r in df.itertuples()
        ]
        # On a white ground: a label that crosses the target line stays readable.
        ax.bar_label(bars, labels=labels, fontsize=font - 2, padding=6, zorder=3,
                     bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
        ax.axvline(100, color="#009E73", linewidth=3, linestyle="--", zorder=1,
                   label="Target reached (100%)")
        # Named in a legend below the chart: a label at the line's top ran into the title.
        fig.legend(loc="outside lower center", fontsize=font - 2, frameon=False)
        ax.set_yticks([])
        ax.set_ylim(-0.5, len(df) - 0.1)
        ax.set_xlim(left, 280)
        ax.set_xlabel("% of the way to target" if screen else
                      "% of the way from baseline (0%) to target (100%)", fontsize=font - 2)
        ax.tick_params(labelsize=font - 2)
        ax.spines[["top", "right", "left"]].set_visible(False)
    ax.set_title("Progress against indicators", fontsize=font + 2)
    parts = [
        f"{r.name}: baseline {quantity(r.baseline)}, target {quantity(r.target, r.unit)}, "
        + ("not measured yet" if pd.isna(r.progress) else
           f"latest {quantity(r.latest)} on {r.latest_on}, {r.progress * 100:.0f}% of the way")
        for r in indicators.itertuples()
    ]
    alt = (f"Bar chart of progress on {plural(len(indicators), 'indicator')}. "
           + "; ".join(parts) + "." if parts else "No indicators yet.")
    cols = ["indicator_id", "name", "unit", "baseline", "target", "latest", "latest_on",
            "progress"]
    return Chart("indicator_progress", fig, indicators[cols].reset_index(drop=True), alt)
