"""Tender evaluations in the store: append-only scores, hiding until submitted, export/import."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from workbook import InputError, Workshop
from workbook.io import exchange
from workbook.store import db
from workbook.tender import as_json, read_evaluation
from workbook.tender.xlsx import evaluation_rows

SAMPLE = Path(__file__).resolve().parents[3] / "sample_data" / "tender_evaluation.xlsx"


@pytest.fixture
def loaded(workshop):
    ev, problems = read_evaluation(SAMPLE)
    assert problems == []
    workshop.tender.load(ev, actor="Commissioner")
    return workshop, ev


@pytest.fixture
def loaded_folder(tmp_path):
    """The command line takes a workshop folder: a SQLite workshop (PostgreSQL is covered by
    the tests above, which run on both)."""
    ws = Workshop.create(tmp_path / "ws", "Tender folder")
    ev, problems = read_evaluation(SAMPLE)
    assert problems == []
    ws.tender.load(ev, actor="Commissioner")
    yield ws, ev
    ws.close()


def _count(ws, table) -> int:
    with ws.store.read() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar()


def test_loaded_sample_gives_the_same_results_as_the_workbook(loaded):
    ws, ev = loaded
    stored, problems = ws.tender.evaluation()
    assert problems == []
    assert as_json(stored, problems) == as_json(ev, [])
    assert evaluation_rows(stored) == evaluation_rows(ev)


def test_blank_evaluation_lets_members_score_hidden_until_submitted(workshop):
    ev, _ = read_evaluation(SAMPLE)
    ev.scores, ev.agreed, ev.rankings = [], [], []
    tender = workshop.tender
    tender.load(ev, actor="Commissioner", submitted=False)
    tender.score("Amani", "B1", "Q1", 4, "They asked us first", actor="Amani's laptop")
    mine, _ = tender.evaluation(viewer="Amani")
    theirs, problems = tender.evaluation(viewer="Bex")
    big, _ = tender.evaluation()
    assert [(s.member, s.score) for s in mine.scores] == [("Amani", 4)]
    assert theirs.scores == [] and big.scores == []
    assert "Scores: Amani (Young people's panel) has not submitted their scores yet." in [
        str(p) for p in problems]
    with pytest.raises(InputError, match="Score everything before you submit: 39 still"):
        tender.submit("Amani")
    for b in ev.bidders:
        for q in ev.questions:
            tender.score("Amani", b.bidder, q.question, 3, "OK answer")
    tender.submit("Amani")
    seen, _ = tender.evaluation(viewer="Bex")
    assert len([s for s in seen.scores if s.member == "Amani"]) == 40
    with pytest.raises(InputError, match="has submitted their scores"):
        tender.score("Amani", "B1", "Q1", 5, "changed my mind")


def test_every_score_change_is_kept_with_who_and_when(workshop):
    ev, _ = read_evaluation(SAMPLE)
    ev.scores, ev.agreed, ev.rankings = [], [], []
    tender = workshop.tender
    tender.load(ev, actor="Commissioner", submitted=False)
    tender.score("Bex", "B2", "Q3", 2, "Only open in school hours", actor="table Bex")
    tender.score("Bex", "B2", "Q3", 3, "Open Saturdays too, I missed that", actor="table Bex")
    rows = _count(workshop, db.tender_scores)
    tender.score("Bex", "B2", "Q3", 3, "Open Saturdays too, I missed that")  # no change
    assert _count(workshop, db.tender_scores) == rows == 2
    mine, _ = tender.evaluation(viewer="Bex")
    assert [(s.score, s.reason) for s in mine.scores] == [(3, "Open Saturdays too, I missed that")]
    hist = [h for h in tender.history() if h["kind"] == "score"]
    assert [(h["who"], h["score"], h["withdrawn"]) for h in hist] == [
        ("table Bex", 2, False), ("table Bex", 3, False)]
    assert all(h["at"] for h in hist)
    workshop.undo("table Bex")  # the later score is withdrawn, never erased
    mine, _ = tender.evaluation(viewer="Bex")
    assert [s.score for s in mine.scores] == [2]
    assert [h["withdrawn"] for h in tender.history() if h["kind"] == "score"] == [False, True]


def test_agreed_scores_are_appended(loaded):
    ws, _ = loaded
    before = _count(ws, db.tender_agreed)
    ws.tender.agree("Adult panel", "B1", "Q1", 5, "Strong safeguarding evidence", "Chair")
    ws.tender.agree("Adult panel", "B1", "Q1", 4, "On reflection, one gap in training", "Chair")
    assert _count(ws, db.tender_agreed) == before + 2
    ev, _ = ws.tender.evaluation()
    got = [a for a in ev.agreed if (a.panel, a.bidder, a.question) == ("Adult panel", "B1", "Q1")]
    assert [(a.score, a.reason) for a in got] == [(4, "On reflection, one gap in training")]


@pytest.mark.parametrize(("call", "message"), [
    (lambda t: t.score("Amani", "B1", "Q1", 6, "x"), "Choose a score from 0 to 5"),
    (lambda t: t.score("Amani", "B1", "Q1", 3, "  "), "Write a reason"),
    (lambda t: t.score("Nobody", "B1", "Q1", 3, "x"), "'Nobody' is not a member"),
    (lambda t: t.score("Amani", "B9", "Q1", 3, "x"), "no bidder 'B9'"),
    (lambda t: t.agree("Adult panel", "B1", "Q9", 3, "x", "c"), "no question 'Q9'"),
    (lambda t: t.rank("Amani", ["B1", "B2"]), "Put every bidder in the order once"),
    (lambda t: t.set_descriptor(3, "", "c"), "Give score 3 a few words"),
])
def test_bad_input_is_refused_plainly_and_nothing_is_written(workshop, call, message):
    ev, _ = read_evaluation(SAMPLE)
    workshop.tender.load(ev, actor="Commissioner", submitted=False)
    rev = workshop.revision
    with pytest.raises(InputError, match=message):
        call(workshop.tender)
    assert workshop.revision == rev


def test_export_and_import_carry_the_evaluation_and_its_history(loaded, tmp_path):
    ws, _ = loaded
    ws.tender.agree("Young people's panel", "B3", "Q2", 5, "They showed us their youth board",
                    "Chair")
    ws.tender.set_descriptor(0, "Nothing at all", "Commissioner")
    for fmt in ("json", "xlsx"):
        out = tmp_path / f"export.{fmt}"
        (exchange.export_json if fmt == "json" else exchange.export_xlsx)(ws, out)
        copy = Workshop.create(tmp_path / f"copy_{fmt}", "Copy")
        exchange.restore(copy, exchange.load_export(out))
        assert as_json(*copy.tender.evaluation()) == as_json(*ws.tender.evaluation())
        assert copy.tender.history() == ws.tender.history()
        assert copy.tender.evaluation()[0].descriptors[0] == "Nothing at all"
        with pytest.raises(InputError, match="empty workshop"):
            exchange.restore(copy, exchange.load_export(out))
        copy.close()


def test_migration_adds_tender_tables_to_a_version_1_store(tmp_path):
    ws = Workshop.create(tmp_path / "old", "Old")
    with ws.store.engine.begin() as conn:  # make it look like a store saved before tenders
        for table in reversed(db.TENDER_TABLES):
            conn.execute(text(f"DROP TABLE {table.name}"))
        conn.execute(db.meta.update().where(db.meta.c.key == "schema_version").values(value="1"))
    ws.close()
    again = Workshop.open(tmp_path / "old")
    with again.store.read() as conn:
        assert db.stored_version(conn) == db.SCHEMA_VERSION
    assert again.tender.current_id() is None
    again.close()


def test_cli_results_from_a_workshop_folder(loaded_folder):
    ws, ev = loaded_folder
    proc = subprocess.run([sys.executable, "-m", "workbook.cli", "tender", "results",
                           str(ws.folder), "--json"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == as_json(ev, [])


def test_cli_export_writes_workbook_and_summaries(loaded_folder, tmp_path):
    ws, ev = loaded_folder
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "workbook.cli", "tender", "export",
                           str(ws.folder), str(out)], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    again, problems = read_evaluation(out / "tender_evaluation.xlsx")
    assert problems == [] and as_json(again, problems) == as_json(ev, [])
    import openpyxl

    book = openpyxl.load_workbook(out / "tender_evaluation.xlsx")
    assert book["History"].max_row == 1 + len(ev.scores) + len(ev.agreed)
    assert (out / "tender_assessment_summaries.docx").stat().st_size > 0
