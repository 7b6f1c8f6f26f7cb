"""Pages' messages say "1 statement", "1 card", "1 dot": driven through the controls."""

from __future__ import annotations

import datetime as dt
import re

from widgets.overview import OverviewView
from widgets.stages.collect.page import CollectView
from widgets.stages.theme.page import ThemeView

ONE_PLURAL = re.compile(r"(?<![\d,.])1 (statements|rows|files|cards|dots|ideas|measurements)\b")


def said(*texts: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", t) for t in texts)


def test_collect_import_of_one_statement_and_one_bad_row(ws):
    view = CollectView(ws, table="Table 1")
    data = (b"review,perspective,kind,text\nR-1,person,working,I like my flat\n"
            b"R-2,person,banana,A kind nobody knows\n")
    view.upload.value = ({"name": "one.csv", "type": "text/csv", "size": len(data),
                          "content": memoryview(data),
                          "last_modified": dt.datetime(2025, 5, 1, tzinfo=dt.UTC)},)
    view.import_button.click()
    text = said(view.messages.text, view.import_report.value)
    assert "Imported 1 file: 1 statement added" in text
    assert "1 row not imported" in text
    assert not ONE_PLURAL.search(text), text
    view.close()


def test_theme_moves_one_card_and_sets_one_dot(ws):
    sid = ws.add_statement("R-1", "not_working", "person", "The bus stops at six", actor="T")
    tid = ws.add_theme("Getting out", actor="T")
    view = ThemeView(ws, table="Table 1")
    view.card_select.value = (sid,)
    view.move_target.value = tid
    view.move_button.click()
    assert view.messages.text.startswith("✔ Moved 1 card to")
    view.dots_per_voter.value = 1
    view.set_dots_button.click()
    assert "Each voter now has 1 dot." in view.messages.text
    assert not ONE_PLURAL.search(said(view.messages.text, view.card_note.value))
    view.close()


def test_overview_counts_one_idea_and_one_measurement(ws):
    tid = ws.add_theme("Getting out", actor="T")
    ws.add_idea(tid, "idea", "An evening bus", actor="T")
    ok = ws.add_success(tid, "person", "I get home when I want", actor="T")
    ind = ws.add_indicator(ok, "Trips after 6pm", 0, 10, baseline_on="2026-01-01",
                           target_on="2026-12-31", actor="T")
    ws.add_measurement(ind, "2026-06-01", 4, actor="T")
    view = OverviewView(ws)
    assert "1 idea," in view.counts.value and "with 1 measurement" in view.counts.value
    assert not ONE_PLURAL.search(said(view.counts.value))
    view.close()
