"""Collect stage: statements typed, edited, deleted, imported in bulk, and the two top things."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from workbook.consent.rule import shown_text
from workbook.model import (
    KIND_LABELS,
    InputError,
    Kind,
    Perspective,
    StatementIn,
    clean_review_ref,
    clean_text,
    parse_kind,
    parse_perspective,
)
from workbook.store import db
from workbook.text import fold, plural

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from workbook.store.transactions import Store, Tx


def fingerprint(review_ref: str, kind: str, perspective: str, text: str) -> str:
    """Identity of a statement for duplicate detection: same review, kind, voice and words."""
    words = re.sub(r"\s+", " ", text).strip().casefold()
    key = "\x1f".join((review_ref.casefold(), str(kind), str(perspective), words))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


@dataclass
class ImportReport:
    """What an import did: added, skipped as already there, rejected with row and reason,
    and warnings: kept (or skipped) but worth a look, each {file, row or review, reason}."""

    added: int = 0
    skipped_duplicates: int = 0
    rejected: list[dict[str, Any]] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "skipped_duplicates": self.skipped_duplicates,
            "rejected": list(self.rejected),
            "warnings": list(self.warnings),
        }

    def merge(self, other: ImportReport) -> None:
        self.added += other.added
        self.skipped_duplicates += other.skipped_duplicates
        self.rejected.extend(other.rejected)
        self.files.extend(other.files)
        self.warnings.extend(other.warnings)


def review_ids(tx: Tx, refs: Iterable[str]) -> dict[str, int]:
    """Get or create the review rows for these references, in the current transaction.

    A reference that folds to an existing one ("r-017" for "R-017") is that review; new
    references that fold alike become one review, named as first given.
    """
    wanted = list(dict.fromkeys(refs))
    r = db.reviews.c
    found = (
        dict(tx.conn.execute(select(r.ref, r.id).where(r.ref.in_(wanted))).all())
        if len(wanted) < 900
        else dict(tx.conn.execute(select(r.ref, r.id)).all())
    )
    missing = [ref for ref in wanted if ref not in found]
    if not missing:
        return {ref: found[ref] for ref in wanted}
    # Folded in Python (SQLite's lower() folds ASCII only); only when an exact match failed.
    by_key: dict[str, int] = {}
    for ref, rid in tx.conn.execute(select(r.ref, r.id).order_by(r.id)):
        by_key.setdefault(fold(ref), rid)
    new: dict[str, str] = {}  # folded key -> the spelling stored
    for ref in missing:
        key = fold(ref)
        if key not in by_key:
            new.setdefault(key, ref)
    if new:
        spellings = list(new.values())
        tx.conn.execute(db.reviews.insert(), [{"ref": ref, "created_at": tx.at}
                                              for ref in spellings])
        tx.touched.add("reviews")
        for chunk_start in range(0, len(spellings), 500):
            chunk = spellings[chunk_start : chunk_start + 500]
            for ref, rid in tx.conn.execute(select(r.ref, r.id).where(r.ref.in_(chunk))):
                by_key[fold(ref)] = rid
    return {ref: found[ref] if ref in found else by_key[fold(ref)] for ref in wanted}


class CollectOps:
    """Mixed into Workshop: the statement operations."""

    store: Store

    def add_statement(
        self,
        review_ref: object,
        kind: object,
        perspective: object,
        text: object,
        *,
        actor: str = "",
        source: str = "typed in",
    ) -> int:
        item = StatementIn.parse(review_ref, kind, perspective, text)
        with self.store.write(actor, f"Added a statement for review {item.review_ref}") as tx:
            rid = review_ids(tx, [item.review_ref])[item.review_ref]
            return tx.insert(
                db.statements,
                review_id=rid,
                kind=item.kind.value,
                perspective=item.perspective.value,
                text=item.text,
                source=source[:300],
                fingerprint=fingerprint(item.review_ref, item.kind, item.perspective, item.text),
            )

    def edit_statement(self, statement_id: int, *, actor: str = "", **changes: object) -> None:
        """Change any of review_ref, kind, perspective, text; each is validated first."""
        allowed = {"review_ref", "kind", "perspective", "text"}
        unknown = set(changes) - allowed
        if unknown:
            raise InputError(f"Cannot change {', '.join(sorted(unknown))} of a statement.")
        with self.store.write(actor, "Edited a statement") as tx:
            row = tx.get(db.statements, statement_id)
            if row is None or row["deleted"]:
                raise InputError("That statement has been deleted, so it cannot be edited.")
            ref = tx.conn.execute(
                select(db.reviews.c.ref).where(db.reviews.c.id == row["review_id"])
            ).scalar_one()
            values: dict[str, object] = {}
            if "review_ref" in changes:
                ref = clean_review_ref(changes["review_ref"])
                values["review_id"] = review_ids(tx, [ref])[ref]
            if "kind" in changes:
                values["kind"] = parse_kind(changes["kind"]).value
            if "perspective" in changes:
                values["perspective"] = parse_perspective(changes["perspective"]).value
            if "text" in changes:
                values["text"] = clean_text(changes["text"], "statement text")
            merged = {**row, **values}
            values["fingerprint"] = fingerprint(
                ref, merged["kind"], merged["perspective"], merged["text"]
            )
            tx.summary = f"Edited a statement for review {ref}"
            tx.update(db.statements, statement_id, **values)

    def delete_statement(self, statement_id: int, *, actor: str = "") -> None:
        with self.store.write(actor, "Deleted a statement") as tx:
            row = tx.get(db.statements, statement_id)
            if row is None or row["deleted"]:
                raise InputError("That statement is already deleted.")
            consent = tx.conn.execute(
                select(db.reviews.c.consent).where(db.reviews.c.id == row["review_id"])
            ).scalar()
            # The summary is shown on Undo: words without consent stay out of it.
            words = shown_text(row["text"], consent, row["kind"], row["perspective"])
            tx.summary = f"Deleted the statement '{words[:40]}'"
            tx.delete(db.statements, statement_id)

    def import_statements(
        self, items: Iterable[StatementIn], *, source: str, actor: str = "",
        rows: Sequence[int] | None = None, details: dict[str, dict[str, Any]] | None = None,
    ) -> ImportReport:
        """Add statements in one transaction; ones already in the workshop are skipped.

        rows, the file's row number of each item, lets a warning name the row it is about.
        details, each review's date, type and consent by reference (the file's optional
        columns), are set on the reviews in the same transaction, so undo takes them back.
        """
        items = list(items)
        report = ImportReport(files=[source])
        with self.store.write(actor, f"Imported {source}") as tx:
            s = db.statements.c
            seen = set(tx.conn.execute(select(s.fingerprint).where(s.deleted.is_(False))).scalars())
            first_at: dict[str, int] = {}  # a fingerprint new in this file -> its first row
            fresh: list[tuple[str, StatementIn]] = []
            for index, item in enumerate(items):
                fp = fingerprint(item.review_ref, item.kind, item.perspective, item.text)
                if fp in seen:
                    report.skipped_duplicates += 1
                    if rows is not None:
                        report.warnings.append(
                            duplicate_warning(source, rows[index], first_at.get(fp)))
                    continue
                seen.add(fp)
                if rows is not None:
                    first_at[fp] = rows[index]
                fresh.append((fp, item))
            if fresh:
                ids = review_ids(tx, [item.review_ref for _, item in fresh])
                tx.batch = tx.change_id
                rows = [
                    {
                        "review_id": ids[item.review_ref],
                        "kind": item.kind.value,
                        "perspective": item.perspective.value,
                        "text": item.text,
                        "source": source[:300],
                        "batch": tx.batch,
                        "fingerprint": fp,
                        "created_at": tx.at,
                        "updated_at": tx.at,
                        "deleted": False,
                    }
                    for fp, item in fresh
                ]
                for start in range(0, len(rows), 5000):
                    tx.conn.execute(db.statements.insert(), rows[start : start + 5000])
                tx.touched.add("statements")
            report.added = len(fresh)
            updated = set_review_details(tx, details or {}, {i.review_ref for i in items})
            tx.summary = (
                f"Imported {plural(report.added, 'statement')} from {source}"
                f" ({report.skipped_duplicates} already there)"
            )
            if updated:
                tx.summary += f"; details of {plural(updated, 'review')}"
            if not fresh and not updated:
                tx.not_undoable = True  # nothing to take back
            if items:  # the file's reviews, counted with what was there before it
                refs = review_ids_found(tx, [item.review_ref for item in items])
                report.warnings.extend(f.as_dict(source) for f in flags_in(tx.conn, refs))
        return report


def duplicate_warning(source: str, row: int, earlier: int | None) -> dict[str, Any]:
    """A skipped duplicate, as an import warning naming its row (and the row it repeats)."""
    same = "the same review, kind, perspective and words"
    reason = (f"not added again: row {earlier:,} of this file has {same}" if earlier
              else f"not added again: the workshop already has a statement with {same}")
    return {"file": source, "row": row, "reason": reason}


def review_ids_found(tx: Tx, refs: Iterable[str]) -> list[int]:
    """The ids of the reviews these references name (folded as review_ids folds), none made."""
    keys = {fold(ref) for ref in refs}
    r = db.reviews.c
    return [rid for ref, rid in tx.conn.execute(select(r.ref, r.id)) if fold(ref) in keys]


def set_review_details(tx: Tx, details: dict[str, dict[str, Any]], refs: set[str]) -> int:
    """Set each review's imported date, type and consent (only for references with
    statements in the file); returns how many reviews changed."""
    wanted = {ref: values for ref, values in details.items() if ref in refs and values}
    if not wanted:
        return 0
    ids = review_ids(tx, list(wanted))
    changed = 0
    for ref, values in wanted.items():
        before = tx.get(db.reviews, ids[ref])
        if before is not None and any(before[k] != v for k, v in values.items()):
            tx.update(db.reviews, ids[ref], **values)
            changed += 1
    return changed


# --- The two top things (step 2): a review over them is flagged, never refused -----------

TOP = 2  # "the two top things that are working and not working", and for the future
# Whose view, as a sentence says it: "4 'Working' statements from the family carer".
FROM_WHOM = {
    Perspective.PERSON: "the person",
    Perspective.FAMILY: "the family carer",
    Perspective.STAFF: "staff",
    Perspective.OTHER: "someone else (other)",
}
# SQLite allows 32,766 bound values; above this many reviews, filter in Python instead.
_MOST_IN_CLAUSE = 900


@dataclass(frozen=True)
class TopTwoFlag:
    """A review holding more than the two top things of one kind from one perspective."""

    review: str
    kind: Kind
    perspective: Perspective
    count: int

    def reason(self) -> str:
        # No statement's words: a review without consent to use them is flagged the same way.
        return (
            f"review {self.review} has {self.count} '{KIND_LABELS[self.kind]}' statements "
            f"from {FROM_WHOM[self.perspective]}; the method asks for the two top things. "
            f"All {self.count} are kept: check with the reviewer which two matter most."
        )

    def line(self) -> str:
        """'R-017: 4 'Not working' from the family carer', for a list of flags."""
        return (f"{self.review}: {self.count} '{KIND_LABELS[self.kind]}' from "
                f"{FROM_WHOM[self.perspective]}")

    def as_dict(self, file: str | None = None) -> dict[str, Any]:
        """The flag as an import warning: {file, review, kind, perspective, count, reason}."""
        out: dict[str, Any] = {} if file is None else {"file": file}
        out.update(review=self.review, kind=self.kind.value,
                   perspective=self.perspective.value, count=self.count, reason=self.reason())
        return out


def _order(flag: TopTwoFlag) -> tuple:
    return (flag.review.casefold(), list(Kind).index(flag.kind),
            list(Perspective).index(flag.perspective))


def over_two(counts: Iterable[tuple[str, str, str, int]]) -> list[TopTwoFlag]:
    """Flags from (review, kind, perspective, count) rows: only counts above two, in order."""
    flags = [TopTwoFlag(ref, Kind(kind), Perspective(view), int(n))
             for ref, kind, view, n in counts if int(n) > TOP]
    return sorted(flags, key=_order)


def flags_in(conn: Connection, review_ids: Iterable[int] | None = None) -> list[TopTwoFlag]:
    """Flags for live statements, in every review or only those given (one GROUP BY)."""
    s, r = db.statements.c, db.reviews.c
    query = (
        select(s.review_id, r.ref, s.kind, s.perspective, func.count())
        .join_from(db.statements, db.reviews, s.review_id == r.id)
        .where(s.deleted.is_(False))
        .group_by(s.review_id, r.ref, s.kind, s.perspective)
        .having(func.count() > TOP)
    )
    wanted = None if review_ids is None else set(review_ids)
    if wanted is not None and len(wanted) < _MOST_IN_CLAUSE:
        query = query.where(s.review_id.in_(wanted))
    rows = conn.execute(query).all()
    return over_two((ref, kind, view, n) for rid, ref, kind, view, n in rows
                    if wanted is None or rid in wanted)


def top_two_flags(store: Store) -> list[TopTwoFlag]:
    """Every review in the workshop over the two top things, for the Collect page."""
    with store.read() as conn:
        return flags_in(conn)


KEEP_AND_CHECK = "They are all kept: check with the reviewer which two matter most."


def headline(flags: list[TopTwoFlag]) -> str:
    """One short sentence for a page: how many reviews are over the two top things."""
    reviews = len({f.review for f in flags})
    which = "1 review has" if reviews == 1 else f"{reviews:,} reviews have"
    return f"Two top things: {which} more than two of one kind from one perspective."
