"""Statement cards and other participant text, always escaped before it reaches HTML."""

from __future__ import annotations

from html import escape

from workbook.model import KIND_LABELS, KIND_SYMBOLS, PERSPECTIVE_LABELS, Kind, Perspective
from workbook.text import plural_of


def esc(text: object) -> str:
    """Escape participant text for HTML (quotes too, so it is safe in attributes)."""
    return escape("" if text is None else str(text), quote=True)


def kind_badge(kind: str) -> str:
    k = Kind(kind)
    return (
        f'<span class="wtfc-badge wtfc-badge-{k.value}">'
        f'<span aria-hidden="true">{KIND_SYMBOLS[k]}</span> {esc(KIND_LABELS[k])}</span>'
    )


def card_html(
    text: str, kind: str, review: str = "", perspective: str = "", extra: str = ""
) -> str:
    """One statement card: a kind label with symbol and colour bar, the words, and who said it."""
    who = PERSPECTIVE_LABELS.get(Perspective(perspective), "") if perspective else ""
    meta = " · ".join(esc(x) for x in (review, who, extra) if x)
    return (
        f'<div class="wtfc-card wtfc-kind-{esc(kind)}">{kind_badge(kind)}'
        f'<p class="wtfc-card-text">{esc(text)}</p>'
        + (f'<p class="wtfc-card-meta">{meta}</p>' if meta else "")
        + "</div>"
    )


def header_html(workshop: str, stage: str, table: str | None) -> str:
    where = f"Table: {esc(table)}" if table else "Big screen"
    return (
        f'<header class="wtfc-header"><h1>{esc(stage)}</h1>'
        f'<p><span class="wtfc-workshop">{esc(workshop)}</span> · '
        f'<span class="wtfc-table">{where}</span></p></header>'
    )


def heading(text: str, level: int = 2) -> str:
    """A section heading; its words are escaped like any other text."""
    return f'<h{level} class="wtfc-section-title">{escape(text, quote=True)}</h{level}>'


def more_attrs(rows: str, noun: str, nouns: str | None = None, of: str = "in all") -> str:
    """Attributes for a box that scrolls on its own: the template's script (more.js.j2)
    counts its `rows` (a CSS selector) that end below what the box shows, on this screen, and
    writes "N more nouns below" in the box's MORE_NOTE. Only the browser knows how many fit."""
    return (f" data-more-items='{esc(rows)}' data-more-one='{esc(noun)}' "
            f"data-more-many='{esc(nouns or plural_of(noun))}' data-more-of='{esc(of)}'")


# The "N more" line: empty and hidden until the script has counted (a box that does not
# scroll shows none). Placed last inside the box (it sticks to its foot) or just after it.
MORE_NOTE = "<p class='wtfc-more-note' hidden></p>"


def scroll_region(inner_html: str, label: str, rows: str, noun: str, nouns: str | None = None, *,
                  css: str = "wtfc-scroll", of: str = "in all") -> str:
    """A box that scrolls on its own (focusable, so it scrolls by keyboard too) with its
    "N more below" line at its foot: `rows`, `noun`, `nouns` and `of` as for more_attrs."""
    return (f"<div class='{css}' tabindex='0' role='region' aria-label='{esc(label)}'"
            f"{more_attrs(rows, noun, nouns, of)}>{inner_html}{MORE_NOTE}</div>")
