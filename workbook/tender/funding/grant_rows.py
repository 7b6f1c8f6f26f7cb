"""The grant and stage settings as stored on an evaluation's row, read and written."""

from __future__ import annotations

import json
from collections.abc import Collection
from fractions import Fraction
from typing import Any

from sqlalchemy import Connection, func, select

from workbook.store import db
from workbook.tender.funding.staging import stage_numbers, staged
from workbook.tender.model import Evaluation, Score
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


def closed_stage_scores(conn: Connection, ev: Evaluation, people: list[dict[str, Any]],
                        seen: Collection[int], codes: tuple[dict[int, str], dict[int, str]]
                        ) -> list[Score]:
    """Once a later stage has started the earlier ones are closed: a member whose sheet is
    open again for the new stage still counts with the earlier stages' scores they submitted
    (their new stage's scores count when they submit again)."""
    started = [k for k, bids in ev.shortlists.items() if bids]
    waiting = {m["id"]: m for m in people if m["id"] not in seen}
    if not started or not waiting:
        return []
    b_code, q_code = codes
    stage_of = {q.question: q.stage for q in ev.questions}
    s, t = db.tender_submissions.c, db.tender_scores.c
    upto = dict(conn.execute(select(s.member_id, func.max(s.score_upto)).where(
        s.deleted.is_(False), s.action == "submitted", s.member_id.in_(list(waiting)))
        .group_by(s.member_id)).all())
    newest: dict[tuple[int, int, int], dict[str, Any]] = {}
    rows = conn.execute(select(db.tender_scores).where(
        t.deleted.is_(False), t.member_id.in_(list(upto))).order_by(t.id)).mappings()
    for r in rows:
        if r["id"] <= (upto[r["member_id"]] or 0):
            newest[(r["member_id"], r["bidder_id"], r["question_id"])] = dict(r)
    out = []
    for (member_id, bidder_id, question_id), r in newest.items():
        question = q_code.get(question_id)
        if question and bidder_id in b_code and stage_of[question] < max(started):
            m = waiting[member_id]
            out.append(Score(m["panel"], m["name"], b_code[bidder_id], question, r["score"],
                             r["reason"]))
    return out
