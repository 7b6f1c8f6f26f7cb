"""Theme stage: themes with "I" statements, moving cards, merge and split, and dot voting."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from workbook.model import MAX_NAME, InputError, clean_text, optional_text
from workbook.store import db
from workbook.text import fold, plural

if TYPE_CHECKING:
    from workbook.store.transactions import Store, Tx

DEFAULT_DOTS = 3
MAX_DOTS = 20


def _theme(tx: Tx, theme_id: int) -> dict:
    return tx.existing(db.themes, theme_id, "theme", "it may have been merged or deleted")


def _check_unique_name(tx: Tx, name: str, except_id: int | None = None) -> None:
    # Folded in Python, not with SQL lower(): SQLite's folds ASCII only and neither folds
    # "ß" to "ss". A workshop has tens of themes, so reading every name is cheap.
    t = db.themes.c
    wanted = fold(name)
    for tid, other in tx.conn.execute(select(t.id, t.name).where(t.deleted.is_(False))):
        if tid != except_id and fold(other) == wanted:
            spelt = "" if other == name else f" (written '{other}')"
            raise InputError(f"There is already a theme called '{name}'{spelt}. "
                             "Choose another name.")


class ThemeOps:
    """Mixed into Workshop: theme and voting operations."""

    store: Store

    def add_theme(self, name: object, i_statement: object = "", *, actor: str = "") -> int:
        name = clean_text(name, "theme name", MAX_NAME)
        i_text = optional_text(i_statement, '"I" statement')
        with self.store.write(actor, f"Made the theme '{name}'") as tx:
            _check_unique_name(tx, name)
            return tx.insert(db.themes, name=name, i_statement=i_text)

    def rename_theme(self, theme_id: int, name: object, *, actor: str = "") -> None:
        name = clean_text(name, "theme name", MAX_NAME)
        with self.store.write(actor, f"Renamed a theme to '{name}'") as tx:
            old = _theme(tx, theme_id)
            _check_unique_name(tx, name, except_id=theme_id)
            tx.summary = f"Renamed the theme '{old['name']}' to '{name}'"
            tx.update(db.themes, theme_id, name=name)

    def set_i_statement(self, theme_id: int, text: object, *, actor: str = "") -> None:
        i_text = optional_text(text, '"I" statement')
        with self.store.write(actor, 'Wrote an "I" statement') as tx:
            theme = _theme(tx, theme_id)
            tx.summary = f"Wrote the \"I\" statement for '{theme['name']}'"
            tx.update(db.themes, theme_id, i_statement=i_text)

    def delete_theme(self, theme_id: int, *, actor: str = "") -> None:
        """Its cards go back to unthemed; its votes are taken back. Undo restores all."""
        with self.store.write(actor, "Deleted a theme") as tx:
            theme = _theme(tx, theme_id)
            s, v = db.statements.c, db.votes.c
            for sid in tx.conn.execute(select(s.id).where(s.theme_id == theme_id)).scalars():
                tx.update(db.statements, sid, theme_id=None)
            live_votes = select(v.id).where(
                v.target == "theme", v.target_id == theme_id, v.deleted.is_(False)
            )
            for vid in tx.conn.execute(live_votes).scalars():
                tx.delete(db.votes, vid)
            tx.summary = f"Deleted the theme '{theme['name']}'"
            tx.delete(db.themes, theme_id)

    def assign(self, statement_ids: Iterable[int], theme_id: int | None, *, actor: str = "") -> int:
        """Move cards into a theme (None: back to unthemed); returns how many moved."""
        ids = list(dict.fromkeys(int(i) for i in statement_ids))
        if not ids:
            raise InputError("Select at least one card to move.")
        with self.store.write(actor, "Moved cards") as tx:
            target = "unthemed" if theme_id is None else f"'{_theme(tx, theme_id)['name']}'"
            moved = 0
            for sid in ids:
                row = tx.get(db.statements, sid)
                if row is None or row["deleted"]:
                    raise InputError("One of those cards has been deleted; refresh and try again.")
                if row["theme_id"] != theme_id:
                    tx.update(db.statements, sid, theme_id=theme_id)
                    moved += 1
            tx.summary = f"Moved {plural(moved, 'card')} to {target}"
            if not moved:
                tx.not_undoable = True
            return moved

    def merge_themes(self, keep_id: int, other_ids: Iterable[int], *, actor: str = "") -> None:
        """Fold other themes into one: their cards, votes, causes and plans move across."""
        others = [int(i) for i in other_ids if int(i) != keep_id]
        if not others:
            raise InputError("Choose at least one other theme to merge in.")
        with self.store.write(actor, "Merged themes") as tx:
            keep = _theme(tx, keep_id)
            names = []
            for oid in others:
                names.append(_theme(tx, oid)["name"])
                self._move_theme_content(tx, oid, keep_id)
                tx.delete(db.themes, oid)
            tx.summary = f"Merged {', '.join(repr(n) for n in names)} into '{keep['name']}'"

    @staticmethod
    def _move_theme_content(tx: Tx, from_id: int, to_id: int) -> None:
        for table in (db.statements, db.causes, db.success_statements, db.actions):
            rows = select(table.c.id).where(table.c.theme_id == from_id)
            for rid in tx.conn.execute(rows).scalars():
                tx.update(table, rid, theme_id=to_id)
        v = db.votes.c
        for vid in tx.conn.execute(
            select(v.id).where(v.target == "theme", v.target_id == from_id)
        ).scalars():
            tx.update(db.votes, vid, target_id=to_id)

    def split_theme(
        self, theme_id: int, statement_ids: Iterable[int], new_name: object, *, actor: str = ""
    ) -> int:
        """Start a new theme from some of a theme's cards; returns the new theme's id."""
        ids = [int(i) for i in statement_ids]
        name = clean_text(new_name, "new theme name", MAX_NAME)
        if not ids:
            raise InputError("Select the cards that should go into the new theme.")
        with self.store.write(actor, f"Split off '{name}'") as tx:
            old = _theme(tx, theme_id)
            _check_unique_name(tx, name)
            new_id = tx.insert(db.themes, name=name, i_statement="")
            for sid in ids:
                row = tx.get(db.statements, sid)
                if row is None or row["deleted"] or row["theme_id"] != theme_id:
                    raise InputError(f"Only cards in '{old['name']}' can be split off from it.")
                tx.update(db.statements, sid, theme_id=new_id)
            tx.summary = f"Split {plural(len(ids), 'card')} from '{old['name']}' into '{name}'"
            return new_id

    # --- dot voting --------------------------------------------------------------------------
    def dots_per_voter(self) -> int:
        return int(self.setting("dots_per_voter", str(DEFAULT_DOTS)))

    def set_dots_per_voter(self, dots: int, *, actor: str = "facilitator") -> None:
        try:
            dots = int(dots)
        except (TypeError, ValueError):
            raise InputError("Dots per voter must be a whole number, such as 3.") from None
        if not 1 <= dots <= MAX_DOTS:
            raise InputError(f"Dots per voter must be between 1 and {MAX_DOTS}.")
        self._set_setting("dots_per_voter", str(dots), actor,
                          f"Set {plural(dots, 'dot')} per voter")

    def vote(
        self,
        voter: object,
        *,
        theme_id: int | None = None,
        cause_id: int | None = None,
        actor: str = "",
    ) -> int:
        """Place one of a voter's dots on a not-working theme or on a cause."""
        voter = clean_text(voter, "voter name", MAX_NAME)
        if (theme_id is None) == (cause_id is None):
            raise InputError("A dot goes on one theme or one cause.")
        target, target_id = ("theme", theme_id) if theme_id is not None else ("cause", cause_id)
        dots = self.dots_per_voter()
        with self.store.write(actor or voter, f"{voter} placed a dot") as tx:
            if target == "theme":
                name = _theme(tx, target_id)["name"]
                s = db.statements.c
                not_working = tx.conn.execute(
                    select(func.count()).where(
                        s.theme_id == target_id, s.deleted.is_(False), s.kind == "not_working"
                    )
                ).scalar()
                if not not_working:
                    raise InputError(f"'{name}' has no not-working statements; dots go on those.")
            else:
                cause = tx.get(db.causes, target_id)
                if cause is None or cause["deleted"]:
                    raise InputError("That cause no longer exists.")
                name = cause["text"][:40]
            v = db.votes.c
            used = tx.conn.execute(
                select(func.count()).where(
                    v.voter == voter, v.target == target, v.deleted.is_(False)
                )
            ).scalar()
            if used >= dots:
                raise InputError(
                    f"{voter} has used all {plural(dots, 'dot')} on {target}s. Take one back first."
                )
            tx.summary = f"{voter} placed a dot on '{name}'"
            return tx.insert(db.votes, voter=voter, target=target, target_id=target_id)

    def unvote(
        self,
        voter: object,
        *,
        theme_id: int | None = None,
        cause_id: int | None = None,
        actor: str = "",
    ) -> None:
        """Take back one of this voter's dots from a theme or cause."""
        voter = clean_text(voter, "voter name", MAX_NAME)
        target, target_id = ("theme", theme_id) if theme_id is not None else ("cause", cause_id)
        with self.store.write(actor or voter, f"{voter} took back a dot") as tx:
            v = db.votes.c
            vid = tx.conn.execute(
                select(v.id)
                .where(
                    v.voter == voter,
                    v.target == target,
                    v.target_id == target_id,
                    v.deleted.is_(False),
                )
                .order_by(v.id.desc())
                .limit(1)
            ).scalar()
            if vid is None:
                raise InputError(f"{voter} has no dot there to take back.")
            tx.delete(db.votes, vid)

    def dots_left(self, voter: str, target: str = "theme") -> int:
        v = db.votes.c
        with self.store.read() as conn:
            used = conn.execute(
                select(func.count()).where(
                    v.voter == voter, v.target == target, v.deleted.is_(False)
                )
            ).scalar()
        return max(0, self.dots_per_voter() - int(used))
