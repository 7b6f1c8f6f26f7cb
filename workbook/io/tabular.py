"""Read review statements from a council's CSV or XLSX file, in long or wide layout."""

from __future__ import annotations

import csv
import functools
import io
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from workbook.io.decode import FileUnreadable, decode_text
from workbook.io.headers import (
    KIND,
    PERSPECTIVE,
    REVIEW,
    TEXT,
    Header,
    Row,
    blank,
    find_header,
    no_header,
)
from workbook.io.limits import MAX_FILE_BYTES, capped_rows, check_bytes, check_xlsx, read_capped
from workbook.io.review_details import reading_details
from workbook.io.row_notes import noting_rows
from workbook.model import (
    InputError,
    StatementIn,
    clean_review_ref,
    clean_text,
    parse_kind,
    parse_perspective,
)

T = TypeVar("T")


@dataclass(frozen=True)
class Rejection:
    """A row that was not imported, and what to fix in it."""

    file: str
    row: int  # as Excel or a text editor shows it: 1-based, title and header rows counted
    reason: str


@dataclass
class ReadResult:
    """Statements read from one file, rows rejected, and how the file was laid out."""

    statements: list[tuple[int, StatementIn]] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    layout: str = "long"  # "long": a statement a row; "wide": a review a row
    sheet: str | None = None
    # Each review's date, type and consent from the file's optional columns, by reference.
    details: dict[str, dict[str, Any]] = field(default_factory=dict)
    notes: list[tuple[int, str]] = field(default_factory=list)  # rows skipped: (row, why)


_TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}
_EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, or a password-protected .xlsx
# Python's csv refuses fields over 128 KiB; a huge cell should meet the length limit instead.
_CSV_FIELD_LIMIT = 2**31 - 1


def read_statements(path: str | Path, *, display_name: str | None = None) -> ReadResult:
    """Read statements from a file on disk; FileUnreadable if it cannot be read at all."""
    path = Path(path)
    name = display_name or path.name
    return read_statements_bytes(read_capped(path, name, MAX_FILE_BYTES), name)


def upload_name(filename: str) -> str:
    """The file's own name: browsers may send C:\\fakepath\\x.csv."""
    return filename.replace("\\", "/").rsplit("/", 1)[-1]


def read_statements_bytes(data: bytes, filename: str) -> ReadResult:
    """Read statements from an upload's bytes; the filename's extension says the format."""
    name = upload_name(filename)
    suffix = Path(name).suffix.lower()
    check_bytes(name, data)  # before decoding: the bytes are all in memory, nothing more yet
    if not data.strip():
        raise FileUnreadable(f"{name} is empty. Check you chose the right file, then import again.")
    if suffix == ".xls" or (suffix in _TEXT_SUFFIXES and data.startswith(_OLE_MAGIC)):
        raise FileUnreadable(
            "This is an old-style Excel file (.xls). Open it in Excel and save it as .xlsx "
            "or CSV, then import again."
        )
    if suffix in _EXCEL_SUFFIXES or (suffix in _TEXT_SUFFIXES and data.startswith(_ZIP_MAGIC)):
        return _read_xlsx(data, name)  # an .xlsx renamed .csv is still an .xlsx
    if suffix in _TEXT_SUFFIXES:
        return _read_csv(data, name, suffix)
    raise FileUnreadable(_unsupported(name, suffix))


def _unsupported(name: str, suffix: str) -> str:
    save_as = "save it as .xlsx or CSV, then import again."
    if suffix == ".ods":
        return (
            "This is an OpenDocument spreadsheet (.ods). Open it in LibreOffice or Excel "
            f"and {save_as}"
        )
    if suffix == ".numbers":
        return "This is an Apple Numbers file. Open it in Numbers and export it as Excel or CSV."
    kind = f"a {suffix} file" if suffix else "a file without an extension"
    return f"{name} is {kind}, which cannot be imported. Open the spreadsheet and {save_as}"


def _cell(row: Row, index: int | None) -> object:
    if index is None or index >= len(row):
        return None
    return row[index]


# --- Reading rows ----------------------------------------------------------------------


def _rows_to_result(
    header: Header, rows: Iterable[Row], name: str, sheet: str | None
) -> ReadResult:
    result = ReadResult(layout=header.layout or "long", sheet=sheet)
    reader = _read_long if result.layout == "long" else _read_wide
    first = header.row + 1
    rows = capped_rows(rows, name, sheet, first)  # refused at the cap + 1, before any write
    numbered = noting_rows(header, enumerate(rows, start=first), result.notes)
    reader(header, reading_details(header, numbered, name, result.details), name, result)
    return result


def _read_long(
    header: Header, rows: Iterable[tuple[int, Row]], name: str, result: ReadResult
) -> None:
    ref_at, kind_at, text_at = header.roles[REVIEW], header.roles[KIND], header.roles[TEXT]
    view_at = header.roles.get(PERSPECTIVE)
    kind_of, view_of = _memo(parse_kind), _memo(parse_perspective)
    keep, reject = result.statements.append, result.rejected.append
    for number, row in rows:
        ref, kind, view, text = (_cell(row, i) for i in (ref_at, kind_at, view_at, text_at))
        if blank(ref) and blank(kind) and blank(view) and blank(text):
            continue  # a blank row, or one with only notes in other columns
        try:
            # The same checks as StatementIn.parse, with kind and perspective memoised.
            item = StatementIn(
                clean_review_ref(ref),
                kind_of(kind),
                view_of(view),
                clean_text(text, "statement text"),
            )
        except InputError:
            reject(Rejection(name, number, _long_problems(ref, kind, view, text)))
        else:
            keep((number, item))


def _memo(parse: Callable[[object], T]) -> Callable[[object], T]:
    # A file repeats a handful of kinds and perspectives thousands of times; cells are
    # hashable (str, number, date). Failures raise and so are never cached.
    return functools.lru_cache(maxsize=256, typed=True)(parse)


def _long_problems(ref: object, kind: object, view: object, text: object) -> str:
    """Every problem in a long-layout row, in column order, so all can be fixed at once."""
    problems: list[str] = []

    def attempt(check: Callable[[object], object], value: object) -> None:
        try:
            check(value)
        except InputError as exc:
            problems.append(str(exc))

    attempt(clean_review_ref, ref)
    if blank(kind):
        problems.append("kind is blank: use Working, Not working or Future")
    else:
        attempt(parse_kind, kind)
    attempt(parse_perspective, view)
    if blank(text):
        problems.append("statement text is blank: type the statement or delete the row")
    else:
        attempt(lambda value: clean_text(value, "statement text"), text)
    return "; ".join(problems)


def _read_wide(
    header: Header, rows: Iterable[tuple[int, Row]], name: str, result: ReadResult
) -> None:
    ref_at, view_at = header.roles[REVIEW], header.roles.get(PERSPECTIVE)
    columns = header.statement_columns
    view_of = _memo(parse_perspective)
    keep, reject = result.statements.append, result.rejected.append
    width = max(at for at, _ in columns) + 1
    for number, row in rows:
        if len(row) < width:  # CSV rows and sparse sheet rows stop at their last value
            row = (*row, *(None,) * (width - len(row)))
        said = [(at, kind, row[at]) for at, kind in columns if not blank(row[at])]
        if not said:
            continue  # a blank row, or a review with nothing written: nothing to import
        problems: list[str] = []
        try:
            ref = clean_review_ref(_cell(row, ref_at))
        except InputError as exc:
            problems.append(str(exc))
        try:
            view = view_of(_cell(row, view_at))
        except InputError as exc:
            problems.append(str(exc))
        if problems:  # one rejection for the row: every statement in it shares the fault
            reject(Rejection(name, number, "; ".join(problems)))
            continue
        for at, kind, text in said:
            try:
                keep((number, StatementIn(ref, kind, view, clean_text(text, "statement text"))))
            except InputError as exc:  # name the column, as a row holds many statements
                reject(Rejection(name, number, f"{header.cells[at]}: {exc}"))


# --- CSV and XLSX ----------------------------------------------------------------------


def _read_csv(data: bytes, name: str, suffix: str) -> ReadResult:
    text = decode_text(data, name)
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)  # only ever raised, so safe across threads
    # Sniff the delimiter by which one yields a recognisable header: more reliable than
    # csv.Sniffer on files whose title rows have no delimiters at all.
    order = ("\t", ",", ";") if suffix == ".tsv" else (",", ";", "\t")
    found: tuple[Header, Iterator[Row]] | None = None
    nearest: Header | None = None
    empty = False
    for delimiter in order:
        header, near, rows = find_header(_csv_rows(text, delimiter, name))
        if header is not None and (found is None or header.score > found[0].score):
            found = (header, rows)
        if near is not None and (nearest is None or near.score > nearest.score):
            nearest = near
        empty = empty or (header is None and near is None)  # nothing but delimiters
    if found is None:
        raise no_header(name, None if empty else nearest, None, 1)
    return _rows_to_result(found[0], found[1], name, None)


def _csv_rows(text: str, delimiter: str, name: str) -> Iterator[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        yield from reader
    except csv.Error as exc:
        raise FileUnreadable(
            f"{name} could not be read as CSV near line {reader.line_num} ({exc}). "
            "Open it in Excel and save it as CSV or .xlsx again, then import again."
        ) from None


def _damaged(name: str) -> FileUnreadable:
    return FileUnreadable(
        f"{name} could not be opened as an Excel workbook; it may be damaged, still "
        "downloading, or protected by a password. Download or save it again (without a "
        "password), then import again."
    )


def _guarded(rows: Iterator[Row], name: str) -> Iterator[Row]:
    try:
        yield from rows
    except Exception:  # noqa: BLE001 - zip, zlib and XML errors all mean a damaged file
        raise _damaged(name) from None


def _read_xlsx(data: bytes, name: str) -> ReadResult:
    check_xlsx(name, data)  # what the zip would unpack to, before openpyxl opens it
    with warnings.catch_warnings():
        # openpyxl warns about styles and extensions it ignores; none matter here.
        warnings.simplefilter("ignore")
        try:
            import openpyxl  # only when an .xlsx comes in: a page kernel stays light

            book = openpyxl.load_workbook(
                io.BytesIO(data), read_only=True, data_only=True, keep_links=False
            )
        except Exception:  # noqa: BLE001 - bad zip, missing parts, bad XML: all "damaged"
            raise _damaged(name) from None
        try:
            nearest: tuple[Header, str] | None = None
            for sheet in book.worksheets:
                # Some writers record a wrong sheet size; read every row that is there.
                sheet.reset_dimensions()
                header, near, rows = find_header(_guarded(sheet.iter_rows(values_only=True), name))
                if header is not None:
                    # Reading every row before checking any is faster: the statements made
                    # while openpyxl churns out XML objects would make each GC pass slower.
                    # The cap stops the list at MAX_ROWS + 1.
                    kept = list(capped_rows(rows, name, sheet.title, header.row + 1))
                    return _rows_to_result(header, kept, name, sheet.title)
                if near is not None and (nearest is None or near.score > nearest[0].score):
                    nearest = (near, sheet.title)
            near_header, near_sheet = nearest if nearest else (None, None)
            raise no_header(name, near_header, near_sheet, len(book.worksheets))
        finally:
            book.close()
