"""Read the current tender evaluation out of the store, as a given member may see it."""

from __future__ import annotations

import json
from fractions import Fraction
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select

from workbook.store import db
from workbook.tender.bids.bid_rows import read_bids
from workbook.tender.funding.grant_rows import apply_stored, closed_stage_scores
from workbook.tender.model import (
    PLAIN_DESCRIPTORS,
    Agreed,
    Bidder,
    Evaluation,
    Panel,
    Problem,
    Question,
    Ranking,
    Score,
)
from workbook.tender.parse import completeness


def live_rows(conn: Connection, table, **where: Any) -> list[dict[str, Any]]:
    """The rows not deleted that match `where` (a list matches any of its values), by id."""
    query = select(table).where(table.c.deleted.is_(False))
    for k, v in where.items():
        query = query.where(table.c[k].in_(v) if isinstance(v, list) else table.c[k] == v)
    return [dict(r) for r in conn.execute(query.order_by(table.c.id)).mappings()]


def _newest(conn: Connection, table, keys: tuple[str, ...], ids: list[int], on: str,
            upto: dict[int, int | None] | None = None):
    """The newest live row per key (append-only tables: the current score or order); for an
    id in `upto`, the newest at or below that row id (what a submit handed in)."""
    if not ids:
        return []
    t = table.c
    upto = upto or {}
    free = [i for i in ids if i not in upto]
    which = or_(t[on].in_(free), *[and_(t[on] == i, t.id <= (n or 0)) for i, n in upto.items()
                                   if i in ids])
    newest = (select(func.max(t.id)).where(t.deleted.is_(False), which)
              .group_by(*[t[k] for k in keys]))
    return [dict(r) for r in conn.execute(
        select(table).where(t.id.in_(newest)).order_by(t.id)).mappings()]


def roster(conn: Connection, ev_id: int | None) -> list[dict[str, Any]]:
    """Every member: name, panel, and when they submitted (None: still scoring)."""
    if ev_id is None:
        return []
    m, p = db.tender_members.c, db.tender_panels.c
    rows = conn.execute(
        select(m.id, m.name, m.submitted_at, p.code.label("panel"))
        .join(db.tender_panels, p.id == m.panel_id)
        .where(p.evaluation_id == ev_id, m.deleted.is_(False), p.deleted.is_(False))
        .order_by(p.id, m.id)).mappings()
    return [dict(r) for r in rows]


def latest_submits(conn: Connection, member_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Each member's latest submit (the scores it handed in), if the record has one."""
    s = db.tender_submissions.c
    newest = (select(func.max(s.id)).where(s.deleted.is_(False), s.action == "submitted",
                                           s.member_id.in_(member_ids)).group_by(s.member_id))
    rows = conn.execute(select(db.tender_submissions).where(s.id.in_(newest))).mappings()
    return {r["member_id"]: dict(r) for r in rows}


def evaluation_from_store(conn: Connection, ev_id: int | None, viewer: str | None,
                          everyone: bool) -> tuple[Evaluation, list[Problem]]:
    """Submitted members count with the scores their submit handed in (a draft never counts);
    the viewer sees their own sheet as it is now; `everyone` adds the drafts, for the record."""
    if ev_id is None:
        empty = Evaluation(Fraction(0), Fraction(0), [], [], [])
        return empty, [Problem("Setup", 0, "there is no tender evaluation yet: load an "
                                           "evaluation workbook.", blocks=True)]
    row = live_rows(conn, db.tender_evaluations, id=ev_id)[0]
    panel_rows = live_rows(conn, db.tender_panels, evaluation_id=ev_id)
    panel_code = {p["id"]: p["code"] for p in panel_rows}
    panels = [Panel(p["code"], Fraction(p["share"]), bool(p["young_people"]))
              for p in panel_rows]
    questions = live_rows(conn, db.tender_questions, evaluation_id=ev_id)
    bidders = live_rows(conn, db.tender_bidders, evaluation_id=ev_id)
    q_code = {q["id"]: q["code"] for q in questions}
    b_code = {b["id"]: b["code"] for b in bidders}
    people = roster(conn, ev_id)
    seen = {m["id"]: m for m in people if everyone or m["submitted_at"] or m["name"] == viewer}
    # A submitted sheet counts as handed in (a store from before the audit trail, restored from
    # an old export, has no submit recorded: its newest scores are the submitted ones).
    submits = latest_submits(conn, [i for i, m in seen.items()
                                    if m["submitted_at"] and m["name"] != viewer])
    score_upto = {i: sub["score_upto"] for i, sub in submits.items()}
    ranking_upto = {i: sub["ranking_upto"] for i, sub in submits.items()}
    ev = Evaluation(
        Fraction(row["quality_weight"]), Fraction(row["price_weight"]), panels,
        [Question(q["code"], q["text"], Fraction(q["weight"]), panel_code.get(q["panel_id"]),
                  stage=q["stage"]) for q in questions],
        [Bidder(b["code"], b["name"], Fraction(b["price"])) for b in bidders],
        name=row["name"])
    apply_stored(ev, row)  # budget, shortlist, the stages started (schema 13)
    for m in seen.values():
        ev.members.setdefault(m["panel"], []).append(m["name"])
    ev.scores = [
        Score(seen[s["member_id"]]["panel"], seen[s["member_id"]]["name"], b_code[s["bidder_id"]],
              q_code[s["question_id"]], s["score"], s["reason"])
        for s in _newest(conn, db.tender_scores, ("member_id", "bidder_id", "question_id"),
                         list(seen), "member_id", score_upto)
        if s["bidder_id"] in b_code and s["question_id"] in q_code]
    ev.scores += closed_stage_scores(conn, ev, people, seen, (b_code, q_code))
    ev.agreed = [
        Agreed(panel_code[a["panel_id"]], b_code[a["bidder_id"]], q_code[a["question_id"]],
               a["score"], a["reason"])
        for a in _newest(conn, db.tender_agreed, ("panel_id", "bidder_id", "question_id"),
                         list(panel_code), "panel_id")
        if a["bidder_id"] in b_code and a["question_id"] in q_code]
    ev.rankings = [
        Ranking(seen[r["member_id"]]["panel"], seen[r["member_id"]]["name"],
                tuple(json.loads(r["bidder_order"])))
        for r in _newest(conn, db.tender_rankings, ("member_id",), list(seen), "member_id",
                         ranking_upto)]
    words = {d["score"]: d["words"] for d in live_rows(conn, db.tender_descriptors,
                                                     evaluation_id=ev_id)}
    ev.descriptors = {**PLAIN_DESCRIPTORS, **words}
    ev.bids, ev.profiles = read_bids(conn, ev_id)
    problems = []
    if ev.quality_weight + ev.price_weight != 100:
        problems.append(Problem("Setup", 0, "the quality and price weights must add up to 100.",
                                blocks=True))
    if not panels or sum(p.share for p in panels) == 0:
        problems.append(Problem("Panels", 0, "give at least one panel a share.", blocks=True))
    if not questions or not bidders:
        problems.append(Problem("Setup", 0, "the evaluation needs questions and bidders.",
                                blocks=True))
    # A panel left out of the results (nothing submitted yet) is said first, then who is late.
    problems += completeness(ev)
    problems += [Problem("Scores", 0, f"{m['name']} ({m['panel']}) has not submitted their "
                                      "scores yet.")
                 for m in people if m["id"] not in seen]
    return ev, problems


def submissions(conn: Connection, ev_id: int | None) -> list[dict[str, Any]]:
    """Every submit and reopening of a score sheet, oldest first: who, when, why, and how
    many scores the sheet held. Withdrawn (undone) rows are never part of it."""
    if ev_id is None:
        return []
    people = {m["id"]: m for m in roster(conn, ev_id)}
    s = db.tender_submissions
    rows = conn.execute(select(s).where(s.c.member_id.in_(list(people)), s.c.deleted.is_(False))
                        .order_by(s.c.id)).mappings()
    return [{"at": r["created_at"], "who": r["actor"], "action": r["action"],
             "panel": people[r["member_id"]]["panel"], "member": people[r["member_id"]]["name"],
             "reason": r["reason"], "scores": r["scores"], "score_upto": r["score_upto"]}
            for r in rows]


def history(conn: Connection, ev_id: int | None) -> list[dict[str, Any]]:
    """Every score and agreed score ever given (withdrawn ones too), with who and when."""
    if ev_id is None:
        return []
    people = {m["id"]: m for m in roster(conn, ev_id)}
    panels = {p["id"]: p["code"] for p in live_rows(conn, db.tender_panels, evaluation_id=ev_id)}
    bid = {b["id"]: b["code"] for b in live_rows(conn, db.tender_bidders, evaluation_id=ev_id)}
    qs = {q["id"]: q["code"] for q in live_rows(conn, db.tender_questions, evaluation_id=ev_id)}
    out = []
    s = db.tender_scores
    query = select(s).where(s.c.member_id.in_(list(people))).order_by(s.c.id)
    for r in conn.execute(query).mappings():
        m = people[r["member_id"]]
        out.append({"at": r["created_at"], "who": r["actor"], "kind": "score", "panel": m["panel"],
                    "member": m["name"], "bidder": bid.get(r["bidder_id"]),
                    "question": qs.get(r["question_id"]), "score": r["score"],
                    "reason": r["reason"], "withdrawn": bool(r["deleted"])})
    a = db.tender_agreed
    query = select(a).where(a.c.panel_id.in_(list(panels))).order_by(a.c.id)
    for r in conn.execute(query).mappings():
        out.append({"at": r["created_at"], "who": r["actor"], "kind": "agreed",
                    "panel": panels[r["panel_id"]], "member": "", "bidder": bid.get(r["bidder_id"]),
                    "question": qs.get(r["question_id"]), "score": r["score"],
                    "reason": r["reason"], "withdrawn": bool(r["deleted"])})
    return sorted(out, key=lambda h: (h["at"], h["kind"]))  # stable: ids break ties
