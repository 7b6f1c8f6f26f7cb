"""Whole-workshop restore, part one: each row's columns in the types the database holds."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Column, Float, Integer, String, Table

from workbook.model import InputError
from workbook.store import db

# The tables a restore writes, parents before children (foreign keys hold at every insert).
# History (changes, change_rows) is left out on purpose: see exchange.restore.
RESTORED_TABLES: tuple[Table, ...] = tuple(
    t for t in db.CONTENT_TABLES if t not in (db.changes, db.change_rows)
)
HISTORY_TABLES = frozenset({db.changes.name, db.change_rows.name})
INT_LIMITS = {"Integer": 2**31 - 1, "BigInteger": 2**63 - 1}  # what PostgreSQL can hold
MAX_ANY_TEXT = 100_000  # a Text column the pages give no tighter limit
TIMESTAMPS = ("created_at", "updated_at", "submitted_at")
# Computed here from the cleaned row, never taken from the file.
DERIVED = {"statements": ("fingerprint", "batch")}


def show(value: object) -> str:
    """A value as a message quotes it: short, and saying what kind of thing it is."""
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:40] + "…")
    if value is None or isinstance(value, bool):
        return {None: "empty", True: "true", False: "false"}[value]
    if isinstance(value, float) or isinstance(value, int) and value.bit_length() < 100:
        return repr(value)
    if isinstance(value, int):
        return "a very long number"
    return {dict: "an object", list: "a list"}.get(type(value), type(value).__name__)


def _text(col: Column, value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # e.g. a review reference typed as 17 in Excel
    elif isinstance(value, float) and math.isfinite(value):
        value = str(int(value)) if value.is_integer() and abs(value) < 1e15 else str(value)
    if not isinstance(value, str):
        raise InputError(f"{col.name} must be text, not {show(value)}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(f"{col.name} holds a broken character (a lone surrogate)") from None
    if "\x00" in value:
        raise InputError(f"{col.name} holds a NUL character")
    limit = col.type.length or MAX_ANY_TEXT
    if len(value) > limit:
        raise InputError(f"{col.name} is {len(value):,} characters long; the limit is {limit:,}")
    return value


def check_column(col: Column, value: object) -> Any:
    """The value in the column's own type (the database would refuse or garble others)."""
    if value is None:
        if col.nullable:
            return None
        raise InputError(f"{col.name} is empty")
    kind = col.type
    if isinstance(kind, Boolean):
        if isinstance(value, bool) or (type(value) is int and value in (0, 1)):
            return bool(value)
        raise InputError(f"{col.name} must be true or false, not {show(value)}")
    if isinstance(kind, Integer):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        limit = INT_LIMITS.get(type(kind).__name__, INT_LIMITS["Integer"])
        if type(value) is not int or not -limit <= value <= limit:
            raise InputError(f"{col.name} must be a whole number, not {show(value)}")
        return value
    if isinstance(kind, Float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InputError(f"{col.name} must be a number, not {show(value)}")
        if not math.isfinite(float(value)):
            raise InputError(f"{col.name} must be an ordinary number, not {show(value)}")
        return float(value)
    if isinstance(kind, String):  # Text too
        return _text(col, value)
    raise InputError(f"{col.name} has a type restore does not know")  # a new column type


def default(col: Column) -> Any:
    if col.default is not None and col.default.is_scalar:
        return col.default.arg
    if col.nullable:
        return None
    raise InputError(f"the column {col.name} is missing")


@dataclass
class Context:
    """What the rows checked so far say, for the rules that look across rows and tables."""

    rows: dict[str, dict[int, dict[str, Any]]] = field(default_factory=dict)
    seen: dict[tuple[str, str], int] = field(default_factory=dict)  # unique keys: (what, key)

    def row(self, table: str, row_id: int) -> dict[str, Any]:
        return self.rows[table][row_id]

    def once(self, what: str, key: str, position: int, shown: str) -> None:
        first = self.seen.setdefault((what, key), position)
        if first != position:
            raise InputError(f"{shown} is already used by row {first}")


def timestamp(name: str, value: str) -> None:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise InputError(f"{name} {show(value)} is not a date and time") from None


def typed(table: Table, raw: object) -> dict[str, Any]:
    """One row with every column present and of its column's type (or an InputError)."""
    if not isinstance(raw, dict):
        raise InputError(f"must be an object of column values, not {show(raw)}")
    unknown = [k for k in raw if k not in table.c]
    if unknown:
        raise InputError(f"there is no column {show(unknown[0])} in {table.name}")
    row: dict[str, Any] = {}
    for col in table.columns:
        if col.name in DERIVED.get(table.name, ()):
            row[col.name] = None
            continue
        row[col.name] = check_column(col, raw[col.name] if col.name in raw else default(col))
        if col.name in TIMESTAMPS and row[col.name] is not None:
            timestamp(col.name, row[col.name])
    if row["id"] < 1:
        raise InputError(f"id {row['id']} is not a positive whole number")
    return row
