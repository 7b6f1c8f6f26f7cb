"""Find statements (text, kind, perspective, review) a page at a time, and count them, in SQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import Connection, func, literal_column, select

from workbook.consent.rule import shown_text, withheld, words_searchable
from workbook.model import (
    KIND_LABELS,
    MAX_TEXT,
    PERSPECTIVE_LABELS,
    Kind,
    Perspective,
    parse_kind,
    parse_perspective,
)
from workbook.store import db
from workbook.text import fold, plural

if TYPE_CHECKING:
    import pandas as pd
    from sqlalchemy.sql.elements import ColumnElement

    from workbook.store.transactions import Store

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200  # a page is drawn as cards: more than this slows every screen down


@dataclass(frozen=True)
class StatementFilter:
    """What to look for; blank fields match everything."""

    text: str = ""  # the words contain this, folded as text.fold folds (case, "ß", spacing)
    kind: str = ""  # a kind value or label ("not_working", "Not working")
    perspective: str = ""  # a perspective value or label
    review: str = ""  # the review reference, exactly (folded: ignoring case and outer spaces)


@dataclass(frozen=True)
class StatementRow:
    """One live statement as a list shows it: `text` as others may see it (workbook.consent)."""

    statement_id: int
    review: str
    perspective: str
    kind: str
    text: str
    words_withheld: bool = False

    @classmethod
    def shown(cls, sid: int, ref: str, perspective: str, kind: str, text: str,
              consent: object) -> StatementRow:
        return cls(sid, ref, perspective, kind, shown_text(text, consent, kind, perspective),
                   withheld(consent))


@dataclass(frozen=True)
class StatementPage:
    """A bounded page of matching statements, newest first, and how many match in all."""

    rows: list[StatementRow]
    total: int
    offset: int
    limit: int

    @property
    def first(self) -> int:
        """1-based position of the first row shown (0 when nothing matches)."""
        return self.offset + 1 if self.rows else 0

    @property
    def last(self) -> int:
        return self.offset + len(self.rows)

    @property
    def has_previous(self) -> bool:
        return self.offset > 0

    @property
    def has_next(self) -> bool:
        return self.last < self.total

    def describe(self) -> str:
        """A plain sentence such as 'Showing 1-50 of 362'."""
        if not self.total:
            return "No statements match."
        return f"Showing {self.first:,}-{self.last:,} of {self.total:,}"


def _fold_sql(conn: Connection, column: ColumnElement) -> ColumnElement:
    """`column` folded in SQL as `text.fold` folds in Python (outer spaces aside: this is for
    substring searches)."""
    if conn.dialect.name == "sqlite":
        # SQLite's lower() folds ASCII only, so the Python function folds every row: about
        # 1 µs a row, 30 ms a search at 30,000 statements (a C-side test to skip plain ASCII
        # rows cost as much as it saved).
        raw = conn.connection.driver_connection
        raw.create_function("wtfc_fold", 1, _fold_or_none, deterministic=True)
        return func.wtfc_fold(column)
    # PostgreSQL's lower() folds all of Unicode under a UTF-8 locale; what casefold() does
    # beyond lower() for Latin and Greek ("ß", "ẞ", final sigma) is done here by hand.
    value = func.lower(func.normalize(column, literal_column("NFKC")))
    value = func.translate(func.replace(value, "ß", "ss"), "ς", "σ")
    return func.regexp_replace(value, r"\s+", " ", "g")


def _fold_or_none(value: str | None) -> str | None:
    return None if value is None else fold(value)


def folded_contains(conn: Connection, column: ColumnElement, needle: str) -> ColumnElement:
    """`column` contains `needle`, both folded (case, "ß", width, spacing), on SQLite and
    PostgreSQL alike."""
    return _fold_sql(conn, column).contains(fold(needle), autoescape=True)


def matching_review_ids(conn: Connection, ref: str) -> list[int]:
    """The reviews whose reference folds to the same as `ref` (an old workshop may hold two)."""
    r = db.reviews.c
    wanted = fold(ref)
    return [rid for rid, got in conn.execute(select(r.id, r.ref)) if fold(got) == wanted]


def _conditions(conn: Connection, filt: StatementFilter) -> list[ColumnElement]:
    s = db.statements.c
    where: list[ColumnElement] = [s.deleted.is_(False)]
    text = " ".join(str(filt.text or "").split())[:MAX_TEXT]
    if text:
        where.append(folded_contains(conn, s.text, text))
        where.append(words_searchable(s.review_id))
    if str(filt.kind or "").strip():
        where.append(s.kind == parse_kind(filt.kind).value)
    if str(filt.perspective or "").strip():
        where.append(s.perspective == parse_perspective(filt.perspective).value)
    review = str(filt.review or "").strip()
    if review:
        where.append(s.review_id.in_(matching_review_ids(conn, review)))
    return where


def find_statements(
    store: Store, filt: StatementFilter | None = None, *, offset: int = 0,
    limit: int = PAGE_SIZE,
) -> StatementPage:
    """The page of live statements matching `filt`, newest first, with the total matching.

    An offset past the end moves back to the last page, so deleting the last card of the
    last page never leaves an empty screen.
    """
    filt = filt or StatementFilter()
    limit = max(1, min(int(limit), MAX_PAGE_SIZE))
    offset = max(0, int(offset))
    s, r = db.statements.c, db.reviews.c
    with store.read() as conn:
        where = _conditions(conn, filt)
        total = int(conn.execute(
            select(func.count()).select_from(db.statements.join(db.reviews, r.id == s.review_id))
            .where(*where)
        ).scalar_one())
        if offset >= total:
            offset = max(0, (total - 1) // limit * limit)
        rows = conn.execute(
            select(s.id, r.ref, s.perspective, s.kind, s.text, r.consent)
            .join(db.reviews, r.id == s.review_id)
            .where(*where)
            .order_by(s.id.desc())
            .limit(limit)
            .offset(offset)
        ).all()
    return StatementPage([StatementRow.shown(*row) for row in rows], total, offset, limit)


def get_statement(store: Store, statement_id: int) -> StatementRow | None:
    """One live statement by its number, or None if there is none (or it was deleted)."""
    s, r = db.statements.c, db.reviews.c
    with store.read() as conn:
        row = conn.execute(
            select(s.id, r.ref, s.perspective, s.kind, s.text, r.consent)
            .join(db.reviews, r.id == s.review_id)
            .where(s.id == int(statement_id), s.deleted.is_(False))
        ).first()
    return StatementRow.shown(*row) if row else None


@dataclass(frozen=True)
class CollectCounts:
    """Live statements counted by perspective and kind, and the reviews they came from."""

    reviews: int = 0
    cells: dict[tuple[str, str], int] = field(default_factory=dict)  # (perspective, kind) -> n

    @property
    def statements(self) -> int:
        return sum(self.cells.values())

    def by_kind(self) -> dict[str, int]:
        return {k.value: sum(n for (_, kind), n in self.cells.items() if kind == k.value)
                for k in Kind}

    def by_perspective(self) -> dict[str, int]:
        return {p.value: sum(n for (persp, _), n in self.cells.items() if persp == p.value)
                for p in Perspective}

    def sentence(self) -> str:
        """E.g. '362 statements from 60 reviews: 110 working, 150 not working, 102 for the
        future.'"""
        if not self.statements:
            return "No statements yet."
        kinds = ", ".join(f"{n:,} {KIND_LABELS[Kind(k)].lower()}"
                          for k, n in self.by_kind().items())
        return (f"{plural(self.statements, 'statement')} from {plural(self.reviews, 'review')}: "
                f"{kinds}.")

    def perspective_sentence(self) -> str:
        """E.g. 'Whose view: 200 the person, 90 family carer, 60 staff, 12 other.'"""
        if not self.statements:
            return ""
        parts = ", ".join(f"{n:,} {PERSPECTIVE_LABELS[Perspective(p)].lower()}"
                          for p, n in self.by_perspective().items())
        return f"Whose view: {parts}."

    def frame(self) -> pd.DataFrame:
        """One row (perspective, kind) per statement: the shape `charts.collect_chart` takes."""
        import pandas as pd  # only for the chart: a table's page kernel stays light

        pairs = [(p, k) for (p, k), n in sorted(self.cells.items()) for _ in range(n)]
        return pd.DataFrame(pairs, columns=["perspective", "kind"])


def collect_counts(store: Store) -> CollectCounts:
    """Counted in the database: cheap enough to run on every live refresh at 30,000 rows."""
    s = db.statements.c
    live = s.deleted.is_(False)
    with store.read() as conn:
        cells = {
            (p, k): int(n)
            for p, k, n in conn.execute(
                select(s.perspective, s.kind, func.count()).where(live)
                .group_by(s.perspective, s.kind)
            )
        }
        reviews = conn.execute(select(func.count(func.distinct(s.review_id))).where(live)).scalar()
    return CollectCounts(int(reviews or 0), cells)
