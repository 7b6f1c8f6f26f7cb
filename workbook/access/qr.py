"""QR codes for the room's links (segno: pure Python, well kept), as inline SVG."""

from __future__ import annotations

import io

ROOM_URL_ENV = "WTFC_ROOM_URL"  # set by `wtfc serve` for the room's network: not a secret


def qr_svg(text: str, *, scale: int = 8, css_class: str = "wtfc-qr") -> str:
    """An SVG QR code of ``text``: black on white with a quiet zone, so phones read it from
    a projector. Medium error correction (segno raises it when it costs no size)."""
    import segno  # only the big screen draws a QR code

    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="svg", scale=scale, border=4, xmldecl=False,
                                     svgns=True, svgclass=css_class, lineclass=None,
                                     dark="#000", light="#fff")
    return out.getvalue().decode("ascii")
