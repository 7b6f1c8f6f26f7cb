"""'You said, we did' on its own, to send to the people who took part: web page or Word."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.io.files import write_atomic
from workbook.model import InputError
from workbook.report.feedback_section import FeedbackSection, gather_feedback

if TYPE_CHECKING:
    from workbook.workshop import Workshop

NONE_YET = "Nothing has been written here yet: we will send it when it is ready."


def intro(name: str, made_on: str) -> list[str]:
    return [f"What people told us for “{name}”, what we did and how we are taking it "
            "forward, and its impact and next steps.",
            "Where something has not been done, we say what and why.",
            f"Written on {made_on}."]


def write_you_said_we_did(ws: Workshop, output: str | Path, *, today: str | None = None) -> Path:
    """The three-column log with each entry's status, as a web page (.html) or Word (.docx);
    written whole or not at all."""
    output = Path(output)
    suffix = output.suffix.lower()
    if suffix not in (".html", ".htm", ".docx"):
        raise InputError("Save “You said, we did” in a file ending .html or .docx.")
    section = gather_feedback(ws)
    lines = intro(ws.name, today or datetime.now(UTC).date().isoformat()) + section.summary
    if suffix == ".docx":
        data = _docx(ws.name, lines, section)
        return write_atomic(output, lambda tmp: tmp.write_bytes(data))
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("workbook.report", "templates"),
                      autoescape=select_autoescape(default=True), trim_blocks=True,
                      lstrip_blocks=True)
    text = env.get_template("you_said_we_did.html.j2").render(
        name=ws.name, intro=lines, s=section, none_yet=NONE_YET)
    return write_atomic(output, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def _docx(name: str, lines: list[str], section: FeedbackSection) -> bytes:
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(12)
    doc.core_properties.title = f"You said, we did: {name}"
    doc.core_properties.language = "en-GB"
    doc.add_heading("You said, we did", 0)
    for line in lines:
        doc.add_paragraph(line)
    t = section.entries
    if t is None:
        doc.add_paragraph(NONE_YET)
    else:
        doc.add_paragraph(t.caption, style="Caption")
        table = doc.add_table(rows=1, cols=len(t.header))
        table.style = "Table Grid"
        head = table.rows[0]
        flag = OxmlElement("w:tblHeader")  # the header row repeats on every page
        flag.set(qn("w:val"), "true")
        head._tr.get_or_add_trPr().append(flag)
        for cell, text in zip(head.cells, t.header, strict=True):
            cell.paragraphs[0].add_run(text).bold = True
        for row in t.rows:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = str(text)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
