"""Rows an import skips without refusing them, noted so the import report can say so."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from workbook.io.headers import KIND, PERSPECTIVE, REVIEW, TEXT, Header, Row, blank


def _read_columns(header: Header) -> list[int]:
    """The columns the importer reads statements from; anything else is the council's notes."""
    roles = (REVIEW, KIND, PERSPECTIVE, TEXT)
    return [header.roles[r] for r in roles if r in header.roles] + [
        at for at, _ in header.statement_columns]


def _blank_run(first: int, last: int) -> str:
    which = f"row {first:,} is" if first == last else f"rows {first:,} to {last:,} are"
    return (f"{which} blank, between rows that were imported: nothing to import there. "
            "Check nothing was deleted by mistake.")


ONLY_OTHER_COLUMNS = ("this row has something only in other columns, none in the review, "
                      "perspective, kind or statement columns: nothing imported from it")


def noting_rows(
    header: Header, rows: Iterable[tuple[int, Row]], notes: list[tuple[int, str]]
) -> Iterator[tuple[int, Row]]:
    """Pass every row on unchanged, noting (row, reason) for blank runs inside the data and
    rows that hold only notes. Blank rows after the last data row are leftovers: not noted."""
    read_at = _read_columns(header)
    first = read_at[0]  # the review reference: filled in on nearly every row
    run: tuple[int, int] | None = None
    for number, row in rows:
        # The common row has its reference: one cell looked at, so a 30,000-row file is
        # read hardly slower than without these notes.
        if not (first < len(row) and not blank(row[first])):
            if all(blank(v) for v in row):
                run = (run[0] if run else number, number)
                yield number, row
                continue
            if all(at >= len(row) or blank(row[at]) for at in read_at):
                notes.append((number, ONLY_OTHER_COLUMNS))
        if run is not None:
            notes.append((run[0], _blank_run(*run)))
            run = None
        yield number, row
