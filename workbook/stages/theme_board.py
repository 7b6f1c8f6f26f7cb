"""The theme board's data: bounded pages of cards and each theme's counts, ready for JSON."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Select, func, or_, select

from workbook.consent.rule import shown_text, words_searchable
from workbook.model import (
    KIND_LABELS,
    KIND_SYMBOLS,
    PERSPECTIVE_LABELS,
    InputError,
    Kind,
    Perspective,
)
from workbook.stages.search import folded_contains
from workbook.store import db
from workbook.text import plural, shorten

if TYPE_CHECKING:
    import pandas as pd

    from workbook.store.transactions import Store

UNTHEMED_LIMIT = 60  # cards shown in the unthemed column: enough to work on, few enough to draw
THEME_CARDS = 6  # cards shown inside each theme on the board
THEME_LIST_LIMIT = 200  # cards of one theme offered for a split
MAX_MOVE = 500  # cards one message from the browser may move
MAX_SEARCH = 100
RECENT_CHANGES = 300  # recently changed statements put first in their theme
KINDS = (Kind.WORKING, Kind.NOT_WORKING, Kind.FUTURE)


@dataclass(frozen=True)
class BoardFilter:
    """Which cards the board shows: one perspective (or everyone) and words to look for."""

    perspective: str | None = None
    search: str = ""

    def __post_init__(self) -> None:
        if self.perspective is not None:
            object.__setattr__(self, "perspective", Perspective(self.perspective).value)
        object.__setattr__(self, "search", " ".join(str(self.search or "").split())[:MAX_SEARCH])

    @property
    def active(self) -> bool:
        return self.perspective is not None or bool(self.search)

    def describe(self) -> str:
        """A plain phrase for the filter, e.g. "family carer only, with 'bus'" ('' if none)."""
        parts = []
        if self.perspective is not None:
            parts.append(f"{PERSPECTIVE_LABELS[Perspective(self.perspective)].lower()} only")
        if self.search:
            parts.append(f"with “{self.search}”")
        return ", ".join(parts)

    def apply(self, query: Select, conn: Connection) -> Select:
        s = db.statements.c
        if self.perspective is not None:
            query = query.where(s.perspective == self.perspective)
        if self.search:  # folded as the Collect finder folds: "CAFÉ" finds "café" on SQLite too
            query = query.where(folded_contains(conn, s.text, self.search),
                                words_searchable(s.review_id))
        return query


def kind_info() -> list[dict[str, str]]:
    return [{"kind": k.value, "label": KIND_LABELS[k], "symbol": KIND_SYMBOLS[k]} for k in KINDS]


def _card_query() -> Select:
    s, r = db.statements.c, db.reviews.c
    return (select(s.id, s.kind, s.perspective, s.text, r.ref, s.theme_id, r.consent)
            .join(db.reviews, r.id == s.review_id).where(s.deleted.is_(False)))


def _card(row: Any) -> dict[str, Any]:
    kind, persp = Kind(row.kind), Perspective(row.perspective)
    text = shown_text(row.text, row.consent, kind, persp)  # no consent: a placeholder
    return {"id": int(row.id), "text": text, "kind": kind.value,
            "kind_label": KIND_LABELS[kind], "kind_symbol": KIND_SYMBOLS[kind],
            "perspective": persp.value, "perspective_label": PERSPECTIVE_LABELS[persp],
            "review": row.ref}


def _unthemed_clause():
    # A card whose theme was deleted counts as unthemed, as in the statements DataFrame.
    s, t = db.statements.c, db.themes.c
    return or_(s.theme_id.is_(None), s.theme_id.in_(select(t.id).where(t.deleted.is_(True))))


def _count(conn: Any, query: Select) -> int:
    return int(conn.execute(select(func.count()).select_from(query.subquery())).scalar() or 0)


def unthemed_cards(store: Store, flt: BoardFilter = BoardFilter(),
                   limit: int = UNTHEMED_LIMIT) -> tuple[list[dict[str, Any]], int, int]:
    """Up to `limit` unthemed cards matching the filter, in review order;
    also how many match and how many are unthemed in all."""
    s = db.statements.c
    base = _card_query().where(_unthemed_clause())
    with store.read() as conn:
        rows = conn.execute(flt.apply(base, conn).order_by(s.id).limit(limit)).all()
        everyone = select(s.id).where(s.deleted.is_(False), _unthemed_clause())
        total = _count(conn, everyone)
        matching = _count(conn, flt.apply(everyone, conn)) if flt.active else total
    return [_card(r) for r in rows], matching, total


def _recent_statement_ids(conn: Any, n: int = RECENT_CHANGES) -> list[int]:
    """Statements changed most recently (moved, edited, added), newest first."""
    cr = db.change_rows.c
    rows = conn.execute(select(cr.row_id).where(cr.tbl == "statements")
                        .order_by(cr.id.desc()).limit(n)).scalars()
    return list(dict.fromkeys(int(r) for r in rows))


def theme_cards(store: Store, theme_ids: Iterable[int], flt: BoardFilter = BoardFilter(),
                limit: int = THEME_CARDS) -> dict[int, list[dict[str, Any]]]:
    """Up to `limit` cards of each theme: the most recently moved first (so a card just
    dropped in shows), then the newest by id. Every query is bounded by an index, never by
    the number of statements in the workshop."""
    s = db.statements.c
    wanted = [int(t) for t in theme_ids]
    picked: dict[int, list[Any]] = {tid: [] for tid in wanted}
    with store.read() as conn:
        recent = _recent_statement_ids(conn)
        if recent and wanted:
            rank = {sid: i for i, sid in enumerate(recent)}
            query = flt.apply(_card_query().where(s.id.in_(recent), s.theme_id.in_(wanted)), conn)
            for row in sorted(conn.execute(query).all(), key=lambda r: rank[r.id]):
                if len(picked[row.theme_id]) < limit:
                    picked[row.theme_id].append(row)
        for tid in wanted:
            have = picked[tid]
            if len(have) >= limit:
                continue
            query = flt.apply(_card_query().where(s.theme_id == tid), conn)
            if have:
                query = query.where(s.id.not_in([r.id for r in have]))
            have.extend(conn.execute(query.order_by(s.id.desc()).limit(limit - len(have))))
    return {tid: [_card(r) for r in rows] for tid, rows in picked.items()}


def matching_per_theme(store: Store, flt: BoardFilter) -> dict[int, int]:
    """How many of each theme's cards match the filter (only asked when a filter is on)."""
    s = db.statements.c
    with store.read() as conn:
        query = flt.apply(select(s.theme_id, func.count()).where(
            s.deleted.is_(False), s.theme_id.is_not(None)), conn).group_by(s.theme_id)
        return {int(t): int(n) for t, n in conn.execute(query)}


def _showing(shown: int, of: int, what: str, flt: BoardFilter) -> str:
    where = f" ({flt.describe()})" if flt.active else ""
    if of == 0:
        return f"No cards {what}{where}."
    if shown >= of:
        return f"Showing all {plural(of, 'card')} {what}{where}."
    return f"Showing {shown:,} of {plural(of, 'card')} {what}{where}."


def board_data(store: Store, themes: pd.DataFrame, flt: BoardFilter = BoardFilter(),
               unthemed_limit: int = UNTHEMED_LIMIT,
               per_theme: int = THEME_CARDS) -> dict[str, Any]:
    """Everything the card board draws, as plain JSON-ready values.

    `themes` is `Workshop.themes` (counts already aggregated in SQL); themes keep the
    order they were made in, so drop targets do not jump about while cards move.
    """
    cards, matching, total = unthemed_cards(store, flt, unthemed_limit)
    # Themes with no cards need no query.
    ids = [int(t) for t, n in zip(themes["theme_id"], themes["statements"], strict=True) if n]
    shown = theme_cards(store, ids, flt, per_theme)
    filtered = matching_per_theme(store, flt) if flt.active else {}
    out_themes = []
    for row in themes.sort_values("theme_id").itertuples(index=False):
        tid, n = int(row.theme_id), int(row.statements)
        theme_matching = filtered.get(tid, 0) if flt.active else n
        counts = [{**k, "n": int(getattr(row, k["kind"]))} for k in kind_info()]
        out_themes.append({
            "id": tid, "name": row.name, "i_statement": row.i_statement or "",
            "total": n, "votes": int(row.votes), "counts": counts,
            "cards": shown.get(tid, []), "matching": theme_matching,
            "summary": _showing(len(shown.get(tid, [])), theme_matching, "in this theme", flt),
        })
    return {
        "filter": {"perspective": flt.perspective or "", "search": flt.search,
                   "describe": flt.describe()},
        "kinds": kind_info(),
        "unthemed": {"cards": cards, "matching": matching, "total": total,
                     "summary": _showing(len(cards), matching, "not yet in a theme", flt)},
        "themes": out_themes,
        "summary": (f"{plural(len(out_themes), 'theme')}; "
                    f"{plural(total, 'card')} not yet in a theme."),
    }


def card_label(card: Mapping[str, Any], where: str = "", width: int = 90) -> str:
    """One line for a list of choices: the card's number (as printed on the paper wall's
    cards), symbol and kind in words, the words, the review."""
    text = shorten(card["text"], width)
    place = f" [{where}]" if where else ""
    number = f"No. {card['id']} " if "id" in card else ""
    return (f"{number}{card['kind_symbol']} {card['kind_label']}: {text} ({card['review']})"
            f"{place}")


def parse_move(msg: Mapping[str, Any]) -> tuple[list[int], int | None]:
    """Check a "move" message from the browser: card ids and a theme id (None: unthemed).

    Anyone who can open the page can send one, so nothing in it is trusted.
    """
    ids, theme = msg.get("ids"), msg.get("theme_id")
    if not isinstance(ids, list) or not ids:
        raise InputError("Choose at least one card to move.")
    if len(ids) > MAX_MOVE:
        raise InputError(f"Move at most {MAX_MOVE} cards at once.")
    try:
        clean = [_as_id(i) for i in ids]
        target = None if theme is None else _as_id(theme)
    except (TypeError, ValueError):
        raise InputError("That move could not be read; refresh the page and try again.") from None
    return clean, target


def _as_id(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(value)
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number
