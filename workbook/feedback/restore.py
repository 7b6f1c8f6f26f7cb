"""The checks a whole-workshop restore makes on the feedback log and hear-back rows."""

from __future__ import annotations

from typing import Any

from workbook.feedback.tables import hear_back
from workbook.feedback.vocab import (
    MAX_HOW,
    MAX_WORDS,
    clean_group,
    entry_values,
    group_key,
)
from workbook.model import MAX_TEXT, InputError, clean_date, clean_text, optional_text

Row = dict[str, Any]


def _feedback(row: Row, ctx: Any, n: int) -> None:
    row["you_said"] = clean_text(row["you_said"], "“you said”", MAX_WORDS)
    if row["given_on"] is None:  # an export from before schema 9: the day it was written
        row["given_on"] = row["created_at"][:10]
    try:
        row.update(entry_values(we_did=row["we_did"], status=row["status"],
                                reason=row["reason"], impact=row["impact"],
                                given_on=row["given_on"]))
    except InputError as exc:
        raise InputError(str(exc).rstrip(".")) from None


def _hear_back(row: Row, ctx: Any, n: int) -> None:
    row["audience"] = clean_group(row["audience"])
    if row["told_on"] is not None:
        row["told_on"] = clean_date(row["told_on"], "date they were told")
    row["how"] = optional_text(row["how"], "how they were told", MAX_HOW)
    row["note"] = optional_text(row["note"], "note", MAX_TEXT)
    if not row["deleted"]:  # the pages keep one live row per group
        ctx.once(hear_back.name, group_key(row["audience"]), n,
                 f"the group {row['audience'][:40]!r}")


def restore_rules() -> dict[str, Any]:
    """For io.restore_rules: the feedback table's rules (schema 9 columns) and hear_back's."""
    return {"feedback": _feedback, hear_back.name: _hear_back}
