"""Charts for projectors: every chart's smallest text, as displayed at 1920x1080, is >= 18 px."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from matplotlib.image import imread

from workbook.charts.base import DPI, MIN_TEXT_PX, Chart, displayed_text_px
from workbook.charts.plan import actions_by_owner_chart, actions_by_status_chart, due_timeline_chart
from workbook.charts.stages import cause_tree_chart, collect_chart, theme_chart


def test_displayed_text_px_follows_figure_dpi_font_and_displayed_width():
    # 12 in at 100 dpi is a 1200 px PNG; shown 1200 px wide, 14 pt is 14 * 100 / 72 px.
    assert displayed_text_px(14, 12, 100, 1200) == pytest.approx(19.44, abs=0.01)
    # The same PNG squeezed into 600 px: half as tall. This is how a 10 px chart happened.
    assert displayed_text_px(14, 12, 100, 600) == pytest.approx(9.72, abs=0.01)
    # dpi alone does not change the displayed size: the PNG gets bigger, then is scaled down.
    assert displayed_text_px(14, 12, 200, 600) == pytest.approx(9.72, abs=0.01)
    # The old theme chart: 12 in, 14 pt, 90 dpi, shown in a column about 700 px wide.
    assert displayed_text_px(14, 12, 90, 700) < MIN_TEXT_PX


def _statements(n: int = 40) -> pd.DataFrame:
    kinds, persp = ["working", "not_working", "future"], ["person", "family", "staff", "other"]
    return pd.DataFrame({"kind": [kinds[i % 3] for i in range(n)],
                         "perspective": [persp[i % 4] for i in range(n)]})


def _themes(n: int = 10) -> pd.DataFrame:
    return pd.DataFrame({
        "theme_id": range(1, n + 1),
        "name": [f"Theme number {i} with a longish name to wrap" for i in range(n)],
        "statements": [3 * i + 3 for i in range(n)], "working": [i for i in range(n)],
        "not_working": [i + 2 for i in range(n)], "future": [1] * n, "votes": [0] * n,
    })


def _causes(leaves: int = 6) -> pd.DataFrame:
    rows = [{"cause_id": 1, "parent_id": None, "depth": 1, "text": "Staff change too often",
             "votes": 3}]
    for i in range(leaves):
        rows.append({"cause_id": i + 2, "parent_id": 1, "depth": 2,
                     "text": f"Because the rota is made a week late, reason {i}", "votes": i})
    return pd.DataFrame(rows)


def _actions(n: int, words: str = "Set up a weekly drop-in with the housing team") -> pd.DataFrame:
    statuses = ["not started", "in progress", "done"]
    return pd.DataFrame({
        "action_id": range(1, n + 1), "text": [f"{words} {i}" for i in range(n)],
        "owner": [f"Team {i % 4}" for i in range(n)], "status": [statuses[i % 3] for i in range(n)],
        "due": [(pd.Timestamp("2027-01-10") + pd.Timedelta(days=40 * i)).date().isoformat()
                for i in range(n)],
    })


CHARTS = {
    "collect": lambda: collect_chart(_statements()),
    "collect-empty": lambda: collect_chart(_statements(0)),
    "theme": lambda: theme_chart(_themes(10)),
    "theme-many": lambda: theme_chart(_themes(30)),
    "theme-none": lambda: theme_chart(_themes(0)),
    "theme-print": lambda: theme_chart(_themes(10), 900),  # the report's narrower copy
    "cause-tree": lambda: cause_tree_chart("Knowing who supports me", _causes(3)),
    "cause-tree-wide": lambda: cause_tree_chart("Knowing who supports me", _causes(12)),
    # Page 05's charts, as its chart tabs draw them on the big screen.
    "status": lambda: actions_by_status_chart(_actions(7), screen=True),
    "owner": lambda: actions_by_owner_chart(_actions(7), screen=True),
    "due": lambda: due_timeline_chart(_actions(7), today="2027-02-01", screen=True),
    "due-one": lambda: due_timeline_chart(_actions(1), today="2026-12-01", screen=True),
    "due-long-words": lambda: due_timeline_chart(_actions(3, "word " * 80), screen=True),
}


@pytest.mark.parametrize("name", list(CHARTS))
def test_every_chart_text_is_at_least_18px_as_displayed(name):
    chart: Chart = CHARTS[name]()
    png = chart.png()
    height, width = imread(io.BytesIO(png)).shape[:2]
    # The PNG is exactly the size the page gives it on the big screen (drawn 1:1, not cropped).
    assert (width, height) == (chart.width_px, chart.height_px)
    # ChartView shows it chart.width_px CSS px wide on the big screen (the page's layout
    # gives it that room; the browser test checks the displayed width).
    smallest = chart.smallest_font_pt()
    shown = displayed_text_px(smallest, chart.figure.get_figwidth(), DPI, chart.width_px)
    assert shown >= MIN_TEXT_PX, f"{name}: smallest text {shown:.1f} px"


def test_smallest_font_sees_tick_labels_and_legend():
    chart = collect_chart(_statements())
    sizes = {round(t.get_fontsize(), 2) for t in chart.figure.legends[0].get_texts()}
    assert min(sizes) >= chart.smallest_font_pt()
    for label in chart.figure.axes[0].get_xticklabels():
        label.set_fontsize(6)
    assert chart.smallest_font_pt() == 6


@pytest.mark.parametrize("name", list(CHARTS))
def test_no_text_is_cut_off_at_the_edge(name):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from workbook.charts.base import drawn_texts

    chart: Chart = CHARTS[name]()
    chart.figure.set_dpi(DPI)
    canvas = FigureCanvasAgg(chart.figure)
    canvas.draw()  # lays the figure out as png() does
    renderer = canvas.get_renderer()
    for text in drawn_texts(chart.figure):
        if not text.get_text().strip():
            continue
        box = text.get_window_extent(renderer)
        assert box.x0 >= -1 and box.x1 <= chart.width_px + 1, (name, text.get_text(), box)
        assert box.y0 >= -1 and box.y1 <= chart.height_px + 1, (name, text.get_text(), box)


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize("name", list(CHARTS))
def test_every_chart_lays_out_without_a_warning(name):
    # "constrained_layout not applied because axes sizes collapsed to zero": one action's due
    # date once drew a stray label twenty axes-heights below, and the chart shrank to nothing.
    CHARTS[name]().png()


def test_one_due_date_gets_weeks_either_side_not_years():
    axis = due_timeline_chart(_actions(1), today="2026-12-01", screen=True).figure.axes[0]
    axis.figure.canvas.draw()
    low, high = axis.get_xlim()
    assert 40 < high - low < 80  # days: 1 Dec to 10 Jan, with a margin
    labels = [t.get_text() for t in axis.get_xticklabels()]
    assert len(set(labels)) == len(labels), labels  # no "Dec 2026" twice


def test_no_statements_yet_is_said_not_drawn_as_negative_counts():
    chart = collect_chart(_statements(0))
    axis = chart.figure.axes[0]
    chart.png()
    assert axis.get_ylim()[0] == 0
    assert all(tick >= 0 for tick in axis.get_yticks() if axis.get_ylim()[0] <= tick)
    assert "No statements yet" in [t.get_text() for t in axis.texts]
    assert chart.alt.startswith("No statements yet")
