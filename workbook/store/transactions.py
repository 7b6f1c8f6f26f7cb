"""The store: one transaction per user action, a revision counter, history and undo."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, Table, select, update

from workbook.model import InputError
from workbook.store import db

TABLES: dict[str, Table] = {t.name: t for t in db.CONTENT_TABLES}


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _row_json(row: dict[str, Any]) -> str:
    return json.dumps(row, sort_keys=True, ensure_ascii=False)


@dataclass
class Tx:
    """A write transaction for one user action; every change it makes is recorded."""

    conn: Connection
    change_id: int
    rev: int
    at: str
    summary: str = ""
    touched: set[str] = field(default_factory=set)
    not_undoable: bool = False  # e.g. a facilitator's setting: skipped by undo
    batch: int | None = None  # set by an import: undo takes back the batch's statements

    def get(self, table: Table, row_id: int) -> dict[str, Any] | None:
        row = self.conn.execute(select(table).where(table.c.id == row_id)).mappings().first()
        return dict(row) if row else None

    def existing(self, table: Table, row_id: int, what: str,
                 why: str = "it may have been deleted on another screen") -> dict[str, Any]:
        """The row if it is still there; else a plain InputError naming `what` (another
        screen may have deleted it between this screen's redraw and the click)."""
        row = self.get(table, row_id)
        if row is None or row["deleted"]:
            raise InputError(f"That {what} no longer exists; {why}.")
        return row

    def insert(self, table: Table, **values: Any) -> int:
        if "created_at" in table.c:
            values.setdefault("created_at", self.at)
        if "updated_at" in table.c:
            values.setdefault("updated_at", self.at)
        if "deleted" in table.c:
            values.setdefault("deleted", False)
        row_id = self.conn.execute(
            table.insert().values(**values).returning(table.c.id)
        ).scalar_one()
        self._record(table, row_id, None, self.get(table, row_id))
        return row_id

    def update(self, table: Table, row_id: int, **values: Any) -> dict[str, Any]:
        before = self.get(table, row_id)
        if before is None:
            raise InputError(f"That {table.name[:-1].replace('_', ' ')} no longer exists.")
        if all(before.get(k) == v for k, v in values.items()):
            return before  # nothing changes: record nothing
        if "updated_at" in table.c:
            values["updated_at"] = self.at
        self.conn.execute(update(table).where(table.c.id == row_id).values(**values))
        after = self.get(table, row_id)
        self._record(table, row_id, before, after)
        return after

    def delete(self, table: Table, row_id: int) -> None:
        # Soft delete: the row stays so history can show it and undo can bring it back.
        self.update(table, row_id, deleted=True)

    def _record(self, table: Table, row_id: int, before: dict | None, after: dict | None) -> None:
        self.touched.add(table.name)
        self.conn.execute(
            db.change_rows.insert().values(
                change_id=self.change_id,
                tbl=table.name,
                row_id=row_id,
                before=None if before is None else _row_json(before),
                after=None if after is None else _row_json(after),
            )
        )


class Store:
    """Wraps an engine: writes are serialised transactions, reads are cheap."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.reader = db.read_only(engine)
        db.migrate(engine)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def revision(self) -> int:
        """The change marker views poll: it moves on every write."""
        with self.reader.connect() as conn:
            return int(conn.execute(select(db.revision.c.n)).scalar_one())

    def changed_tables(self, since_rev: int) -> set[str]:
        """Which tables changed after revision `since_rev`, so a view redraws only those."""
        with self.reader.connect() as conn:
            rows = conn.execute(select(db.changes.c.tables).where(db.changes.c.rev > since_rev))
            return {name for (names,) in rows for name in names.split(",") if name}

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.reader.connect() as conn:
            yield conn

    @contextmanager
    def write(self, actor: str, summary: str) -> Iterator[Tx]:
        """One user action: all of it is stored, or (on any error) none of it."""
        with self.engine.begin() as conn:
            # Bumping the counter first takes the write lock (a row lock on PostgreSQL),
            # so writers queue here and checks made inside the transaction stay true.
            rev = conn.execute(
                update(db.revision)
                .where(db.revision.c.id == 1)
                .values(n=db.revision.c.n + 1)
                .returning(db.revision.c.n)
            ).scalar_one()
            at = now()
            change_id = conn.execute(
                db.changes.insert()
                .values(rev=rev, at=at, actor=actor or "someone", summary=summary, tables="")
                .returning(db.changes.c.id)
            ).scalar_one()
            tx = Tx(conn, change_id, rev, at, summary)
            yield tx
            values = {
                "tables": ",".join(sorted(tx.touched)),
                "summary": tx.summary,
                "batch": tx.batch,
            }
            if tx.not_undoable:
                values["undo_of"] = 0  # skipped by undo, yet still in the history
            conn.execute(update(db.changes).where(db.changes.c.id == change_id).values(**values))

    def last_undoable(self, actor: str | None = None) -> dict[str, Any] | None:
        """The most recent action not yet undone (and not itself an undo), by `actor` if given."""
        c = db.changes.c
        query = select(db.changes).where(c.undone_by.is_(None), c.undo_of.is_(None))
        if actor:
            query = query.where(c.actor == actor)
        with self.read() as conn:
            row = conn.execute(query.order_by(c.id.desc()).limit(1)).mappings().first()
        return dict(row) if row else None

    def undo(self, actor: str | None = None) -> str:
        """Reverse the last action (of `actor` if given); return a sentence saying what."""
        target = self.last_undoable(actor)
        if target is None:
            raise InputError("There is nothing to undo.")
        with self.write(actor or "someone", f"Undo: {target['summary']}") as tx:
            c = db.changes.c
            # Check again under the write lock: another laptop may have undone it meanwhile.
            fresh = tx.conn.execute(select(c.undone_by).where(c.id == target["id"])).scalar()
            if fresh is not None:
                raise InputError("That was already undone on another screen.")
            if target["batch"] is not None:
                self._undo_batch(tx, target["batch"])
            rows = tx.conn.execute(
                select(db.change_rows)
                .where(db.change_rows.c.change_id == target["id"])
                .order_by(db.change_rows.c.id.desc())
            ).mappings()
            for row in list(rows):
                self._revert_row(tx, dict(row))
            tx.conn.execute(
                update(db.changes).where(c.id == tx.change_id).values(undo_of=target["id"])
            )
            tx.conn.execute(
                update(db.changes).where(c.id == target["id"]).values(undone_by=tx.change_id)
            )
        return f"Undone: {target['summary']}"

    def _undo_batch(self, tx: Tx, batch: int) -> None:
        tx.conn.execute(
            update(db.statements)
            .where(db.statements.c.batch == batch, db.statements.c.deleted.is_(False))
            .values(deleted=True, updated_at=tx.at)
        )
        tx.touched.add("statements")

    def _revert_row(self, tx: Tx, row: dict[str, Any]) -> None:
        table = TABLES[row["tbl"]]
        # A table may keep some rows for the record (tender: submitted and agreed scores):
        # its guard names why, and the whole undo is refused.
        guard = table.info.get("undo_guard")
        refusal = guard(tx.conn, row) if guard is not None else None
        if refusal:
            raise InputError(refusal)
        current = tx.get(table, row["row_id"])
        after = json.loads(row["after"]) if row["after"] else None
        if current is not None and after is not None:
            # Refuse to overwrite a later edit made elsewhere: nothing is silently lost.
            changed = [k for k, v in after.items() if k != "updated_at" and current.get(k) != v]
            if changed:
                raise InputError(
                    "This cannot be undone: it has been changed since, on this or another "
                    "screen. Undo the later change first, or edit it directly."
                )
        if row["before"] is None:  # it was an insert: take the row away again
            if "deleted" not in table.c:
                return  # e.g. a review reference: harmless to keep, and others may use it
            tx.update(table, row["row_id"], deleted=True)
        else:
            before = json.loads(row["before"])
            values = {k: v for k, v in before.items() if k not in ("id", "updated_at")}
            tx.update(table, row["row_id"], **values)
