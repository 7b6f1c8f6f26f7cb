"""Setting a grant round and stages up in the store, and starting a later stage."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy import Connection, func, select

from workbook.io.limits import read_number
from workbook.model import InputError
from workbook.store import db
from workbook.tender.funding.grant_rows import shortlists_json
from workbook.tender.funding.sheets import MAX_STAGES
from workbook.tender.funding.staging import stage_numbers
from workbook.tender.rules import stage_outcome
from workbook.tender.schema import newest_ids

if TYPE_CHECKING:
    from workbook.tender.store import TenderStore


def _amount(value: object) -> str | None:
    if value is None or str(value).strip() == "":
        return None
    n = read_number(value if not isinstance(value, str) else value.strip())
    if n is None or n <= 0:
        raise InputError(f"The budget '{str(value)[:40]}' is not an amount of money above 0: "
                         "type it like 50000, or leave it blank if this is not a grant round.")
    return str(n)


def _whole(value: object, what: str, top: int) -> int | None:
    if value is None or str(value).strip() == "":
        return None
    n = read_number(value)
    if n is None or n.denominator != 1 or not 1 <= n <= top:
        raise InputError(f"The {what} '{str(value)[:40]}' is not a whole number from 1 to "
                         f"{top}: correct it.")
    return int(n)


def _need(tender: TenderStore, conn: Connection) -> int:
    ev_id = tender.current_id(conn)
    if ev_id is None:
        raise InputError("There is no tender evaluation yet: load an evaluation workbook or "
                         "set one up first.")
    return ev_id


def _bidder_count(conn: Connection, ev_id: int) -> int:
    b = db.tender_bidders.c
    return conn.execute(select(func.count()).where(b.evaluation_id == ev_id,
                                                   b.deleted.is_(False))).scalar() or 0


def set_grant(tender: TenderStore, budget: object, shortlist: object, actor: str) -> None:
    """The budget (blank: not a grant round) and how many bids go on to the next stage."""
    amount = _amount(budget)
    with tender.store.write(actor, "Set the budget to " + (amount or "none (not a grant "
                                                           "round)")) as tx:
        ev_id = _need(tender, tx.conn)
        n = _bidder_count(tx.conn, ev_id)
        count = _whole(shortlist, "shortlist", max(n, 1))
        tx.update(db.tender_evaluations, ev_id, budget=amount, shortlist=count)


def set_question_stage(tender: TenderStore, question: str, stage: object, actor: str) -> None:
    """Put a question in a stage; not once it has been scored (its scores belong to a stage)."""
    k = _whole(stage, "stage", MAX_STAGES) or 1
    with tender.store.write(actor, f"Put question {question} in stage {k}") as tx:
        ev_id = _need(tender, tx.conn)
        q = db.tender_questions.c
        rows = tx.conn.execute(select(q.id, q.code, q.stage).where(
            q.evaluation_id == ev_id, q.deleted.is_(False))).all()
        row = next((r for r in rows if r.code == question), None)
        if row is None:
            raise InputError(f"There is no question '{question}' in this evaluation.")
        s = db.tender_scores.c
        if tx.conn.execute(select(func.count()).where(s.question_id == row.id,
                                                      s.deleted.is_(False))).scalar():
            raise InputError(f"Question {question} has been scored, so its stage cannot change "
                             "now.")
        used = {r.stage for r in rows if r.id != row.id} | {k}
        gap = next((i for i in range(1, max(used)) if i not in used), None)
        if gap:
            raise InputError(f"There would be no stage {gap} before stage {max(used)}: number "
                             "the stages 1, 2, ... without gaps.")
        tx.update(db.tender_questions, row.id, stage=k)


def check_open(conn: Connection, ev_id: int, bidder: str, question_id: int) -> None:
    """Refuse a score for a bid not let into the question's stage (a later stage scores only
    the shortlist the facilitator started it with), or in a stage closed by a later one."""
    stage = conn.execute(select(db.tender_questions.c.stage).where(
        db.tender_questions.c.id == question_id)).scalar() or 1
    raw = conn.execute(select(db.tender_evaluations.c.shortlists).where(
        db.tender_evaluations.c.id == ev_id)).scalar()
    fixed = json.loads(raw) if raw else {}
    newest = max((int(k) for k, v in fixed.items() if v), default=1)
    if stage < newest:
        raise InputError(f"Stage {stage} is closed: stage {newest} has started with its "
                         "shortlist, so the earlier scores stay as they were submitted.")
    if stage == 1:
        return
    let_in = fixed.get(str(stage), [])
    if not let_in:
        raise InputError(f"Stage {stage} has not started yet: its questions are scored once "
                         "the facilitator shortlists the bids.")
    if bidder not in let_in:
        raise InputError(f"{bidder} is not on the shortlist for stage {stage}: only "
                         f"{', '.join(let_in)} are scored there.")


def start_stage(tender: TenderStore, stage: int, actor: str) -> tuple[str, ...]:
    """The facilitator ends the stage before: the bids on its shortlist are let into `stage`,
    fixed for the record, and every submitted score sheet is reopened (saying why) so its
    member can score them; their earlier scores stay. Returns the shortlisted bids."""
    ev, problems = tender.evaluation()
    nums = stage_numbers(ev)
    if stage not in nums[1:]:
        raise InputError(f"There is no stage {stage} after another to start.")
    if ev.shortlists.get(stage):
        raise InputError(f"Stage {stage} has started already.")
    if stage - 1 in ev.shortlists and not ev.shortlists[stage - 1]:
        raise InputError(f"Start stage {stage - 1} first.")
    waiting = [p for p in problems if "has not started" not in p.message]
    if waiting:
        raise InputError(f"Stage {stage - 1} is not finished, so the shortlist is not known "
                         f"yet: {waiting[0].message}")
    let_in = stage_outcome(replace(ev, shortlists={
        k: v for k, v in ev.shortlists.items() if k < stage})).admitted[stage]
    fixed = {k: v for k, v in ev.shortlists.items() if v} | {stage: let_in}
    reason = f"stage {stage} has started: score the shortlisted bids ({', '.join(let_in)})"
    with tender.store.write(actor, f"Started stage {stage}: shortlisted "
                                   f"{', '.join(let_in)}") as tx:
        ev_id = _need(tender, tx.conn)
        tx.not_undoable = True  # the shortlist is kept for the record, like a submit
        tx.update(db.tender_evaluations, ev_id, shortlists=shortlists_json(fixed))
        m, p = db.tender_members.c, db.tender_panels.c
        submitted = tx.conn.execute(select(m.id).join(db.tender_panels, p.id == m.panel_id).where(
            p.evaluation_id == ev_id, m.deleted.is_(False), m.submitted_at.is_not(None))).all()
        for (member_id,) in submitted:
            score_upto, cells = newest_ids(tx.conn, db.tender_scores, member_id)
            ranking_upto, _ = newest_ids(tx.conn, db.tender_rankings, member_id)
            tx.update(db.tender_members, member_id, submitted_at=None)
            tx.insert(db.tender_submissions, member_id=member_id, action="reopened",
                      reason=reason, score_upto=score_upto, ranking_upto=ranking_upto,
                      scores=cells, actor=actor)
    return let_in
