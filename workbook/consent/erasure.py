"""Erasure: a review's words removed from its statements, the history and the database file."""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import Connection, delete, func, select, text, update

from workbook.consent.copies import remove_copies
from workbook.model import KIND_LABELS, InputError, Kind, clean_review_ref
from workbook.stages.search import matching_review_ids
from workbook.store import db
from workbook.text import fold, plural

if TYPE_CHECKING:
    from workbook.store.transactions import Store, Tx
    from workbook.workshop import Workshop

ERASED = "words erased"
# Tables an erasure changes: PostgreSQL vacuums these; pages redraw from them.
TOUCHED = ("statements", "reviews", "change_rows", "changes")
CHUNK = 500  # ids per IN (...): SQLite allows 999 parameters in older builds


@dataclass
class Erasure:
    """What an erasure did, in figures only: never the words."""

    review: str
    statements: int
    by_kind: dict[str, int] = field(default_factory=dict)
    history_rows: int = 0
    file_clean: bool = True  # False if a reader kept SQLite from emptying its WAL file
    files_removed: list[str] = field(default_factory=list)  # outputs/ files quoting them

    def sentence(self) -> str:
        kinds = ", ".join(f"{n} {KIND_LABELS[Kind(k)].lower()}"
                          for k, n in self.by_kind.items() if n)
        said = f"{plural(self.statements, 'statement')}" + (f" ({kinds})" if kinds else "")
        text_ = (f"Erased the words of review {self.review}: {said} deleted, and "
                 f"{plural(self.history_rows, 'history record')} that held them. "
                 "This cannot be undone.")
        if self.files_removed:
            text_ += (f" Removed {plural(len(self.files_removed), 'file')} from the outputs "
                      f"folder that quoted them: {', '.join(self.files_removed)}.")
        if not self.file_clean:
            text_ += (" Another screen was reading the workshop, so the database's journal "
                      "file could not be emptied: close the other pages and erase again.")
        return text_


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


def _statement_rows(conn: Connection, review_ids: list[int]) -> list[dict]:
    s = db.statements.c
    # Deleted ones too: a statement marked deleted still holds the words.
    return [dict(r) for r in conn.execute(
        select(s.id, s.kind, s.text).where(s.review_id.in_(review_ids))).mappings()]


def _history_holding(conn: Connection, sids: set[int], review_ids: set[int]) -> list[tuple]:
    """(change_rows id, change_id) of every snapshot of these statements, and of any statement
    snapshot naming these reviews (a statement later moved to another review)."""
    cr = db.change_rows.c
    found = []
    rows = conn.execute(select(cr.id, cr.change_id, cr.row_id, cr.before, cr.after)
                        .where(cr.tbl == "statements"))
    for rid, change_id, row_id, before, after in rows:
        if row_id in sids:
            found.append((rid, change_id))
            continue
        for snap in (before, after):
            if snap and json.loads(snap).get("review_id") in review_ids:
                found.append((rid, change_id))
                break
    return found


def _scrub_summaries(tx: Tx, change_ids: set[int], texts: list[str]) -> None:
    """A summary may quote a statement ("Deleted the statement '...'"): take the words out."""
    c = db.changes.c
    pieces = sorted({t[:40] for t in texts if t.strip()}, key=len, reverse=True)
    for ids in _chunks(sorted(change_ids)):
        for cid, summary in tx.conn.execute(select(c.id, c.summary).where(c.id.in_(ids))).all():
            new = summary
            for piece in pieces:
                new = new.replace(piece, ERASED)
            if new != summary:
                tx.conn.execute(update(db.changes).where(c.id == cid).values(summary=new))


def _retire_emptied(tx: Tx, change_ids: set[int]) -> None:
    """A change left with nothing to take back is skipped by undo (undo_of 0, as settings
    are), so Undo never says it undid something it could not."""
    c, cr, s = db.changes.c, db.change_rows.c, db.statements.c
    for ids in _chunks(sorted(change_ids)):
        for cid, batch in tx.conn.execute(select(c.id, c.batch).where(
                c.id.in_(ids), c.undo_of.is_(None), c.undone_by.is_(None))).all():
            if tx.conn.execute(select(cr.id).where(cr.change_id == cid).limit(1)).first():
                continue
            if batch is not None and tx.conn.execute(
                    select(s.id).where(s.batch == batch, s.deleted.is_(False)).limit(1)).first():
                continue
            tx.conn.execute(update(db.changes).where(c.id == cid).values(undo_of=0))


def review_choices(store: Store) -> list[tuple[str, int]]:
    """Reviews that still hold words (deleted statements too), by reference: (ref, how many
    statements the room sees)."""
    s, r = db.statements.c, db.reviews.c
    live = func.count(s.id).filter(s.deleted.is_(False))
    with store.read() as conn:
        rows = conn.execute(select(r.ref, live).join(db.statements, s.review_id == r.id)
                            .group_by(r.id, r.ref).order_by(r.ref)).all()
    return [(str(ref), int(n)) for ref, n in rows]


def same_review(typed: object, ref: str) -> bool:
    """The confirmation: the reference typed again, as references are matched (case and
    outer spaces aside)."""
    return fold(str(typed or "").strip()) == fold(ref)


def erase_in_store(store: Store, ref: object, actor: str,
                   words: list[str] | None = None) -> Erasure:
    """Delete the review's statements and every history record holding them, in one
    transaction that undo skips. The review stays, its consent set to "no". The erased
    words are added to `words` if given (to find copies in files), and kept nowhere else."""
    wanted = clean_review_ref(ref)
    with store.write(actor or "facilitator", f"Erased the words of review {wanted}") as tx:
        if store.dialect == "sqlite":
            # Deleted rows are overwritten with zeros, not merely unlinked (per connection).
            tx.conn.exec_driver_sql("PRAGMA secure_delete=ON")
        review_ids = matching_review_ids(tx.conn, wanted)
        if not review_ids:
            raise InputError(f"There is no review {wanted} in this workshop. Check the "
                             "reference (as on the Prepare page) and try again.")
        refs = tx.conn.execute(select(db.reviews.c.ref).where(
            db.reviews.c.id.in_(review_ids))).scalars().all()
        shown_ref = refs[0] if len(refs) == 1 else wanted
        rows = _statement_rows(tx.conn, review_ids)
        sids = {int(r["id"]) for r in rows}
        history = _history_holding(tx.conn, sids, set(review_ids))
        changes_hit = {cid for _, cid in history}
        _scrub_summaries(tx, changes_hit, [r["text"] for r in rows])
        for ids in _chunks(sorted(rid for rid, _ in history)):
            tx.conn.execute(delete(db.change_rows).where(db.change_rows.c.id.in_(ids)))
        for ids in _chunks(sorted(sids)):
            tx.conn.execute(delete(db.statements).where(db.statements.c.id.in_(ids)))
        _retire_emptied(tx, changes_hit)
        # Kept as a record that this person withdrew (so a later import of the same review
        # stays hidden from others); the reference is a code, never a name or the words.
        tx.conn.execute(update(db.reviews).where(db.reviews.c.id.in_(review_ids))
                        .values(consent=False))
        if words is not None:
            words.extend(r["text"] for r in rows)
        counts = Counter(r["kind"] for r in rows)
        erasure = Erasure(shown_ref, len(rows), {k.value: counts.get(k.value, 0) for k in Kind},
                          len(history))
        tx.summary = (f"Erased the words of review {shown_ref} (consent withdrawn): "
                      f"{plural(len(rows), 'statement')} and "
                      f"{plural(len(history), 'history record')} deleted; cannot be undone")
        tx.touched.update(("statements", "reviews"))
        tx.not_undoable = True
    return erasure


def scrub_file(store: Store, tries: int = 20, wait: float = 0.25) -> bool:
    """Leave no copy of deleted rows in the database's files. SQLite: VACUUM rewrites the
    file without free pages, then the WAL journal is emptied (True if it could be: a reader
    holding an old snapshot keeps it). PostgreSQL: VACUUM FULL rewrites the touched tables."""
    if store.dialect == "sqlite":
        raw = store.engine.raw_connection()
        try:
            cur = raw.cursor()
            cur.execute("PRAGMA secure_delete=ON")
            cur.execute("VACUUM")
            for _ in range(tries):
                busy, _log, _done = cur.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                if not busy:
                    return True
                time.sleep(wait)
            return False
        finally:
            raw.close()
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for name in TOUCHED:
            conn.execute(text(f"VACUUM (FULL, ANALYZE) {name}"))
    return True


def forget_review(workshop: Workshop, ref: object, *, actor: str = "facilitator") -> Erasure:
    """UK GDPR erasure of one review's words (consent withdrawn): statements, history, the
    database file, and files in the workshop's outputs folder that quote them. Logged (who,
    when, which review, how many) without the words; no undo."""
    words: list[str] = []
    erasure = erase_in_store(workshop.store, ref, actor, words)
    erasure.file_clean = scrub_file(workshop.store)
    if workshop.folder is not None:
        erasure.files_removed = remove_copies(workshop.folder / "outputs", words)
    return erasure
