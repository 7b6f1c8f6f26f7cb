"""Render the report: HTML through autoescaping Jinja2 templates, DOCX through python-docx."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, PackageLoader, select_autoescape

from workbook.easyread.sentences import EASY_WORDS, easy_lines  # noqa: F401 - re-exported
from workbook.io.files import write_atomic
from workbook.model import KIND_LABELS, PERSPECTIVE_LABELS, InputError
from workbook.report.content import NOT_YET, STATUS_LABELS, Report, gather
from workbook.report.prepare_section import TITLE as PREPARE_TITLE
from workbook.report.sections import SECTIONS, TITLES
from workbook.text import plural

if TYPE_CHECKING:
    from workbook.workshop import Workshop

FORMATS = ("html", "docx", "easy-read", "easy-read-docx")

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


# --- writing -------------------------------------------------------------------------------
def write_report(ws: Workshop, fmt: str, output: str | Path, *, today: str | None = None) -> Path:
    """Write the report in a format ("html", "docx", "easy-read" or "easy-read-docx"; easy
    read is also Word when the file ends in .docx). Written whole or not at all."""
    output = Path(output)
    if fmt not in FORMATS:
        raise InputError(f"The report format must be one of: {', '.join(FORMATS)}.")
    suffix = output.suffix.lower()
    wants_docx = fmt in ("docx", "easy-read-docx") or (fmt == "easy-read" and suffix == ".docx")
    expected = (".docx",) if wants_docx else (".html", ".htm")
    if suffix not in expected:
        raise InputError(f"Save the {fmt} report in a file ending {expected[0]}.")
    if fmt.startswith("easy-read"):
        # Easy read needs only the feedback log: do not read the whole workshop.
        from workbook.easyread.output import easy_read_bytes

        data = easy_read_bytes(ws, docx=wants_docx)
        return write_atomic(output, lambda tmp: tmp.write_bytes(data))
    report = gather(ws, today=today)
    if fmt == "html":
        text = html_report(report)
        return write_atomic(output, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    from workbook.report import docx_report

    doc = docx_report.report_docx(report)
    buf = io.BytesIO()
    doc.save(buf)
    return write_atomic(output, lambda tmp: tmp.write_bytes(buf.getvalue()))
