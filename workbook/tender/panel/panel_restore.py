"""The checks a whole-workshop restore makes on the panel's tables (io.restore_rules)."""

from __future__ import annotations

from typing import Any

from workbook.model import InputError, clean_text, optional_text
from workbook.tender.model import MAX_SCORE
from workbook.tender.panel.briefing import BRIEFING, clean_kind, clean_money
from workbook.tender.panel.practice import question
from workbook.tender.panel.recognition import clean_hours
from workbook.tender.store import clean_reason


def _settings(row: dict[str, Any], ctx: Any, n: int) -> None:
    row["contact_role"] = optional_text(row["contact_role"], "contact_role", 120)
    row["contact_details"] = optional_text(row["contact_details"], "contact_details", 200)
    row["reward_kind"] = clean_kind(row["reward_kind"])
    for col in ("half_day_rate", "full_day_rate"):
        row[col] = str(clean_money(row[col], col))
    row["next_steps"] = clean_text(row["next_steps"], "next_steps", 1500)


def _briefing(row: dict[str, Any], ctx: Any, n: int) -> None:
    if row["item"] not in BRIEFING:
        raise InputError(f"item {row['item']!r} is not on the briefing checklist")


def _practice(row: dict[str, Any], ctx: Any, n: int) -> None:
    question(row["question"])
    if not 0 <= row["score"] <= MAX_SCORE:
        raise InputError(f"score {row['score']} is not from 0 to {MAX_SCORE}")
    row["reason"] = clean_reason(row["reason"])


def _recognition(row: dict[str, Any], ctx: Any, n: int) -> None:
    for col in ("hours_day", "hours_prep"):
        row[col] = str(clean_hours(row[col], col))
    row["expenses"] = str(clean_money(row["expenses"], "expenses"))
    row["reward_kind"] = clean_kind(row["reward_kind"])


def restore_rules() -> dict[str, Any]:
    return {"tender_panel_settings": _settings, "tender_briefings": _briefing,
            "tender_practice": _practice, "tender_recognition": _recognition}
