"""Writing output files whole and formula-safe: never half a file, never a live formula."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd


# A spreadsheet reads a cell starting with one of these as a formula (or DDE), even after spaces.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r" *[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def write_atomic(path: Path, write: Callable[[Path], object]) -> Path:
    """Call `write(tmp)` on a temporary file beside `path`, then move it into place."""
    path = Path(path)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        tmp.replace(path)  # atomic on one filesystem: the last writer wins, whole
    finally:
        tmp.unlink(missing_ok=True)
    return path


def formula_like(text: str) -> bool:
    """Whether a spreadsheet would run this text as a formula: '=HYPERLINK(…)', ' +1+1', '@SUM'.
    A plain number ("-5", "+44") is read as that number, never run."""
    return text.lstrip(" ")[:1] in FORMULA_START and not _PLAIN_NUMBER.fullmatch(text)


def inert(value: object) -> object:
    """A CSV cell that no spreadsheet runs: formula-like text gets a leading apostrophe.

    The XLSX exports store such text as a text cell (xlsx_cell, tender.xlsx.make_book),
    which is inert there; in a CSV the apostrophe is the only way. Numbers stay numbers.
    """
    return "'" + value if isinstance(value, str) and formula_like(value) else value


def xlsx_cell(ws: Any, value: Any) -> Any:
    """A write-only XLSX cell that no spreadsheet runs: text starting '=' stays a text cell.

    openpyxl takes such text for a formula; a text cell is inert whatever it starts with, so
    only '=' needs the change (CSV has no text cells: see `inert`). Missing values are blank.
    """
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, float) and value != value:
        value = None
    elif value is not None and not isinstance(value, str | int | float):
        import pandas as pd
        if pd.api.types.is_scalar(value) and pd.isna(value):
            value = None
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    return cell


def inert_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text cell and column name made inert; numeric columns untouched."""
    import pandas as pd
    out = frame.copy()
    for i in range(out.shape[1]):
        column = out.iloc[:, i]
        if not (pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column)
                or pd.api.types.is_datetime64_any_dtype(column)):
            out.isetitem(i, column.map(inert, na_action="ignore"))
    if not isinstance(out.columns, pd.MultiIndex):
        out.columns = [inert(c) for c in out.columns]
    return out


def write_csv(path: Path, frame: pd.DataFrame) -> Path:
    """Write a DataFrame as a formula-safe CSV (no index), whole or not at all."""
    safe = inert_frame(frame)
    return write_atomic(Path(path), lambda tmp: safe.to_csv(tmp, index=False))
