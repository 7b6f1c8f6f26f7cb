"""Render the report: HTML through autoescaping Jinja2 templates, DOCX through python-docx."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, PackageLoader, select_autoescape

from workbook.io.files import write_atomic
from workbook.model import KIND_LABELS, PERSPECTIVE_LABELS, InputError
from workbook.report.content import NOT_YET, STATUS_LABELS, Report, Table, gather
from workbook.report.prepare_section import TITLE as PREPARE_TITLE
from workbook.report.sections import SECTIONS, TITLES
from workbook.text import plural

if TYPE_CHECKING:
    from workbook.workshop import Workshop

FORMATS = ("html", "docx", "easy-read")
EASY_WORDS = 15  # an easy-read sentence has at most this many words

_env = Environment(
    loader=PackageLoader("workbook.report", "templates"),
    autoescape=select_autoescape(["html", "j2"], default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters["plural"] = plural  # {{ n | plural("statement") }}: "1 statement", "2 statements"


def html_report(report: Report) -> str:
    """One self-contained HTML file: charts are data URIs; every text is escaped by Jinja2."""
    return _env.get_template("report.html.j2").render(
        r=report, sections=SECTIONS, titles=TITLES, not_yet_text=NOT_YET,
        status_labels=STATUS_LABELS,
        kind_labels={k.value: v for k, v in KIND_LABELS.items()},
        perspective_labels={k.value: v for k, v in PERSPECTIVE_LABELS.items()},
        total=sum(report.stats["statements"].values()), prepare_title=PREPARE_TITLE,
    )


# --- easy read -----------------------------------------------------------------------------
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_BREAK = re.compile(r"(?<=[,;:])\s+|\s+(?=(?:and|but|so|because|then)\s)")


def easy_lines(text: str, limit: int = EASY_WORDS) -> list[str]:
    """One sentence a line, each at most `limit` words: long sentences are broken at commas
    and joining words, and only if that is not enough, every `limit` words."""
    lines: list[str] = []
    for sentence in _SENTENCE.split(" ".join(str(text).split())):
        if not sentence:
            continue
        if len(sentence.split()) <= limit:
            lines.append(sentence)
            continue
        line: list[str] = []
        for part in _BREAK.split(sentence):
            words = part.split()
            if line and len(line) + len(words) > limit:
                lines.append(" ".join(line))
                line = []
            line += words
            while len(line) > limit:
                lines.append(" ".join(line[:limit]))
                line = line[limit:]
        if line:
            lines.append(" ".join(line))
    return lines


def easy_only(ws: Workshop) -> Report:
    report = Report(ws.name, "", {}, Table("", [], []))
    report.feedback = [(r.theme, r.you_said, r.we_did) for r in ws.feedback.itertuples()]
    return report


@dataclass
class EasyItem:
    heading: str
    said: list[str]
    did: list[str]


def easy_read(report: Report) -> tuple[str, list[str], list[EasyItem], list[str]]:
    title = "You said, we did"
    intro = [
        "Thank you for coming to our event.",
        f"The event was called: {report.name}.",
        "You told us what is working and what is not working.",
        "Here is what you said, and what we did about it.",
    ]
    items = [EasyItem(theme, easy_lines(said), easy_lines(did))
             for theme, said, did in report.feedback]
    none_yet = ["We have not written this part yet.", "We will tell you when it is ready."]
    return title, [ln for line in intro for ln in easy_lines(line)], items, none_yet


def easy_read_html(report: Report) -> str:
    title, intro, items, none_yet = easy_read(report)
    return _env.get_template("easy_read.html.j2").render(
        title=title, intro=intro, items=items, none_yet=none_yet)


# --- writing -------------------------------------------------------------------------------
def write_report(ws: Workshop, fmt: str, output: str | Path, *, today: str | None = None) -> Path:
    """Write the report in a format ("html", "docx" or "easy-read"; easy read is HTML unless
    the file ends in .docx). Written whole or not at all."""
    output = Path(output)
    if fmt not in FORMATS:
        raise InputError(f"The report format must be one of: {', '.join(FORMATS)}.")
    suffix = output.suffix.lower()
    wants_docx = fmt == "docx" or (fmt == "easy-read" and suffix == ".docx")
    expected = (".docx",) if wants_docx else (".html", ".htm")
    if suffix not in expected:
        raise InputError(f"Save the {fmt} report in a file ending {expected[0]}.")
    # Easy read needs only the "you said, we did" log: do not read the whole workshop.
    report = easy_only(ws) if fmt == "easy-read" else gather(ws, today=today)
    if fmt == "html":
        text = html_report(report)
        return write_atomic(output, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    if fmt == "easy-read" and not wants_docx:
        text = easy_read_html(report)
        return write_atomic(output, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    from workbook.report import docx_report

    doc = (docx_report.report_docx(report) if fmt == "docx"
           else docx_report.easy_read_docx(*easy_read(report)))
    buf = io.BytesIO()
    doc.save(buf)
    return write_atomic(output, lambda tmp: tmp.write_bytes(buf.getvalue()))
