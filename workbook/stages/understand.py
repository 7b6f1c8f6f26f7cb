"""Understand stage: why-chains and cause trees under a theme, edited with history."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from workbook.model import InputError, clean_text
from workbook.store import db

if TYPE_CHECKING:
    from workbook.store.transactions import Store, Tx


def subtree_ids(tx: Tx, cause_id: int) -> list[int]:
    """This cause and every cause beneath it, parents before children."""
    c = db.causes.c
    order, frontier = [cause_id], [cause_id]
    while frontier:
        children = list(
            tx.conn.execute(
                select(c.id).where(c.parent_id.in_(frontier), c.deleted.is_(False))
            ).scalars()
        )
        order.extend(children)
        frontier = children
    return order


class CauseOps:
    """Mixed into Workshop: cause operations."""

    store: Store

    def add_cause(
        self, theme_id: int, text: object, parent_id: int | None = None, *, actor: str = ""
    ) -> int:
        """Add a cause under a theme, or under another cause (a 'why?' of that cause)."""
        text = clean_text(text, "cause")
        with self.store.write(actor, "Added a cause") as tx:
            theme = tx.existing(db.themes, theme_id, "theme")
            if parent_id is not None:
                parent = tx.existing(db.causes, parent_id, "cause")
                if parent["theme_id"] != theme_id:
                    raise InputError("A cause goes under a cause of the same theme.")
            tx.summary = f"Added the cause '{text[:40]}' to '{theme['name']}'"
            return tx.insert(db.causes, theme_id=theme_id, parent_id=parent_id, text=text)

    def edit_cause(self, cause_id: int, text: object, *, actor: str = "") -> None:
        text = clean_text(text, "cause")
        with self.store.write(actor, "Edited a cause") as tx:
            tx.existing(db.causes, cause_id, "cause")
            tx.summary = f"Edited the cause '{text[:40]}'"
            tx.update(db.causes, cause_id, text=text)

    def delete_cause(self, cause_id: int, *, actor: str = "") -> int:
        """Delete a cause and the causes under it, with their dots; returns how many causes."""
        with self.store.write(actor, "Deleted a cause") as tx:
            cause = tx.existing(db.causes, cause_id, "cause")
            ids = subtree_ids(tx, cause_id)
            v = db.votes.c
            for vid in tx.conn.execute(
                select(v.id).where(v.target == "cause", v.target_id.in_(ids), v.deleted.is_(False))
            ).scalars():
                tx.delete(db.votes, vid)
            for cid in reversed(ids):
                tx.delete(db.causes, cid)
            more = f" and {len(ids) - 1} beneath it" if len(ids) > 1 else ""
            tx.summary = f"Deleted the cause '{cause['text'][:40]}'{more}"
            return len(ids)
