"""The easy read's files: HTML or Word bytes, pictures cached in the workshop's outputs folder."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.easyread.document import build

if TYPE_CHECKING:
    from workbook.workshop import Workshop

CACHE_FOLDER = "easy-read-pictures"


def picture_cache(ws: Workshop) -> Path:
    """Where the pictures' PNGs are kept once made (outputs/easy-read-pictures)."""
    return ws.outputs / CACHE_FOLDER


def easy_read_bytes(ws: Workshop, *, docx: bool = False, pictures: bool = True) -> bytes:
    """The easy read as it stands in the store, as an HTML page (UTF-8) or a Word file."""
    doc = build(ws)
    cache = picture_cache(ws)
    if not docx:
        from workbook.easyread.html_doc import easy_read_html

        return easy_read_html(doc, cache, pictures=pictures).encode("utf-8")
    from workbook.easyread.word_doc import easy_read_docx

    buf = io.BytesIO()
    easy_read_docx(doc, cache, pictures=pictures).save(buf)
    return buf.getvalue()
