"""Collect page: the two top things flagged (never refused), and import warnings shown."""

from __future__ import annotations

import datetime as dt

import pytest

from widgets.stages.collect.page import CollectView

EVIL = "<img src=x onerror=alert(1)>"


@pytest.fixture
def view(ws):
    v = CollectView(ws)  # the big screen: the facilitator's page
    yield v
    v.close()


def type_in(view: CollectView, text: str, ref: str = "R-1", kind: str = "working") -> None:
    view.review_ref.value, view.perspective.value = ref, "family"
    view.kind.value, view.text.value = kind, text
    view.add_button.click()


def test_a_third_thing_typed_in_is_saved_and_flagged_and_the_flag_goes_with_it(view, ws):
    type_in(view, "She has a new friend")
    type_in(view, "The day centre is close")
    assert view.top_two.value == ""  # two top things: as the method asks
    type_in(view, "Her brother visits")
    assert view.messages.kind == "ok" and len(ws.statements) == 3  # kept, not refused
    flag = view.top_two.value
    assert "Two top things: 1 review has more than two of one kind" in flag
    assert "<li>R-1: 3 &#x27;Working&#x27; from the family carer</li>" in flag
    assert view.top_two in view._left.children  # the big screen: under the typing
    ws.delete_statement(int(ws.statements.statement_id.iloc[-1]), actor="setup")
    view.redraw({"statements"})
    assert view.top_two.value == ""


def test_import_report_lists_warnings_with_file_row_or_review_escaped(view, ws):
    data = ("Review,Perspective,Kind,Statement\n"
            f"{EVIL},person,not working,No bus after six\n"
            f"{EVIL},person,not working,Nobody explains my money\n"
            f"{EVIL},person,not working,Too many forms\n\n"
            f"{EVIL},person,not working,Too many forms\n").encode()
    view.upload.value = ({"name": "late.csv", "type": "text/csv", "size": len(data),
                          "content": memoryview(data),
                          "last_modified": dt.datetime(2025, 5, 1, tzinfo=dt.UTC)},)
    view.import_button.click()
    assert ws.stats()["statements"]["not_working"] == 3
    assert "3 things worth a look (see below)" in view.messages.text
    report = view.import_report.value
    assert "3 added, 1 already there (not added again), 0 rows not imported, 3 worth a look" \
        in report
    assert "Worth a look: imported, or skipped as said" in report
    assert "row 4 of this file has the same review" in report and ">6<" in report
    assert ">5<" in report and "blank" in report  # the blank row between imported rows
    assert "3 &#x27;Not working&#x27; statements from the person" in report
    for html in (report, view.top_two.value):
        assert EVIL not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
