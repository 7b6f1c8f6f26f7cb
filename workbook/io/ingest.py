"""Import files into a workshop: statement spreadsheets, or a whole-workshop export."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.io import exchange
from workbook.io.decode import FileUnreadable
from workbook.io.limits import check_file, check_size, check_xlsx, limit_for, read_capped
from workbook.io.tabular import read_statements, read_statements_bytes, upload_name
from workbook.stages.collect import ImportReport

if TYPE_CHECKING:
    from workbook.io.tabular import ReadResult
    from workbook.workshop import Workshop


def _store(workshop: Workshop, result: ReadResult, name: str, actor: str) -> ImportReport:
    report = workshop.import_statements(
        (item for _, item in result.statements), source=name, actor=actor,
        rows=[row for row, _ in result.statements], details=result.details,
    )
    report.rejected = [{"file": r.file, "row": r.row, "reason": r.reason} for r in result.rejected]
    # Rows first, in the file's order, then the reviews to check (two top things).
    noted = [{"file": name, "row": row, "reason": why} for row, why in result.notes]
    by_row = sorted([*noted, *(w for w in report.warnings if "row" in w)],
                    key=lambda w: w["row"])
    report.warnings = by_row + [w for w in report.warnings if "row" not in w]
    return report


def import_file(workshop: Workshop, path: str | Path, *, actor: str = "") -> ImportReport:
    """Import one file. Raises FileUnreadable (with a plain reason) if it cannot be read."""
    path = Path(path)
    if not path.is_file():
        raise FileUnreadable(f"There is no file at {path}. Check the name and folder.")
    check_size(path.name, path.stat().st_size, limit_for(path.name))
    if path.suffix.lower() in (".xlsx", ".xlsm"):  # before is_export opens it
        check_xlsx(path.name, read_capped(path))
    if exchange.is_export(path):
        counts = exchange.restore(workshop, exchange.load_export(path),
                                  actor=actor or "facilitator", source=path.name)
        report = ImportReport(added=counts.get("statements", 0), files=[path.name])
        report.restored = counts  # type: ignore[attr-defined]
        return report
    return _store(workshop, read_statements(path), path.name, actor)


def import_upload(
    workshop: Workshop, data: bytes, filename: str, *, actor: str = ""
) -> ImportReport:
    """Import a file a browser uploaded (bytes and its name)."""
    name = upload_name(filename)
    check_file(name, data)  # before is_export or a reader opens it
    if name.lower().endswith((".json", ".xlsx", ".xlsm")):
        # An export is recognised from the file itself, so look at it on disk.
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / name
            path.write_bytes(data)
            if exchange.is_export(path):
                return import_file(workshop, path, actor=actor)
    return _store(workshop, read_statements_bytes(data, name), name, actor)


def import_files(workshop: Workshop, paths: list[str | Path], *, actor: str = "") -> ImportReport:
    """Import several files, each in its own transaction; unreadable ones raise at once."""
    total = ImportReport()
    for path in paths:
        total.merge(import_file(workshop, path, actor=actor))
    return total
