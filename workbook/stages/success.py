"""Identify success (WTfC step 5): success statements in several voices, and who is heard."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbook.model import SUCCESS_PERSPECTIVES, InputError, clean_text
from workbook.store import db

if TYPE_CHECKING:
    import pandas as pd

    from workbook.store.transactions import Store


@dataclass(frozen=True)
class Voice:
    perspective: str
    label: str
    voice: str  # "I" or "We"
    prompt: str
    example: str


# Examples written for this project in the style of WTfC success statements (synthetic).
VOICES = {
    "person": Voice("person", "The person", "I",
                    "If this were fixed, what would your life be like? Start with “I”.",
                    "I know who is coming to support me each day."),
    "family": Voice("family", "Family carer", "I",
                    "As a family carer, what would be different for you? Start with “I”.",
                    "I can ring the house and whoever answers knows my son well."),
    "staff": Voice("staff", "Staff", "We",
                   "What would staff be doing differently? Start with “We”.",
                   "We have time to get to know people before we support them."),
    "provider": Voice("provider", "Provider", "We",
                      "What would the organisation do? Start with “We”.",
                      "We work with people as equal partners in every decision."),
    "commissioner": Voice("commissioner", "Commissioner", "We",
                          "What would the council or commissioner do? Start with “We”.",
                          "We pay a rate that lets providers keep good staff."),
}
assert tuple(VOICES) == SUCCESS_PERSPECTIVES


def voice_warning(perspective: str, text: str) -> str | None:
    """A gentle note when an "I" statement does not start with I (or a "We" with We)."""
    words = text.strip().split()
    if not words:
        return None
    want = VOICES[perspective].voice
    first = words[0].strip("“\"'‘").casefold()
    ok = {"i": ("i", "i'm", "i’m", "my"), "we": ("we", "we're", "we’re", "our")}[want.casefold()]
    if first not in ok:
        return f"Saved. Tip: {VOICES[perspective].label} statements usually start with “{want}”."
    return None


def gaps_sentence(gaps: pd.DataFrame) -> str:
    """One plain sentence naming the priority themes with a voice not yet heard."""
    missing = []
    for theme, row in gaps.iterrows():
        absent = [VOICES[p].label.lower() for p in SUCCESS_PERSPECTIVES if row[p] == 0]
        if absent:
            missing.append(f"{theme} (from {', '.join(absent)})")
    if not len(gaps):
        return "There are no priority themes yet."
    if not missing:
        return "Every priority theme has a success statement from every perspective."
    return "Not heard yet: " + "; ".join(missing) + "."


def _perspective(value: object) -> str:
    text = str(value or "").strip().casefold()
    if text not in SUCCESS_PERSPECTIVES:
        raise InputError(f"Perspective must be one of: {', '.join(SUCCESS_PERSPECTIVES)}.")
    return text


class SuccessOps:
    """Mixed into Workshop: what success would look like, in each voice."""

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
            tx.existing(db.themes, theme_id, "theme")
            cause = None if cause_id is None else tx.existing(db.causes, cause_id, "cause")
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
            tx.existing(db.success_statements, success_id, "success statement")
            tx.update(db.success_statements, success_id, **values)

    def delete_success(self, success_id: int, *, actor: str = "") -> None:
        with self.store.write(actor, "Deleted a success statement") as tx:
            tx.existing(db.success_statements, success_id, "success statement")
            tx.delete(db.success_statements, success_id)
