"""Success and plan stages: success statements in several voices, and actions with owners."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from . import db
from .model import MAX_NAME, SUCCESS_PERSPECTIVES, InputError, clean_text

if TYPE_CHECKING:
    from .store import Store, Tx

ACTION_STATUSES = ("not started", "in progress", "done")


def _live(tx: Tx, table, row_id: int | None, what: str) -> dict | None:
    if row_id is None:
        return None
    row = tx.get(table, row_id)
    if row is None or row["deleted"]:
        raise InputError(f"That {what} no longer exists.")
    return row


def _perspective(value: object) -> str:
    text = str(value or "").strip().casefold()
    if text not in SUCCESS_PERSPECTIVES:
        raise InputError(f"Perspective must be one of: {', '.join(SUCCESS_PERSPECTIVES)}.")
    return text


def _due(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise InputError(f"Due date {value!r} is not a date: write it as 2027-03-31.") from None


def _status(value: object) -> str:
    text = str(value or "").strip().casefold()
    if text not in ACTION_STATUSES:
        raise InputError(f"Status must be one of: {', '.join(ACTION_STATUSES)}.")
    return text


class PlanOps:
    """Mixed into Workshop: success statements and actions (the end of the golden thread)."""

    store: Store

    def add_success(
        self,
        theme_id: int,
        perspective: object,
        text: object,
        cause_id: int | None = None,
        *,
        actor: str = "",
    ) -> int:
        persp = _perspective(perspective)
        text = clean_text(text, "success statement")
        with self.store.write(actor, "Added a success statement") as tx:
            _live(tx, db.themes, theme_id, "theme")
            cause = _live(tx, db.causes, cause_id, "cause")
            if cause and cause["theme_id"] != theme_id:
                raise InputError("The cause must belong to the same theme.")
            return tx.insert(
                db.success_statements,
                theme_id=theme_id,
                cause_id=cause_id,
                perspective=persp,
                text=text,
            )

    def edit_success(self, success_id: int, *, actor: str = "", **changes: object) -> None:
        values: dict[str, object] = {}
        if "text" in changes:
            values["text"] = clean_text(changes.pop("text"), "success statement")
        if "perspective" in changes:
            values["perspective"] = _perspective(changes.pop("perspective"))
        if changes:
            raise InputError(f"Cannot change {', '.join(sorted(changes))} of a success statement.")
        with self.store.write(actor, "Edited a success statement") as tx:
            _live(tx, db.success_statements, success_id, "success statement")
            tx.update(db.success_statements, success_id, **values)

    def delete_success(self, success_id: int, *, actor: str = "") -> None:
        with self.store.write(actor, "Deleted a success statement") as tx:
            _live(tx, db.success_statements, success_id, "success statement")
            tx.delete(db.success_statements, success_id)

    def add_action(
        self,
        theme_id: int,
        text: object,
        owner: object,
        due: object,
        *,
        cause_id: int | None = None,
        success_id: int | None = None,
        status: object = "not started",
        actor: str = "",
    ) -> int:
        """An action answers a theme (and a cause and success statement where known)."""
        text = clean_text(text, "action")
        owner = clean_text(owner, "owner", MAX_NAME)
        values = dict(
            theme_id=theme_id,
            cause_id=cause_id,
            success_id=success_id,
            text=text,
            owner=owner,
            due=_due(due),
            status=_status(status),
        )
        with self.store.write(actor, f"Added the action '{text[:40]}'") as tx:
            _live(tx, db.themes, theme_id, "theme")
            cause = _live(tx, db.causes, cause_id, "cause")
            success = _live(tx, db.success_statements, success_id, "success statement")
            for linked in (cause, success):
                if linked and linked["theme_id"] != theme_id:
                    raise InputError(
                        "An action's cause and success statement must share its theme."
                    )
            return tx.insert(db.actions, **values)

    def edit_action(self, action_id: int, *, actor: str = "", **changes: object) -> None:
        checks = {
            "text": lambda v: clean_text(v, "action"),
            "owner": lambda v: clean_text(v, "owner", MAX_NAME),
            "due": _due,
            "status": _status,
        }
        unknown = set(changes) - checks.keys()
        if unknown:
            raise InputError(f"Cannot change {', '.join(sorted(unknown))} of an action.")
        values = {k: checks[k](v) for k, v in changes.items()}
        with self.store.write(actor, "Edited an action") as tx:
            _live(tx, db.actions, action_id, "action")
            tx.update(db.actions, action_id, **values)

    def delete_action(self, action_id: int, *, actor: str = "") -> None:
        with self.store.write(actor, "Deleted an action") as tx:
            _live(tx, db.actions, action_id, "action")
            tx.delete(db.actions, action_id)
