"""The workbook's grant and stage rows: `budget` and `shortlist` in Setup, `stage` on Questions."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from workbook.io.limits import limit_problem, read_number
from workbook.model import InputError
from workbook.tender.model import Evaluation

Add = Callable[..., None]  # Checker.add(sheet, row, message, blocks=False)
MAX_STAGES = 5


def _number(value: object) -> tuple[Fraction | None, str]:
    """(the number, or None and why not) from a cell."""
    try:
        n = read_number(value)
    except InputError:
        return None, limit_problem(value) or "is not a number"
    return n, "" if n is not None else "is not a number"


def _shown(value: object) -> str:
    return " ".join(str(value).split())[:40]


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def setup_value(rows: list, key: str) -> tuple[int, object] | None:
    """(row, value) of the Setup row named `key` in column A, if there is one."""
    for n, row in rows:
        values = list(row.values())
        if values and str(values[0] or "").strip().lower().replace(" ", "_") == key:
            return n, values[1] if len(values) > 1 else None
    return None


def read_budget(rows: list, add: Add) -> Fraction | None:
    """A budget row makes the evaluation a grant round; blank or absent: an ordinary tender."""
    found = setup_value(rows, "budget")
    if found is None or _blank(found[1]):
        return None
    n, value = found
    amount, why = _number(value)
    if amount is None or amount <= 0:
        reason = why if amount is None else ("is below 0" if amount < 0 else "is 0")
        add("Setup", n, f"budget '{_shown(value)}' {reason}: type the money there is to give, "
                        "e.g. 50000, or delete the row for a tender that is not a grant round.",
            True)
        return None
    return amount


def read_shortlist(rows: list, add: Add) -> int | None:
    """How many bids go on to the next stage; blank or absent: every bid goes on."""
    found = setup_value(rows, "shortlist")
    if found is None or _blank(found[1]):
        return None
    n, value = found
    count, why = _number(value)
    if count is None or count.denominator != 1 or count < 1:
        add("Setup", n, f"shortlist '{_shown(value)}' "
                        f"{why or 'is not a whole number of 1 or more'}: type how many bids "
                        "go on to the next stage, e.g. 3.", True)
        return None
    return int(count)


def read_stage(value: object, n: int, add: Add) -> int | None:
    """A question's stage: blank is stage 1; else a whole number from 1 to MAX_STAGES."""
    if _blank(value):
        return 1
    stage, why = _number(value)
    if stage is None or stage.denominator != 1 or not 1 <= stage <= MAX_STAGES:
        add("Questions", n, f"stage '{_shown(value)}' {why or 'is not a stage'}: type a "
                            f"whole number from 1 to {MAX_STAGES} (1 is the first stage), or "
                            "leave it blank for stage 1.")
        return None
    return int(stage)


def check_stages(ev: Evaluation, setup: list, add: Add) -> None:
    """Stages numbered without gaps, a shortlist that cuts something, and a price where one
    is needed (an amount requested in a grant round)."""
    used = sorted({q.stage for q in ev.questions})
    for q in ev.questions:
        missing = [k for k in range(1, q.stage) if k not in used]
        if missing:
            add("Questions", q.row, f"stage {q.stage} is an unknown stage: there is no stage "
                                    f"{missing[0]} before it. Number the stages 1, 2, ... "
                                    "without gaps.", True)
            break
    at = setup_value(setup, "shortlist")
    if ev.shortlist is not None and at is not None:
        if ev.bidders and ev.shortlist > len(ev.bidders):
            add("Setup", at[0], f"shortlist {ev.shortlist} is bigger than the "
                                f"{len(ev.bidders)} bidders: type a smaller number, so the "
                                "shortlist leaves some bids out.", True)
        elif len(used) < 2:
            add("Setup", at[0], f"shortlist {ev.shortlist} has no next stage to shortlist for: "
                                "give the later stage's questions stage 2 on the Questions "
                                "sheet, or delete the shortlist row.")
    if ev.budget is not None:
        for b in ev.bidders:
            if b.price <= 0:
                add("Bidders", b.row, f"bidder '{b.bidder}' has no amount requested: in a "
                                      "grant round the price column is the amount the bid "
                                      "asks for; type it, e.g. 12000.", True)
