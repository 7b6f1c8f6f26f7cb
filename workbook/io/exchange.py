"""Whole-workshop export to XLSX and JSON, and restoring such an export into a new workshop."""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Table, func, select, text

from workbook.easyread.choices import META_KEY as EASY_READ_PICTURES
from workbook.easyread.choices import check_setting as easy_read_pictures
from workbook.io.files import write_atomic, xlsx_cell
from workbook.io.limits import MAX_EXPORT_BYTES, check_xlsx, read_capped
from workbook.io.restore_columns import RESTORED_TABLES, show
from workbook.io.restore_rules import check_tables
from workbook.model import MAX_NAME, InputError, clean_text
from workbook.stages.theme import MAX_DOTS
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
    "Who must hear back": "hear_back",
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


def export_xlsx(workshop: Workshop, path: str | Path) -> Path:
    data = dump(workshop)
    from openpyxl import Workbook  # only when exporting: a page kernel stays light

    wb = Workbook(write_only=True)
    about = wb.create_sheet("about")
    about.append(["format", FORMAT])
    about.append(["schema_version", data["schema_version"]])
    about.append(["revision", data["revision"]])
    for key, value in sorted(data["meta"].items()):
        about.append([xlsx_cell(about, f"meta:{key}"), xlsx_cell(about, value)])
    for title, attr in FRIENDLY.items():
        df = getattr(workshop, attr)
        ws = wb.create_sheet(title)
        ws.append(list(df.columns))
        for row in df.itertuples(index=False):
            ws.append([xlsx_cell(ws, _plain(v)) for v in row])
    for table in db.CONTENT_TABLES:
        ws = wb.create_sheet(RAW_PREFIX + table.name)
        cols = [c.name for c in table.columns]
        ws.append(cols)
        for row in data["tables"][table.name]:
            ws.append([xlsx_cell(ws, row[c]) for c in cols])
    return write_atomic(Path(path), wb.save)


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):  # e.g. an action's success statements: "3, 7"
        return ", ".join(str(v) for v in value)
    return None if _isna(value) else value


def _isna(value: Any) -> bool:
    import pandas as pd
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def is_export(path: Path) -> bool:
    """Whether a file is a whole-workshop export (rather than a spreadsheet of statements)."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".json":
            with path.open("rb") as fh:
                return FORMAT.encode() in fh.read(4096)
        if suffix in (".xlsx", ".xlsm"):
            from openpyxl import load_workbook

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


def is_export_upload(data: bytes, filename: str) -> bool:
    """Whether an upload is a whole-workshop export: the same test ingest.import_upload makes,
    so a page can refuse a restore to anyone but the facilitator before importing."""
    suffix = Path(filename.replace("\\", "/").rsplit("/", 1)[-1]).suffix.lower()
    if suffix not in (".json", ".xlsx", ".xlsm"):
        return False
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(data)
        return is_export(path)


def load_export(path: Path) -> dict[str, Any]:
    """The export as a plain document (not yet checked: restore does that), or an InputError."""
    if path.suffix.lower() == ".json":
        return parse_json(read_capped(path, limit=MAX_EXPORT_BYTES), path.name)
    check_xlsx(path.name, read_capped(path))  # its unpacked size, before openpyxl opens it
    try:
        return _load_xlsx(path)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged workbook: say so, name the file
        raise InputError(f"{path.name} could not be read as a wtfc-workbook export "
                         f"({type(exc).__name__}).") from None


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number JSON allows")


def parse_json(data: bytes, name: str) -> Any:
    """JSON from bytes; a broken file, NaN, Infinity or absurd nesting is an InputError."""
    try:
        return json.loads(data.decode("utf-8"), parse_constant=_no_constant)
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        raise InputError(f"{name} is not a readable JSON export ({str(exc)[:120]}).") from None


def _load_xlsx(path: Path) -> dict[str, Any]:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        about = {r[0]: r[1] for r in wb["about"].iter_rows(values_only=True) if r and r[0]}
        data: dict[str, Any] = {
            "format": about.get("format"),
            "schema_version": _whole(about.get("schema_version")),
            "meta": {k[5:]: v for k, v in about.items() if str(k).startswith("meta:")},
            "tables": {},
        }
        for table in db.CONTENT_TABLES:
            if RAW_PREFIX + table.name not in wb.sheetnames:
                continue  # an export from an older schema: the restore fills the gaps
            rows = wb[RAW_PREFIX + table.name].iter_rows(values_only=True)
            header = list(next(rows, ()))
            data["tables"][table.name] = [
                _from_cell(table, {h: v for h, v in zip(header, r, strict=False) if h})
                for r in rows
                if any(v is not None for v in r)
            ]
    finally:
        wb.close()
    return data


def _whole(value: object) -> object:
    # Excel may hand back a number typed as text: "4" -> 4; anything else is checked later.
    return int(value) if isinstance(value, str) and value.strip().isdigit() else value


def _from_cell(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    # Excel drops trailing empty cells and stores "" as empty: give every column its value,
    # since a batched insert takes its columns from the first row.
    out = dict(row)
    for col in table.columns:
        value = row.get(col.name)
        if value is None and not col.nullable:
            value = False if isinstance(col.type, db.Boolean) else ""
        out[col.name] = value
    return out


@dataclass(frozen=True)
class Checked:
    """An export that passed every check: cleaned rows per table and the meta to write."""

    tables: dict[str, list[dict[str, Any]]]
    meta: dict[str, str]
    derive_links: bool  # an export from before actions had several success statements


def _meta(meta: object) -> dict[str, str]:
    if not isinstance(meta, dict):
        raise InputError(f"meta must be an object of settings, not {show(meta)}.")
    out = {}
    for key, value in meta.items():
        if key == "schema_version":  # the database keeps its own: never taken from a file
            raise InputError("meta: 'schema_version' cannot be imported; the workshop keeps "
                             "its own schema version.")
        if key not in META_KEYS:
            raise InputError(f"meta: {show(key)} is not a setting this version of "
                             "wtfc-workbook knows.")
        try:
            out[key] = META_KEYS[key](value)
        except InputError as exc:
            raise InputError(f"meta {key}: {exc}") from None
    return out


def _name(value: object) -> str:
    if not isinstance(value, str):
        raise InputError(f"{show(value)} is not a workshop name")
    return clean_text(value, "workshop name", MAX_NAME)


def _dots(value: object) -> str:
    text = "" if isinstance(value, bool) else str(value).strip()
    if not text.isdigit() or not 1 <= int(text) <= MAX_DOTS:
        raise InputError(f"{show(value)} is not a number of dots from 1 to {MAX_DOTS}")
    return str(int(text))


# The meta keys the workbook owns, each with the check its page makes.
META_KEYS: dict[str, Any] = {
    "name": _name,
    "setting.dots_per_voter": _dots,
    EASY_READ_PICTURES: easy_read_pictures,
}


def check_document(data: object) -> Checked:
    """Check a whole export against what this version can read; nothing is written."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError("That file is not a wtfc-workbook export.")
    version = data.get("schema_version")
    if type(version) is not int or version < 1:
        raise InputError(f"The export's schema_version {show(version)} is not one "
                         "wtfc-workbook writes.")
    if version > db.SCHEMA_VERSION:
        raise InputError(f"That export was made by a newer wtfc-workbook (schema {version}; "
                         f"this version reads up to {db.SCHEMA_VERSION}); upgrade "
                         "wtfc-workbook to import it.")
    meta = _meta(data.get("meta", {}))
    tables = check_tables(data.get("tables"))
    return Checked(tables, meta, db.action_success.name not in data["tables"])


def _busy(conn: Connection) -> list[str]:
    found = [f"{n:,} {t.name.replace('_', ' ')}" for t in RESTORED_TABLES
             if (n := conn.execute(select(func.count()).select_from(t)).scalar())]
    settings = conn.execute(
        select(func.count()).where(db.meta.c.key.like("setting.%"))).scalar()
    return found + ([f"{settings} settings"] if settings else [])


def _touched(counts: dict[str, int]) -> set[str]:
    """The tables written, as many as the history's column holds: each topic's root table
    first (every page watches one), so every open page redraws."""
    roots = [t.name for t in RESTORED_TABLES if not t.foreign_keys]
    order = ["meta", *roots, *(t.name for t in RESTORED_TABLES if t.foreign_keys)]
    names: list[str] = []
    for name in order:
        if (name in counts or name == "meta") and len(",".join([*names, name])) <= (
                db.changes.c.tables.type.length):
            names.append(name)
    return set(names)


def restore(workshop: Workshop, data: dict[str, Any], *, actor: str = "facilitator",
            source: str = "an export") -> dict[str, int]:
    """Load a checked export into an empty workshop, ids kept; returns rows per table.

    All or nothing: the whole document is checked first, then written in one transaction.
    The history (changes, change_rows) is not restored: Undo replays those rows as they
    stand, so rows from a file could write anything; checking them fully would mean
    replaying every step. The new workshop's history starts with this restore instead.
    """
    checked = check_document(data)
    counts = {name: len(rows) for name, rows in checked.tables.items() if rows}
    summary = f"Restored the whole workshop from {source[:120]} (its history starts here)"
    store = workshop.store
    with store.write(actor, summary) as tx:
        busy = _busy(tx.conn)
        if busy:
            raise InputError(
                f"This workshop already holds {', '.join(busy)}. A whole-workshop export can "
                "only be imported into a new, empty workshop. Make one with wtfc new, then "
                "import the export there."
            )
        for table in RESTORED_TABLES:
            rows = checked.tables[table.name]
            for start in range(0, len(rows), 5000):
                tx.conn.execute(table.insert(), rows[start : start + 5000])
        if checked.derive_links:
            db.link_actions_to_success(tx.conn)
        for key, value in checked.meta.items():
            tx.conn.execute(db.meta.delete().where(db.meta.c.key == key))
            tx.conn.execute(db.meta.insert().values(key=key, value=value))
        tx.touched |= _touched(counts)  # pages already open redraw what came in
        tx.not_undoable = True
        if store.dialect == "postgresql":
            for table in RESTORED_TABLES:  # explicit ids leave sequences behind
                tx.conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
                    )
                )
    return counts
