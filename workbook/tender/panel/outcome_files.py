"""The outcome for the panel as large-print HTML (autoescaped Jinja2) and Word."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment

from workbook.io.files import write_atomic
from workbook.tender.panel.outcome import Outcome
from workbook.tender.report import ordinal

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ o.title }}</title>
<style>
body { font-family: Arial, Helvetica, sans-serif; font-size: 28px; line-height: 1.5;
       color: #000; background: #fff; max-width: 60rem; margin: 1rem auto; padding: 0 1rem; }
h1 { font-size: 44px; } h2 { font-size: 36px; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; } caption { text-align: left; font-weight: bold; }
th, td { border: 3px solid #000; padding: .4rem .6rem; text-align: left; }
th { background: #000; color: #fff; }
.chosen { font-size: 34px; font-weight: bold; border: 4px solid #000; padding: .6rem; }
</style></head>
<body><main>
<h1>{{ o.title }}</h1>
<p>{{ o.final }}</p>
<h2>Who was chosen</h2>
<p class="chosen">{{ o.chosen }}</p>
<h2>How your scores counted</h2>
{% for line in o.how %}<p>{{ line }}</p>
{% endfor %}
<table><caption>Each bid's place, with your panel and without it</caption>
<thead><tr><th scope="col">Place</th><th scope="col">Bid</th>
<th scope="col">Place without your panel</th><th scope="col">Change</th></tr></thead>
<tbody>{% for place, bid, without, change in o.rows %}
<tr><td>{{ ordinal(place) }}</td><td>{{ bid }}</td><td>{{ without }}</td><td>{{ change }}</td></tr>
{% endfor %}</tbody></table>
<h2>What happens next</h2>
<p>{{ o.next_steps }}</p>
<p>Thank you for being on the panel.</p>
</main></body></html>
"""
_env = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)


def outcome_html(o: Outcome) -> str:
    return _env.from_string(PAGE).render(o=o, ordinal=ordinal)


def write_outcome_html(o: Outcome, path: Path) -> Path:
    text = outcome_html(o)
    return write_atomic(Path(path), lambda tmp: tmp.write_text(text, encoding="utf-8"))


def large_print(doc, size: int = 16) -> None:
    """Large print: body text at `size` points, Arial, headings bigger (Word's own styles)."""
    from docx.shared import Pt

    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(size)
    for level, extra in ((0, 12), (1, 8), (2, 4)):
        style = doc.styles["Title" if level == 0 else f"Heading {level}"]
        style.font.name = "Arial"
        style.font.size = Pt(size + extra)


def write_outcome_docx(o: Outcome, path: Path) -> Path:
    from docx import Document

    doc = Document()
    large_print(doc)
    doc.core_properties.title = o.title
    doc.add_heading(o.title, level=0)
    doc.add_paragraph(o.final)
    doc.add_heading("Who was chosen", level=1)
    doc.add_paragraph().add_run(o.chosen).bold = True
    doc.add_heading("How your scores counted", level=1)
    for line in o.how:
        doc.add_paragraph(line)
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Place", "Bid", "Place without your panel",
                                                "Change"), strict=True):
        cell.text = text
    for place, bid, without, change in o.rows:
        for cell, text in zip(table.add_row().cells, (ordinal(place), bid, without, change),
                              strict=True):
            cell.text = text
    doc.add_heading("What happens next", level=1)
    doc.add_paragraph(o.next_steps)
    doc.add_paragraph("Thank you for being on the panel.")
    return write_atomic(Path(path), doc.save)
