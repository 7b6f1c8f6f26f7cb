"""The landing page: counts from the store, stage links carrying the table name."""

from __future__ import annotations

from widgets.overview import OverviewView
from workbook import Workshop


def test_counts_links_and_live_update(tmp_path):
    ws = Workshop.create(tmp_path / "w", "Spring <event>")
    view = OverviewView(ws, table="Table 2")
    assert "Spring &lt;event&gt;" in view.header.value
    assert "<td>0: ✔ 0 working" in view.counts.value
    assert 'href="02_collect.ipynb?table=Table%202">Step 2 · Collect</a>' in view.links.value
    assert 'href="evaluation.ipynb?table=Table%202">Evaluation: how' in view.links.value
    view.table_name.value = 'T"3<'
    assert 'href="03_theme.ipynb?table=T%223%3C">Step 3 · Theme</a>' in view.links.value
    other = Workshop.open(ws.folder)
    other.add_statement("R-1", "not working", "person", "<b>late</b>")
    assert view.live.sync() == {"reviews", "statements"}
    assert "1: ✔ 0 working, ✖ 1 not working" in view.counts.value
    assert view.counts.value.count("<td>") == 11  # 8 counts, then ideas, indicators, feedback
