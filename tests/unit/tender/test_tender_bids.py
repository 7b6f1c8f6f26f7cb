"""The bids a panel reads (Bids and Profiles sheets, schema 12): checked by sheet and row,
stored, read back as a member sees them, exported and restored."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import inspect, text

from tests.unit.tender.tender_cases import rows, small
from workbook import InputError, Workshop
from workbook.io import exchange
from workbook.io.ingest import import_file
from workbook.store import db
from workbook.tender import build
from workbook.tender.bids.bid_sheets import read_bids
from workbook.tender.bids.bid_tables import BID_TABLES
from workbook.tender.bids.bid_text import MAX_ANSWER, MAX_PROFILE, clean_answer
from workbook.tender.bids.builder import EvaluationBuilder
from workbook.tender.xlsx import evaluation_rows, read_evaluation, write_evaluation

BIDS = ("bidder", "question", "answer")
PROFILES = ("bidder", "profile")


def with_bids(bids: list, profiles: list) -> dict:
    sheets = small()
    sheets["Bids"] = rows(BIDS, *bids)
    sheets["Profiles"] = rows(PROFILES, *profiles)
    return sheets


def test_good_bids_and_profiles_are_read_with_their_paragraphs():
    ev, problems = build(with_bids(
        [("B1", "Q1", "We train staff.\r\n\r\n\r\nThen we ask you."), ("B2", "Q3", "A game")],
        [("B1", "  North Trust runs three clubs.  ")]))
    assert problems == []
    assert ev.bids == {("B1", "Q1"): "We train staff.\n\nThen we ask you.", ("B2", "Q3"): "A game"}
    assert ev.profiles == {"B1": "North Trust runs three clubs."}


def test_each_bad_row_is_named_by_sheet_and_row_and_left_out():
    long = "x" * (MAX_ANSWER + 1)
    ev, problems = build(with_bids(
        [("B9", "Q1", "who?"),            # row 2: unknown bidder
         ("B1", "Q7", "which?"),          # row 3: unknown question
         ("B1", "Q1", "   "),             # row 4: blank answer
         ("B1", "Q2", long),              # row 5: too long
         ("B2", "Q1", "first"),           # row 6: kept
         ("B2", "Q1", "again"),           # row 7: duplicate of row 6
         (None, "Q1", "no bidder")],      # row 8: blank bidder
        [("B1", "p" * (MAX_PROFILE + 1)), ("B2", "ok"), ("B2", "twice"), ("B7", "who")]))
    said = [str(p) for p in problems if p.sheet in ("Bids", "Profiles")]
    assert said == [
        "Bids row 2: bidder 'B9' is not on the Bidders sheet: use one of B1, B2.",
        "Bids row 3: question 'Q7' is not on the Questions sheet: use one of Q1, Q2, Q3.",
        "Bids row 4: answer is blank: type it, or delete the row.",
        f"Bids row 5: answer is {MAX_ANSWER + 1:,} characters long; the limit is "
        f"{MAX_ANSWER:,} (about {MAX_ANSWER // 7:,} words). Shorten it.",
        "Bids row 7: bidder 'B2' already has an answer to question 'Q1' on row 6: keep one row.",
        "Bids row 8: bidder is blank: type the bidder's code from the Bidders sheet, or delete "
        "the row.",
        f"Profiles row 2: profile is {MAX_PROFILE + 1:,} characters long; the limit is "
        f"{MAX_PROFILE:,} (about {MAX_PROFILE // 7:,} words). Shorten it.",
        "Profiles row 4: bidder 'B2' already has a profile on row 3: keep one row.",
        "Profiles row 5: bidder 'B7' is not on the Bidders sheet: use one of B1, B2.",
    ]
    assert ev.bids == {("B2", "Q1"): "first"} and ev.profiles == {"B2": "ok"}
    # Bids never change a result, so a bad one does not block it (a load refuses, below).
    assert not any(p.blocks for p in problems if p.sheet in ("Bids", "Profiles"))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["B1", "B2", "B3", "", None]),
                          st.sampled_from(["Q1", "Q2", "Q3", "Q9", None]),
                          st.one_of(st.none(), st.text(max_size=40))), max_size=12))
def test_every_row_is_either_kept_or_named_once(data):
    """A property: each Bids row ends as one answer or at least one problem on its row,
    never both, and the kept answers are clean and unique per bidder and question."""
    sheets = small()
    ev, _ = build(sheets)
    found: list = []
    kept = read_bids(rows(BIDS, *data), ev, lambda sheet, row, msg, blocks=False:
                     found.append(row))
    kept_rows = {n for n, r in rows(BIDS, *data)
                 if (r["bidder"], r["question"]) in kept and n not in found}
    assert kept_rows.isdisjoint(found)
    assert len(kept_rows) == len(kept)
    assert set(found) | kept_rows == {n for n, _ in rows(BIDS, *data)}
    for answer in kept.values():
        assert answer == clean_answer(answer) and 0 < len(answer) <= MAX_ANSWER


@given(st.text(min_size=1, max_size=300))
def test_cleaning_an_answer_twice_changes_nothing(raw):
    try:
        once = clean_answer(raw)
    except InputError as exc:
        assert "blank" in str(exc)
        return
    assert clean_answer(once) == once and "\r" not in once


def test_bids_are_stored_read_back_and_written_to_the_workbook(workshop, tmp_path):
    ev, problems = build(with_bids([("B1", "Q1", "Line one\nline two <b>"), ("B2", "Q2", "x")],
                                   [("B2", "Southside <script>")]))
    assert problems == []
    workshop.tender.load(ev, actor="Commissioner")
    stored, _ = workshop.tender.evaluation()
    assert stored.bids == ev.bids and stored.profiles == ev.profiles
    sheets = evaluation_rows(stored)
    assert sheets["Bids"] == [list(BIDS), ["B1", "Q1", "Line one\nline two <b>"],
                              ["B2", "Q2", "x"]]
    assert sheets["Profiles"] == [list(PROFILES), ["B2", "Southside <script>"]]
    path = write_evaluation(stored, tmp_path / "again.xlsx")
    again, problems = read_evaluation(path)
    assert problems == [] and again.bids == ev.bids and again.profiles == ev.profiles


@pytest.mark.parametrize("suffix", [".json", ".xlsx"])
def test_a_whole_workshop_export_restores_the_bids(workshop, tmp_path, suffix, backend):
    ev, _ = build(with_bids([("B1", "Q1", "Our plan\n\nIn two parts"), ("B2", "Q3", "A game")],
                            [("B1", "A trust")]))
    workshop.tender.load(ev, actor="Commissioner")
    path = tmp_path / f"export{suffix}"
    (exchange.export_json if suffix == ".json" else exchange.export_xlsx)(workshop, path)
    again = Workshop.create(tmp_path / "again", "Again", db_url=backend())
    restored = import_file(again, path).restored
    assert restored["tender_bids"] == 2 and restored["tender_profiles"] == 1
    stored, _ = again.tender.evaluation()
    assert stored.bids == ev.bids and stored.profiles == ev.profiles
    # new rows after a restore get their own ids (PostgreSQL's sequences too)
    EvaluationBuilder(again.store).set_answer("B2", "Q1", "Later", actor="facilitator")
    assert again.tender.evaluation()[0].bids[("B2", "Q1")] == "Later"
    again.close()


@pytest.mark.parametrize(("table", "column", "value", "says"), [
    ("tender_bids", "answer", "y" * (MAX_ANSWER + 1), "tender_bids row 1: answer is"),
    ("tender_bids", "answer", "  ", "tender_bids row 1: answer is blank"),
    ("tender_profiles", "profile", "z" * (MAX_PROFILE + 1), "tender_profiles row 1: profile is"),
])
def test_a_restore_refuses_a_bad_bid_and_writes_nothing(workshop, tmp_path, table, column, value,
                                                        says):
    ev, _ = build(with_bids([("B1", "Q1", "Our plan")], [("B1", "A trust")]))
    workshop.tender.load(ev, actor="Commissioner")
    path = exchange.export_json(workshop, tmp_path / "all.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["tables"][table][0][column] = value
    fresh = Workshop.create(tmp_path / "fresh", "Fresh")
    with pytest.raises(InputError, match=says):
        exchange.restore(fresh, data)
    assert fresh.tender.current_id() is None
    fresh.close()


def test_a_schema_11_store_gains_the_bid_tables(tmp_path, db_url):
    ws = Workshop.create(tmp_path / "old", "Old", db_url=db_url)
    ev, _ = build(small())
    ws.tender.load(ev, actor="Commissioner")
    with ws.store.engine.begin() as conn:  # as a store saved at schema 11
        for table in reversed(BID_TABLES):
            conn.execute(text(f"DROP TABLE {table.name}"))
        conn.execute(db.meta.update().where(db.meta.c.key == "schema_version").values(
            value="11"))
    ws.close()
    again = Workshop.open(db_url or tmp_path / "old")
    with again.store.read() as conn:
        assert db.stored_version(conn) == db.SCHEMA_VERSION
        assert {t.name for t in BID_TABLES} <= set(inspect(conn).get_table_names())
    stored, _ = again.tender.evaluation()
    assert [b.bidder for b in stored.bidders] == ["B1", "B2"] and stored.bids == {}
    again.close()


def test_the_sample_bids_fit_the_sample_evaluation():
    """Every answer and profile of the synthetic sample bids is read without a problem."""
    from workbook.paths import sample_dir
    from workbook.tender.bids.sample_bids import sample_bids
    from workbook.tender.xlsx import read_sheets

    sheets = read_sheets((sample_dir() / "tender_evaluation.xlsx").read_bytes(), "sample")
    for title, table in sample_bids().items():
        sheets[title] = rows(tuple(table[0]), *map(tuple, table[1:]))
    ev, problems = build(sheets)
    assert [p for p in problems if p.sheet in ("Bids", "Profiles")] == []
    assert len(ev.bids) == len(ev.bidders) * len(ev.questions) == 40
    assert set(ev.profiles) == {b.bidder for b in ev.bidders}
