"""The stage pages' charts: statements by kind and view, statements per theme, a cause tree."""

from __future__ import annotations

from collections.abc import Collection

import pandas as pd
from matplotlib.ticker import MaxNLocator

from workbook.charts.base import (
    HATCHES,
    KINDS,
    LABEL_PX,
    TEXT_PX,
    TITLE_PX,
    Chart,
    chart_label,
    figure,
    kind_label,
    kind_legend,
    pt,
)
from workbook.model import KIND_COLOURS, KIND_LABELS, PERSPECTIVE_LABELS, Perspective
from workbook.text import plural, shorten

COLLECT_SIZE = (780, 480)  # beside the totals on the Collect page
THEME_WIDTH = 1500  # the Theme page's chart view (one press from the board)
CAUSE_WIDTH = 1000  # beside the cause outline on the Root cause page
CAUSE_LEAF_PX = 250  # one box of the tree; wider trees scroll sideways in their own region


def counts_by_kind_and_perspective(statements: pd.DataFrame) -> pd.DataFrame:
    """Rows: perspectives; columns: kinds; values: live statement counts (zeros included)."""
    table = (
        statements.groupby(["perspective", "kind"]).size().unstack(fill_value=0)
        if len(statements)
        else pd.DataFrame()
    )
    table = table.reindex(
        index=[p.value for p in Perspective], columns=[k.value for k in KINDS], fill_value=0
    )
    return table.fillna(0).astype(int)


def collect_chart(statements: pd.DataFrame) -> Chart:
    """Statements by perspective and kind, as grouped bars labelled with their counts."""
    table = counts_by_kind_and_perspective(statements)
    fig = figure(*COLLECT_SIZE)
    ax = fig.add_subplot()
    width = 0.26
    xs = range(len(table.index))
    for i, kind in enumerate(KINDS):
        values = table[kind.value].tolist()
        bars = ax.bar(
            [x + (i - 1) * width for x in xs],
            values,
            width,
            label=kind_label(kind),
            color=KIND_COLOURS[kind],
            hatch=HATCHES[kind],
            edgecolor="black",
        )
        ax.bar_label(bars, fontsize=pt(TEXT_PX), padding=2)
    ax.set_xticks(
        list(xs), [PERSPECTIVE_LABELS[Perspective(p)] for p in table.index], fontsize=pt(TEXT_PX)
    )
    ax.set_ylabel("Statements", fontsize=pt(LABEL_PX))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=5))
    ax.tick_params(axis="y", labelsize=pt(TEXT_PX))
    ax.margins(y=0.12)  # room for the count above the tallest bar
    ax.set_title("Statements by whose view and kind", fontsize=pt(TITLE_PX))
    ax.spines[["top", "right"]].set_visible(False)
    kind_legend(fig)
    total = int(table.to_numpy().sum())
    if not total:  # matplotlib centres an all-zero axis on 0, with negative counts below it
        ax.set_ylim(0, 5)
        ax.text(0.5, 0.55, "No statements yet", ha="center", va="center",
                fontsize=pt(LABEL_PX), transform=ax.transAxes)
    parts = [
        f"{PERSPECTIVE_LABELS[Perspective(p)]}: "
        + ", ".join(f"{table.loc[p, k.value]} {KIND_LABELS[k].lower()}" for k in KINDS)
        for p in table.index
    ]
    alt = (f"Bar chart of {plural(total, 'statement')} by whose view and kind. "
           + "; ".join(parts) + "."
           if total else "No statements yet: the bars will show them by whose view and kind.")
    data = table.reset_index().rename(columns={"index": "perspective"})
    return Chart("statements_by_perspective_and_kind", fig, data, alt)


def theme_chart(themes: pd.DataFrame, width_px: int = THEME_WIDTH) -> Chart:
    """Statements per theme by kind: horizontal stacked bars, biggest theme on top."""
    df = themes.sort_values(["statements", "name"], ascending=[True, False])
    fig = figure(width_px, max(300, 56 * len(df) + 170))
    ax = fig.add_subplot()
    left = [0] * len(df)
    names = [chart_label(n) for n in df["name"]]
    for kind in KINDS:
        values = df[kind.value].tolist()
        bars = ax.barh(
            names,
            values,
            left=left,
            label=kind_label(kind),
            color=KIND_COLOURS[kind],
            hatch=HATCHES[kind],
            edgecolor="black",
        )
        labels = [str(v) if v else "" for v in values]
        ax.bar_label(
            bars,
            labels=labels,
            label_type="center",
            fontsize=pt(TEXT_PX),
            bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "linewidth": 0},
        )
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_xlabel("Statements", fontsize=pt(LABEL_PX))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(labelsize=pt(TEXT_PX))
    ax.set_title("Statements in each theme, by kind", fontsize=pt(TITLE_PX))
    ax.spines[["top", "right"]].set_visible(False)
    if len(df):
        kind_legend(fig)
    else:
        ax.text(
            0.5,
            0.5,
            "No themes yet",
            ha="center",
            va="center",
            fontsize=pt(LABEL_PX),
            transform=ax.transAxes,
        )
    ordered = df.iloc[::-1]
    parts = [
        f"{r['name']}: {r['statements']} ({r['working']} working, {r['not_working']} not working,"
        f" {r['future']} future)"
        for _, r in ordered.iterrows()
    ]
    alt = (
        f"Bar chart of statements in {plural(len(df), 'theme')}, largest first. "
        + "; ".join(parts)
        + "."
        if parts
        else "No themes yet."
    )
    data = ordered[["name", "statements", "working", "not_working", "future", "votes"]]
    return Chart("statements_per_theme", fig, data.reset_index(drop=True), alt)


def cause_tree_chart(theme_name: str, causes: pd.DataFrame, top: int = 3,
                     show: Collection[int] | None = None) -> Chart:
    """The theme at the top, causes beneath their parents; the most-voted causes marked ★.

    `show` draws only those causes (each with the causes above it); a box says how many
    causes beneath it are not drawn, and the alt text still states every cause, how many are
    drawn and which are the top ones.
    """
    df = causes.reset_index(drop=True)
    voted = df[df["votes"] > 0].sort_values(["votes", "cause_id"], ascending=[False, True])
    top_ids = set(voted["cause_id"].head(top).astype(int))
    drawn = df if show is None else df[df["cause_id"].astype(int).isin(set(show))]
    ids = set(drawn["cause_id"].astype(int))
    children: dict[object, list[int]] = {}
    for _, r in drawn.iterrows():
        # A cause whose parent is gone (or not drawn) hangs from the theme, as in the outline.
        parent = None if pd.isna(r["parent_id"]) or int(r["parent_id"]) not in ids \
            else int(r["parent_id"])
        children.setdefault(parent, []).append(int(r["cause_id"]))
    # Causes not drawn are counted on the nearest drawn box above them (or the theme's).
    up = {int(r["cause_id"]): None if pd.isna(r["parent_id"]) else int(r["parent_id"])
          for _, r in df.iterrows()}
    hidden: dict[object, int] = {}
    for cid in set(up) - ids:
        node, seen = up[cid], {cid}
        while node is not None and node not in ids and node in up and node not in seen:
            seen.add(node)
            node = up[node]
        node = node if node in ids else None
        hidden[node] = hidden.get(node, 0) + 1
    pos: dict[object, tuple[float, int]] = {}
    leaf = [0]

    def place(node: object, depth: int) -> float:
        kids = children.get(node, [])
        if not kids:
            x = float(leaf[0])
            leaf[0] += 1
        else:
            xs = [place(k, depth + 1) for k in kids]
            x = sum(xs) / len(xs)
        pos[node] = (x, depth)
        return x

    place(None, 0)
    width_units = max(leaf[0], 1)
    max_depth = max((d for _, d in pos.values()), default=0)
    fig = figure(max(CAUSE_WIDTH, CAUSE_LEAF_PX * width_units), max(400, 230 * (max_depth + 1)))
    ax = fig.add_subplot()
    ax.set_axis_off()
    texts = {int(r["cause_id"]): r for _, r in drawn.iterrows()}
    for node, (x, depth) in pos.items():
        for kid in children.get(node, []):
            kx, kd = pos[kid]
            ax.plot([x, kx], [-depth, -kd], color="#444444", linewidth=2, zorder=1)
    for node, (x, depth) in pos.items():
        if node is None:
            label, style = (
                _wrap(theme_name, 24) + _more(hidden.get(None, 0)),
                {"facecolor": "#FFFFFF", "edgecolor": "#000000", "linewidth": 3},
            )
        else:
            r = texts[node]
            star = "★ top cause\n" if node in top_ids else ""
            dots = f"\n● {plural(r['votes'], 'dot')}" if r["votes"] else ""
            label = f"{star}{_wrap(str(r['text']))}{dots}{_more(hidden.get(node, 0))}"
            style = (
                {"facecolor": "#FFF3C4", "edgecolor": "#000000", "linewidth": 3.5}
                if node in top_ids
                else {"facecolor": "#F2F2F2", "edgecolor": "#555555", "linewidth": 1.5}
            )
        ax.text(
            x,
            -depth,
            label,
            ha="center",
            va="center",
            fontsize=pt(TEXT_PX),
            zorder=2,
            bbox={"boxstyle": "round,pad=0.5", **style},
            fontweight="bold" if node in top_ids or node is None else "normal",
            parse_math=False,  # people's words: "$5 or $10" is text, not a formula
        )
    ax.set_xlim(-0.7, width_units - 0.3)
    ax.set_ylim(-max_depth - 0.7, 0.45)  # the theme box is short: less room above it
    ax.set_title(f"Why? Causes of “{chart_label(theme_name, 60)}”", fontsize=pt(TITLE_PX))
    ranked = voted.head(top)
    if len(df):
        tops = "; ".join(f"{r['text']} ({plural(r['votes'], 'dot')})" for _, r in ranked.iterrows())
        alt = (
            f"Cause tree for the theme {theme_name}: {plural(len(df), 'cause')}, "
            f"{plural(int(df['depth'].max()), 'level')} deep. "
            + (f"Top causes by dots: {tops}." if tops else "No dots placed yet.")
        )
        if len(drawn) < len(df):
            alt += f" The chart shows {len(drawn)} of the {plural(len(df), 'cause')}."
    else:
        alt = f"Cause tree for the theme {theme_name}: no causes yet."
    data = df[["cause_id", "parent_id", "depth", "text", "votes"]].copy()
    data["top_cause"] = data["cause_id"].isin(top_ids)
    if show is not None:
        data["drawn"] = data["cause_id"].isin(ids)
    return Chart(f"causes_{theme_name}", fig, data, alt)

def _wrap(text: str, width: int = 19) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    if len(lines) > 4:
        lines = lines[:4]
        lines[-1] = shorten(lines[-1], width)
    return "\n".join(lines)


def _more(n: int) -> str:
    return f"\n+{n} more in the list" if n else ""


