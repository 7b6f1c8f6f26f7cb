"""The report as a Word document: real heading styles, tables with header rows, described images."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from workbook.evaluation.report_section import write_evaluation_docx
from workbook.model import KIND_LABELS, PERSPECTIVE_LABELS
from workbook.report.content import NOT_YET, PRINT_WIDTH_CM, STATUS_LABELS, Figure, Report, Table
from workbook.report.feedback_section import write_feedback_docx
from workbook.report.prepare_section import write_prepare_docx
from workbook.report.sections import TITLES
from workbook.report.since_section import write_since_docx
from workbook.text import plural

if TYPE_CHECKING:
    from docx.document import Document as DocumentType


def _doc(body_pt: int) -> DocumentType:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(body_pt)
    doc.core_properties.language = "en-GB"
    return doc


CAUSE_STYLES = ("ListBullet", "ListBullet2", "ListBullet3")


def _para(doc: DocumentType, text: str = "", style_id: str | None = None):
    """A paragraph in a built-in style, set by its id: python-docx's lookup by style name
    scans every style for each paragraph, which made large reports slow."""
    p = doc.add_paragraph(text)
    if style_id:
        p._p.style = style_id
    return p


def _heading(doc: DocumentType, text: str, level: int):
    return _para(doc, text, "Title" if level == 0 else f"Heading{level}")


def _table(doc: DocumentType, t: Table) -> None:
    _para(doc, t.caption, "Caption")
    table = doc.add_table(rows=1, cols=len(t.header))
    table._tbl.tblPr.style = "TableGrid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    head = table.rows[0]
    # A header row Word repeats on each page and screen readers announce as headers.
    tr_pr = head._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    tr_pr.append(flag)
    for cell, text in zip(head.cells, t.header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in t.rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = str(text)


def _a4(doc: DocumentType) -> None:
    """An A4 page whose text is exactly as wide as the charts (python-docx starts on Letter
    with 1.25 inch margins: 15.2 cm of text, narrower than the 16 cm pictures)."""
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    margin = Cm((21 - PRINT_WIDTH_CM) / 2)
    section.left_margin = section.right_margin = margin


def _figure(doc: DocumentType, f: Figure) -> None:
    section = doc.sections[-1]
    text_width = section.page_width - section.left_margin - section.right_margin
    p = doc.add_paragraph()
    p.paragraph_format.keep_with_next = True  # the picture and its caption share a page
    shape = p.add_run().add_picture(io.BytesIO(f.png), width=min(Cm(PRINT_WIDTH_CM), text_width))
    # Alt text lives on the drawing's docPr element (what Word's "Alt Text" pane edits).
    inline = shape._inline
    inline.docPr.set("descr", f.alt)
    inline.docPr.set("title", f.name.replace("_", " "))
    _para(doc, f.alt, "Caption")


def _not_yet(doc: DocumentType, section: str) -> None:
    p = doc.add_paragraph()
    p.add_run("Not reached yet. ").bold = True
    p.add_run(NOT_YET[section])


def report_docx(r: Report) -> DocumentType:
    doc = _doc(12)
    _a4(doc)
    doc.core_properties.title = f"{r.name}: Working Together for Change report"
    _heading(doc, r.name, 0)
    doc.add_paragraph(f"Working Together for Change report, made on {r.made_on}.")

    if r.prepare:
        write_prepare_docx(doc, r.prepare, _heading, _table)

    _heading(doc, TITLES["summary"], 1)
    if r.reached("collect"):
        s = r.stats["statements"]
        doc.add_paragraph(
            f"{plural(r.stats['reviews'], 'review')} gave "
            f"{plural(sum(s.values()), 'statement')}: {s['working']} "
            f"working, {s['not_working']} not working and {s['future']} for the future.")
        _table(doc, r.summary)
        if "collect" in r.figures:
            _figure(doc, r.figures["collect"])
    else:
        _not_yet(doc, "collect")

    _heading(doc, TITLES["themes"], 1)
    if r.themes:
        _table(doc, r.themes)
        if "themes" in r.figures:
            _figure(doc, r.figures["themes"])
    else:
        _not_yet(doc, "themes")
    if r.since:
        write_since_docx(doc, r.since, _heading, _table, _figure)

    _heading(doc, TITLES["priorities"], 1)
    for name, i_statement, dots in r.priorities:
        said = f": “{i_statement}”" if i_statement else ""
        _para(doc, f"{name} ({plural(dots, 'dot')}){said}", "ListNumber")
    if not r.priorities:
        _not_yet(doc, "priorities")

    _heading(doc, TITLES["causes"], 1)
    for t in r.causes:
        _heading(doc, f"Why is “{t.theme}” not working?", 2)
        if t.figure:
            _figure(doc, t.figure)
        if t.lines:
            doc.add_paragraph("Every cause, in the words the room wrote:")
        else:
            doc.add_paragraph("No causes have been written for this theme yet, so there is "
                              "no cause tree.")
        for c in t.lines:
            # Word's list styles go three deep; deeper causes keep indenting (below).
            p = _para(doc, "", CAUSE_STYLES[min(c.level, len(CAUSE_STYLES)) - 1])
            p.paragraph_format.left_indent = Cm(0.8 * c.level)
            p.add_run(c.text).bold = c.top
            p.add_run(f" — {plural(c.votes, 'dot')}"
                      + (" (top cause)" if c.top else ""))
    if not r.causes:
        _not_yet(doc, "causes")

    _heading(doc, TITLES["success"], 1)
    for theme, table, gaps in r.success:
        _heading(doc, theme, 2)
        _table(doc, table)
        if gaps:
            doc.add_paragraph(f"Not heard yet: {', '.join(gaps)}.")
    if not r.success:
        _not_yet(doc, "success")

    _heading(doc, TITLES["plan"], 1)
    if r.reached("plan"):
        if r.ideas:
            _table(doc, r.ideas)
        if r.actions:
            _table(doc, r.actions)
            for key in ("status", "owner", "due"):
                if key in r.figures:
                    _figure(doc, r.figures[key])
    else:
        _not_yet(doc, "plan")

    _heading(doc, TITLES["progress"], 1)
    if r.indicators:
        _table(doc, r.indicators)
        if "progress" in r.figures:
            _figure(doc, r.figures["progress"])
    else:
        _not_yet(doc, "progress")

    _heading(doc, TITLES["thread"], 1)
    for t in r.threads:
        _heading(doc, t.action, 2)
        doc.add_paragraph(f"{t.owner} · due {t.due} · {STATUS_LABELS.get(t.status, t.status)}")
        _label(doc, "What success looks like: ",
               "; ".join(f"{s.voice}: “{s.text}”" for s in t.success)
               or "no success statement linked yet.")
        _label(doc, "The cause it answers: ", " → ".join(t.causes) or "no cause linked yet.")
        _label(doc, "The theme: ", t.theme + (f": “{t.i_statement}”" if t.i_statement else ""))
        _label(doc, "What people said: ",
               f"{len(t.said)} of {plural(t.said_total, 'statement')} in the theme.")
        for s in t.said:
            p = _para(doc, "", "Quote")
            p.add_run(f"“{s.text}” ")
            p.add_run(f"({KIND_LABELS[s.kind]}, {PERSPECTIVE_LABELS[s.perspective]}, "
                      f"review {s.review})").italic = True
    if not r.threads:
        _not_yet(doc, "thread")

    _heading(doc, TITLES["feedback"], 1)
    if r.you_said_we_did:
        write_feedback_docx(doc, r.you_said_we_did, lambda: _not_yet(doc, "feedback"), _table)
    else:
        _not_yet(doc, "feedback")
    if r.evaluation:
        write_evaluation_docx(doc, r.evaluation, _heading, _table, lambda d: _figure(
            d, r.figures["evaluation"]) if "evaluation" in r.figures else None)
    return doc


def _label(doc: DocumentType, label: str, text: str) -> None:
    p = doc.add_paragraph()
    p.add_run(label).bold = True
    p.add_run(text)

