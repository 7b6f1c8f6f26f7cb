"""Charts wait while a page's kernel sits in Voila's pool: a table draws them only if asked.

A pooled kernel does not know yet whether it becomes the big screen or a table's laptop;
drawing (and importing matplotlib) there cost every table kernel about 30 MB. Collect and
Theme, the pages every table opens, hold their charts (widgets/common/chart.py).
"""

from __future__ import annotations

import pytest

from widgets.common.chart import draw_held
from widgets.stages.collect import CollectView
from widgets.stages.theme.page import ThemeView


@pytest.fixture
def in_the_pool(monkeypatch):
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    monkeypatch.delenv("QUERY_STRING", raising=False)


@pytest.mark.parametrize("view_class", [CollectView, ThemeView], ids=["collect", "theme"])
def test_a_table_draws_the_chart_only_when_asked(ws, room, in_the_pool, monkeypatch, view_class):
    view = view_class(ws, table=None, live=False)
    assert "<img" not in view.chart.value and view.chart.pending is not None
    monkeypatch.setenv("QUERY_STRING", "table=Table%201")  # the request has come
    draw_held(at_table=True)
    assert "<img" not in view.chart.value
    assert view.chart.opener.layout.display is None  # "Show the chart" is offered
    view.chart.opener.click()
    assert "<img" in view.chart.value and view.chart.alt
    view.close()


@pytest.mark.parametrize("view_class", [CollectView, ThemeView], ids=["collect", "theme"])
def test_the_big_screen_draws_at_once_when_the_request_comes(ws, room, in_the_pool,
                                                             monkeypatch, view_class):
    view = view_class(ws, table=None, live=False)
    monkeypatch.setenv("QUERY_STRING", "")
    draw_held(at_table=False)
    assert "<img" in view.chart.value and view.chart.opener.layout.display == "none"
    view.close()
