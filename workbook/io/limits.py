"""Limits on every file brought in (bytes, rows, files at once, an .xlsx unpacked), and numbers."""

from __future__ import annotations

import math
import re
import struct
import zipfile
from collections.abc import Iterable, Iterator
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TypeVar

from workbook.io.decode import FileUnreadable
from workbook.model import InputError

T = TypeVar("T")
MB = 1024 * 1024

# Each limit is far above what a real event brings (30,000 statements are about 5 MB as CSV,
# 1.3 MB as .xlsx, 10 MB unpacked) and low enough that a page kernel stays small and quick.
MAX_FILE_BYTES = 20 * MB  # one spreadsheet, deck or evaluation workbook: four times the largest
MAX_EXPORT_BYTES = 100 * MB  # a whole-workshop export (JSON), history included
MAX_UPLOAD_FILES = 10  # files chosen at once on a page: each is held in the kernel's memory
MAX_UPLOAD_BYTES = 50 * MB  # those files together, for the same reason
MAX_ROWS = 50_000  # rows read from one sheet or CSV: more than any event; reading stops there
MAX_XLSX_UNPACKED = 200 * MB  # an .xlsx's parts together once unzipped (30,000 rows: ~10 MB)
MAX_XLSX_PART = 100 * MB  # one part (a sheet's XML, the shared strings) once unzipped
MAX_XLSX_PARTS = 1_000  # parts in the zip: a workbook has a few dozen
MAX_XLSX_RATIO = 200  # unpacked / packed for a part over 1 MB: real sheets stay under 50
_RATIO_FROM = 1 * MB  # small parts (styles, empty sheets) may compress very well
_CENTRAL_DIRECTORY = 256 * 1024  # the zip's index is parsed whole before any size is known
MAX_NUMBER = 10**12  # a price, weight or score beyond a million million is a typing slip
MAX_NUMBER_CHARS = 40  # digits, sign, point and exponent of a number typed as text

SPLIT = "split it into smaller files, then try again"


class TooBig(FileUnreadable):
    """A file or a choice of files over one of the limits; the message names the limit."""


def size_text(n: int) -> str:
    """41 MB, 20.1 MB, 300 KB, 12 bytes: rounded up, so a size over a limit never reads as it."""
    if n >= MB:
        return f"{math.ceil(n * 10 / MB) / 10:,.1f}".removesuffix(".0") + " MB"
    if n >= 1024:
        return f"{n // 1024:,} KB"
    return f"{n:,} bytes"


def limit_for(name: str) -> int:
    """The byte limit for a file by its name: a whole-workshop export may be bigger."""
    return MAX_EXPORT_BYTES if name.lower().endswith(".json") else MAX_FILE_BYTES


def check_size(name: str, size: int, limit: int = MAX_FILE_BYTES) -> None:
    """Refuse a file of `size` bytes over `limit`, before it is read or decoded."""
    if size > limit:
        raise TooBig(f"{name} is {size_text(size)}; the limit is {size_text(limit)}: {SPLIT}.")


def check_bytes(name: str, data: bytes | bytearray | memoryview, limit: int = MAX_FILE_BYTES
                ) -> None:
    """Refuse bytes over `limit` (the whole-workshop restore passes MAX_EXPORT_BYTES)."""
    check_size(name, memoryview(data).nbytes, limit)


def read_capped(path: str | Path, name: str | None = None, limit: int = MAX_FILE_BYTES) -> bytes:
    """A file's bytes, its size checked on disk first so a huge file is never loaded."""
    path = Path(path)
    name = name or path.name
    try:
        check_size(name, path.stat().st_size, limit)
        return path.read_bytes()
    except FileNotFoundError:
        raise FileUnreadable(f"Could not find {name}. Check the file is still there.") from None
    except IsADirectoryError:
        raise FileUnreadable(f"{name} is a folder, not a file. Choose a spreadsheet.") from None
    except OSError as exc:
        raise FileUnreadable(
            f"Could not open {name} ({exc.strerror or exc}). "
            "Close it in Excel if it is open, then try again."
        ) from None


def check_upload_count(n: int) -> None:
    """Refuse choosing more files at once than MAX_UPLOAD_FILES."""
    if n > MAX_UPLOAD_FILES:
        raise TooBig(f"{n} files were chosen at once; the limit is {MAX_UPLOAD_FILES}: choose "
                     f"up to {MAX_UPLOAD_FILES}, import them, then choose the rest.")


def check_upload_total(total: int) -> None:
    """Refuse files chosen together that come to more than MAX_UPLOAD_BYTES."""
    if total > MAX_UPLOAD_BYTES:
        raise TooBig(f"The files chosen come to {size_text(total)}; the limit at once is "
                     f"{size_text(MAX_UPLOAD_BYTES)}: choose fewer files at a time.")


def check_file(name: str, data: bytes) -> None:
    """Bytes by the file's kind and, for an .xlsx, what it unpacks to: before anything opens it."""
    check_bytes(name, data, limit_for(name))
    if name.lower().endswith((".xlsx", ".xlsm")):
        check_xlsx(name, data)


# --- .xlsx: a zip whose parts are checked before any parser unpacks them -------------------


def _bomb(name: str, what: str) -> TooBig:
    return TooBig(f"{name} {what}: it is not an ordinary spreadsheet, so it was not opened. "
                  "Open it in Excel, save it again as .xlsx (or CSV), then try again.")


def _central_directory(name: str, data: bytes) -> None:
    # The zip's last record says how big its index is. zipfile reads the index whole before
    # any part's size can be checked, so a huge index is refused from that record, found the
    # way zipfile finds it. An .xlsx under MAX_FILE_BYTES never needs the zip64 format.
    at = len(data) - 22
    if not (at >= 0 and data[at:at + 4] == b"PK\x05\x06" and data[-2:] == b"\0\0"):
        at = data.rfind(b"PK\x05\x06", max(len(data) - 65536 - 22, 0))
    if at < 0 or len(data) < at + 22:
        return  # not a zip at all: the reader reports it as damaged
    if data[max(at - 20, 0):at][:4] == b"PK\x06\x07":
        raise _bomb(name, "uses the zip64 format, which no spreadsheet this small needs")
    parts, index_size = struct.unpack_from("<HI", data, at + 10)
    if parts > MAX_XLSX_PARTS or index_size > _CENTRAL_DIRECTORY:
        raise _bomb(name, f"has more than {MAX_XLSX_PARTS:,} parts inside")


def check_xlsx(name: str, data: bytes) -> None:
    """Refuse an .xlsx whose parts would unpack too big, before openpyxl opens it.

    zipfile stops a part at the size its index declares (a part that claims less fails its
    checksum), so checking the declared sizes bounds what any reader can unpack.
    """
    check_bytes(name, data)
    _central_directory(name, data)
    try:
        import io

        parts = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        return  # damaged: the reader says so in its own words
    if len(parts) > MAX_XLSX_PARTS:
        raise _bomb(name, f"has {len(parts):,} parts inside; the limit is {MAX_XLSX_PARTS:,}")
    total = 0
    for part in parts:
        if part.file_size > MAX_XLSX_PART:
            raise _bomb(name, f"holds a part that unpacks to {size_text(part.file_size)}; "
                              f"the limit is {size_text(MAX_XLSX_PART)}")
        if part.file_size > _RATIO_FROM and part.file_size > MAX_XLSX_RATIO * max(
                part.compress_size, 1):
            ratio = part.file_size // max(part.compress_size, 1)
            raise _bomb(name, f"holds a part packed {ratio:,} times smaller than it unpacks; "
                              f"the limit is {MAX_XLSX_RATIO} times")
        total += part.file_size
    if total > MAX_XLSX_UNPACKED:
        raise _bomb(name, f"unpacks to {size_text(total)}; the limit is "
                          f"{size_text(MAX_XLSX_UNPACKED)}")


# --- rows -----------------------------------------------------------------------------------


def too_many_rows(name: str, sheet: str | None = None, limit: int | None = None) -> TooBig:
    limit = MAX_ROWS if limit is None else limit
    where = f"Sheet {sheet!r} of {name}" if sheet else name
    return TooBig(f"{where} has more than {limit:,} rows; the limit is {limit:,}: {SPLIT}.")


def capped_rows(rows: Iterable[T], name: str, sheet: str | None = None, first: int = 1,
                limit: int | None = None) -> Iterator[T]:
    """Pass rows on, numbered from `first`; refuse the file at row limit + 1, reading no more."""
    limit = MAX_ROWS if limit is None else limit
    for number, row in enumerate(rows, start=first):
        if number > limit:
            raise too_many_rows(name, sheet, limit)
        yield row


# --- numbers ---------------------------------------------------------------------------------

_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d{1,2})?")
_DECORATION = re.compile(r"[£$€,\s%]")  # "£1,250.50", "70%" (as 70)


def read_number(value: object) -> Fraction | None:
    """An exact, finite number from a cell (70, 0.5, "£1,250.50", "1e3"); None if the cell is
    text that is no number at all. InputError (a plain reason) for NaN, infinities and
    numbers beyond MAX_NUMBER: checked by length, pattern and float() before any exact
    conversion, so no text can build an enormous integer or take seconds."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        if abs(value) > MAX_NUMBER:
            raise InputError(_beyond())
        return Fraction(value)
    if isinstance(value, float):
        _check_float(value)
        return Fraction(repr(value))  # the decimal Excel shows, not the binary float
    if not isinstance(value, str):
        return None
    if len(value) > MAX_NUMBER_CHARS * 4:  # far too long to be a number: judge a little
        raw = value[:MAX_NUMBER_CHARS * 4]
        if _DECORATION.sub("", raw)[:1].isdigit() or raw.strip()[:1] in "+-.":
            raise InputError(f"is {len(value):,} characters long, too long for a number")
        return None
    cleaned = _DECORATION.sub("", value)
    if not cleaned:
        return None
    if cleaned.lower().lstrip("+-") in ("inf", "infinity", "nan"):
        _check_float(float(cleaned))
    if len(cleaned) > MAX_NUMBER_CHARS:
        if _NUMBER.fullmatch(cleaned[:MAX_NUMBER_CHARS]) or re.fullmatch(r"[\d.eE+-]+",
                                                                         cleaned):
            raise InputError(f"is {len(cleaned):,} characters long, too long for a number "
                             f"(the limit is {MAX_NUMBER_CHARS})")
        return None
    if not _NUMBER.fullmatch(cleaned):
        if re.fullmatch(r"[+-]?(?:\d+\.?\d*|\.\d+)[eE][+-]?\d+", cleaned):
            raise InputError("has an exponent of more than two digits, beyond the limit for a "
                             "number here")  # 1e999999999: never handed to Decimal or int
        return None
    _check_float(float(cleaned))
    return Fraction(Decimal(cleaned))


def _beyond() -> str:
    return f"is beyond the limit for a number here ({MAX_NUMBER:,} either side of 0)"


def _check_float(x: float) -> None:
    if math.isnan(x):
        raise InputError("is not a number (NaN)")
    if math.isinf(x):
        raise InputError("is infinite")
    if abs(x) > MAX_NUMBER:
        raise InputError(_beyond())


def limit_problem(value: object) -> str:
    """The limit a cell's number breaks, in words ("is infinite"); "" if it breaks none."""
    try:
        read_number(value)
    except InputError as exc:
        return str(exc)
    return ""
