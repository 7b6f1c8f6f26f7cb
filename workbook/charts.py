"""Charts as matplotlib Figures (no pyplot state), each with its data and alt text stating it."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from .files import write_atomic
from .model import KIND_COLOURS, KIND_LABELS, KIND_SYMBOLS, PERSPECTIVE_LABELS, Kind, Perspective

KINDS = [Kind.WORKING, Kind.NOT_WORKING, Kind.FUTURE]
# A hatch per kind as well as a colour, so kind is never shown by colour alone.
HATCHES = {Kind.WORKING: "", Kind.NOT_WORKING: "//", Kind.FUTURE: ".."}
FONT = 16


@dataclass
class Chart:
    """A figure, the numbers it shows, and a sentence saying those numbers."""

    name: str
    figure: Figure
    data: pd.DataFrame
    alt: str

    def png(self, dpi: int = 100, tight: bool = True) -> bytes:
        """PNG bytes; tight=False skips the second layout pass (faster, for live redraws)."""
        buf = io.BytesIO()
        self.figure.savefig(buf, format="png", dpi=dpi, bbox_inches="tight" if tight else None)
        return buf.getvalue()

    def save(self, outputs: Path, png_bytes: bytes | None = None) -> tuple[Path, Path]:
        """Write NAME.png and NAME.csv into the workshop's outputs folder."""
        outputs.mkdir(parents=True, exist_ok=True)
        stem = re.sub(r"[^a-z0-9_-]+", "_", self.name.lower()).strip("_") or "chart"
        png, csv = outputs / f"{stem}.png", outputs / f"{stem}.csv"
        data = png_bytes if png_bytes is not None else self.png()
        write_atomic(png, lambda tmp: tmp.write_bytes(data))
        write_atomic(csv, lambda tmp: self.data.to_csv(tmp, index=False))
        return png, csv


def _figure(width: float = 12, height: float = 6) -> Figure:
    fig = Figure(figsize=(width, height), layout="constrained")
    fig.set_facecolor("white")
    return fig


def _kind_legend(ax) -> None:
    ax.legend(fontsize=FONT - 2, frameon=False, loc="best")


def kind_label(kind: Kind) -> str:
    return f"{KIND_SYMBOLS[kind]} {KIND_LABELS[kind]}"


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
    fig = _figure()
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
        ax.bar_label(bars, fontsize=FONT - 2, padding=2)
    ax.set_xticks(
        list(xs), [PERSPECTIVE_LABELS[Perspective(p)] for p in table.index], fontsize=FONT
    )
    ax.set_ylabel("Statements", fontsize=FONT)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(axis="y", labelsize=FONT - 2)
    ax.set_title("Statements by whose view and kind", fontsize=FONT + 2)
    ax.spines[["top", "right"]].set_visible(False)
    _kind_legend(ax)
    total = int(table.to_numpy().sum())
    parts = [
        f"{PERSPECTIVE_LABELS[Perspective(p)]}: "
        + ", ".join(f"{table.loc[p, k.value]} {KIND_LABELS[k].lower()}" for k in KINDS)
        for p in table.index
    ]
    alt = f"Bar chart of {total} statements by whose view and kind. " + "; ".join(parts) + "."
    data = table.reset_index().rename(columns={"index": "perspective"})
    return Chart("statements_by_perspective_and_kind", fig, data, alt)


def theme_chart(themes: pd.DataFrame, legend_below: bool = False) -> Chart:
    """Statements per theme by kind: horizontal stacked bars, biggest theme on top.

    legend_below puts the key under the chart: it never covers a bar, and it is cheaper
    to draw than searching for the best place (the theme page redraws on every move)."""
    df = themes.sort_values(["statements", "name"], ascending=[True, False])
    height = max(3.0, 0.6 * len(df) + 1.5)
    fig = _figure(12, height)
    ax = fig.add_subplot()
    left = [0] * len(df)
    names = [_short(n) for n in df["name"]]
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
            fontsize=FONT - 2,
            bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "linewidth": 0},
        )
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_xlabel("Statements", fontsize=FONT)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(labelsize=FONT - 2)
    ax.set_title("Statements in each theme, by kind", fontsize=FONT + 2)
    ax.spines[["top", "right"]].set_visible(False)
    if len(df) and legend_below:
        fig.legend(loc="outside lower center", ncols=3, fontsize=FONT - 2, frameon=False)
    elif len(df):
        _kind_legend(ax)
    else:
        ax.text(
            0.5,
            0.5,
            "No themes yet",
            ha="center",
            va="center",
            fontsize=FONT,
            transform=ax.transAxes,
        )
    ordered = df.iloc[::-1]
    parts = [
        f"{r['name']}: {r['statements']} ({r['working']} working, {r['not_working']} not working,"
        f" {r['future']} future)"
        for _, r in ordered.iterrows()
    ]
    alt = (
        f"Bar chart of statements in {_plural(len(df), 'theme')}, largest first. "
        + "; ".join(parts)
        + "."
        if parts
        else "No themes yet."
    )
    data = ordered[["name", "statements", "working", "not_working", "future", "votes"]]
    return Chart("statements_per_theme", fig, data.reset_index(drop=True), alt)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _dots(n: int) -> str:
    return _plural(n, "dot")


def _short(text: str, limit: int = 38) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _wrap(text: str, width: int = 22) -> str:
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
        lines[-1] = lines[-1][: width - 1] + "…"
    return "\n".join(lines)


def cause_tree_chart(theme_name: str, causes: pd.DataFrame, top: int = 3) -> Chart:
    """The theme at the top, causes beneath their parents; the most-voted causes marked ★."""
    df = causes.reset_index(drop=True)
    children: dict[object, list[int]] = {}
    for _, r in df.iterrows():
        parent = None if pd.isna(r["parent_id"]) else int(r["parent_id"])
        children.setdefault(parent, []).append(int(r["cause_id"]))
    voted = df[df["votes"] > 0].sort_values(["votes", "cause_id"], ascending=[False, True])
    top_ids = set(voted["cause_id"].head(top).astype(int))
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
    fig = _figure(max(10, 3.2 * width_units), max(4, 2.4 * (max_depth + 1)))
    ax = fig.add_subplot()
    ax.set_axis_off()
    texts = {int(r["cause_id"]): r for _, r in df.iterrows()}
    for node, (x, depth) in pos.items():
        for kid in children.get(node, []):
            kx, kd = pos[kid]
            ax.plot([x, kx], [-depth, -kd], color="#444444", linewidth=2, zorder=1)
    for node, (x, depth) in pos.items():
        if node is None:
            label, style = (
                _wrap(theme_name, 26),
                {"facecolor": "#FFFFFF", "edgecolor": "#000000", "linewidth": 3},
            )
        else:
            r = texts[node]
            star = "★ top cause\n" if node in top_ids else ""
            dots = f"\n● {_dots(r['votes'])}" if r["votes"] else ""
            label = f"{star}{_wrap(str(r['text']))}{dots}"
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
            fontsize=FONT - 3,
            zorder=2,
            bbox={"boxstyle": "round,pad=0.5", **style},
            fontweight="bold" if node in top_ids or node is None else "normal",
        )
    ax.set_xlim(-0.7, width_units - 0.3)
    ax.set_ylim(-max_depth - 0.7, 0.7)
    ax.set_title(f"Why? Causes of “{_short(theme_name, 60)}”", fontsize=FONT + 2)
    ranked = voted.head(top)
    if len(df):
        tops = "; ".join(f"{r['text']} ({_dots(r['votes'])})" for _, r in ranked.iterrows())
        alt = (
            f"Cause tree for the theme {theme_name}: {_plural(len(df), 'cause')}, "
            f"{_plural(int(df['depth'].max()), 'level')} deep. "
            + (f"Top causes by dots: {tops}." if tops else "No dots placed yet.")
        )
    else:
        alt = f"Cause tree for the theme {theme_name}: no causes yet."
    data = df[["cause_id", "parent_id", "depth", "text", "votes"]].copy()
    data["top_cause"] = data["cause_id"].isin(top_ids)
    return Chart(f"causes_{theme_name}", fig, data, alt)
