"""Which statements become cards, and what each card says (number, words, kind, whose view)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import and_, select

from workbook.consent.rule import withheld
from workbook.model import (
    KIND_LABELS,
    KIND_SYMBOLS,
    PERSPECTIVE_LABELS,
    InputError,
    Kind,
    Perspective,
)
from workbook.store import db
from workbook.text import one_line, plural

if TYPE_CHECKING:
    from workbook.store.transactions import Store

# Which cards to print: every statement, or only those the room has not yet put in a theme.
WHICH = {"all": "every statement", "unthemed": "statements not yet in a theme"}


@dataclass(frozen=True)
class Card:
    """One statement as a card. `number` is the statement's own number (No. on the Collect
    page), so a number written on the wall finds the same statement again."""

    number: int
    text: str
    kind: Kind
    perspective: Perspective

    @property
    def kind_line(self) -> str:
        return f"{KIND_SYMBOLS[self.kind]} {KIND_LABELS[self.kind]}"

    @property
    def number_line(self) -> str:
        return f"No. {self.number}"

    @property
    def view_line(self) -> str:
        return f"Whose view: {PERSPECTIVE_LABELS[self.perspective]}"


@dataclass(frozen=True)
class CardSet:
    """The cards to print, and how many statements were left out because their person did
    not agree to their words being used (their words are never printed)."""

    cards: list[Card]
    withheld: int
    which: str

    def sentence(self) -> str:
        return f"{plural(len(self.cards), 'card')} ({WHICH[self.which]})"

    def left_out(self) -> str:
        """'' or a sentence saying how many were left out, and why."""
        if not self.withheld:
            return ""
        return (f"{plural(self.withheld, 'statement')} left out: the person did not agree "
                "to their words being used.")


def check_which(which: object) -> str:
    if which not in WHICH:
        raise InputError(f"Choose which cards to print: {' or '.join(WHICH)}.")
    return str(which)


def read_cards(store: Store, which: str = "all") -> CardSet:
    """Live statements in number order; deleted and erased ones are never printed, nor the
    words of a person who said no (counted instead)."""
    which = check_which(which)
    s, r, t = db.statements.c, db.reviews.c, db.themes.c
    query = (select(s.id, s.kind, s.perspective, s.text, r.consent, t.id.label("theme"))
             .join(db.reviews, r.id == s.review_id)
             .outerjoin(db.themes, and_(t.id == s.theme_id, t.deleted.is_(False)))
             .where(s.deleted.is_(False)).order_by(s.id))
    cards, left_out = [], 0
    with store.read() as conn:
        for row in conn.execute(query):
            if which == "unthemed" and row.theme is not None:
                continue
            if withheld(row.consent):
                left_out += 1
                continue
            cards.append(Card(int(row.id), one_line(row.text), Kind(row.kind),
                              Perspective(row.perspective)))
    return CardSet(cards, left_out, which)
