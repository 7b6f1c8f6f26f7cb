"""The two top things (WTfC step 2): a review with more than two of one kind from one view."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from workbook.model import KIND_LABELS, Kind, Perspective
from workbook.store import db

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from workbook.store.transactions import Store

TOP = 2  # "the two top things that are working and not working", and for the future
# Whose view, as a sentence says it: "4 'Working' statements from the family carer".
FROM_WHOM = {
    Perspective.PERSON: "the person",
    Perspective.FAMILY: "the family carer",
    Perspective.STAFF: "staff",
    Perspective.OTHER: "someone else (other)",
}
# SQLite allows 32,766 bound values; above this many reviews, filter in Python instead.
_MOST_IN_CLAUSE = 900


@dataclass(frozen=True)
class TopTwoFlag:
    """A review holding more than the two top things of one kind from one perspective."""

    review: str
    kind: Kind
    perspective: Perspective
    count: int

    def reason(self) -> str:
        # No statement's words: a review without consent to use them is flagged the same way.
        return (
            f"review {self.review} has {self.count} '{KIND_LABELS[self.kind]}' statements "
            f"from {FROM_WHOM[self.perspective]}; the method asks for the two top things. "
            f"All {self.count} are kept: check with the reviewer which two matter most."
        )

    def line(self) -> str:
        """'R-017: 4 'Not working' from the family carer', for a list of flags."""
        return (f"{self.review}: {self.count} '{KIND_LABELS[self.kind]}' from "
                f"{FROM_WHOM[self.perspective]}")

    def as_dict(self, file: str | None = None) -> dict[str, Any]:
        """The flag as an import warning: {file, review, kind, perspective, count, reason}."""
        out: dict[str, Any] = {} if file is None else {"file": file}
        out.update(review=self.review, kind=self.kind.value,
                   perspective=self.perspective.value, count=self.count, reason=self.reason())
        return out


def _order(flag: TopTwoFlag) -> tuple:
    return (flag.review.casefold(), list(Kind).index(flag.kind),
            list(Perspective).index(flag.perspective))


def over_two(counts: Iterable[tuple[str, str, str, int]]) -> list[TopTwoFlag]:
    """Flags from (review, kind, perspective, count) rows: only counts above two, in order."""
    flags = [TopTwoFlag(ref, Kind(kind), Perspective(view), int(n))
             for ref, kind, view, n in counts if int(n) > TOP]
    return sorted(flags, key=_order)


def flags_in(conn: Connection, review_ids: Iterable[int] | None = None) -> list[TopTwoFlag]:
    """Flags for live statements, in every review or only those given (one GROUP BY)."""
    s, r = db.statements.c, db.reviews.c
    query = (
        select(s.review_id, r.ref, s.kind, s.perspective, func.count())
        .join_from(db.statements, db.reviews, s.review_id == r.id)
        .where(s.deleted.is_(False))
        .group_by(s.review_id, r.ref, s.kind, s.perspective)
        .having(func.count() > TOP)
    )
    wanted = None if review_ids is None else set(review_ids)
    if wanted is not None and len(wanted) < _MOST_IN_CLAUSE:
        query = query.where(s.review_id.in_(wanted))
    rows = conn.execute(query).all()
    return over_two((ref, kind, view, n) for rid, ref, kind, view, n in rows
                    if wanted is None or rid in wanted)


def top_two_flags(store: Store) -> list[TopTwoFlag]:
    """Every review in the workshop over the two top things, for the Collect page."""
    with store.read() as conn:
        return flags_in(conn)


KEEP_AND_CHECK = "They are all kept: check with the reviewer which two matter most."


def headline(flags: list[TopTwoFlag]) -> str:
    """One short sentence for a page: how many reviews are over the two top things."""
    reviews = len({f.review for f in flags})
    which = "1 review has" if reviews == 1 else f"{reviews:,} reviews have"
    return f"Two top things: {which} more than two of one kind from one perspective."
