"""Recognise a spreadsheet's header row and decide whether it is long or wide layout."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from workbook.io.decode import FileUnreadable
from workbook.io.wording import read_kind, words
from workbook.model import Kind
from workbook.text import listed

HEADER_SCAN_ROWS = 30
Row = Sequence[object]

REVIEW, PERSPECTIVE, KIND, TEXT = "review", "perspective", "kind", "text"
# Optional columns about the review itself (step 1, Prepare): read when present.
REVIEW_DATE, REVIEW_TYPE, CONSENT = "review_date", "review_type", "consent"
DETAIL_ROLES = (REVIEW_DATE, REVIEW_TYPE, CONSENT)
ROLE_NAMES = {
    REVIEW: "review reference",
    PERSPECTIVE: "perspective",
    KIND: "kind",
    TEXT: "statement text",
    REVIEW_DATE: "Review date",
    REVIEW_TYPE: "Review type",
    CONSENT: "Consent to use words",
}

_ROLE_SYNONYMS = {
    REVIEW: (
        "review", "review ref", "review reference", "reference", "ref", "review id",
        "person ref", "person id", "id", "participant", "participant id",
        "review no", "review number", "reference no", "reference number", "ref no",
    ),
    PERSPECTIVE: ("perspective", "whose view", "who said it", "from", "view of", "respondent"),
    KIND: (
        "kind", "type", "category", "statement type",
        # the review form's section the statement was written under: "What's working", ...
        "section", "form section", "section of form", "review section",
    ),
    TEXT: (
        "text", "statement", "what they said", "comment", "comments", "response",
        "statement text",
    ),
    REVIEW_DATE: (
        "review date", "date of review", "date reviewed", "reviewed on", "date of the review",
        "review held", "date review held", "date",
    ),
    REVIEW_TYPE: ("review type", "type of review", "kind of review"),
    CONSENT: (
        "consent to use words", "consent", "consent to use", "consent given",
        "consent to use their words", "consent to use my words", "agreed to words being used",
        "permission to use words", "permission", "words may be used",
    ),
}  # fmt: skip
_ROLE_BY_TOKEN = {token: role for role, tokens in _ROLE_SYNONYMS.items() for token in tokens}

_LONGEST_HEADER = 80


def normalise_header(value: object) -> str:
    """'What’s Working (2)' -> 'whats working': case, punctuation and numbering ignored."""
    tokens = words(value)
    while tokens and tokens[-1].isdigit():
        tokens.pop()
    return " ".join(tokens)


@dataclass
class Header:
    """Where each column is: single-role columns, and (for wide) one column per statement."""

    row: int
    cells: list[str]
    roles: dict[str, int] = field(default_factory=dict)
    statement_columns: list[tuple[int, Kind]] = field(default_factory=list)

    @property
    def layout(self) -> str | None:
        if REVIEW in self.roles and KIND in self.roles and TEXT in self.roles:
            return "long"
        if REVIEW in self.roles and self.statement_columns:
            return "wide"
        return None

    @property
    def score(self) -> int:
        return len(self.roles) + len(self.statement_columns)

    def lacking(self) -> str:
        """Plain words for what this near-miss header lacks."""
        if self.statement_columns:
            return "review reference column"
        if KIND in self.roles or TEXT in self.roles:
            names = [ROLE_NAMES[r] for r in (REVIEW, KIND, TEXT) if r not in self.roles]
            return " or ".join(names) + " column"
        return "kind and statement columns, nor columns such as 'Working 1'"


def blank(value: object) -> bool:
    """An empty cell: None, or a string of only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


def classify(row: Sequence[object], row_number: int) -> Header:
    """Map a candidate header row's cells to roles; the first column of a role wins."""
    header = Header(row=row_number, cells=["" if v is None else str(v).strip() for v in row])
    for index, value in enumerate(row):
        if isinstance(value, str) and len(value) > _LONGEST_HEADER:
            continue  # a statement, not a heading: skip the costly normalising
        token = normalise_header(value)
        role = _ROLE_BY_TOKEN.get(token)
        if role is not None:
            header.roles.setdefault(role, index)
            continue
        # The same rule as a kind typed in a cell: "What isn't working for me (2)".
        kind = read_kind(value).kind if token else None
        if kind is not None:
            header.statement_columns.append((index, Kind(kind)))
    return header


def describe_expected() -> str:
    return (
        "Expected a review reference column (such as 'Review ref') and either "
        "'Kind' and 'Statement' columns (one statement a row) or columns such as "
        "'Working 1', 'Not working 1' and 'Future 1' (one review a row)."
    )


def near_miss(best: Header | None, sheet: str | None = None) -> str:
    """Say what the closest header-like row had and lacked, to help the user fix it."""
    if best is None or best.score == 0:
        return ""
    where = f"On sheet {sheet!r}, row {best.row}" if sheet else f"Row {best.row}"
    columns = sorted([*best.roles.values(), *(i for i, _ in best.statement_columns)])
    found = listed([repr(best.cells[i]) for i in columns], 6)
    return f" {where} has {found} but no {best.lacking()}."


def find_header(rows: Iterator[Row]) -> tuple[Header | None, Header | None, Iterator[Row]]:
    """Skip title rows to the header; return it (or the nearest miss) and the rows after it."""
    nearest: Header | None = None
    number = 0
    for row in rows:
        number += 1
        if number > HEADER_SCAN_ROWS:
            break
        if all(blank(v) for v in row):
            continue
        header = classify(row, number)
        if header.layout is None:
            if nearest is None or header.score > nearest.score:
                nearest = header
            continue
        # A group-heading row ("Review | Working | Not working") can sit above the real
        # header; if the next row is an equally good header, it is the real one.
        for following in rows:
            candidate = classify(following, number + 1)
            if candidate.layout is None or candidate.score < header.score:
                return header, None, itertools.chain([following], rows)
            header, number = candidate, number + 1
        return header, None, iter(())
    return None, nearest, iter(())


def no_header(name: str, nearest: Header | None, sheet: str | None, sheets: int) -> FileUnreadable:
    """The error for a file with no recognisable header: what was expected, what was near."""
    where = f" ({sheets} sheets checked)" if sheets > 1 else ""
    if nearest is None:
        return FileUnreadable(
            f"{name} has no data in its first {HEADER_SCAN_ROWS} rows{where}. "
            "Check you chose the right file, then import again."
        )
    return FileUnreadable(
        f"Could not find the column headings in {name}{where}: checked the first "
        f"{HEADER_SCAN_ROWS} rows. {describe_expected()}"
        f"{near_miss(nearest, sheet if sheets > 1 else None)} "
        "Add or rename the headings, then import again."
    )
