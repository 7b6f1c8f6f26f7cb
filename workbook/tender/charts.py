"""Tender charts (Figures, never pyplot state), each with its data and alt text stating it."""

from __future__ import annotations

from fractions import Fraction

import pandas as pd

from workbook.charts.base import Chart, figure
from workbook.tender.funding.wording import budget_line, funded_plain, funded_word
from workbook.tender.model import Evaluation
from workbook.tender.rules import (
    borda,
    competition_ranks,
    panel_scores,
    quality_percent,
    ranks_by_young_share,
    scored_panels,
    shares,
)
from workbook.tender.rules import results as work_out
from workbook.text import shorten

# Okabe-Ito colours plus a hatch each, so a segment is never told apart by colour alone.
COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"]
HATCHES = ["", "//", "..", "xx", "\\\\", "++"]
PRICE_COLOUR, PRICE_HATCH = "#BBBBBB", "--"
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]
FONT = 18  # shown at about 0.8 of full size beside the results table: 20 px or more


def shares_now(ev: Evaluation) -> dict[str, Fraction]:
    """The young people's panels' normalised shares as agreed."""
    all_shares = shares(ev, [p.panel for p in ev.panels])
    return {p: v for p, v in all_shares.items() if p in ev.young_panels}


def _n(x: Fraction | float) -> float:
    return round(float(x), 2)


def label(ev: Evaluation, code: str, width: int = 30) -> str:
    name = next((b.name for b in ev.bidders if b.bidder == code), code)
    text = f"{code} {name}" if name and name != code else code
    return shorten(text, width)


def totals_chart(ev: Evaluation) -> Chart:
    """Each bidder's total as stacked bars: quality points from each panel, then price."""
    res = sorted(work_out(ev), key=lambda r: (r.rank, r.bidder))
    fig = figure(1000, 160 + 65 * len(res))
    ax = fig.add_subplot()
    ys = list(range(len(res)))[::-1]
    left = [0.0] * len(res)
    rows = []
    scored = scored_panels(ev)
    for i, p in enumerate(ev.panels):
        if p.panel not in scored:  # left out of the totals until it has scored
            continue
        vals = [float(r.by_panel.get(p.panel, 0)) for r in res]
        ax.barh(ys, vals, left=left, color=COLOURS[i % 6], hatch=HATCHES[i % 6],
                edgecolor="black", label=f"{p.panel} (quality)")
        left = [a + b for a, b in zip(left, vals, strict=True)]
    price = [float(r.price) for r in res]
    ax.barh(ys, price, left=left, color=PRICE_COLOUR, hatch=PRICE_HATCH, edgecolor="black",
            label="Price")
    for y, r in zip(ys, res, strict=True):
        ax.text(float(r.total) + 0.8, y, f"{_n(r.total):.2f}", va="center", fontsize=FONT)
        rows.append({"rank": r.rank, "bidder": r.bidder, **{
            f"{p}_points": _n(v) for p, v in r.by_panel.items() if p in scored},
            "price_points": _n(r.price),
            "total": _n(r.total),
            **({"funding": funded_plain(ev, r)} if ev.budget is not None else {})})
    # a grant round: funded or not in words on each bar's label, never by colour alone
    ax.set_yticks(ys, [f"{r.rank}. {label(ev, r.bidder, 22)} · {funded_word(ev, r)}"
                       if ev.budget is not None else f"{r.rank}. {label(ev, r.bidder)}"
                       for r in res], fontsize=FONT)
    ax.set_xlim(0, 108)
    ax.set_xlabel("Points out of 100", fontsize=FONT)
    ax.tick_params(axis="x", labelsize=FONT - 2)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title("Total points and funding" if ev.budget is not None else
                 "Total points: quality by panel, plus price", fontsize=FONT + 2)
    fig.legend(fontsize=FONT - 3, frameon=False, loc="outside lower center",
               ncol=len(scored) + 1)
    parts = [f"{r['rank']}. {r['bidder']} {r['total']:.2f} (" + ", ".join(
        f"{k[:-7]} {v:.2f}" for k, v in r.items() if k.endswith("_points")) + ")"
        + (f", {r['funding']}" if "funding" in r else "") for r in rows]
    waiting = [p.panel for p in ev.panels if p.panel not in scored]
    alt = "Stacked bar chart of total points out of 100, by panel and price. " + "; ".join(
        parts) + "." + (f" Not yet scored, so left out: {', '.join(waiting)}." if waiting else "")
    alt += f" {budget_line(ev, res)}" if ev.budget is not None else ""
    return Chart("tender_totals", fig, pd.DataFrame(rows), alt)


def _slope(ev: Evaluation, left: dict[str, int], right: dict[str, int], titles: tuple[str, str],
           name: str, title: str, what: str) -> Chart:
    """Two columns of ranks joined by lines; a bidder who moves gets a thick line and arrow."""
    fig = figure(900, 120 + 60 * len(left))
    ax = fig.add_subplot()
    rows, parts = [], []
    for i, b in enumerate(ev.bidders):
        a, c = left[b.bidder], right[b.bidder]
        moved = a != c
        ax.plot([0, 1], [a, c], color=COLOURS[i % 6], marker=MARKERS[i % 8], markersize=12,
                linewidth=5 if moved else 2, linestyle="-" if moved else ":")
        ax.text(-0.07, a, f"{a}. {label(ev, b.bidder)}", ha="right", va="center", fontsize=FONT)
        arrow = "" if not moved else (f" ▲ up {a - c}" if c < a else f" ▼ down {c - a}")
        ax.text(1.07, c, f"{c}. {b.bidder}{arrow}", ha="left", va="center", fontsize=FONT,
                fontweight="bold" if moved else "normal")
        rows.append({"bidder": b.bidder, titles[0]: a, titles[1]: c, "moved": c - a})
        parts.append(f"{b.bidder} {a} to {c}" if moved else f"{b.bidder} stays {a}")
    n = len(left)
    ax.set_ylim(n + 0.4, 0.1)
    ax.set_xlim(-1.2, 1.8)
    ax.set_xticks([])
    ax.text(-0.07, 0.35, titles[0], ha="right", va="bottom", fontsize=FONT, style="italic")
    ax.text(1.07, 0.35, titles[1], ha="left", va="bottom", fontsize=FONT, style="italic")
    ax.set_yticks([])
    ax.spines[["top", "right", "left", "bottom"]].set_visible(False)
    ax.set_title(title, fontsize=FONT + 2, pad=8)
    alt = f"Slope chart of {what}: rank {titles[0].lower()} against {titles[1].lower()}. " + (
        "; ".join(parts) + ".")
    return Chart(name, fig, pd.DataFrame(rows), alt)


def rank_change_chart(ev: Evaluation) -> Chart:
    res = work_out(ev)
    without = {r.bidder: r.rank_without_young_people or r.rank for r in res}
    return _slope(ev, without, {r.bidder: r.rank for r in res},
                  ("Without young people", "With young people"), "tender_rank_change",
                  "What the young people's panel changed", "each bidder's rank")


def young_share_chart(ev: Evaluation, steps: int = 10) -> Chart:
    """Each bidder's rank as the young people's panels' share of quality goes 0 to 100%."""
    ranks = ranks_by_young_share(ev, steps)
    steps_pct = sorted(ranks)
    fig = figure(1000, 460)
    ax = fig.add_subplot()
    rows = [{"young_people_share_percent": s, **ranks[s]} for s in steps_pct]
    for i, b in enumerate(ev.bidders):
        ys = [ranks[s][b.bidder] for s in steps_pct]
        ax.plot(steps_pct, ys, color=COLOURS[i % 6], marker=MARKERS[i % 8], markersize=10,
                linewidth=3, label=label(ev, b.bidder))
        ax.text(102, ys[-1], label(ev, b.bidder, 22), va="center", fontsize=FONT - 2)
    now = float(sum(shares_now(ev).values()) * 100)
    ax.axvline(now, color="black", linestyle="--", linewidth=2)
    ax.text(now + 1, len(ev.bidders) + 0.4, f"Agreed share: {now:.0f}%", fontsize=FONT - 2,
            va="bottom")
    ax.set_ylim(len(ev.bidders) + 0.5, 0.5)
    ax.set_yticks(range(1, len(ev.bidders) + 1))
    ax.set_ylabel("Rank (1 = first)", fontsize=FONT)
    ax.set_xlabel("Young people's share of the quality points (%)", fontsize=FONT)
    ax.tick_params(labelsize=FONT - 2)
    ax.set_xticks(range(0, 101, 20))
    ax.set_xlim(-3, 150)
    ax.grid(axis="x", alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title("Rank as the young people's share goes from 0 to 100%", fontsize=FONT + 2)
    parts = []
    for b in ev.bidders:
        seq = [ranks[s][b.bidder] for s in steps_pct]
        parts.append(f"{b.bidder} from {seq[0]} at 0% to {seq[-1]} at 100%")
        first = [s for s in steps_pct if ranks[s][b.bidder] == 1]
        if first:
            parts[-1] += " (first at " + ", ".join(f"{s}%" for s in first) + ")"
    alt = (f"Line chart of each bidder's rank as the young people's share rises (agreed share "
           f"{now:.0f}%): " + "; ".join(parts) + ".")
    return Chart("tender_rank_by_young_share", fig, pd.DataFrame(rows), alt)


def borda_chart(ev: Evaluation, panel: str) -> Chart:
    """A panel's favourite-to-least-favourite order (Borda count) against its score order."""
    pct = quality_percent(ev, panel_scores(ev))
    by_score = competition_ranks({b.bidder: pct.get((panel, b.bidder), Fraction(0))
                                  for b in ev.bidders})
    points = borda(ev, panel)
    by_borda = competition_ranks({k: Fraction(v) for k, v in points.items()})
    chart = _slope(ev, by_score, by_borda, ("By the panel's scores", "By favourites (Borda)"),
                   f"tender_borda_{panel}", f"{panel}: scores against favourites",
                   f"the {panel}'s order by scores and by favourites")
    chart.data["borda_points"] = [points[b.bidder] for b in ev.bidders]
    chart.alt += " Borda points: " + ", ".join(f"{b.bidder} {points[b.bidder]}"
                                               for b in ev.bidders) + "."
    return chart
