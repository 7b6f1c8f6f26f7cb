"""Whole-workshop export to XLSX and JSON, and restoring such an export into a new workshop."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from sqlalchemy import Table, func, select, text, update

from workbook.io.files import write_atomic
from workbook.model import InputError
from workbook.store import db

if TYPE_CHECKING:
    from workbook.workshop import Workshop

FORMAT = "wtfc-workbook-export"
RAW_PREFIX = "table."
# Friendly sheets first, for people reading the file; raw tables after, for restoring.
FRIENDLY = {
    "Statements": "statements",
    "Themes": "themes",
    "Causes": "causes",
    "Success statements": "success_statements",
    "Actions": "actions",
    "Ideas": "ideas",
    "Indicators": "indicators",
    "Measurements": "measurements",
    "You said, we did": "feedback",
    "Votes": "votes",
    "History": "history",
}


def dump(workshop: Workshop) -> dict[str, Any]:
    """Every row of every table (deleted ones and history too) as plain JSON-ready data."""
    with workshop.store.read() as conn:
        tables = {
            t.name: [dict(r) for r in conn.execute(select(t).order_by(t.c.id)).mappings()]
            for t in db.CONTENT_TABLES
        }
        meta = {
            k: v
            for k, v in conn.execute(select(db.meta.c.key, db.meta.c.value))
            if k != "schema_version"
        }
        rev = conn.execute(select(db.revision.c.n)).scalar_one()
    return {
        "format": FORMAT,
        "schema_version": db.SCHEMA_VERSION,
        "revision": rev,
        "meta": meta,
        "tables": tables,
    }


def export_json(workshop: Workshop, path: str | Path) -> Path:
    text = json.dumps(dump(workshop), ensure_ascii=False, indent=1)
    return write_atomic(Path(path), lambda tmp: tmp.write_text(text, encoding="utf-8"))


def _cell(ws, value: Any) -> Any:
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # participant text is never run as a spreadsheet formula
    return cell


def export_xlsx(workshop: Workshop, path: str | Path) -> Path:
    data = dump(workshop)
    wb = Workbook(write_only=True)
    about = wb.create_sheet("about")
    about.append(["format", FORMAT])
    about.append(["schema_version", data["schema_version"]])
    about.append(["revision", data["revision"]])
    for key, value in sorted(data["meta"].items()):
        about.append([_cell(about, f"meta:{key}"), _cell(about, value)])
    for title, attr in FRIENDLY.items():
        df = getattr(workshop, attr)
        ws = wb.create_sheet(title)
        ws.append(list(df.columns))
        for row in df.itertuples(index=False):
            ws.append([_cell(ws, _plain(v)) for v in row])
    for table in db.CONTENT_TABLES:
        ws = wb.create_sheet(RAW_PREFIX + table.name)
        cols = [c.name for c in table.columns]
        ws.append(cols)
        for row in data["tables"][table.name]:
            ws.append([_cell(ws, row[c]) for c in cols])
    return write_atomic(Path(path), wb.save)


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):  # e.g. an action's success statements: "3, 7"
        return ", ".join(str(v) for v in value)
    return None if _isna(value) else value


def _isna(value: Any) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def is_export(path: Path) -> bool:
    """Whether a file is a whole-workshop export (rather than a spreadsheet of statements)."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".json":
            with path.open("rb") as fh:
                return FORMAT.encode() in fh.read(4096)
        if suffix in (".xlsx", ".xlsm"):
            wb = load_workbook(path, read_only=True)
            try:
                return "about" in wb.sheetnames and any(
                    n.startswith(RAW_PREFIX) for n in wb.sheetnames
                )
            finally:
                wb.close()
    except Exception:  # unreadable files are reported by the statement importer
        return False
    return False


def load_export(path: Path) -> dict[str, Any]:
    if path.suffix.lower() == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise InputError(f"{path.name} is not a wtfc-workbook export.")
        return data
    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        about = {r[0]: r[1] for r in wb["about"].iter_rows(values_only=True) if r and r[0]}
        data: dict[str, Any] = {
            "format": about.get("format"),
            "schema_version": int(about.get("schema_version") or 0),
            "revision": int(about.get("revision") or 0),
            "meta": {k[5:]: v for k, v in about.items() if str(k).startswith("meta:")},
            "tables": {},
        }
        for table in db.CONTENT_TABLES:
            if RAW_PREFIX + table.name not in wb.sheetnames:
                continue  # an export from an older schema: the restore fills the gaps
            rows = wb[RAW_PREFIX + table.name].iter_rows(values_only=True)
            header = list(next(rows))
            data["tables"][table.name] = [
                _from_cell(table, dict(zip(header, r, strict=False)))
                for r in rows
                if any(v is not None for v in r)
            ]
    finally:
        wb.close()
    return data


def _from_cell(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    # Excel drops trailing empty cells and stores "" as empty: give every column its value,
    # since a batched insert takes its columns from the first row.
    out = {}
    for col in table.columns:
        value = row.get(col.name)
        if value is None and not col.nullable:
            value = False if isinstance(col.type, db.Boolean) else ""
        out[col.name] = value
    return out


def restore(workshop: Workshop, data: dict[str, Any]) -> dict[str, int]:
    """Load an export into an empty workshop, ids and history included; returns row counts."""
    if data.get("format") != FORMAT:
        raise InputError("That file is not a wtfc-workbook export.")
    if int(data.get("schema_version", 0)) > db.SCHEMA_VERSION:
        raise InputError("That export comes from a newer wtfc-workbook; upgrade to import it.")
    store = workshop.store
    with store.engine.begin() as conn:
        busy = sum(
            conn.execute(select(func.count()).select_from(t)).scalar()
            for t in (db.statements, db.themes, db.tender_evaluations, db.ladder_scenarios,
                      db.ladder_assessments)
        )
        if busy:
            raise InputError(
                "A whole-workshop export can only be imported into a new, empty workshop. "
                "Make one with wtfc new, then import the export there."
            )
        conn.execute(db.changes.delete())
        for table in db.CONTENT_TABLES:
            rows = data["tables"].get(table.name, [])
            cols = {c.name for c in table.columns}
            if rows:
                conn.execute(table.insert(), [{c: r.get(c) for c in cols} for r in rows])
        if db.action_success.name not in data["tables"]:
            db.link_actions_to_success(conn)  # an export from before the links existed
        for key, value in data.get("meta", {}).items():
            conn.execute(db.meta.delete().where(db.meta.c.key == key))
            conn.execute(db.meta.insert().values(key=key, value=value))
        # Move the counter on either way, so pages already open notice the new content.
        current = conn.execute(select(db.revision.c.n)).scalar_one()
        conn.execute(update(db.revision).values(n=max(current + 1, int(data.get("revision", 0)))))
        if store.dialect == "postgresql":
            for table in db.CONTENT_TABLES:  # explicit ids leave sequences behind
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
                    )
                )
    return {name: len(rows) for name, rows in data["tables"].items()}
