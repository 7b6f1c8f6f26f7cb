"""The easy read as one self-contained HTML page: large print, a picture beside every point."""

from __future__ import annotations

import base64
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from workbook.easyread.document import EasyRead
from workbook.easyread.pictures import PICTURE_PX, picture_png

_env = Environment(
    loader=PackageLoader("workbook.easyread", "templates"),
    autoescape=select_autoescape(["html", "j2"], default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def picture_uris(doc: EasyRead, cache: Path | None) -> dict[str, str]:
    """Each picture the document uses once, as a PNG data URI (twice the shown size: sharp
    on a phone and in print)."""
    names = {p.picture for p in doc.points}
    return {n: "data:image/png;base64," + base64.b64encode(
        picture_png(n, 2 * PICTURE_PX, cache)).decode("ascii") for n in sorted(names)}


def easy_read_html(doc: EasyRead, cache: Path | None = None, *, pictures: bool = True) -> str:
    """Every text is escaped by Jinja2; `pictures=False` leaves them out (text only)."""
    return _env.get_template("easy_read.html.j2").render(
        doc=doc, uris=picture_uris(doc, cache) if pictures else {}, px=PICTURE_PX)
