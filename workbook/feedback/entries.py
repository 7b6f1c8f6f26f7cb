"""The "you said, we did" log: add, change and delete entries in the three published columns."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from workbook.feedback.vocab import DEFAULT_STATUS, MAX_WORDS, STATUS_LABELS, entry_values
from workbook.model import InputError, clean_text
from workbook.store import db

if TYPE_CHECKING:
    from workbook.store.transactions import Store

SAID = "“you said”"
FIELDS = ("you_said", "we_did", "impact", "status", "reason", "given_on")


class FeedbackOps:
    """Mixed into Workshop (through ReviewOps): the "you said, we did" log."""

    store: Store

    def add_feedback(
        self, theme_id: int, you_said: object, we_did: object, *, impact: object = "",
        status: object = DEFAULT_STATUS, reason: object = "", given_on: object = None,
        action_id: int | None = None, actor: str = "",
    ) -> int:
        """One entry: what people said (a theme), what we did and how we are taking it
        forward, its impact and next steps, its status (a reason when not done) and date
        (today unless given)."""
        said = clean_text(you_said, SAID, MAX_WORDS)
        values = entry_values(we_did=we_did, status=status, reason=reason, impact=impact,
                              given_on=date.today() if given_on is None else given_on)
        with self.store.write(actor, "Added a “you said, we did” entry") as tx:
            tx.existing(db.themes, theme_id, "theme")
            action = None if action_id is None else tx.existing(db.actions, action_id, "action")
            if action and action["theme_id"] != theme_id:
                raise InputError("The action must belong to the same theme.")
            return tx.insert(db.feedback, theme_id=theme_id, action_id=action_id,
                             you_said=said, **values)

    def edit_feedback(self, feedback_id: int, *, actor: str = "", **changes: object) -> None:
        """Change any of you_said, we_did, impact, status, reason, given_on; checked with the
        entry's other columns as stored (e.g. "not done" with no reason stored or given)."""
        unknown = set(changes) - set(FIELDS)
        if unknown:
            raise InputError(f"Cannot change {', '.join(sorted(unknown))} of an entry.")
        said = clean_text(changes["you_said"], SAID, MAX_WORDS) if "you_said" in changes \
            else None
        summary = "Edited a “you said, we did” entry"
        status = changes.get("status")
        if isinstance(status, str) and status.strip():
            summary += f" ({STATUS_LABELS.get(status, status).lower()})"
        with self.store.write(actor, summary) as tx:
            row = tx.existing(db.feedback, feedback_id, "entry")
            merged = {k: changes.get(k, row[k]) for k in FIELDS[1:]}
            if merged["given_on"] is None:  # an entry from before dates: its day written
                merged["given_on"] = row["created_at"][:10]
            values = entry_values(**merged)
            if said is not None:
                values["you_said"] = said
            changed = {k: v for k, v in values.items() if v != row[k]}
            if not changed:  # refused, so no empty step lands in the history for Undo
                raise InputError("Nothing to save: the entry already says that.")
            tx.update(db.feedback, feedback_id, **changed)

    def delete_feedback(self, feedback_id: int, *, actor: str = "") -> None:
        with self.store.write(actor, "Deleted a “you said, we did” entry") as tx:
            tx.existing(db.feedback, feedback_id, "entry")
            tx.delete(db.feedback, feedback_id)
