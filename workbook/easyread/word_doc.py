"""The easy read as a Word document: 16 pt and larger, a described picture beside every point."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml.shape import CT_Inline
from docx.shared import Cm, Pt

from workbook.easyread.document import EasyRead
from workbook.easyread.pictures import PICTURE_PX, PICTURES, picture_png

if TYPE_CHECKING:
    from docx.document import Document as DocumentType

BODY_PT = 16
CREDIT_PT = 14  # the smallest text in the document: still large print
PICTURE_CM = 2.2


def _para(container, text: str, style_id: str | None = None):
    p = container.add_paragraph(text)
    if style_id:
        p._p.style = style_id  # by id: python-docx's lookup by name scans every style
    return p


def easy_read_docx(doc: EasyRead, cache: Path | None = None, *,
                   pictures: bool = True) -> DocumentType:
    """One borderless two-column table a section: the picture, then one sentence a line."""
    word = Document()
    normal = word.styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(BODY_PT)
    normal.paragraph_format.space_after = Pt(8)
    for name, size in (("Title", 28), ("Heading 1", 22)):
        word.styles[name].font.size = Pt(size)
        word.styles[name].font.name = "Arial"
    word.core_properties.title = doc.title
    word.core_properties.language = "en-GB"
    section = word.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    _para(word, doc.title, "Title")
    # Each picture is stored in the file once and drawn where needed. python-docx's
    # add_picture looks for a free shape id through the whole document on every call, which
    # made a long easy read slow (quadratic); here the ids are counted instead.
    images = {n: word.part.get_or_add_image(io.BytesIO(picture_png(n, 2 * PICTURE_PX, cache)))
              for n in sorted({p.picture for p in doc.points})} if pictures else {}
    shape_id = word.part.next_id
    for part in doc.sections:
        _para(word, part.heading, "Heading1")
        table = word.add_table(rows=0, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        for point in part.points:
            left, right = table.add_row().cells
            left.width, right.width = Cm(PICTURE_CM + 0.6), Cm(17 - PICTURE_CM - 0.6)
            if pictures:
                rid, image = images[point.picture]
                cx, cy = image.scaled_dimensions(Cm(PICTURE_CM), None)
                inline = CT_Inline.new_pic_inline(shape_id, rid, image.filename, cx, cy)
                shape_id += 1
                left.paragraphs[0].add_run()._r.add_drawing(inline)
                # Alt text lives on the drawing's docPr (what Word's "Alt Text" pane edits).
                inline.docPr.set("descr", point.alt)
                inline.docPr.set("title", PICTURES[point.picture].label)
            right.paragraphs[0].text = point.lines[0] if point.lines else ""
            for line in point.lines[1:]:
                right.add_paragraph(line)
    if pictures:
        credit = _para(word, doc.credit)
        credit.paragraph_format.space_before = Pt(24)
        for run in credit.runs:
            run.font.size = Pt(CREDIT_PT)
    return word
