"""The checks a whole-workshop restore makes on the evaluation's tables (io.restore_rules)."""

from __future__ import annotations

from typing import Any

from workbook.evaluation.measures import SOURCES, answer, check_pair, measure, moment
from workbook.evaluation.store import MAX_COUNT
from workbook.model import MAX_NAME, InputError, optional_text


def _sheet(row: dict[str, Any], ctx: Any, n: int) -> None:
    row["moment"] = moment(row["moment"])
    if row["source"] not in SOURCES:
        raise InputError(f"source '{row['source']}' is not one of {', '.join(SOURCES)}")
    row["place"] = optional_text(row["place"], "place", MAX_NAME)


def _answer(row: dict[str, Any], ctx: Any, n: int) -> None:
    m = measure(row["measure"])
    when = ctx.row("evaluation_sheets", row["sheet_id"])["moment"]
    check_pair(when, m)
    if str(row["answer"]) not in {str(p) for p, _ in m.scale}:
        raise InputError(f"answer {row['answer']} is not a point of {m.number}'s scale (1 to 5)")
    row["answer"] = answer(m, row["answer"])
    if not 1 <= row["n"] <= MAX_COUNT:
        raise InputError(f"n {row['n']} is not a number of people from 1 to {MAX_COUNT:,}")


def _setting(row: dict[str, Any], ctx: Any, n: int) -> None:
    row["moment"] = moment(row["moment"])


def restore_rules() -> dict[str, Any]:
    """Table name -> its rule, as io.restore_rules.RULES holds them."""
    return {"evaluation_sheets": _sheet, "evaluation_answers": _answer,
            "evaluation_settings": _setting}
