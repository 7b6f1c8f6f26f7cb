"""Panel members' personal links, and a printable sheet of cards with their QR codes."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from workbook.access import keys
from workbook.access.qr import qr_svg
from workbook.access.roles import MEMBER_PAGE
from workbook.tender.read import roster


@dataclass(frozen=True)
class MemberLink:
    member_id: int
    name: str
    panel: str
    url: str


def member_links(workshop, base: str) -> list[MemberLink]:
    """Every member of the current evaluation with their personal link (keys made the first
    time; a member keeps their link while they stay on the panel)."""
    with workshop.store.engine.begin() as conn:
        people = roster(conn, workshop.tender.current_id(conn))
        made = keys.member_keys(conn, [m["id"] for m in people])
    return [MemberLink(m["id"], m["name"], m["panel"],
                       f"{base}voila/render/{MEMBER_PAGE}?key={made[m['id']]}")
            for m in people]


CARD_CSS = """
body { font: 16pt/1.4 system-ui, sans-serif; margin: 1cm; color: #000; background: #fff; }
h1 { font-size: 20pt; }
.cards { display: grid; grid-template-columns: repeat(2, 1fr); gap: 0.6cm; }
.card { border: 2px dashed #000; padding: 0.5cm; break-inside: avoid; }
.card h2 { margin: 0 0 0.2cm; font-size: 18pt; }
.card svg { width: 5cm; height: 5cm; display: block; }
.card .url { font: 9pt/1.2 monospace; word-break: break-all; }
"""


def cards_html(workshop_name: str, links: list[MemberLink]) -> str:
    """A page to print and cut up: one card per member with their name, panel, QR code and
    link. Everything is escaped (names come from an evaluation workbook)."""
    cards = "".join(
        f"<section class='card'><h2>{escape(link.name)}</h2>"
        f"<p>Panel: {escape(link.panel)}. Scan to open your own score sheet. "
        "Keep it to yourself: it scores as you.</p>"
        f"<figure role='img' aria-label='QR code of the link below'>{qr_svg(link.url)}</figure>"
        f"<p class='url'>{escape(link.url)}</p></section>"
        for link in links)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Panel members' links: {escape(workshop_name)}</title>"
        f"<style>{CARD_CSS}</style></head><body><main>"
        f"<h1>Panel members' links: {escape(workshop_name)}</h1>"
        f"<div class='cards'>{cards}</div></main></body></html>"
    )
