"""Tender scoring tables (schema 2; submissions and reopenings, schema 6), and what undo may
never take back: submitted scores and agreed scores are kept for the record."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    func,
    select,
)

from workbook.store.schema import deleted_flag, metadata, timestamp
from workbook.tender.bids.bid_tables import BID_TABLES
from workbook.tender.funding.grant_tables import EVALUATION_COLUMNS, QUESTION_COLUMNS

SUBMITTED_KEPT = (
    "This cannot be undone: it would take back scores a panel member has submitted, and "
    "submitted scores are kept for the record. The facilitator can reopen the member's score "
    "sheet, with a reason, on the Moderation view.")
AGREED_KEPT = (
    "This cannot be undone: agreed scores are kept for the record. To change one, agree a new "
    "score with its reason on the Moderation view; both are kept.")
DECISION_KEPT = (
    "This cannot be undone: submitting and reopening a score sheet are kept for the record. "
    "The facilitator can reopen a submitted sheet, with a reason, on the Moderation view.")


def _row_member(row: dict[str, Any]) -> int | None:
    data = json.loads(row["after"] or row["before"] or "{}")
    return data.get("member_id")


def _submitted_since(conn: Connection, member_id: int | None, column: str, row_id: int) -> bool:
    """Whether this member's sheet is submitted now, or was submitted with this row in it."""
    if member_id is None:
        return False
    m, s = tender_members.c, tender_submissions.c
    if conn.execute(select(m.submitted_at).where(m.id == member_id)).scalar():
        return True
    return bool(conn.execute(select(func.count()).select_from(tender_submissions).where(
        s.member_id == member_id, s.action == "submitted", s[column] >= row_id)).scalar())


def keep_submitted_score(conn: Connection, row: dict[str, Any]) -> str | None:
    """Undo guard (Store.undo reads it from Table.info): a draft may be withdrawn, a score
    that is or was part of a submitted sheet may not."""
    if _submitted_since(conn, _row_member(row), "score_upto", row["row_id"]):
        return SUBMITTED_KEPT
    return None


def keep_submitted_ranking(conn: Connection, row: dict[str, Any]) -> str | None:
    if _submitted_since(conn, _row_member(row), "ranking_upto", row["row_id"]):
        return SUBMITTED_KEPT
    return None


def keep_agreed(_conn: Connection, _row: dict[str, Any]) -> str | None:
    return AGREED_KEPT


def keep_decision(_conn: Connection, _row: dict[str, Any]) -> str | None:
    return DECISION_KEPT

# Numbers are exact fractions as text ("70", "1/3"); scores and agreed scores are
# append-only: a change is a new row, and the newest live row is the current one.
tender_evaluations = Table(
    "tender_evaluations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("quality_weight", String(40), nullable=False),
    Column("price_weight", String(40), nullable=False),
    *(make() for make in EVALUATION_COLUMNS),  # schema 13: budget, shortlist
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
tender_panels = Table(
    "tender_panels",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("evaluation_id", Integer, ForeignKey("tender_evaluations.id"), nullable=False),
    Column("code", String(120), nullable=False),
    Column("share", String(40), nullable=False),
    Column("young_people", Boolean, nullable=False),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
tender_members = Table(
    "tender_members",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("panel_id", Integer, ForeignKey("tender_panels.id"), nullable=False),
    Column("name", String(120), nullable=False),
    Column("submitted_at", String(40), nullable=True),  # scores hidden from others until set
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
tender_questions = Table(
    "tender_questions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("evaluation_id", Integer, ForeignKey("tender_evaluations.id"), nullable=False),
    Column("code", String(120), nullable=False),
    Column("text", Text, nullable=False),
    Column("weight", String(40), nullable=False),
    Column("panel_id", Integer, ForeignKey("tender_panels.id"), nullable=True),
    *(make() for make in QUESTION_COLUMNS),  # schema 13: stage
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
tender_bidders = Table(
    "tender_bidders",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("evaluation_id", Integer, ForeignKey("tender_evaluations.id"), nullable=False),
    Column("code", String(120), nullable=False),
    Column("name", String(300), nullable=False),
    Column("price", String(40), nullable=False),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
tender_scores = Table(
    "tender_scores",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("member_id", Integer, ForeignKey("tender_members.id"), nullable=False),
    Column("bidder_id", Integer, ForeignKey("tender_bidders.id"), nullable=False),
    Column("question_id", Integer, ForeignKey("tender_questions.id"), nullable=False),
    Column("score", Integer, nullable=False),
    Column("reason", Text, nullable=False),
    Column("actor", String(120), nullable=False),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
    info={"undo_guard": keep_submitted_score},
)
Index("ix_tender_scores_member", tender_scores.c.member_id)
tender_agreed = Table(
    "tender_agreed",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("panel_id", Integer, ForeignKey("tender_panels.id"), nullable=False),
    Column("bidder_id", Integer, ForeignKey("tender_bidders.id"), nullable=False),
    Column("question_id", Integer, ForeignKey("tender_questions.id"), nullable=False),
    Column("score", Integer, nullable=False),
    Column("reason", Text, nullable=False),
    Column("actor", String(120), nullable=False),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
    info={"undo_guard": keep_agreed},
)
tender_rankings = Table(
    "tender_rankings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("member_id", Integer, ForeignKey("tender_members.id"), nullable=False),
    Column("bidder_order", Text, nullable=False),  # JSON list of bidder codes, favourite first
    Column("actor", String(120), nullable=False),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
    info={"undo_guard": keep_submitted_ranking},
)
tender_descriptors = Table(
    "tender_descriptors",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("evaluation_id", Integer, ForeignKey("tender_evaluations.id"), nullable=False),
    Column("score", Integer, nullable=False),
    Column("words", String(200), nullable=False),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
# The audit trail of each score sheet (schema 6): every submit and every reopening, with who,
# when and (for a reopening) why. A submit records the newest score and ranking ids the sheet
# held, so the scores it handed in can be told from drafts made after a reopening.
tender_submissions = Table(
    "tender_submissions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("member_id", Integer, ForeignKey("tender_members.id"), nullable=False),
    Column("action", String(20), nullable=False),  # "submitted" or "reopened"
    Column("reason", Text, nullable=False),  # why it was reopened ("" for a submit)
    Column("score_upto", Integer, nullable=True),  # newest tender_scores.id submitted
    Column("ranking_upto", Integer, nullable=True),  # newest tender_rankings.id submitted
    Column("scores", Integer, nullable=False),  # how many scores the sheet held
    Column("actor", String(120), nullable=False),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
    info={"undo_guard": keep_decision},
)
Index("ix_tender_submissions_member", tender_submissions.c.member_id)
TENDER_TABLES = (
    tender_evaluations,
    tender_panels,
    tender_members,
    tender_questions,
    tender_bidders,
    tender_scores,
    tender_agreed,
    tender_rankings,
    tender_descriptors,
    tender_submissions,
    *BID_TABLES,  # schema 12: after the bidders and questions they belong to
)


def newest_ids(conn: Connection, table: Table, member_id: int) -> tuple[int | None, int]:
    """(the newest live id, how many cells) of one member's rows in an append-only table."""
    t = table.c
    live = (t.member_id == member_id, t.deleted.is_(False))
    newest = conn.execute(select(func.max(t.id)).where(*live)).scalar()
    if table is tender_scores:
        cells = conn.execute(select(func.count()).select_from(
            select(t.bidder_id, t.question_id).where(*live).distinct().subquery())).scalar()
    else:
        cells = 1 if newest is not None else 0
    return newest, int(cells or 0)


def create_tender_submissions(conn: Connection) -> None:
    """Schema 6: the submissions table; a sheet already submitted gets its submit recorded
    (when it was submitted, with the scores it holds), marked as recorded by the migration."""
    metadata.create_all(conn, tables=[tender_submissions], checkfirst=True)
    m, s = tender_members.c, tender_submissions.c
    recorded = select(s.member_id)
    rows = conn.execute(select(m.id, m.submitted_at).where(
        m.submitted_at.is_not(None), m.id.not_in(recorded))).all()
    for member_id, at in rows:
        score_upto, cells = newest_ids(conn, tender_scores, member_id)
        ranking_upto, _ = newest_ids(conn, tender_rankings, member_id)
        conn.execute(tender_submissions.insert().values(
            member_id=member_id, action="submitted", reason="", score_upto=score_upto,
            ranking_upto=ranking_upto, scores=cells,
            actor="recorded when the audit trail began", created_at=at, updated_at=at,
            deleted=False))
