"""The mood barometer's pictures: five faces drawn as SVG, each with its word beneath."""

from __future__ import annotations

from workbook.evaluation.measures import MOOD

# Okabe-Ito colours from unhappy (orange) to happy (blue-green); the mouth and the word say
# the same, so colour is never the only signal.
FILL = {5: "#009E73", 4: "#56B4E9", 3: "#DDDDDD", 2: "#E69F00", 1: "#D55E00"}
# The mouth's curve: its middle's height against its ends (a smile dips, a frown rises).
CURVE = {5: 16, 4: 9, 3: 0, 2: -9, 1: -16}


def face_svg(point: int, size: int = 72) -> str:
    """One face: a circle, two eyes and a mouth curved by the mood."""
    bend = CURVE[point]
    return (f'<svg width="{size}" height="{size}" viewBox="0 0 100 100" aria-hidden="true" '
            'focusable="false">'
            f'<circle cx="50" cy="50" r="46" fill="{FILL[point]}" stroke="#0b0c0c" '
            'stroke-width="4"/>'
            '<circle cx="34" cy="40" r="6" fill="#0b0c0c"/>'
            '<circle cx="66" cy="40" r="6" fill="#0b0c0c"/>'
            f'<path d="M 28 {68 - bend / 2} Q 50 {68 + bend * 1.5} 72 {68 - bend / 2}" '
            'fill="none" stroke="#0b0c0c" stroke-width="6" stroke-linecap="round"/></svg>')


def faces_html() -> str:
    """The row of pictures, happiest first, as the answers beneath them are listed."""
    cells = "".join(
        f'<figure class="wtfc-mood-face" style="margin:0;min-width:6rem">{face_svg(point)}'
        f"<figcaption>{words}</figcaption></figure>" for point, words in MOOD)
    # a row on a laptop; on a phone they wrap, three or so to a line
    return (f'<div class="wtfc-mood-faces" style="display:flex;flex-wrap:wrap;gap:0.5rem 1rem;'
            f'text-align:center">{cells}</div>')
