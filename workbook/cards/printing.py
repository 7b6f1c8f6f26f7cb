"""Write the cards to a file (PDF or Word), whole or not at all; and the `wtfc cards` command."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.cards.card_data import WHICH, CardSet, read_cards
from workbook.cards.card_numbers import numbered
from workbook.io.files import write_atomic
from workbook.model import InputError
from workbook.text import plural

if TYPE_CHECKING:
    import argparse

    from workbook.workshop import Workshop

FORMATS = {".pdf": "PDF", ".docx": "Word"}


@dataclass(frozen=True)
class CardsWritten:
    path: Path
    cards: CardSet
    sheets: int
    gaps: list[int] = field(default_factory=list)  # PDF cards with characters left blank

    def sentence(self) -> str:
        said = (f"Wrote {self.cards.sentence()} on {plural(self.sheets, 'A4 sheet')} "
                f"to {self.path}.")
        return " ".join(t for t in (said, self.cards.left_out(), self.gaps_note()) if t)

    def gaps_note(self) -> str:
        if not self.gaps:
            return ""
        return (f"{numbered(self.gaps)} {'has' if len(self.gaps) == 1 else 'have'} characters "
                "the PDF's font cannot draw (such as Chinese, Japanese or emoji), left as "
                "gaps: print those cards from the Word file (.docx) instead.")


def cards_file_name(workshop_name: str, suffix: str, which: str = "all") -> str:
    stem = re.sub(r"[^A-Za-z0-9]+", "-", workshop_name).strip("-").lower() or "workshop"
    return f"{stem}-{'unthemed-' if which == 'unthemed' else ''}cards{suffix}"


def write_cards(ws: Workshop, output: str | Path, which: str = "all") -> CardsWritten:
    """The statements as A4 cards in `output` (.pdf or .docx)."""
    from workbook.cards.placing import page_count, place

    output = Path(output)
    suffix = output.suffix.lower()
    if suffix not in FORMATS:
        raise InputError("Save the cards in a file ending .pdf (to print) or .docx (Word).")
    if not output.parent.is_dir():
        raise InputError(f"There is no folder {output.parent}: make it first, or choose "
                         "another place to save the cards.")
    cards = read_cards(ws.store, which)
    placed = place(cards.cards)
    gaps: list[int] = []
    if suffix == ".pdf":
        from workbook.cards.card_pdf import cards_pdf
        from workbook.cards.placing import unprintable

        gaps = [c.number for c in cards.cards if unprintable(c.text)]
        data = cards_pdf(placed, ws.name)
    else:
        from workbook.cards.card_docx import cards_docx

        buf = io.BytesIO()
        cards_docx(placed, ws.name).save(buf)
        data = buf.getvalue()
    write_atomic(output, lambda tmp: tmp.write_bytes(data))
    return CardsWritten(output, cards, max(page_count(placed), 1), gaps)


def cmd_cards(args: argparse.Namespace) -> int:
    from workbook.workshop import Workshop

    ws = Workshop.open(args.dir)
    try:
        print(write_cards(ws, args.output, "unthemed" if args.unthemed else "all").sentence())
    finally:
        ws.close()
    return 0


def add_cards_command(sub) -> None:
    """`wtfc cards DIR --output cards.pdf|cards.docx [--unthemed]`."""
    s = sub.add_parser("cards", help="the statements as numbered A4 cards for a paper wall "
                                     "(PDF to print, or Word)")
    s.add_argument("dir", help="workshop folder or database URL")
    s.add_argument("--output", required=True, help="the file to write: cards.pdf or cards.docx")
    s.add_argument("--unthemed", action="store_true",
                   help=f"only {WHICH['unthemed']} (default: {WHICH['all']})")
    s.set_defaults(func=cmd_cards)
