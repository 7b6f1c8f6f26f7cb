"""Grant rounds and stages in the store, on SQLite and PostgreSQL (the `workshop` fixture):
loaded, set up, a later stage started by the facilitator, migrated from schema 12, and carried
by a whole-workshop export and restore."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from grant_cases import grant, two_stages
from sqlalchemy import inspect, text

from workbook import InputError, Workshop
from workbook.io import exchange
from workbook.store import db
from workbook.tender import as_json, build
from workbook.tender.funding.control import set_grant, set_question_stage, start_stage
from workbook.tender.views import member_progress, next_unscored

FACILITATOR = "Big screen"


def test_a_grant_round_loads_and_gives_the_same_result(workshop):
    ev, problems = build(grant())
    workshop.tender.load(ev, actor="Commissioner")
    again, problems = workshop.tender.evaluation()
    assert again.budget == 100 and problems == []
    assert as_json(again, problems) == as_json(ev, [])
    assert as_json(again, problems)["budget_left"] == 0


def test_a_staged_workbook_with_interview_scores_loads_with_its_shortlist_fixed(workshop):
    ev, _ = build(two_stages())
    workshop.tender.load(ev, actor="Commissioner")
    again, problems = workshop.tender.evaluation()
    assert problems == [] and again.shortlists == {2: ("B1", "B2")}
    assert [q.stage for q in again.questions] == [1, 2]
    assert as_json(again, problems)["bidders"] == as_json(ev, [])["bidders"]


def stage_one_only(workshop):
    """The two-stage evaluation with the written bids scored and submitted, no interviews."""
    ev, _ = build(two_stages())
    ev = replace(ev, scores=[s for s in ev.scores if s.question == "Q1"])
    workshop.tender.load(ev, actor="Commissioner")
    return workshop.tender


def test_the_facilitator_starts_stage_2_with_the_shortlist_and_members_score_only_it(workshop):
    tender = stage_one_only(workshop)
    ev, problems = tender.evaluation()
    assert [str(p) for p in problems] == [
        "Questions: stage 2 has not started: the facilitator shortlists the bids after stage 1 "
        "on the Results view."]
    with pytest.raises(InputError, match="Stage 2 has not started yet"):
        tender.agree("A", "B1", "Q2", 4, "agreed", actor=FACILITATOR)
    assert start_stage(tender, 2, FACILITATOR) == ("B1", "B2")
    with pytest.raises(InputError, match="Stage 2 has started already"):
        start_stage(tender, 2, FACILITATOR)
    # the member's sheet is reopened with the reason, kept in the record
    trail = tender.submissions()
    assert trail[-1]["action"] == "reopened" and trail[-1]["reason"] == (
        "stage 2 has started: score the shortlisted bids (B1, B2)")
    ev, _ = tender.evaluation()  # a1's written-bid scores still count, as submitted
    assert {(s.bidder, s.question): s.score for s in ev.scores} == {
        ("B1", "Q1"): 4, ("B2", "Q1"): 5, ("B3", "Q1"): 3}
    with pytest.raises(InputError, match="Stage 1 is closed: stage 2 has started"):
        tender.score("a1", "B1", "Q1", 1, "too late")
    mine, _ = tender.evaluation(viewer="a1")
    assert member_progress(mine, "A", "a1") == (3, 5)
    assert next_unscored(mine, "A", "a1") == ("B1", "Q2")
    with pytest.raises(InputError, match="B3 is not on the shortlist for stage 2: only B1, B2"):
        tender.score("a1", "B3", "Q2", 5, "not shortlisted")
    with pytest.raises(InputError, match=r"2 still to do \(B1 Q2, B2 Q2\)"):
        tender.submit("a1")
    tender.score("a1", "B1", "Q2", 5, "great interview")
    tender.score("a1", "B2", "Q2", 1, "did not come")
    tender.submit("a1")
    ev, problems = tender.evaluation()
    assert problems == []
    out = as_json(ev, problems)
    assert [(b["bidder"], b["rank"], b["stage_ranks"]) for b in out["bidders"]] == [
        ("B1", 1, {"1": 2, "2": 1}), ("B2", 2, {"1": 1, "2": 2}), ("B3", 3, {"1": 3})]


def test_stage_2_waits_until_stage_1_is_submitted(workshop):
    ev, _ = build(two_stages())
    ev = replace(ev, scores=[s for s in ev.scores if s.question == "Q1"])
    workshop.tender.load(ev, actor="Commissioner", submitted=False)
    with pytest.raises(InputError, match="Stage 1 is not finished, so the shortlist is not "
                                         "known yet: panel 'A' has no scores yet"):
        start_stage(workshop.tender, 2, FACILITATOR)
    with pytest.raises(InputError, match="There is no stage 3"):
        start_stage(workshop.tender, 3, FACILITATOR)


def test_the_budget_shortlist_and_stages_are_set_up_in_the_store(workshop):
    ev, _ = build(grant())
    ev.budget = None
    workshop.tender.load(replace(ev, scores=[], members={"A": ["a1"]}), actor="Commissioner",
                         submitted=False)
    tender = workshop.tender
    set_grant(tender, "£75,000", "", FACILITATOR)
    got, _ = tender.evaluation()
    assert got.budget == 75000 and got.shortlist is None
    for budget, shortlist, says in (("-1", "", "budget '-1' is not an amount of money above 0"),
                                    ("0", "", "above 0"), ("x", "", "above 0"),
                                    ("100", "5", "shortlist '5' is not a whole number from 1 "
                                                "to 4"),
                                    ("100", "1.5", "from 1 to 4")):
        with pytest.raises(InputError, match=says):
            set_grant(tender, budget, shortlist, FACILITATOR)
    set_grant(tender, None, 2, FACILITATOR)
    got, _ = tender.evaluation()
    assert got.budget is None and got.shortlist == 2
    with pytest.raises(InputError, match="no stage 1 before stage 3"):
        set_question_stage(tender, "Q1", 3, FACILITATOR)
    tender.score("a1", "B1", "Q1", 4, "scored")
    with pytest.raises(InputError, match="Q1 has been scored"):
        set_question_stage(tender, "Q1", 1, FACILITATOR)


def test_a_question_moves_to_stage_2_and_undo_takes_the_budget_back(workshop):
    ev, _ = build(two_stages())
    ev = replace(ev, scores=[], questions=[replace(q, stage=1) for q in ev.questions])
    workshop.tender.load(ev, actor="Commissioner")
    set_question_stage(workshop.tender, "Q2", 2, FACILITATOR)
    got, problems = workshop.tender.evaluation()
    assert [q.stage for q in got.questions] == [1, 2]
    assert "stage 2 has not started" in str(problems[-1])
    set_grant(workshop.tender, 5000, 2, FACILITATOR)
    workshop.store.undo(FACILITATOR)
    got, _ = workshop.tender.evaluation()
    assert got.budget is None and got.shortlist == 2


def test_a_schema_12_store_gains_the_grant_columns_and_keeps_its_evaluation(tmp_path, db_url):
    ws = Workshop.create(tmp_path / "old", "Old", db_url=db_url)
    ev, _ = build(grant())
    ev.budget = None
    ws.tender.load(ev, actor="Commissioner")
    before = as_json(*ws.tender.evaluation())
    with ws.store.engine.begin() as conn:  # as a store saved at schema 12
        for table, column in (("tender_evaluations", "budget"),
                              ("tender_evaluations", "shortlist"),
                              ("tender_evaluations", "shortlists"), ("tender_questions", "stage")):
            conn.execute(text(f"ALTER TABLE {table} DROP COLUMN {column}"))
        conn.execute(db.meta.update().where(db.meta.c.key == "schema_version").values(value="12"))
    ws.close()
    again = Workshop.open(db_url or tmp_path / "old")
    with again.store.read() as conn:
        assert db.stored_version(conn) == db.SCHEMA_VERSION
        have = {c["name"] for c in inspect(conn).get_columns("tender_questions")}
    assert "stage" in have
    got, problems = again.tender.evaluation()
    assert got.budget is None and [q.stage for q in got.questions] == [1]
    assert as_json(got, problems) == before
    set_grant(again.tender, 100, None, FACILITATOR)
    assert as_json(*again.tender.evaluation())["budget_left"] == 0
    again.close()


def test_an_export_restores_the_budget_stages_and_fixed_shortlist(workshop, tmp_path, backend):
    tender = stage_one_only(workshop)
    set_grant(tender, 100, 2, FACILITATOR)
    start_stage(tender, 2, FACILITATOR)
    path = tmp_path / "export.json"
    exchange.export_json(workshop, path)
    again = Workshop.create(tmp_path / "again", "Again", db_url=backend())
    exchange.restore(again, json.loads(path.read_text(encoding="utf-8")))
    got, _ = again.tender.evaluation()
    assert (got.budget, got.shortlist, got.shortlists) == (100, 2, {2: ("B1", "B2")})
    assert [q.stage for q in got.questions] == [1, 2]
    again.close()


@pytest.mark.parametrize(("table", "change", "says"), [
    ("tender_evaluations", {"budget": "-5"}, "tender_evaluations row 1: budget '-5' is not"),
    ("tender_evaluations", {"shortlist": 0}, "tender_evaluations row 1: shortlist 0 is below 1"),
    ("tender_evaluations", {"shortlists": "[1]"}, "shortlists is not a list of bidder codes"),
    ("tender_questions", {"stage": 0}, "tender_questions row 1: stage 0 is not a stage"),
])
def test_a_bad_grant_value_in_an_export_is_refused(workshop, tmp_path, table, change, says):
    ev, _ = build(grant())
    workshop.tender.load(ev, actor="Commissioner")
    data = exchange.dump(workshop)
    data["tables"][table][0].update(change)
    target = Workshop.create(tmp_path / "target", "Target")
    with pytest.raises(InputError, match=says):
        exchange.restore(target, json.loads(json.dumps(data)))
    assert target.tender.current_id() is None
    target.close()
