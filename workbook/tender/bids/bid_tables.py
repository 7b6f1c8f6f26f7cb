"""Bids and profiles tables (schema 12): each bidder's answer to each question, and its profile."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Connection, ForeignKey, Index, Integer, Table, Text

from workbook.model import InputError
from workbook.store.schema import deleted_flag, metadata, timestamp
from workbook.tender.bids.bid_text import clean_answer, clean_profile

# Edited in place (one live row per bidder and question); history keeps every earlier text.
tender_bids = Table(
    "tender_bids",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("bidder_id", Integer, ForeignKey("tender_bidders.id"), nullable=False),
    Column("question_id", Integer, ForeignKey("tender_questions.id"), nullable=False),
    Column("answer", Text, nullable=False),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
Index("ix_tender_bids_bidder", tender_bids.c.bidder_id)
tender_profiles = Table(
    "tender_profiles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("bidder_id", Integer, ForeignKey("tender_bidders.id"), nullable=False),
    Column("profile", Text, nullable=False),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
BID_TABLES = (tender_bids, tender_profiles)


def create_bid_tables(conn: Connection) -> None:
    """Schema 12: the bids and profiles tables (checkfirst: a new store has them already)."""
    metadata.create_all(conn, tables=list(BID_TABLES), checkfirst=True)


def _restore_bid(row: dict[str, Any], ctx: Any, _n: int) -> None:
    row["answer"] = clean_answer(row["answer"], "answer")
    bidder = ctx.rows["tender_bidders"][row["bidder_id"]]
    question = ctx.rows["tender_questions"][row["question_id"]]
    if bidder["evaluation_id"] != question["evaluation_id"]:
        raise InputError("bidder_id and question_id belong to different tender evaluations")


def _restore_profile(row: dict[str, Any], _ctx: Any, _n: int) -> None:
    row["profile"] = clean_profile(row["profile"], "profile")


def restore_rules() -> dict[str, Any]:
    """The checks a whole-workshop restore makes on these tables (io.restore_rules)."""
    return {"tender_bids": _restore_bid, "tender_profiles": _restore_profile}
