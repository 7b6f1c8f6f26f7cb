"""Tender decisions that stand up: a submit is final for the member, the facilitator reopens
with a reason (both kept), results count submitted scores only, undo never takes back a
submitted or agreed score, and each bidder gets its own summary with members named by role.

Every test runs on SQLite and on PostgreSQL (the `workshop` fixture)."""

from __future__ import annotations

import subprocess
import sys

import openpyxl
import pytest
from docx import Document
from sqlalchemy import func, select, text
from tender_cases import small

from workbook import InputError, Workshop
from workbook.store import db
from workbook.tender import as_json, build, read_evaluation
from workbook.tender.report import export_all, role_names, write_bidder_summaries
from workbook.tender.schema import AGREED_KEPT, SUBMITTED_KEPT
from workbook.tender.views import submitted_count

FACILITATOR = "Big screen"


def blank(workshop):
    """The hand-worked evaluation (panels A: a1, a2; Y: y1), nothing scored or submitted."""
    ev, problems = build(small())
    assert problems == []
    ev.members = {p.panel: ev.members_of(p.panel) for p in ev.panels}
    ev.scores, ev.agreed, ev.rankings = [], [], []
    workshop.tender.load(ev, actor="Commissioner", submitted=False)
    return workshop.tender


def score_sheet(tender, member, panel, score, why="because"):
    ev, _ = tender.evaluation(viewer=member)
    for b in ev.bidders:
        for q in ev.questions_for(panel):
            tender.score(member, b.bidder, q.question, score, f"{why} {score}")


def counted(tender, member):
    """What the results count for a member: (bidder, question) -> score."""
    ev, _ = tender.evaluation()
    return {(s.bidder, s.question): s.score for s in ev.scores if s.member == member}


def submitted_at(workshop, member):
    with workshop.store.read() as conn:
        return workshop.tender.member(conn, member)["submitted_at"]


def test_a_member_cannot_undo_their_submit(workshop):
    tender = blank(workshop)
    score_sheet(tender, "y1", "Y", 4)
    tender.submit("y1")
    with pytest.raises(InputError) as refused:
        workshop.undo("y1")  # the submit is skipped; the submitted score before it is kept
    assert str(refused.value) == SUBMITTED_KEPT
    assert submitted_at(workshop, "y1")
    assert counted(tender, "y1") == {(b, q): 4 for b in ("B1", "B2") for q in ("Q1", "Q2", "Q3")}
    with pytest.raises(InputError, match="has submitted their scores"):
        tender.score("y1", "B1", "Q1", 0, "changed my mind")
    with pytest.raises(InputError, match="cannot change now"):
        tender.rank("y1", ["B2", "B1"])


def test_a_draft_can_still_be_withdrawn_before_the_submit(workshop):
    tender = blank(workshop)
    tender.score("y1", "B1", "Q1", 2, "first go")
    tender.score("y1", "B1", "Q1", 3, "second go")
    assert workshop.undo("y1").startswith("Undone")
    mine, _ = tender.evaluation(viewer="y1")
    assert [s.score for s in mine.scores] == [2]


def test_the_facilitator_reopens_with_a_reason_and_both_are_kept(workshop):
    tender = blank(workshop)
    score_sheet(tender, "y1", "Y", 4)
    tender.submit("y1")
    rev = workshop.revision
    for empty in ("", "   \n\t "):
        with pytest.raises(InputError, match="Say why the score sheet is reopened"):
            tender.reopen("y1", empty, FACILITATOR)
    with pytest.raises(InputError, match="keep it under 500"):
        tender.reopen("y1", "x" * 501, FACILITATOR)
    with pytest.raises(InputError, match="has not submitted"):
        tender.reopen("a1", "a reason", FACILITATOR)
    assert workshop.revision == rev  # nothing written by a refusal
    tender.reopen("y1", "  Scored B2 as\nB1 by\x00 mistake  ", FACILITATOR)
    assert submitted_at(workshop, "y1") is None
    trail = tender.submissions()
    assert [(h["action"], h["who"], h["member"], h["reason"], h["scores"]) for h in trail] == [
        ("submitted", "y1", "y1", "", 6),
        ("reopened", FACILITATOR, "y1", "Scored B2 as B1 by mistake", 6)]
    assert all(h["at"] for h in trail) and trail[0]["at"] < trail[1]["at"]
    # Neither the submit nor the reopening is taken back by anyone's undo.
    with pytest.raises(InputError, match="nothing to undo"):
        workshop.undo(FACILITATOR)
    with pytest.raises(InputError) as refused:
        workshop.undo("y1")
    assert str(refused.value) == SUBMITTED_KEPT
    assert [h["action"] for h in tender.submissions()] == ["submitted", "reopened"]
    # Reopened: the member may change a score again.
    tender.score("y1", "B1", "Q1", 1, "looked again")


def test_results_count_submitted_scores_only(workshop):
    tender = blank(workshop)
    score_sheet(tender, "a1", "A", 2)  # a draft, never submitted
    score_sheet(tender, "a2", "A", 4)
    tender.submit("a2")
    assert counted(tender, "a1") == {}
    assert set(counted(tender, "a2").values()) == {4}
    ev, problems = tender.evaluation()
    assert "a1 (A) has not submitted their scores yet." in [p.message for p in problems]
    # A reopened sheet's new drafts never count; neither does the sheet until submitted again.
    tender.reopen("a2", "wrong bid scored", FACILITATOR)
    tender.score("a2", "B1", "Q1", 0, "a draft after reopening")
    assert counted(tender, "a2") == {}
    assert tender.evaluation(viewer="a2")[0].scores  # the member still sees their own sheet


def test_a_submit_counts_the_scores_it_handed_in_not_later_rows(workshop):
    tender = blank(workshop)
    score_sheet(tender, "a2", "A", 4)
    tender.submit("a2")
    # A row written behind the page's back (an old version, a script) after the submit.
    with workshop.store.write("someone", "late row") as tx:
        member = tender.member(tx.conn, "a2")
        b = tx.conn.execute(select(db.tender_bidders.c.id).where(
            db.tender_bidders.c.code == "B1")).scalar()
        q = tx.conn.execute(select(db.tender_questions.c.id).where(
            db.tender_questions.c.code == "Q1")).scalar()
        tx.insert(db.tender_scores, member_id=member["id"], bidder_id=b, question_id=q,
                  score=0, reason="never submitted", actor="someone")
    assert counted(tender, "a2")[("B1", "Q1")] == 4


def test_resubmitting_after_a_reopen_keeps_the_old_scores_in_the_record(workshop):
    tender = blank(workshop)
    score_sheet(tender, "y1", "Y", 4, "first")
    tender.submit("y1")
    tender.reopen("y1", "B1 and B2 were swapped", FACILITATOR)
    tender.score("y1", "B1", "Q1", 1, "second look")
    # The score submitted before the reopening cannot be undone away by the member.
    with pytest.raises(InputError):
        workshop.undo("y1")  # takes back the new draft: allowed
        workshop.undo("y1")  # then the submitted score: refused
    assert counted(tender, "y1") == {}
    tender.score("y1", "B1", "Q1", 1, "second look")
    tender.submit("y1")
    assert counted(tender, "y1")[("B1", "Q1")] == 1
    kept = [(h["score"], h["reason"], h["withdrawn"]) for h in tender.history()
            if (h["kind"], h["member"], h["bidder"], h["question"]) == ("score", "y1", "B1",
                                                                         "Q1")]
    assert kept[0] == (4, "first 4", False)  # the first submit's score, still in the record
    assert kept[-1] == (1, "second look", False)
    trail = tender.submissions()
    assert [h["action"] for h in trail] == ["submitted", "reopened", "submitted"]
    assert trail[0]["score_upto"] < trail[2]["score_upto"]


def test_undo_right_after_agreeing_a_score_keeps_it_and_says_why(workshop):
    tender = blank(workshop)
    for member, panel in (("a1", "A"), ("a2", "A")):
        score_sheet(tender, member, panel, 3)
        tender.submit(member)
    tender.agree("A", "B1", "Q1", 5, "Agreed after discussion", FACILITATOR)
    rev = workshop.revision
    with pytest.raises(InputError) as refused:
        workshop.undo(FACILITATOR)
    assert str(refused.value) == AGREED_KEPT
    assert workshop.revision == rev
    ev, _ = tender.evaluation()
    assert [(a.score, a.reason) for a in ev.agreed] == [(5, "Agreed after discussion")]
    with pytest.raises(InputError):
        workshop.undo()  # nor by anyone's undo (the command line's, with no actor)
    assert len(tender.evaluation()[0].agreed) == 1


def test_undoing_a_load_never_takes_back_submitted_scores(workshop):
    ev, _ = build(small())
    workshop.tender.load(ev, actor=FACILITATOR)  # scores from the workbook count as submitted
    before = as_json(*workshop.tender.evaluation())
    with pytest.raises(InputError, match="kept for the record"):
        workshop.undo(FACILITATOR)
    assert as_json(*workshop.tender.evaluation()) == before
    assert {h["action"] for h in workshop.tender.submissions()} == {"submitted"}


def test_the_results_say_how_many_members_have_submitted(workshop):
    tender = blank(workshop)
    score_sheet(tender, "a1", "A", 3)
    tender.submit("a1")
    with workshop.store.read() as conn:
        from workbook.tender.read import roster

        people = roster(conn, tender.current_id(conn))
    assert submitted_count(people) == ("1 of 3 panel members have submitted", "A 1 of 2; Y 0 of 1")
    assert submitted_count([{**m, "submitted_at": "now"} for m in people])[0] == (
        "all 3 panel members have submitted")


def test_the_record_export_counts_submitted_scores_and_lists_the_submits(workshop, tmp_path):
    tender = blank(workshop)
    for member, panel in (("a1", "A"), ("a2", "A"), ("y1", "Y")):
        score_sheet(tender, member, panel, 3)
    tender.submit("a2")
    tender.submit("y1")
    tender.reopen("y1", "asked to look again", FACILITATOR)
    paths = export_all(tender, tmp_path)
    again, _ = read_evaluation(paths[0])
    assert {s.member for s in again.scores} == {"a2"}  # drafts are not results
    assert as_json(again, [])["bidders"] == as_json(*tender.evaluation())["bidders"]
    book = openpyxl.load_workbook(paths[0])
    sub = [r for r in book["Submissions"].iter_rows(min_row=2, values_only=True)]
    assert [(r[2], r[4], r[5] or "") for r in sub] == [
        ("submitted", "a2", ""), ("submitted", "y1", ""),
        ("reopened", "y1", "asked to look again")]
    history = [r for r in book["History"].iter_rows(min_row=2, values_only=True)]
    assert len(history) == 6 + 4 + 4  # every score ever given, drafts included, is kept


def _docx_text(path):
    doc = Document(str(path))
    return "\n".join([p.text for p in doc.paragraphs]
                     + [c.text for t in doc.tables for r in t.rows for c in r.cells])


def test_each_bidder_gets_its_own_summary_beside_the_winner_members_by_role(workshop, tmp_path):
    ev, _ = build(small())
    workshop.tender.load(ev, actor=FACILITATOR)
    stored, _ = workshop.tender.evaluation()
    assert role_names(stored) == {("A", "a1"): "Panel member 1", ("A", "a2"): "Panel member 2",
                                  ("Y", "y1"): "Young person 1"}
    paths = write_bidder_summaries(workshop.tender, tmp_path / "outputs")
    assert [p.name for p in paths] == ["assessment_summary_B1.docx",
                                       "assessment_summary_B2.docx"]
    loser, winner = (_docx_text(p) for p in paths)
    assert "Assessment summary: B1 North Trust" in loser
    assert "Assessment summary: B2 Southside CIC" in winner
    assert "This bid beside the winning bid (B2 Southside CIC)" in loser
    assert "Winning bid" in loser and "This bid's scores (the winning bid)" in winner
    assert "Panel member 1" in loser and "Young person 1" in loser
    for name in ("a1", "a2", "y1"):  # members are named by role, never by name
        assert f"\n{name}\n" not in f"\n{loser}\n{winner}\n"
    # B1's Q1 beside B2's for panel A: the score each panel used (means 4.50 and agreed 3).
    doc = Document(str(paths[0]))
    used = [[c.text for c in r.cells] for r in doc.tables[0].rows]
    assert used[0] == ["Panel", "Question", "This bid", "Winning bid"]
    assert ["A", "Q1", "4.50", "3.00"] in used
    members = [[c.text for c in r.cells] for r in doc.tables[1].rows]
    assert ["Y", "Q3", "Young person 1", "1", "5", "boring"] in members
    assert "Based on the scores submitted by 3 of 3 panel members." in loser


def test_summaries_use_submitted_scores_only(workshop, tmp_path):
    tender = blank(workshop)
    with pytest.raises(InputError, match="no panel member has submitted"):
        write_bidder_summaries(tender, tmp_path)
    score_sheet(tender, "a1", "A", 5, "sent")
    score_sheet(tender, "y1", "Y", 1, "draft words")
    tender.submit("a1")
    text_ = "\n".join(_docx_text(p) for p in write_bidder_summaries(tender, tmp_path))
    assert "sent 5" in text_ and "draft words" not in text_
    assert "submitted by 1 of 3 panel members: not final" in text_


def test_migration_records_the_submits_of_an_older_store(tmp_path):
    ws = Workshop.create(tmp_path / "old", "Old")
    ev, _ = build(small())
    ws.tender.load(ev, actor=FACILITATOR)
    with ws.store.engine.begin() as conn:  # as a store saved before the audit trail
        conn.execute(text("DROP TABLE tender_submissions"))
        conn.execute(db.meta.update().where(db.meta.c.key == "schema_version").values(value="5"))
    ws.close()
    again = Workshop.open(tmp_path / "old")
    with again.store.read() as conn:
        assert db.stored_version(conn) == db.SCHEMA_VERSION
        n = conn.execute(select(func.count()).select_from(db.tender_submissions)).scalar()
    assert n == 3
    trail = again.tender.submissions()
    assert {h["who"] for h in trail} == {"recorded when the audit trail began"}
    assert as_json(*again.tender.evaluation())["bidders"] == as_json(ev, [])["bidders"]
    with pytest.raises(InputError, match="kept for the record"):
        again.undo()
    again.close()


def test_cli_tender_summaries_writes_into_the_outputs_folder(tmp_path):
    ws = Workshop.create(tmp_path / "ws", "Tender folder")
    ev, _ = build(small())
    ws.tender.load(ev, actor=FACILITATOR)
    ws.close()
    proc = subprocess.run([sys.executable, "-m", "workbook.cli", "tender", "summaries",
                           str(tmp_path / "ws")], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "ws" / "outputs"
    assert sorted(p.name for p in out.glob("assessment_summary_*.docx")) == [
        "assessment_summary_B1.docx", "assessment_summary_B2.docx"]
    assert proc.stdout.count("Wrote ") == 2
