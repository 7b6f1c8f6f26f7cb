"""Importing 30,000 statements from a wide XLSX, against pandas.read_excel of the same file."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from workbook import Workshop
from workbook.io.ingest import import_file
from workbook.io.tabular import read_statements

from .common import best_of, row

COLUMNS = [
    "Working 1",
    "Working 2",
    "Not working 1",
    "Not working 2",
    "Important for the future 1",
    "Important for the future 2",
]


def make_wide_xlsx(path: Path, statements: int = 30_000) -> Path:
    rng = random.Random(7)
    words = (
        "staff transport money evening weekend friends work flat cooking bus doctor "
        "garden music college volunteer rota key worker phone family"
    ).split()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Reviews")
    ws.append(["Service review extract (synthetic)"])
    ws.append([])
    ws.append(["Review ref", "Perspective", *COLUMNS])
    for r in range(statements // len(COLUMNS)):
        cells = [" ".join(rng.choices(words, k=rng.randint(5, 14))) + f" ({r})" for _ in COLUMNS]
        ws.append([f"R-{r:05d}", "person", *cells])
    wb.save(path)
    return path


def run(repeat: int = 3) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        path = make_wide_xlsx(Path(tmp) / "big.xlsx")
        base, _ = best_of(lambda: pd.read_excel(path, header=2), repeat)
        parse, _ = best_of(lambda: read_statements(path), repeat)
        counter = iter(range(1000))

        def full_import():
            ws = Workshop.create(Path(tmp) / f"ws{next(counter)}", "Bench")
            report = import_file(ws, path)
            assert report.added == 30_000, report.added
            ws.close()

        full, _ = best_of(full_import, repeat)
    return [
        row("parse 30,000 statements from XLSX", parse, base, "baseline: pandas.read_excel"),
        row(
            "import 30,000 statements from XLSX into a new workshop",
            full,
            base,
            "parse + dedupe + one transaction; baseline: pandas.read_excel",
        ),
    ]
