"""Models of participation drawn for a projector: ladders, Treseder's circle, the 3x3 matrix,
with votes per rung, the suggested rung, and "now" / "target" markers overlaid."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Rectangle, Wedge

from workbook.charts.base import DPI, Chart, figure
from workbook.ladder.models import DELIVER_AXIS, DESIGN_AXIS, LEVELS_CONTEXT, Model, Rung
from workbook.text import plural

# 1920 x 1080 pixels at 100 dpi: the big screen, one pixel of PNG per pixel of projector.
SIZE = (1920, 1080)  # CSS px: the big screen
RUNG_PT = 20  # rung names: 28 px in the PNG, so at least 24 px even when shown at 87 %
LABEL_PT = 17
INK = "#1a1a1a"
BANDS = [("#DCEBF7", ""), ("#FBE5C8", ".."), ("#D5F0E3", "//"), ("#EEDDF3", "\\\\")]
VOTE_COLOUR, NOW_COLOUR, TARGET_COLOUR, STAR = "#0072B2", "#D55E00", "#009E73", "#E69F00"


@dataclass(frozen=True)
class Marker:
    """One "now" and "target" pair, e.g. for one commissioning-cycle stage."""

    label: str
    now: int | None
    target: int | None


def _wrap(text: str, width_px: float, pt: float) -> str:
    chars = max(8, int(width_px / (0.55 * pt * DPI / 72)))
    return "\n".join(textwrap.wrap(text, chars, break_long_words=False))


def _rung_text(r: Rung, suggested: int | None) -> str:
    star = "★ " if r.number == suggested else ""
    if r.face or r.cell is not None:  # the seed numbers levels, not faces; cells not at all
        return f"{star}{r.name}"
    return f"{star}{r.number}. {r.name}"


def _head(model: Model, title: str | None) -> str:
    name = title or model.name
    if model.shape == "levels":
        levels = ", ".join(f"{i}. {g}" for i, g in enumerate(model.groups, 1))
        neg, pos = (LEVELS_CONTEXT[f] for f in ("negative", "positive"))
        return (f"{name}: {len(model.groups)} levels numbered from the top ({levels}), each "
                f"with a negative face in a {neg[0].lower()} ({', '.join(neg[1]).lower()}) "
                f"and a positive face in a {pos[0].lower()} ({', '.join(pos[1]).lower()}).")
    if model.shape == "matrix":
        named = [r for r in model.rungs if r.named]
        return (f"{name}: who designs against who delivers, {len(model.rungs)} cells, "
                f"{len(named)} named and {len(model.rungs) - len(named)} left unnamed.")
    return f"{name}, {len(model.rungs)} {model.unit}s."


def _counts(model: Model, counts: Mapping[int, int] | None) -> dict[int, int]:
    counts = counts or {}
    return {r.number: int(counts.get(r.number, 0) or 0) for r in model.rungs}


def _marker_sentence(model: Model, markers: Sequence[Marker]) -> str:
    parts = []
    for m in markers:
        now = model.rung(m.now).label if m.now else "not set"
        target = model.rung(m.target).label if m.target else "not set"
        parts.append(f"{m.label}: now {now}, target {target}")
    return "; ".join(parts)


def alt_text(model: Model, counts: Mapping[int, int] | None = None, *,
             suggested: int | None = None, markers: Sequence[Marker] = (),
             revealed: bool = True, title: str | None = None) -> str:
    """A sentence per overlay stating its figures: each rung's count, the suggestion, markers."""
    out = [_head(model, title)]
    if counts is not None:
        c = _counts(model, counts)
        if revealed:
            total = sum(c.values())
            # unnamed cells are not choices; a count there (an older store's) is still said
            shown = [*model.options(top_first=False),
                     *(r for r in model.rungs if not r.named and c[r.number])]
            out.append(f"{plural(total, 'vote')}. Votes per {model.unit}: "
                       + "; ".join(f"{r.label}: {c[r.number]}" for r in shown) + ".")
        else:
            out.append("The votes are being revealed.")
    if suggested:
        out.append(f"Suggested {model.unit}: {model.rung(suggested).label}.")
    if markers:
        out.append(_marker_sentence(model, markers) + ".")
    return " ".join(out)


def chart_data(model: Model, counts: Mapping[int, int] | None = None, *,
               suggested: int | None = None, markers: Sequence[Marker] = ()) -> pd.DataFrame:
    rows = []
    c = _counts(model, counts)
    for r in model.rungs:
        row = {"number": r.number, "name": r.name, "group": r.group, "label": r.label}
        if counts is not None:
            row["votes"] = c[r.number]
        row["suggested"] = r.number == suggested
        for m in markers:
            row[f"{m.label} now"] = m.now == r.number
            row[f"{m.label} target"] = m.target == r.number
        rows.append(row)
    return pd.DataFrame(rows)


# --- ladders ---------------------------------------------------------------------------------
def _draw_ladder(ax: Axes, model: Model, counts: dict[int, int] | None, suggested: int | None,
                 markers: Sequence[Marker], reveal: float, width_px: float,
                 scale: float = 1.0) -> None:
    n = len(model.rungs)
    ax.set_xlim(0, 100)
    ax.set_ylim(-0.6, n - 0.4)
    ax.set_axis_off()
    rung_left, rung_right = 15.0, 62.0 if (counts is not None or markers) else 96.0
    # group bands: colour and pattern, with the group's name written beside them
    for gi, group in enumerate(model.groups):
        nums = [r.number - 1 for r in model.group_rungs(group)]
        colour, hatch = BANDS[gi % len(BANDS)]
        lo, hi = min(nums) - 0.5, max(nums) + 0.5
        ax.add_patch(Rectangle((0, lo), 100, hi - lo, facecolor=colour, edgecolor="white",
                               hatch=hatch, linewidth=3, zorder=0, alpha=0.9))
        label = _wrap(group, (hi - lo) * 0.9 / n * width_px * 0.56, LABEL_PT * scale)
        ax.text(7, (lo + hi) / 2, label, rotation=90, ha="center", va="center",
                fontsize=LABEL_PT * scale, fontweight="bold", color=INK, zorder=3)
    # the ladder: two rails and a rung per position
    for x in (rung_left + 1, rung_right - 1):
        ax.plot([x, x], [-0.55, n - 0.45], color="#5b3a1a", linewidth=10 * scale,
                solid_capstyle="butt", zorder=1)
    box_px = (rung_right - rung_left - 3) / 100 * width_px
    for r in model.rungs:
        y = r.number - 1
        chosen = r.number == suggested
        ax.add_patch(FancyBboxPatch(
            (rung_left, y - 0.36), rung_right - rung_left, 0.72,
            boxstyle="round,pad=0,rounding_size=0.15", facecolor="white",
            edgecolor=STAR if chosen else INK, linewidth=(7 if chosen else 2) * scale, zorder=2))
        ax.text(rung_left + 1.5, y, _wrap(_rung_text(r, suggested), box_px, RUNG_PT * scale),
                ha="left", va="center", fontsize=RUNG_PT * scale, color=INK, zorder=3,
                fontweight="bold" if chosen else "normal", linespacing=1.0)
    if counts is not None:
        right = 98.0 if not markers else 80.0
        _draw_bars(ax, model, counts, rung_right + 1.5, right, reveal, scale)
    if markers:
        left = rung_right + 1.5 if counts is None else 81.0
        _draw_marker_columns(ax, model, markers, left, 99.0, scale)


def _draw_bars(ax: Axes, model: Model, counts: dict[int, int], left: float, right: float,
               reveal: float, scale: float) -> None:
    most = max([*counts.values(), 1])
    room = right - left - 13  # leaves room for "12 votes" after the longest bar
    for r in model.rungs:
        y, value = r.number - 1, counts[r.number]
        length = room * value / most * max(0.0, min(reveal, 1.0))
        if length > 0:
            ax.add_patch(Rectangle((left, y - 0.28), length, 0.56, facecolor=VOTE_COLOUR,
                                   edgecolor=INK, hatch="//", linewidth=1.5, zorder=2))
        if reveal >= 1:
            ax.text(left + length + 0.8, y, f"{plural(value, 'vote')}",
                    ha="left", va="center", fontsize=RUNG_PT * scale, color=INK,
                    fontweight="bold", zorder=3)


def _draw_marker_columns(ax: Axes, model: Model, markers: Sequence[Marker], left: float,
                         right: float, scale: float) -> None:
    n = len(model.rungs)
    step = (right - left) / len(markers)
    for i, m in enumerate(markers):
        x = left + step * (i + 0.5)
        ax.text(x, n - 0.5, m.label, ha="center", va="bottom", fontsize=LABEL_PT * scale,
                fontweight="bold", color=INK, zorder=4)
        _now_target(ax, (x, (m.now or 0) - 1), (x, (m.target or 0) - 1), m, scale)


def _now_target(ax: Axes, now_xy: tuple[float, float], target_xy: tuple[float, float],
                m: Marker, scale: float) -> None:
    """A circle for now, a triangle for target (shape and words, not colour alone), an arrow."""
    if m.now and m.target and m.now != m.target:
        ax.add_patch(FancyArrowPatch(now_xy, target_xy, arrowstyle="-|>",
                                     mutation_scale=40 * scale, linewidth=5 * scale,
                                     color=INK, zorder=4, shrinkA=22 * scale,
                                     shrinkB=22 * scale))
    if m.now:
        ax.plot(*now_xy, marker="o", markersize=34 * scale, color=NOW_COLOUR,
                markeredgecolor=INK, markeredgewidth=2, zorder=5)
        ax.text(now_xy[0], now_xy[1], "N", ha="center", va="center", color="white",
                fontsize=LABEL_PT * scale, fontweight="bold", zorder=6)
    if m.target:
        ax.plot(*target_xy, marker="^", markersize=38 * scale, color=TARGET_COLOUR,
                markeredgecolor=INK, markeredgewidth=2, zorder=5)
        ax.text(target_xy[0], target_xy[1] - 0.05, "T", ha="center", va="center",
                color="white", fontsize=(LABEL_PT - 4) * scale, fontweight="bold", zorder=6)


# --- Treseder's circle -----------------------------------------------------------------------
def _draw_circle(ax: Axes, model: Model, counts: dict[int, int] | None, suggested: int | None,
                 markers: Sequence[Marker], reveal: float, width_px: float,
                 scale: float = 1.0) -> None:
    ax.set_xlim(-2.1, 2.1)
    ax.set_ylim(-1.5, 1.12)
    ax.set_aspect("equal")
    ax.set_axis_off()
    n = len(model.rungs)
    step = 360 / n
    centres = {}
    for i, r in enumerate(model.rungs):
        start = 90 - (i + 1) * step
        colour, hatch = BANDS[i % len(BANDS)] if i < 4 else ("#F2F2F2", "xx")
        chosen = r.number == suggested
        ax.add_patch(Wedge((0, 0), 1.0, start, start + step, facecolor=colour, hatch=hatch,
                           edgecolor=STAR if chosen else INK,
                           linewidth=(7 if chosen else 2) * scale, zorder=1))
        mid = math.radians(start + step / 2)
        centres[r.number] = (0.6 * math.cos(mid), 0.6 * math.sin(mid))
        lx, ly = 1.06 * math.cos(mid), 1.06 * math.sin(mid) - (0.1 if ly_down(mid) else 0)
        wide = 0.4 if ly_down(mid) else 0.2
        text = _wrap(_rung_text(r, suggested), width_px * wide * scale, RUNG_PT * scale)
        if counts is not None and reveal >= 1:
            v = counts[r.number]
            text += f"\n{plural(v, 'vote')}"
        ax.text(lx, ly, text, ha="left" if lx > 0.05 else ("right" if lx < -0.05 else "center"),
                va="top" if ly_down(mid) else "center", fontsize=RUNG_PT * scale, color=INK,
                zorder=3, fontweight="bold" if chosen else "normal", linespacing=1.0)
        if counts is not None:
            most = max([*counts.values(), 1])
            radius = 0.16 * math.sqrt(counts[r.number] / most) * min(max(reveal, 0), 1)
            if radius > 0:
                ax.add_patch(Wedge(centres[r.number], radius, 0, 360, facecolor=VOTE_COLOUR,
                                   edgecolor=INK, hatch="//", zorder=2))
    ax.text(0, 0, "No degree\nis best", ha="center", va="center",
            fontsize=LABEL_PT * scale, color=INK, zorder=3,
            bbox={"boxstyle": "circle", "facecolor": "white", "edgecolor": INK})
    _markers_between(ax, markers, centres, scale, spread=0.12)


def _markers_between(ax: Axes, markers: Sequence[Marker],
                     centres: Mapping[int, tuple[float, float]], scale: float,
                     spread: float) -> None:
    for i, m in enumerate(markers):
        dx = (i - (len(markers) - 1) / 2) * spread
        now = centres.get(m.now or 0, (0, 0))
        target = centres.get(m.target or 0, (0, 0))
        _now_target(ax, (now[0] + dx, now[1]), (target[0] + dx, target[1] + spread / 2),
                    m, scale * 0.8)
        if m.now:
            ax.text(now[0] + dx - spread * 0.45, now[1], m.label[:1], ha="right", va="center",
                    fontsize=LABEL_PT * scale, fontweight="bold", color=INK, zorder=6)


def ly_down(angle: float) -> bool:
    """Labels of wedges at the bottom of the circle hang below it."""
    return math.sin(angle) < -0.8


# --- the who-designs x who-delivers matrix ----------------------------------------------------
def _draw_matrix(ax: Axes, model: Model, counts: dict[int, int] | None, suggested: int | None,
                 markers: Sequence[Marker], reveal: float, width_px: float,
                 scale: float = 1.0) -> None:
    ax.set_xlim(-0.75, 3.02)
    ax.set_ylim(-0.02, 3.45)
    ax.set_axis_off()
    centres = {}
    for r in model.rungs:
        d, v = r.cell or (0, 0)
        chosen = r.number == suggested
        # the seed leaves three cells blank: drawn blank, in white, with no name
        colour, hatch = BANDS[(d + v) % len(BANDS)] if r.named else ("white", "")
        ax.add_patch(Rectangle((d, v), 1, 1, facecolor=colour, hatch=hatch,
                               edgecolor=STAR if chosen else ("white" if r.named else "#767676"),
                               linewidth=(8 if chosen else 4) * scale, zorder=1))
        centres[r.number] = (d + 0.5, v + 0.45)
        text = _wrap(_rung_text(r, suggested), width_px * 0.22 * scale, (RUNG_PT - 2) * scale)
        ax.text(d + 0.5, v + 0.76, text, ha="center", va="center", color=INK, zorder=3,
                fontsize=(RUNG_PT - 2) * scale, fontweight="bold" if chosen else "normal",
                linespacing=1.0)
        if counts is not None and (r.named or counts[r.number]):
            shown = counts[r.number] if reveal >= 1 else "…"
            ax.text(d + 0.5, v + 0.16, f"{plural(shown, 'vote')}",
                    ha="center", va="center", fontsize=RUNG_PT * scale, color="white",
                    fontweight="bold", zorder=3,
                    bbox={"facecolor": VOTE_COLOUR, "edgecolor": INK, "hatch": "//",
                          "alpha": min(1.0, 0.25 + max(reveal, 0))})
    for i, (design, deliver) in enumerate(zip(DESIGN_AXIS, DELIVER_AXIS, strict=True)):
        ax.text(i + 0.5, 3.13, _wrap(design, width_px * 0.2, LABEL_PT * scale),
                ha="center", va="center", fontsize=LABEL_PT * scale, fontweight="bold")
        ax.text(-0.05, i + 0.5, _wrap(deliver, width_px * 0.16, LABEL_PT * scale),
                ha="right", va="center", fontsize=LABEL_PT * scale, fontweight="bold")
    ax.text(1.5, 3.35, "Who designs →", ha="center", va="center",
            fontsize=LABEL_PT * scale, style="italic")
    ax.text(-0.7, 3.25, "Who delivers ↑", ha="left", va="center",
            fontsize=LABEL_PT * scale, style="italic")
    _markers_between(ax, markers, centres, scale, spread=0.16)


# --- the levels of engagement: four levels, a negative face left, a positive face right ----
def _draw_levels(ax: Axes, model: Model, counts: dict[int, int] | None, suggested: int | None,
                 markers: Sequence[Marker], reveal: float, width_px: float,
                 scale: float = 1.0) -> None:
    n = len(model.groups)
    ax.set_xlim(0, 3)
    ax.set_ylim(-0.05, n + 1.0)
    ax.set_axis_off()
    # the context heading each column: what tips a level to that face
    for x, face in ((0.5, "negative"), (2.5, "positive")):
        head, items = LEVELS_CONTEXT[face]
        ax.text(x, n + 0.5, head + "\n" + "\n".join(items), ha="center", va="center",
                fontsize=LABEL_PT * scale, color=INK, linespacing=1.1,
                fontweight="bold", zorder=3)
    ax.text(1.5, n + 0.5, "Level of\nengagement", ha="center", va="center",
            fontsize=LABEL_PT * scale, color=INK, fontweight="bold", zorder=3)
    centres = {}
    for r in model.rungs:
        y = n - r.level  # level 1 at the top, as the seed draws it
        x = 0 if r.face == "negative" else 2
        chosen = r.number == suggested
        colour, hatch = BANDS[0] if r.face == "negative" else BANDS[2]
        ax.add_patch(Rectangle((x, y), 1, 1, facecolor=colour, hatch=hatch,
                               edgecolor=STAR if chosen else "white",
                               linewidth=(8 if chosen else 4) * scale, zorder=1))
        sign = "− " if r.face == "negative" else "+ "
        text = _wrap(sign + _rung_text(r, suggested), width_px * 0.26 * scale, RUNG_PT * scale)
        ax.text(x + 0.5, y + 0.68, text, ha="center", va="center", color=INK, zorder=3,
                fontsize=RUNG_PT * scale, fontweight="bold" if chosen else "normal",
                linespacing=1.0)
        centres[r.number] = (x + 0.5, y + 0.3)
        if counts is not None:
            shown = counts[r.number] if reveal >= 1 else "…"
            ax.text(x + 0.5, y + 0.22, f"{plural(shown, 'vote')}", ha="center", va="center",
                    fontsize=RUNG_PT * scale, color="white", fontweight="bold", zorder=3,
                    bbox={"facecolor": VOTE_COLOUR, "edgecolor": INK, "hatch": "//",
                          "alpha": min(1.0, 0.25 + max(reveal, 0))})
    for i, group in enumerate(model.groups, 1):
        ax.add_patch(Rectangle((1, n - i), 1, 1, facecolor="#F2F2F2", edgecolor="white",
                               linewidth=4 * scale, zorder=1))
        ax.text(1.5, n - i + 0.5, _wrap(f"{i}. {group.upper()}", width_px * 0.26 * scale,
                                        RUNG_PT * scale),
                ha="center", va="center", fontsize=RUNG_PT * scale, fontweight="bold",
                color=INK, zorder=3)
    _markers_between(ax, markers, centres, scale, spread=0.16)


DRAWERS = {"ladder": _draw_ladder, "circle": _draw_circle, "matrix": _draw_matrix,
           "levels": _draw_levels}


def _title(ax: Axes, model: Model, title: str | None, scale: float) -> None:
    width = ax.get_position().width * ax.figure.get_figwidth() * DPI
    ax.set_title(_wrap(title or model.name, width, (RUNG_PT + 4) * scale),
                 fontsize=(RUNG_PT + 4) * scale, fontweight="bold", color=INK, loc="left",
                 pad=10, linespacing=1.0)


VOTE_KEY = {"ladder": "bars = votes", "circle": "blue discs = votes",
            "matrix": "blue boxes = votes", "levels": "blue boxes = votes"}


def _legend_line(counts: object, suggested: int | None, markers: Sequence[Marker],
                 shape: str = "ladder") -> str:
    parts = []
    if suggested:
        parts.append("★ outlined = suggested")
    if counts is not None:
        parts.append(VOTE_KEY[shape])
    if markers:
        parts.append("N (circle) = where we are now · T (triangle) = where we aim to be")
    return "   ".join(parts)


def model_chart(model: Model, counts: Mapping[int, int] | None = None, *,
                suggested: int | None = None, markers: Sequence[Marker] = (),
                title: str | None = None, reveal: float = 1.0,
                name: str | None = None, size: tuple[int, int] = SIZE) -> Chart:
    """The model drawn for a 1920x1080 screen (or `size` CSS px: the space a page gives it),
    with any overlays; alt text states the figures."""
    fig = figure(*size, layout=None, dpi=DPI)
    ax = fig.add_axes((0.01, 0.05, 0.98, 0.87))
    c = _counts(model, counts) if counts is not None else None
    DRAWERS[model.shape](ax, model, c, suggested, markers, reveal, size[0])
    _title(ax, model, title, 1.0)
    legend = _legend_line(counts, suggested, markers, model.shape)
    if legend:
        fig.text(0.01, 0.012, legend, fontsize=LABEL_PT, color=INK)
    alt = alt_text(model, counts, suggested=suggested, markers=markers,
                   revealed=reveal >= 1, title=title)
    data = chart_data(model, counts, suggested=suggested, markers=markers)
    return Chart(name or f"ladder_{model.key}", fig, data, alt)


def compare_chart(model: Model, left: Sequence[Marker], right: Sequence[Marker],
                  left_title: str, right_title: str, name: str | None = None) -> Chart:
    """Two saved assessments side by side on the same model (this year against last)."""
    fig = figure(*SIZE, layout=None, dpi=DPI)
    halves = []
    for i, (markers, title) in enumerate(((left, left_title), (right, right_title))):
        ax = fig.add_axes((0.005 + 0.5 * i, 0.05, 0.49, 0.87))
        DRAWERS[model.shape](ax, model, None, None, markers, 1.0, SIZE[0] / 2, 0.78)
        _title(ax, model, title, 0.78)
        halves.append((title, markers))
    fig.text(0.01, 0.012, _legend_line(None, None, left or right), fontsize=LABEL_PT - 2)
    alt = f"{model.name}: two assessments side by side. " + " ".join(
        f"{title}: {_marker_sentence(model, markers) or 'nothing marked'}."
        for title, markers in halves)
    frames = []
    for title, markers in halves:
        df = pd.DataFrame([{"assessment": title, "stage": m.label, "now": m.now,
                            "target": m.target} for m in markers],
                          columns=["assessment", "stage", "now", "target"])
        frames.append(df)
    data = pd.concat(frames, ignore_index=True)
    return Chart(name or f"assessments_{model.key}", fig, data, alt)
