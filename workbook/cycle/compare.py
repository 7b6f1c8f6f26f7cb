"""Two events compared fairly: statements per review in each theme, themes matched by the
facilitator's mapping or else by name (Unicode-folded), with a chart stating its figures."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from workbook.charts.base import FONT, Chart, chart_label, figure
from workbook.cycle.origin import last_themes, origin
from workbook.text import fold, plural

if TYPE_CHECKING:
    from workbook.workshop import Workshop

COUNTS = ["statements", "working", "not_working", "future"]
COLUMNS = ["theme", "last_names", "statements_last", "per_review_last", "statements_this",
           "per_review_this", "change", "not_working_last", "not_working_per_review_last",
           "not_working_this", "not_working_per_review_this"]


@dataclass
class EventFigures:
    """One event's reviews and its themes' counts (name, statements, working, not_working,
    future), from a live workshop or as the last event stood."""

    name: str
    reviews: int
    themes: pd.DataFrame


def figures_of(ws: Workshop) -> EventFigures:
    """A workshop's figures now."""
    return EventFigures(ws.name, int(ws.stats()["reviews"]), ws.themes[["name", *COUNTS]])


def last_figures(ws: Workshop) -> EventFigures | None:
    """The event `ws` was started from, as it stood then (None if it was not)."""
    found = origin(ws)
    if found is None:
        return None
    rows = [(t.name, t.statements, t.working, t.not_working, t.future) for t in last_themes(ws)]
    return EventFigures(found.workshop, found.reviews,
                        pd.DataFrame(rows, columns=["name", *COUNTS]))


def mapping_of(ws: Workshop) -> dict[str, str]:
    """The facilitator's mapping: a last theme's folded name -> this event's theme name."""
    names = dict(zip(ws.themes["theme_id"], ws.themes["name"], strict=True))
    return {fold(t.name): names[t.theme_id] for t in last_themes(ws)
            if t.theme_id is not None and t.theme_id in names}


def _rate(n: float, reviews: int) -> float:
    return n / reviews if reviews else float("nan")


def compare_events(last: EventFigures, this: EventFigures,
                   mapping: dict[str, str] | None = None) -> pd.DataFrame:
    """One row per theme (this event's name, or last time's for a theme not matched): its
    statements and not-working statements at each event, each per review, and the change in
    statements per review. Two of last time's themes matched to one are added together.
    attrs: last, this (names), reviews_last, reviews_this."""
    mapping = {fold(k): v for k, v in (mapping or {}).items()}
    here = {fold(n): n for n in this.themes["name"]}
    rows: dict[str, dict] = {}
    for name in this.themes["name"]:
        rows[name] = {"theme": name, "last_names": [], "statements_last": 0,
                      "not_working_last": 0}
    for r in last.themes.itertuples():
        key = fold(r.name)
        target = mapping.get(key) if mapping.get(key) in rows else here.get(key)
        row = rows.setdefault(target or r.name, {"theme": target or r.name, "last_names": [],
                                                 "statements_last": 0, "not_working_last": 0})
        row["last_names"].append(r.name)
        row["statements_last"] += int(r.statements)
        row["not_working_last"] += int(r.not_working)
    now = this.themes.set_index("name")
    out = []
    for name, row in rows.items():
        s_this = int(now.loc[name, "statements"]) if name in now.index else 0
        nw_this = int(now.loc[name, "not_working"]) if name in now.index else 0
        out.append({
            **row, "last_names": "; ".join(row["last_names"]),
            "per_review_last": _rate(row["statements_last"], last.reviews),
            "statements_this": s_this, "per_review_this": _rate(s_this, this.reviews),
            "not_working_per_review_last": _rate(row["not_working_last"], last.reviews),
            "not_working_this": nw_this,
            "not_working_per_review_this": _rate(nw_this, this.reviews)})
    df = pd.DataFrame(out, columns=[c for c in COLUMNS if c != "change"])
    df.insert(6, "change", df["per_review_this"] - df["per_review_last"])
    df = df.sort_values(["statements_last", "statements_this", "theme"],
                        ascending=[False, False, True]).set_index("theme")
    df.attrs.update(last=last.name, this=this.name, reviews_last=last.reviews,
                    reviews_this=this.reviews)
    return df


def since_last_time(ws: Workshop) -> pd.DataFrame | None:
    """This event against the one it was started from (None if it was not)."""
    last = last_figures(ws)
    return None if last is None else compare_events(last, figures_of(ws), mapping_of(ws))


def rate(value: float) -> str:
    """A per-review figure as the report and chart print it: 0.25; "–" with no reviews."""
    return "–" if pd.isna(value) else f"{value:.2f}"


def comparable(df: pd.DataFrame) -> bool:
    """Both events have reviews, so their rates mean something."""
    return bool(df.attrs.get("reviews_last")) and bool(df.attrs.get("reviews_this"))


def label(df: pd.DataFrame, which: str, limit: int = 0) -> str:
    """ "Spring event (60 reviews)" for which = "last" or "this"; the name cut to `limit`."""
    name = chart_label(df.attrs[which], limit) if limit else df.attrs[which]
    return f"{name} ({plural(int(df.attrs['reviews_' + which]), 'review')})"


def compare_chart(df: pd.DataFrame, name: str = "since_last_time") -> Chart:
    """Statements per review in each theme at the two events: paired bars, each labelled."""
    d = df.iloc[::-1]
    fig = figure(1200, max(400, 70 * len(d) + 220))
    ax = fig.add_subplot()
    ys = list(range(len(d)))
    h = 0.38
    last = d["per_review_last"].fillna(0).tolist()
    this = d["per_review_this"].fillna(0).tolist()
    b1 = ax.barh([y + h / 2 for y in ys], last, h, label="Last time: " + label(df, "last", 60),
                 color="#D55E00", hatch="//", edgecolor="black")
    b2 = ax.barh([y - h / 2 for y in ys], this, h, label="This time: " + label(df, "this", 60),
                 color="#0072B2", edgecolor="black")
    ax.bar_label(b1, labels=[rate(v) for v in d["per_review_last"]], fontsize=FONT - 3,
                 padding=3)
    ax.bar_label(b2, labels=[rate(v) for v in d["per_review_this"]], fontsize=FONT - 3,
                 padding=3)
    ax.set_yticks(ys, [chart_label(str(n)) for n in d.index], fontsize=FONT - 2)
    ax.set_xlabel("Statements per review", fontsize=FONT)
    ax.tick_params(axis="x", labelsize=FONT - 2)
    ax.margins(x=0.15)
    ax.set_title("Statements per review, theme by theme", fontsize=FONT + 2)
    fig.legend(loc="outside lower center", ncols=1, fontsize=FONT - 2, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    alt = (f"Paired bar chart of statements per review in each theme, {label(df, 'last')} "
           f"then {label(df, 'this')}. "
           + "; ".join(f"{n}: {rate(r.per_review_last)} then {rate(r.per_review_this)} "
                       f"({r.statements_last} then {r.statements_this} statements)"
                       for n, r in df.iterrows()) + ".")
    data = df.reset_index()
    return Chart(name, fig, data, alt)
