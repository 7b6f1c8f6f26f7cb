"""Plan (WTfC step 6): what is happening already, ideas, and actions with owners and dates."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from workbook.model import MAX_NAME, InputError, clean_date, clean_text
from workbook.store import db
from workbook.text import plural, shorten

if TYPE_CHECKING:
    import pandas as pd
    from sqlalchemy.sql import Select

    from workbook.store.transactions import Store, Tx

ACTION_STATUSES = ("not started", "in progress", "done")
IDEA_KINDS = ("already", "idea")  # "what is happening already", or a new idea
IDEA_LABELS = {"already": "Happening already", "idea": "Idea"}
IDEA_TARGET = "idea"  # votes.target for a dot on an idea, beside "theme" and "cause"


def _live_idea_dots(*columns: object) -> Select:
    """Dots on ideas that are still there (an idea's theme deleted takes its ideas away)."""
    v, i, t = db.votes.c, db.ideas.c, db.themes.c
    return (select(*columns).select_from(db.votes)
            .join(db.ideas, i.id == v.target_id).join(db.themes, t.id == i.theme_id)
            .where(v.target == IDEA_TARGET, v.deleted.is_(False), i.deleted.is_(False),
                   t.deleted.is_(False)))


def _due(value: object) -> str:
    return clean_date(value, "due date")


def _idea_kind(value: object) -> str:
    text = str(value or "").strip().casefold()
    if text not in IDEA_KINDS:
        raise InputError("Say whether it is happening already or a new idea.")
    return text


def _ids(values: object) -> list[int]:
    if values is None:
        return []
    if isinstance(values, int):
        return [values]
    return list(dict.fromkeys(int(v) for v in values if v is not None))


def _set_links(tx: Tx, action_id: int, theme_id: int, success_ids: list[int]) -> None:
    """Make the action's live links to success statements exactly `success_ids`."""
    for sid in success_ids:
        row = tx.existing(db.success_statements, sid, "success statement")
        if row["theme_id"] != theme_id:
            raise InputError("An action's success statements must share its theme.")
    link = db.action_success.c
    existing = {
        r.success_id: r
        for r in tx.conn.execute(select(db.action_success).where(link.action_id == action_id))
    }
    for sid, row in existing.items():
        if sid not in success_ids and not row.deleted:
            tx.delete(db.action_success, row.id)
        elif sid in success_ids and row.deleted:
            tx.update(db.action_success, row.id, deleted=False)
    for sid in success_ids:
        if sid not in existing:
            tx.insert(db.action_success, action_id=action_id, success_id=sid)


def _status(value: object) -> str:
    text = str(value or "").strip().casefold()
    if text not in ACTION_STATUSES:
        raise InputError(f"Status must be one of: {', '.join(ACTION_STATUSES)}.")
    return text


class PlanOps:
    """Mixed into Workshop: ideas and actions (the end of the golden thread)."""

    store: Store
    dots_per_voter: Callable[[], int]  # the facilitator's setting (ThemeOps): one for all dots
    ideas: pd.DataFrame

    def add_action(
        self,
        theme_id: int,
        text: object,
        owner: object,
        due: object,
        *,
        cause_id: int | None = None,
        success_id: int | None = None,
        success_ids: object = (),
        status: object = "not started",
        idea_id: int | None = None,
        actor: str = "",
    ) -> int:
        """An action answers a theme, and the cause and success statement(s) where known.

        idea_id: the idea (step 6) this action was chosen from; it is marked as chosen."""
        text = clean_text(text, "action")
        owner = clean_text(owner, "owner", MAX_NAME)
        links = _ids([success_id, *_ids(success_ids)])
        values = dict(
            theme_id=theme_id,
            cause_id=cause_id,
            success_id=None,  # the links (action_success) say which statements it serves
            text=text,
            owner=owner,
            due=_due(due),
            status=_status(status),
        )
        with self.store.write(actor, f"Added the action '{text[:40]}'") as tx:
            tx.existing(db.themes, theme_id, "theme")
            cause = None if cause_id is None else tx.existing(db.causes, cause_id, "cause")
            if cause and cause["theme_id"] != theme_id:
                raise InputError("An action's cause must belong to its theme.")
            idea = None if idea_id is None else tx.existing(db.ideas, idea_id, "idea")
            if idea and idea["theme_id"] != theme_id:
                raise InputError("The idea must belong to the action's theme.")
            action_id = tx.insert(db.actions, **values)
            _set_links(tx, action_id, theme_id, links)
            if idea:
                tx.update(db.ideas, idea["id"], action_id=action_id)
            return action_id

    def edit_action(self, action_id: int, *, actor: str = "", **changes: object) -> None:
        checks = {
            "text": lambda v: clean_text(v, "action"),
            "owner": lambda v: clean_text(v, "owner", MAX_NAME),
            "due": _due,
            "status": _status,
            "cause_id": lambda v: None if v in (None, "", 0) else int(v),
        }
        links = _ids(changes.pop("success_ids")) if "success_ids" in changes else None
        unknown = set(changes) - checks.keys()
        if unknown:
            raise InputError(f"Cannot change {', '.join(sorted(unknown))} of an action.")
        values = {k: checks[k](v) for k, v in changes.items()}
        with self.store.write(actor, "Edited an action") as tx:
            row = tx.existing(db.actions, action_id, "action")
            cause_id = values.get("cause_id")
            cause = None if cause_id is None else tx.existing(db.causes, cause_id, "cause")
            if cause and cause["theme_id"] != row["theme_id"]:
                raise InputError("An action's cause must belong to its theme.")
            tx.update(db.actions, action_id, **values)
            if links is not None:
                _set_links(tx, action_id, row["theme_id"], links)

    def delete_action(self, action_id: int, *, actor: str = "") -> None:
        with self.store.write(actor, "Deleted an action") as tx:
            tx.existing(db.actions, action_id, "action")
            tx.delete(db.actions, action_id)

    # --- step 6: what is happening already, and ideas ---------------------------------------
    def add_idea(self, theme_id: int, kind: object, text: object, *, actor: str = "") -> int:
        kind = _idea_kind(kind)
        text = clean_text(text, "idea" if kind == "idea" else "what is happening already")
        with self.store.write(actor, f"Added {IDEA_LABELS[kind].lower()}: '{text[:40]}'") as tx:
            tx.existing(db.themes, theme_id, "theme")
            return tx.insert(db.ideas, theme_id=theme_id, kind=kind, text=text,
                             author=(actor or "")[:MAX_NAME])

    def edit_idea(self, idea_id: int, text: object, *, actor: str = "") -> None:
        text = clean_text(text, "idea")
        with self.store.write(actor, "Edited an idea") as tx:
            tx.existing(db.ideas, idea_id, "idea")
            tx.update(db.ideas, idea_id, text=text)

    def delete_idea(self, idea_id: int, *, actor: str = "") -> None:
        """The idea and its dots go together (one undo brings both back)."""
        with self.store.write(actor, "Deleted an idea") as tx:
            tx.existing(db.ideas, idea_id, "idea")
            tx.delete(db.ideas, idea_id)
            v = db.votes.c
            for (vid,) in tx.conn.execute(select(v.id).where(
                    v.target == IDEA_TARGET, v.target_id == idea_id, v.deleted.is_(False))):
                tx.delete(db.votes, vid)

    # --- step 6: dots on ideas, to choose which become actions --------------------------------
    def dot_idea(self, voter: object, idea_id: int, *, actor: str = "") -> int:
        """Place one of a voter's dots on an idea; each voter has the facilitator's number of
        dots for ideas, as for themes and for causes."""
        voter = clean_text(voter, "voter name", MAX_NAME)
        dots = self.dots_per_voter()
        with self.store.write(actor or voter, f"{voter} placed a dot") as tx:
            idea = tx.existing(db.ideas, idea_id, "idea")
            tx.existing(db.themes, idea["theme_id"], "theme")
            if idea["kind"] != "idea":
                raise InputError("Dots go on ideas, not on what is happening already.")
            v = db.votes.c
            used = tx.conn.execute(_live_idea_dots(func.count()).where(v.voter == voter)).scalar()
            if used >= dots:
                raise InputError(f"{voter} has used all {plural(dots, 'dot')} on ideas. "
                                 "Take one back first.")
            tx.summary = f"{voter} placed a dot on the idea '{shorten(idea['text'], 40)}'"
            return tx.insert(db.votes, voter=voter, target=IDEA_TARGET, target_id=idea_id)

    def undot_idea(self, voter: object, idea_id: int, *, actor: str = "") -> None:
        """Take back one of this voter's dots from an idea."""
        voter = clean_text(voter, "voter name", MAX_NAME)
        with self.store.write(actor or voter, f"{voter} took back a dot") as tx:
            v = db.votes.c
            vid = tx.conn.execute(
                select(v.id).where(v.voter == voter, v.target == IDEA_TARGET,
                                   v.target_id == idea_id, v.deleted.is_(False))
                .order_by(v.id.desc()).limit(1)).scalar()
            if vid is None:
                raise InputError(f"{voter} has no dot on that idea to take back.")
            tx.delete(db.votes, vid)

    def idea_dots(self) -> dict[int, int]:
        """Dots per idea (ideas without dots left out)."""
        v = db.votes.c
        with self.store.read() as conn:
            rows = conn.execute(_live_idea_dots(v.target_id, func.count()).group_by(v.target_id))
            return {int(k): int(n) for k, n in rows}

    def idea_dots_left(self, voter: str) -> int:
        v = db.votes.c
        with self.store.read() as conn:
            used = conn.execute(_live_idea_dots(func.count()).where(v.voter == voter)).scalar()
        return max(0, self.dots_per_voter() - int(used or 0))

    def ideas_with_dots(self) -> pd.DataFrame:
        """The ideas frame with a `dots` column (0 for "happening already" and undotted)."""
        df = self.ideas.copy()
        counts = self.idea_dots()
        df["dots"] = [counts.get(int(i), 0) for i in df["idea_id"]]
        return df
