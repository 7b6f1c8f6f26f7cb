"""The cards as a Word document (python-docx): one table a sheet, a card a cell."""

from __future__ import annotations

from collections.abc import Sequence

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from workbook.cards import placing as p
from workbook.model import KIND_COLOURS

WORD_FONT = "Arial"  # narrower than DejaVu Sans, which measured the fit: the words still fit
CARD_H = p.ROW_H - 2  # "at least" this tall: a little slack so three rows keep to one page


def cards_docx(placed: Sequence[p.Placed], title: str):
    """A python-docx Document: A4, each sheet a 2 x 3 table whose cells are the cards
    (merged across for a long one), cut along the table's lines."""
    doc = Document()
    doc.core_properties.title = f"Statement cards: {title}"
    doc.core_properties.language = "en-GB"
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(p.PAGE_W), Mm(p.PAGE_H)
    section.left_margin = section.right_margin = Mm(p.MARGIN_X)
    section.top_margin, section.bottom_margin = Mm(p.MARGIN_TOP), Mm(p.MARGIN_BOTTOM)
    section.header_distance = section.footer_distance = Mm(5)
    style = doc.styles["Normal"]
    style.font.name = WORD_FONT
    style.font.size = Pt(p.VIEW_PT)
    foot = section.footer.paragraphs[0]
    foot.text = f"{title} · statement cards · cut along the lines"
    foot.runs[0].font.size = Pt(11)
    pages = p.page_count(placed)
    if not pages:
        doc.add_paragraph("No statements to print yet: add them on the Collect page (step 2), "
                          "then make the cards again.")
        return doc
    for page in range(pages):
        table = doc.add_table(rows=p.ROWS, cols=p.COLS)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for row in table.rows:
            row.height = Mm(CARD_H)
            row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
            for cell in row.cells:
                cell.width = Mm(p.COL_W + p.GAP / 2)
        for c in (c for c in placed if c.page == page):
            cell = table.cell(c.row, c.col)
            if c.rows > 1 or c.cols > 1:
                cell = cell.merge(table.cell(c.row + c.rows - 1, c.col + c.cols - 1))
            _card(cell, c)
        if page < pages - 1:
            brk = doc.add_paragraph()
            brk.paragraph_format.space_after = Pt(0)
            brk.add_run().add_break(WD_BREAK.PAGE)
            brk.runs[0].font.size = Pt(2)
    return doc


def _card(cell, c: p.Placed) -> None:
    card = c.card
    _kind_border(cell, KIND_COLOURS[card.kind].lstrip("#"))
    head = cell.paragraphs[0]
    number = head.add_run(card.number_line)
    number.bold = True
    number.font.size = Pt(p.NUMBER_PT)
    kinds = cell.add_paragraph()
    kinds.paragraph_format.space_after = Pt(6)
    kind = kinds.add_run(card.kind_line)
    kind.bold = True
    kind.font.size = Pt(p.KIND_PT)
    words = cell.add_paragraph()
    words.paragraph_format.space_after = Pt(8)
    words.add_run(card.text if not c.cut else " ".join(c.lines)).font.size = Pt(c.text_pt)
    view = cell.add_paragraph()
    view.add_run(card.view_line).font.size = Pt(p.VIEW_PT)


def _kind_border(cell, colour: str) -> None:
    """A thick left border in the kind's colour (the symbol and word say it too)."""
    props = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    left = OxmlElement("w:left")
    for key, value in (("w:val", "single"), ("w:sz", "36"), ("w:space", "0"),
                       ("w:color", colour)):
        left.set(qn(key), value)
    borders.append(left)
    props.append(borders)
