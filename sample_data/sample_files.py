"""Byte-stable file writing shared by the sample scripts: .xlsx with fixed timestamps, Excel CSV."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent  # sample_data/, where every sample file is written
FIXED_TIME = datetime(2026, 4, 1, 9, 0, 0)


def save_workbook(book: openpyxl.Workbook, path: Path) -> None:
    """Save with fixed timestamps inside and on the zip entries, so reruns are byte-identical."""
    book.properties.creator = "sample_data/make_sample.py"
    book.properties.created = FIXED_TIME
    buffer = io.BytesIO()
    book.save(buffer)
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, data)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            dst.writestr(entry, data)


def excel_csv(rows: Iterable[Sequence[object]], width: int) -> str:
    """Rows as Excel's "Save as CSV" writes them: CRLF, every row as wide as the sheet."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow([*row, *[""] * (width - len(row))])
    return out.getvalue()


def read_csv_rows(path: Path, encoding: str) -> list[list[str]]:
    """Every row of a CSV file in the given encoding, as a user's program would read it."""
    return list(csv.reader(io.StringIO(path.read_bytes().decode(encoding), newline="")))
