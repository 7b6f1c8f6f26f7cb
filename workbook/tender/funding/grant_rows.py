"""The grant and stage settings as stored on an evaluation's row, read and written."""

from __future__ import annotations

import json
from fractions import Fraction
from typing import Any

from workbook.tender.funding.staging import stage_numbers, staged
from workbook.tender.model import Evaluation
from workbook.tender.rules import stage_outcome


def shortlists_json(shortlists: dict[int, tuple[str, ...]]) -> str | None:
    return json.dumps({str(k): list(v) for k, v in sorted(shortlists.items())}) if (
        shortlists) else None


def apply_stored(ev: Evaluation, row: dict[str, Any]) -> None:
    """Budget, shortlist and the fixed shortlists from the store; a later stage the facilitator
    has not started yet lets no bid in (its questions are not scored until it starts)."""
    ev.budget = Fraction(row["budget"]) if row.get("budget") else None
    ev.shortlist = row.get("shortlist")
    fixed = json.loads(row["shortlists"]) if row.get("shortlists") else {}
    ev.shortlists = {k: tuple(fixed.get(str(k), ())) for k in stage_numbers(ev)[1:]}


def stored_values(ev: Evaluation) -> dict[str, Any]:
    """The columns to store for a loaded evaluation. A later stage its workbook already holds
    scores for has started: its shortlist is fixed as the workbook's scores give it."""
    values: dict[str, Any] = {"budget": None if ev.budget is None else str(ev.budget),
                              "shortlist": ev.shortlist, "shortlists": None}
    if staged(ev):
        stage_of = {q.question: q.stage for q in ev.questions}
        begun = {stage_of.get(s.question, 1) for s in [*ev.scores, *ev.agreed]}
        let_in = stage_outcome(ev).admitted
        values["shortlists"] = shortlists_json(
            {k: let_in[k] for k in stage_numbers(ev)[1:] if k in begun})
    return values
