"""Consent to use a person's words: the one rule for which statement words others may see."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from workbook.model import KIND_LABELS, PERSPECTIVE_LABELS, Kind, Perspective
from workbook.store import db

if TYPE_CHECKING:
    import pandas as pd
    from sqlalchemy.sql.elements import ColumnElement

WITHHELD = "Words not shown: no consent to use them"


def withheld(consent: object) -> bool:
    """True when the person said no to their words being used (consent False). None means
    not recorded (older imports): shown as before, and flagged on the Prepare page."""
    if consent is None or isinstance(consent, str):
        return False
    try:
        return not bool(consent)  # numpy's False too; NaN is truthy (not recorded)
    except TypeError:  # pandas.NA refuses bool(): not recorded
        return False


def placeholder(kind: object, perspective: object) -> str:
    """What stands in for withheld words: it still says which kind and whose view, so the
    room sees the statement counts."""
    parts = []
    try:
        parts.append(KIND_LABELS[Kind(str(kind))].lower())
    except ValueError:
        pass
    try:
        parts.append(PERSPECTIVE_LABELS[Perspective(str(perspective))].lower())
    except ValueError:
        pass
    return f"{WITHHELD} ({', '.join(parts)})" if parts else WITHHELD


def shown_text(text: str, consent: object, kind: object, perspective: object) -> str:
    """A statement's words as anyone but the facilitator's own backup may show them."""
    return placeholder(kind, perspective) if withheld(consent) else text


def withheld_review_ids() -> Any:
    """SQL: the reviews whose people did not agree to their words being used."""
    return select(db.reviews.c.id).where(db.reviews.c.consent.is_(False))


def words_searchable(review_id: ColumnElement) -> ColumnElement:
    """SQL condition for a search by words: withheld statements never match one, or a
    search would tell the room what they say."""
    return review_id.not_in(withheld_review_ids())


def shown_frame(frame: pd.DataFrame, consent: pd.Series) -> pd.DataFrame:
    """`frame` (columns text, kind, perspective) with withheld words replaced, and a
    `words_withheld` column; `consent` is each row's review's consent, aligned."""
    flags = [withheld(c) for c in consent]
    frame = frame.copy()
    frame["text"] = [placeholder(k, p) if w else t for t, k, p, w in
                     zip(frame["text"], frame["kind"], frame["perspective"], flags, strict=True)]
    frame["words_withheld"] = flags
    return frame
