"""Bids and profiles in and out of the store, for a whole evaluation at once."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from workbook.store import db
from workbook.tender.bids.bid_tables import tender_bids, tender_profiles
from workbook.tender.model import Evaluation


def store_bids(tx: Any, ev: Evaluation, bidders: dict[str, int],
               questions: dict[str, int]) -> None:
    """Insert an evaluation's answers and profiles (TenderStore.load, in its transaction)."""
    for (bidder, question), answer in ev.bids.items():
        if bidder in bidders and question in questions:
            tx.insert(tender_bids, bidder_id=bidders[bidder], question_id=questions[question],
                      answer=answer)
    for bidder, profile in ev.profiles.items():
        if bidder in bidders:
            tx.insert(tender_profiles, bidder_id=bidders[bidder], profile=profile)


def read_bids(conn: Connection, ev_id: int) -> tuple[dict[tuple[str, str], str],
                                                     dict[str, str]]:
    """The evaluation's live answers ((bidder, question) -> text) and profiles (bidder ->)."""
    b, q, a, p = db.tender_bidders.c, db.tender_questions.c, tender_bids.c, tender_profiles.c
    answers = conn.execute(
        select(b.code.label("bidder"), q.code.label("question"), a.answer)
        .join(db.tender_bidders, b.id == a.bidder_id)
        .join(db.tender_questions, q.id == a.question_id)
        .where(b.evaluation_id == ev_id, a.deleted.is_(False), b.deleted.is_(False),
               q.deleted.is_(False)).order_by(b.id, q.id)).all()
    profiles = conn.execute(
        select(b.code, p.profile).join(db.tender_bidders, b.id == p.bidder_id)
        .where(b.evaluation_id == ev_id, p.deleted.is_(False), b.deleted.is_(False))
        .order_by(b.id)).all()
    return ({(r.bidder, r.question): r.answer for r in answers},
            {code: profile for code, profile in profiles})
