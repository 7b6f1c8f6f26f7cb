"""A paper wall's result typed back in: card numbers ("12, 15 40", "No. 7", "20-24") moved
into a theme as one undoable change."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select

from workbook.model import InputError
from workbook.stages.theme_board import MAX_MOVE
from workbook.store import db
from workbook.text import noun, plural

if TYPE_CHECKING:
    from workbook.workshop import Workshop

MAX_TYPED = 5000  # characters in the box: far more than MAX_MOVE numbers need
MAX_DIGITS = 9  # from 10 ** MAX_DIGITS up, no card of ours (nor an SQL integer)
NAMED = 20  # numbers named in one message before "and N more"
EXAMPLE = "e.g. 12 15 40, or 20-24 for a run of cards"

_DASHES = re.compile("[\u2010-\u2015\u2212]")  # hyphens, en and em dashes, minus
_PREFIX = re.compile(r"(?i)(?:\bno\b\.?|\bnumber\b|#)\s*(?=\d)")
_AROUND_DASH = re.compile(r"\s*-\s*")
_SPLIT = re.compile(r"[\s,;]+|(?i:\band\b|&)")
_TOKEN = re.compile(r"(\d+)(?:-(\d+))?")


def numbered(numbers: list[int]) -> str:
    """'No. 12', 'No. 12 and 15', 'No. 12, 15 and 40', at most NAMED of them."""
    shown = [str(n) for n in numbers[:NAMED]]
    more = len(numbers) - len(shown)
    if more:
        return f"No. {', '.join(shown)} and {more:,} more"
    if len(shown) == 1:
        return f"No. {shown[0]}"
    return f"No. {', '.join(shown[:-1])} and {shown[-1]}"


def _quoted(items: list[str]) -> str:
    shown = [f"“{t[:30]}”" for t in items[:NAMED]]
    return ", ".join(shown) + (f" and {len(items) - NAMED:,} more" if len(items) > NAMED else "")


def parse_numbers(typed: object) -> list[int]:
    """The card numbers in what was typed, in order, each once. Spaces, commas, semicolons
    and "and" separate them; "No. 12" and "#12" read as 12; "20-24" is 20 to 24.
    Anything else is named back, and nothing is read."""
    text = unicodedata.normalize("NFKC", "" if typed is None else str(typed))
    if len(text) > MAX_TYPED:
        raise InputError(f"That is {len(text):,} characters; type at most {MAX_TYPED:,} "
                         "(the numbers of one theme's cards).")
    text = _AROUND_DASH.sub("-", _PREFIX.sub("", _DASHES.sub("-", text)))
    numbers: list[int] = []
    junk: list[str] = []
    runs: list[str] = []
    for token in _SPLIT.split(text):
        token = (token or "").strip().rstrip(".")
        if not token:
            continue
        match = _TOKEN.fullmatch(token)
        if match is None:
            junk.append(token)
            continue
        start, end = int(match.group(1)), int(match.group(2) or match.group(1))
        if match.group(2) is None:
            numbers.append(start)  # a huge one is no card: named as unknown by the move
        elif start <= end < start + MAX_MOVE:
            numbers.extend(range(start, end + 1))
        else:
            runs.append(token)
    if runs:
        raise InputError(f"“{runs[0][:30]}” is not a run of cards: write the smaller number "
                         f"first, and at most {MAX_MOVE:,} cards (e.g. 20-24). Nothing was moved.")
    if junk:
        raise InputError(f"{'This is' if len(junk) == 1 else 'These are'} not "
                         f"{noun(len(junk), 'a card number', 'card numbers')}: {_quoted(junk)}. "
                         f"Type the numbers on the cards ({EXAMPLE}). Nothing was moved.")
    numbers = list(dict.fromkeys(numbers))
    if not numbers:
        raise InputError(f"Type the numbers written on the cards first ({EXAMPLE}).")
    if len(numbers) > MAX_MOVE:
        raise InputError(f"That is {plural(len(numbers), 'card')}; move at most {MAX_MOVE:,} "
                         "at once. Nothing was moved.")
    return numbers


@dataclass(frozen=True)
class NumbersMoved:
    """What a typed move did: the cards moved, and those already in that theme."""

    place: str  # “Getting out”, or "not yet in a theme"
    moved: list[int] = field(default_factory=list)
    already: list[int] = field(default_factory=list)

    def sentence(self) -> str:
        there = "there" if self.place.startswith("“") else "not in a theme"
        was = "was" if len(self.already) == 1 else "were"
        if not self.moved:
            return (f"Nothing moved: {numbered(self.already)} {was} already "
                    f"{'in ' + self.place if there == 'there' else 'not in a theme'}.")
        to = f"to {self.place}" if there == "there" else "back to not yet in a theme"
        said = f"Moved {plural(len(self.moved), 'card')} ({numbered(self.moved)}) {to}."
        if self.already:
            said += f" {numbered(self.already)} {was} already {there}."
        return said


def move_by_numbers(ws: Workshop, typed: object, theme_id: int | None, *,
                    actor: str = "") -> NumbersMoved:
    """Move the cards with these numbers into a theme (None: back to not yet in a theme).

    Every number is checked first: any that is not a card, or was deleted, is named and
    nothing moves. Cards already there are named and left; the rest move in one
    transaction (Workshop.assign), which "Undo my last change" takes back whole."""
    numbers = parse_numbers(typed)
    s, t = db.statements.c, db.themes.c
    asked = [n for n in numbers if n < 10 ** MAX_DIGITS]  # past that, no SQL integer
    with ws.store.read() as conn:
        rows = {int(r.id): r for r in conn.execute(
            select(s.id, s.deleted, s.theme_id).where(s.id.in_(asked)))} if asked else {}
        live_themes = set(conn.execute(select(t.id).where(t.deleted.is_(False))).scalars())
        name = None
        if theme_id is not None:
            name = conn.execute(select(t.name).where(t.id == theme_id,
                                                     t.deleted.is_(False))).scalar()
    if theme_id is not None and name is None:
        raise InputError("That theme no longer exists (it may have been merged or deleted). "
                         "Choose another theme. Nothing was moved.")
    unknown = [n for n in numbers if n not in rows]
    gone = [n for n in numbers if n in rows and rows[n].deleted]
    problems = []
    if unknown:
        problems.append(f"there is no card {numbered(unknown)}")
    if gone:
        problems.append(f"{numbered(gone)} {'was' if len(gone) == 1 else 'were'} deleted")
    if problems:
        said = " and ".join(problems)
        raise InputError(f"{said[0].upper()}{said[1:]}. Check the numbers on the cards and "
                         "type them again. Nothing was moved.")

    def now_in(n: int) -> int | None:
        current = rows[n].theme_id
        return int(current) if current is not None and current in live_themes else None

    place = f"“{name}”" if name is not None else "not yet in a theme"
    already = [n for n in numbers if now_in(n) == theme_id]
    to_move = [n for n in numbers if now_in(n) != theme_id]
    if to_move:
        ws.assign(to_move, theme_id, actor=actor)
    return NumbersMoved(place, to_move, already)
