"""Ladder rounds, votes, assessments and the planning tool in the store (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import create_engine, inspect

from workbook import InputError, Workshop
from workbook.io import exchange
from workbook.ladder.export import (
    assessment_chart,
    compare_assessments,
    export_ladder_xlsx,
    round_chart,
)
from workbook.ladder.store import TALLY
from workbook.store import db
from workbook.store.transactions import Store

DECK = Path(__file__).resolve().parents[3] / "sample_data" / "ladder_scenarios.csv"


def test_forward_migration_adds_the_ladder_tables_to_an_older_store(tmp_path, monkeypatch):
    url = db.sqlite_url(tmp_path / "old.sqlite")
    engine = db.make_engine(url)
    ladder = next(v for v, f in db.MIGRATIONS.items() if f is db._create_ladder_tables)
    older = {v: f for v, f in db.MIGRATIONS.items() if v < ladder}
    monkeypatch.setattr(db, "MIGRATIONS", older)
    db.migrate(engine)
    names = set(inspect(create_engine(url)).get_table_names())
    assert "statements" in names and "ladder_rounds" not in names
    monkeypatch.undo()
    store = Store(engine)  # opening the store migrates it forward
    names = set(inspect(create_engine(url)).get_table_names())
    assert {t.name for t in db.LADDER_TABLES} <= names
    with store.read() as conn:
        assert db.stored_version(conn) == db.SCHEMA_VERSION
    engine.dispose()


def test_a_round_from_start_to_reveal(workshop):
    deck = workshop.load_scenarios(DECK, actor="Big screen")
    assert len(deck.scenarios) == 12
    scen = workshop.ladder_scenarios
    assert len(scen) == 12 and scen.loc[0, "origin"] == "ladder_scenarios.csv"
    sid = int(scen.loc[1, "scenario_id"])  # young carers: Hart 6
    rid = workshop.start_round(sid, "hart", actor="Big screen")
    cur = workshop.current_round()
    assert cur["id"] == rid and cur["state"] == "voting" and cur["suggested"] == 6
    workshop.cast_ladder_vote(rid, "Table 1", 5, actor="Table 1")
    workshop.cast_ladder_vote(rid, "Table 2", 6, actor="Table 2")
    workshop.cast_ladder_vote(rid, "Table 1", 6, actor="Table 1")  # changes their mind
    assert workshop.my_ladder_vote(rid, "Table 1") == 6
    workshop.set_tally(rid, {3: "4", 6: 2}, actor="Big screen")
    workshop.set_tally(rid, {3: 1, 6: 0}, actor="Big screen")  # replaces the typed tally
    assert workshop.round_counts(rid) == {3: 1, 6: 2}
    with pytest.raises(InputError, match="no rung 9"):
        workshop.cast_ladder_vote(rid, "Table 3", 9)
    with pytest.raises(InputError, match="kept for the trainer"):
        workshop.cast_ladder_vote(rid, TALLY, 2)
    with pytest.raises(InputError, match="not a number of votes"):
        workshop.set_tally(rid, {2: "lots"})
    hidden = round_chart(workshop, rid)
    assert "Votes per" not in hidden.alt and "Suggested" not in hidden.alt
    workshop.reveal_round(rid, actor="Big screen")
    with pytest.raises(InputError, match="closed"):
        workshop.cast_ladder_vote(rid, "Table 4", 2)
    shown = round_chart(workshop, rid)
    assert "3 votes" in shown.alt and "6. Adult-initiated, shared decisions with children: 2"\
        in shown.alt and "Suggested rung: 6." in shown.alt
    # the next scenario: the earlier round is kept, and voting there is closed
    rid2 = workshop.start_round(int(scen.loc[2, "scenario_id"]), "tlap", actor="Big screen")
    with pytest.raises(InputError, match="moved on"):
        workshop.set_tally(rid, {1: 1})
    rounds = workshop.ladder_rounds
    assert rounds["round_id"].tolist() == [rid, rid2]
    assert rounds.loc[0, "votes"] == 3 and rounds.loc[0, "state"] == "revealed"
    assert rounds.loc[1, "suggested"] == 5 and rounds.loc[1, "votes"] == 0


def test_own_scenarios_validate_and_undo(workshop):
    sid = workshop.add_scenario("A youth board", "Young people sit on the board.", "plan",
                                {"hart": "Consulted and informed", "matrix": 5},
                                note="Who chose them?", actor="T")
    row = workshop.ladder_scenarios.iloc[0]
    assert row["suggestions"] == {"hart": 5, "matrix": 5} and row["stage"] == "plan"
    with pytest.raises(InputError, match="title is blank"):
        workshop.add_scenario(" ", "x")
    with pytest.raises(InputError, match="Stage 'later'"):
        workshop.add_scenario("t", "x", "later")
    workshop.undo("T")
    assert workshop.ladder_scenarios.empty
    with pytest.raises(InputError, match="no longer exists"):
        workshop.start_round(sid, "hart")


def test_assessments_now_target_and_compare(workshop, tmp_path):
    last = workshop.create_assessment("Last year", "tlap", actor="C")
    this = workshop.create_assessment("This year", "tlap", actor="C")
    workshop.set_assessment_stage(last, "analyse", 2, 5, "Surveys only", actor="C")
    workshop.set_assessment_stage(last, "review", 1, 4, actor="C")
    workshop.set_assessment_stage(this, "Analyse", 4, 6, "Young inspectors", actor="C")
    workshop.set_assessment_stage(this, "analyse", 5, 6, "Young inspectors", actor="C")
    with pytest.raises(InputError, match="no step 8"):
        workshop.set_assessment_stage(this, "plan", 8, 3)
    with pytest.raises(InputError, match="Stage 'party'"):
        workshop.set_assessment_stage(this, "party", 1, 3)
    stages = workshop.assessment_stages(last)
    assert stages[["stage", "now", "target", "note"]].values.tolist() == [
        ["analyse", 2, 5, "Surveys only"], ["review", 1, 4, ""]]
    assert len(workshop.assessment_stages(this)) == 1  # the second mark updated the first
    chart = assessment_chart(workshop, this)
    assert "Analyse: now 5. Engagement, target 6. Co-design" in chart.alt
    both = compare_assessments(workshop, last, this)
    assert "Last year: Analyse: now 2. Educating" in both.alt
    png, csv = both.save(tmp_path)
    assert png.exists() and "Last year" in csv.read_text()
    hart = workshop.create_assessment("Other", "hart")
    with pytest.raises(InputError, match="same model"):
        compare_assessments(workshop, this, hart)


def test_planning_tool(workshop):
    aid = workshop.create_assessment("2027", "hart")
    workshop.set_plan_item(aid, 3, doing_now="Nothing set aside", need_to_do="Budget line",
                           who="Commissioning manager", by_when="2027-04-01",
                           how_we_know="=Budget agreed", actor="C")
    workshop.set_plan_item(aid, 3, who="Head of service", actor="C")
    with pytest.raises(InputError, match="not a date"):
        workshop.set_plan_item(aid, 4, by_when="next spring")
    with pytest.raises(InputError, match="1 to 10"):
        workshop.set_plan_item(aid, 11, who="x")
    items = workshop.plan_items(aid)
    assert items[["area", "doing_now", "who", "by_when", "how_we_know"]].values.tolist() == [
        [3, "Nothing set aside", "Head of service", "2027-04-01", "=Budget agreed"]]
    assert items.loc[0, "key_area"].startswith("Enough money")
    workshop.undo("C")
    assert workshop.plan_items(aid).loc[0, "who"] == "Commissioning manager"


def filled(ws: Workshop) -> dict:
    ws.load_scenarios(DECK, actor="T")
    sid = int(ws.ladder_scenarios.loc[0, "scenario_id"])
    rid = ws.start_round(sid, "arnstein", actor="T")
    ws.cast_ladder_vote(rid, "Table <b>", 3)
    ws.set_tally(rid, {4: 5})
    ws.reveal_round(rid)
    aid = ws.create_assessment("=SUM(A1)", "matrix")
    ws.set_assessment_stage(aid, "do", 1, 5, "Co-design next")
    ws.set_plan_item(aid, 1, doing_now="=1+1", who="Lead")
    return {"round": rid, "assessment": aid}


@pytest.mark.parametrize("suffix", [".json", ".xlsx"])
def test_whole_workshop_export_carries_the_ladder_tables(workshop, tmp_path, suffix):
    ids = filled(workshop)
    path = tmp_path / f"export{suffix}"
    (exchange.export_json if suffix == ".json" else exchange.export_xlsx)(workshop, path)
    with Workshop.create(tmp_path / "copy", "Copy") as copy:
        exchange.restore(copy, exchange.load_export(path))
        assert copy.round_counts(ids["round"]) == {3: 1, 4: 5}
        assert copy.ladder_rounds.drop(columns="started_at").equals(
            workshop.ladder_rounds.drop(columns="started_at"))
        assert copy.assessment_stages().equals(workshop.assessment_stages())
        assert copy.plan_items().equals(workshop.plan_items())
        assert copy.ladder_scenarios.equals(workshop.ladder_scenarios)
        with pytest.raises(InputError, match="new, empty workshop"):
            exchange.restore(copy, exchange.load_export(path))


def test_ladder_xlsx_export(workshop, tmp_path):
    filled(workshop)
    path = export_ladder_xlsx(workshop, tmp_path / "ladder.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["Scenarios", "Rounds", "Votes", "Assessments", "Self-assessment"]
    rounds = list(wb["Rounds"].iter_rows(values_only=True))
    assert rounds[0][:7] == ("round", "model", "scenario", "state", "suggested", "votes",
                             "started_at")
    assert rounds[1][5] == 6 and rounds[1][6 + 3] == 1 and rounds[1][6 + 4] == 5
    stages = list(wb["Assessments"].iter_rows(values_only=True))
    assert stages[1][1] == "=SUM(A1)" and stages[1][4] == "Traditional service model"
    plan = list(wb["Self-assessment"].iter_rows(values_only=True))
    assert plan[1][3] == "=1+1"  # stored as text, never as a formula
    assert wb["Self-assessment"]["D2"].data_type == "s"
    scen = list(wb["Scenarios"].iter_rows(values_only=True))
    assert len(scen) == 13 and "hart" in scen[0]


def test_stored_levels_and_cells_from_before_read_with_the_seeds_numbers(workshop, tmp_path):
    """Stores hold positions, not labels: a levels vote stored as 8 and a suggestion stored as
    1 read as the seed draws them; a matrix vote an older store holds on a cell the seed
    leaves unnamed is still counted and said, while new votes there are refused."""
    sid = workshop.add_scenario("Old", "A situation kept from before.")
    with workshop.store.write("old", "as an older version stored it") as tx:
        levels = tx.insert(db.ladder_rounds, model="levels", scenario_id=sid, suggested=1,
                           state="voting")
        tx.insert(db.ladder_votes, round_id=levels, voter="Table 1", rung=8, n=1)
        matrix = tx.insert(db.ladder_rounds, model="matrix", scenario_id=sid, suggested=None,
                           state="voting")
        tx.insert(db.ladder_votes, round_id=matrix, voter="Table 2", rung=3, n=1)
        tx.insert(db.ladder_votes, round_id=matrix, voter="Table 3", rung=5, n=1)
    workshop.reveal_round(levels)
    alt = round_chart(workshop, levels).alt
    assert "1. Citizen control: Decision making power (positive): 1" in alt
    assert "Suggested face: 4. Communication: Manipulation (negative)." in alt
    with pytest.raises(InputError, match="leaves the cell where people design, professionals "
                                         "deliver unnamed"):
        workshop.cast_ladder_vote(matrix, "Table 4", 3)
    workshop.cast_ladder_vote(matrix, "Table 4", 9)
    workshop.reveal_round(matrix)
    assert workshop.round_counts(matrix) == {3: 1, 5: 1, 9: 1}
    alt = round_chart(workshop, matrix).alt
    assert "3 votes" in alt and "Unnamed cell (people design, professionals deliver): 1" in alt
    rows = list(load_workbook(export_ladder_xlsx(workshop, tmp_path / "l.xlsx"))["Rounds"]
                .iter_rows(values_only=True))
    head = rows[0]
    lv = dict(zip(head, rows[1], strict=True))
    assert lv["suggested"] == "4. Communication: Manipulation (negative)"
    assert lv["1. Citizen control: Decision making power (positive)"] == 1
    mx = dict(zip(head, rows[2], strict=True))
    assert mx["Unnamed cell (people design, professionals deliver)"] == 1
    assert mx["Co-produced services"] == 1 and mx["Self-organised community provision"] == 1
    # an assessment may not aim at an unnamed cell
    aid = workshop.create_assessment("This year", "matrix")
    with pytest.raises(InputError, match="unnamed"):
        workshop.set_assessment_stage(aid, "plan", 1, 6)
    workshop.set_assessment_stage(aid, "plan", 1, 5)
    assert "Plan: now Traditional service model, target Co-produced services" in \
        assessment_chart(workshop, aid).alt
