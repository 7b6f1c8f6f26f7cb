"""Read a review's optional date, type and consent columns while the statements are read."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from workbook.io.decode import FileUnreadable
from workbook.io.headers import CONSENT, REVIEW, REVIEW_DATE, REVIEW_TYPE, ROLE_NAMES, Header, Row
from workbook.model import InputError, clean_review_ref
from workbook.stages.prepare_values import clean_review_type, parse_consent, parse_review_date

# The column's role -> the review's column in the store, and how its cell is read.
_FIELDS = {
    REVIEW_DATE: ("reviewed_on", lambda v: parse_review_date(v, "review date")),
    REVIEW_TYPE: ("review_type", clean_review_type),
    CONSENT: ("consent", lambda v: parse_consent(v, "consent to use words")),
}
_NOTHING = "Fix it and import again: nothing was imported from this file."


def reading_details(header: Header, rows: Iterable[tuple[int, Row]], name: str,
                    details: dict[str, dict[str, Any]]) -> Iterator[tuple[int, Row]]:
    """Pass every row on unchanged, gathering each review's details into ``details`` (by
    reference). A bad value, or one review given two different values, stops the whole
    file with a plain FileUnreadable naming the row: an import never half-writes a review."""
    at = {role: header.roles[role] for role in _FIELDS if role in header.roles}
    if not at:
        yield from rows
        return
    first: dict[tuple[str, str], int] = {}  # (reference, column) -> the row that set it
    for number, row in rows:
        values: dict[str, Any] = {}
        for role, index in at.items():
            column, read = _FIELDS[role]
            try:
                value = read(row[index] if index < len(row) else None)
            except InputError as exc:
                raise FileUnreadable(f"{name}, row {number:,}: {exc} {_NOTHING}") from None
            if value is not None:
                values[column] = (role, value)
        if values:
            try:
                ref = clean_review_ref(row[header.roles[REVIEW]]
                                       if header.roles[REVIEW] < len(row) else None)
            except InputError:
                ref = None  # the statement reader rejects the row, naming why
            if ref is not None:
                _keep(details.setdefault(ref, {}), first, ref, number, values, name)
        yield number, row


def _keep(kept: dict[str, Any], first: dict[tuple[str, str], int], ref: str, number: int,
          values: dict[str, tuple[str, Any]], name: str) -> None:
    for column, (role, value) in values.items():
        if column in kept and kept[column] != value:
            said = {True: "yes", False: "no"}.get(kept[column], kept[column])
            now = {True: "yes", False: "no"}.get(value, value)
            raise FileUnreadable(
                f"{name}, row {number:,}: review {ref} has {ROLE_NAMES[role]} {now!r} here but "
                f"{said!r} on row {first[(ref, column)]:,}. Make them the same. {_NOTHING}")
        kept[column] = value
        first.setdefault((ref, column), number)
