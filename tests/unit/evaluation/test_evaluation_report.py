"""The evaluation's chart (figures in its alt text, PNG and CSV saved, text large enough) and
the report's "How the event went" section in HTML and Word."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from docx import Document

from workbook.charts.base import DPI, MIN_TEXT_PX, displayed_text_px
from workbook.evaluation.charts import evaluation_chart
from workbook.evaluation.report_section import TITLE
from workbook.evaluation.store import add_paper_counts, save_answers, tallies
from workbook.report.content import MIN_PRINT_PT, gather
from workbook.report.docx_report import report_docx
from workbook.report.render import html_report


@pytest.fixture
def answered(ws):
    for mood in (2, 2, 4):
        save_answers(ws, "start", {"mood": mood}, place="Table 1", actor="T1")
    save_answers(ws, "end", {"mood": 5, "I3": 5, "We2": 2}, place="Table 1", actor="T1")
    add_paper_counts(ws, "end", "I3", {4: 3, 3: 1}, actor="f")
    add_paper_counts(ws, "end", "mood", {4: 2}, actor="f")
    return ws


@pytest.fixture
def ws(tmp_path):
    from workbook import Workshop

    workshop = Workshop.create(tmp_path / "ws", "Evaluated")
    yield workshop
    workshop.close()


def test_the_chart_states_its_figures_and_is_saved_as_png_and_csv(answered, tmp_path):
    chart = evaluation_chart(tallies(answered))
    assert "At the start of the event, 3 people said how they felt: 1 happy, 2 unhappy" in (
        chart.alt)
    assert "The average mood rose from 2.7 at the start to 4.3 at the end" in chart.alt
    assert ("I 3 “I am treated with respect and dignity”: 4 of 5 people agreed or strongly "
            "agreed (1 strongly agree, 3 agree, 1 not sure)") in chart.alt
    shown = displayed_text_px(chart.smallest_font_pt(), chart.figure.get_figwidth(), DPI,
                              chart.width_px)
    assert shown >= MIN_TEXT_PX
    png, csv = chart.save(tmp_path / "outputs")
    assert png.read_bytes().startswith(b"\x89PNG")
    data = pd.read_csv(csv)
    row = data[(data["measure"] == "I3") & (data["answer"] == 4)]
    assert row["people"].item() == 3 and row["label"].item() == "Agree"


def test_the_report_has_how_the_event_went_in_html_with_its_figures(answered):
    report = gather(answered, today="2027-01-01")
    assert report.figures["evaluation"].print_pt >= MIN_PRINT_PT
    html = html_report(report)
    assert f'<h2 id="evaluation">{TITLE}</h2>' in html
    assert f'<a href="#evaluation">{TITLE}</a>' in html
    section = html[html.index('id="evaluation"'):]
    assert "3 people answered at the start and 1 person at the end" in section
    assert "2 counts of answers were typed in from paper forms" in section
    assert "The average mood rose from 2.7 at the start to 4.3 at the end" in section
    assert 'alt="Chart of the event&#39;s evaluation.' in section
    assert "<th scope=\"row\">I 3: I am treated with respect and dignity</th><td>1</td><td>3</td>" \
        "<td>1</td><td>0</td><td>0</td><td>5</td>" in section.replace("\n", "")


def test_the_word_report_has_the_section_with_its_chart_described(answered):
    doc = Document(io.BytesIO(_docx_bytes(gather(answered, today="2027-01-01"))))
    texts = [p.text for p in doc.paragraphs]
    at = texts.index(TITLE)
    assert doc.paragraphs[at].style.name == "Heading 1"
    assert any(t.startswith("The average mood rose from 2.7") for t in texts[at:])
    described = [s._inline.docPr.get("descr") for s in doc.inline_shapes]
    assert any(d.startswith("Chart of the event's evaluation.") for d in described)
    mood = next(t for t in doc.tables if t.rows[0].cells[0].text == "How they felt")
    assert [c.text for c in mood.rows[2].cells] == ["Happy", "1", "2"]


def test_nobody_answered_yet_says_so_in_both(ws):
    report = gather(ws, charts_too=False)
    assert "evaluation" not in report.figures
    html = html_report(report)
    assert "Nobody has answered the evaluation yet" in html[html.index('id="evaluation"'):]
    texts = [p.text for p in Document(io.BytesIO(_docx_bytes(report))).paragraphs]
    assert texts[texts.index(TITLE) + 1].startswith("Not reached yet. Nobody has answered")


def _docx_bytes(report) -> bytes:
    buf = io.BytesIO()
    report_docx(report).save(buf)
    return buf.getvalue()
