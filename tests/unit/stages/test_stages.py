"""Steps 6-8 in the core: the schema upgrade, ideas, action links, indicators, feedback, stats."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import inspect, select, text, update

from workbook import InputError, Workshop
from workbook.cli import main as cli
from workbook.store import db


@pytest.fixture
def ws(tmp_path, db_url):
    w = Workshop.create(tmp_path / "ws", "Stages", db_url=db_url)
    yield w
    w.close()


@pytest.fixture
def theme(ws):
    tid = ws.add_theme("Getting out", "I go out when I want")
    sid = ws.add_statement("R-1", "not_working", "person", "I can't get home after 6pm")
    ws.assign([sid], tid)
    return tid


def test_a_workshop_of_schema_1_opens_and_upgrades(tmp_path):
    """Make a store exactly as schema 1 left it (no stage tables, one success_id per action),
    then open it: it upgrades, and the action's success statement becomes a link."""
    folder = tmp_path / "old"
    ws = Workshop.create(folder, "Made last year")
    tid = ws.add_theme("Evenings", "I go out")
    sid = ws.add_success(tid, "person", "I go out when I want")
    with ws.store.engine.begin() as conn:
        for table in reversed(db.STAGES_TABLES):
            table.drop(conn)
        conn.execute(
            db.actions.insert().values(
                theme_id=tid, success_id=sid, text="Evening bus", owner="Transport lead",
                due="2027-06-30", status="not started", created_at="2026-01-01T00:00:00",
                updated_at="2026-01-01T00:00:00", deleted=False,
            )
        )
        conn.execute(
            update(db.meta).where(db.meta.c.key == "schema_version").values(value="1")
        )
    ws.close()

    again = Workshop.open(folder)
    with again.store.read() as conn:
        assert db.stored_version(conn) == db.SCHEMA_VERSION
        names = set(inspect(conn).get_table_names())
    assert {t.name for t in db.STAGES_TABLES} <= names
    actions = again.actions
    assert list(actions["success_ids"]) == [(sid,)]
    assert int(actions["success_id"].iloc[0]) == sid
    # and the upgraded store works: new records of the new kinds go in
    again.add_idea(tid, "already", "A Friday club runs till 9pm")
    assert again.stats()["happening_already"] == 1
    again.close()


def test_ideas_and_choosing_one_as_an_action(ws, theme):
    already = ws.add_idea(theme, "already", "A Friday club runs till 9pm", actor="Table 1")
    idea = ws.add_idea(theme, "idea", "Evening bus at weekends", actor="Table 2")
    s = ws.add_success(theme, "commissioner", "We make sure there is transport after 6pm")
    action = ws.add_action(theme, "Pilot an evening bus", "Transport lead", "2027-06-30",
                           success_ids=[s], idea_id=idea, actor="Big screen")
    df = ws.ideas.set_index("idea_id")
    assert df.loc[already, "kind"] == "already" and df.loc[already, "author"] == "Table 1"
    assert int(df.loc[idea, "action_id"]) == action
    ws.undo("Big screen")  # the action and the idea's choice go back together
    assert ws.ideas.set_index("idea_id")["action_id"].isna().all()
    assert ws.actions.empty
    with pytest.raises(InputError, match="happening already or a new idea"):
        ws.add_idea(theme, "maybe", "x")
    with pytest.raises(InputError, match="blank"):
        ws.add_idea(theme, "idea", "   ")
    ws.delete_idea(already)
    assert already not in set(ws.ideas["idea_id"])


def test_an_action_serves_several_success_statements(ws, theme):
    other = ws.add_theme("Money", "I understand my money")
    s1 = ws.add_success(theme, "person", "I go out in the evenings")
    s2 = ws.add_success(theme, "family", "I don't drive her everywhere")
    s3 = ws.add_success(other, "staff", "We explain money plainly")
    a = ws.add_action(theme, "Travel training", "Coordinator", "2027-05-31", success_ids=[s1])
    ws.edit_action(a, success_ids=[s1, s2], status="in progress")
    row = ws.actions.iloc[0]
    assert row["success_ids"] == (s1, s2) and row["status"] == "in progress"
    ws.edit_action(a, success_ids=[s2])
    assert ws.actions.iloc[0]["success_ids"] == (s2,)
    ws.edit_action(a, success_ids=[s1, s2])  # a removed link comes back, not a duplicate
    assert sorted(ws.actions.iloc[0]["success_ids"]) == sorted([s1, s2])
    with pytest.raises(InputError, match="share its theme"):
        ws.edit_action(a, success_ids=[s3])
    assert set(ws.actions.iloc[0]["success_ids"]) == {s1, s2}  # nothing half-saved
    ws.delete_success(s1)
    assert ws.actions.iloc[0]["success_ids"] == (s2,)  # a deleted statement drops out
    with pytest.raises(InputError, match="not a date"):
        ws.edit_action(a, due="next spring")
    with pytest.raises(InputError, match="Status must be one of"):
        ws.edit_action(a, status="finished")


def test_indicators_measurements_and_progress(ws, theme):
    s = ws.add_success(theme, "person", "I go out in the evenings")
    i = ws.add_indicator(s, "Evenings out a week", 2, 6, baseline_on="2026-04-01",
                         target_on="2027-04-01", unit="evenings")
    ind = ws.indicators.iloc[0]
    assert ind["measurements"] == 0 and ind["progress"] is pd_na()
    ws.add_measurement(i, "2026-10-01", 3)
    ws.add_measurement(i, "2027-01-01", "5", note="Bus started")
    ind = ws.indicators.iloc[0]
    assert (ind["measurements"], ind["latest"], ind["latest_on"]) == (2, 5.0, "2027-01-01")
    assert ind["progress"] == pytest.approx(0.75)  # from 2 to 6, now 5
    with pytest.raises(InputError, match="must be a number"):
        ws.add_measurement(i, "2027-02-01", "lots")
    with pytest.raises(InputError, match="not a date"):
        ws.add_measurement(i, "soon", 4)
    with pytest.raises(InputError, match="target date comes before"):
        ws.add_indicator(s, "x", 1, 2, baseline_on="2027-01-01", target_on="2026-01-01")
    with pytest.raises(InputError, match="target date comes before"):
        ws.edit_indicator(i, target_on="2026-01-01")  # before the stored baseline date
    ws.edit_indicator(i, name="Evenings out each week", baseline="2.5", unit="")
    ind = ws.indicators.iloc[0]
    assert (ind["name"], ind["baseline"], ind["unit"], ind["target_on"]) == (
        "Evenings out each week", 2.5, "", "2027-04-01")
    ws.delete_indicator(i)
    assert ws.indicators.empty and ws.measurements.empty


def pd_na():
    import pandas as pd

    return pd.NA


def test_you_said_we_did(ws, theme):
    a = ws.add_action(theme, "Evening bus", "Transport lead", "2027-06-30")
    f = ws.add_feedback(theme, "You could not get home after 6pm.", "We run a bus until 10pm.",
                        action_id=a)
    row = ws.feedback.iloc[0]
    assert (row["feedback_id"], row["action_id"], row["theme"]) == (f, a, "Getting out")
    ws.edit_feedback(f, we_did="We run a bus until 10pm on Fridays.")
    assert ws.feedback.iloc[0]["we_did"].endswith("Fridays.")
    ws.undo()
    assert ws.feedback.iloc[0]["we_did"] == "We run a bus until 10pm."
    with pytest.raises(InputError, match="blank"):
        ws.add_feedback(theme, "", "x")


def test_stats_keep_their_keys_and_add_the_stages(ws, theme, capsys):
    ws.add_idea(theme, "idea", "A bus")
    ws.add_action(theme, "Bus", "Lead", "2027-01-01", status="done")
    assert cli(["stats", str(ws.folder), "--json"]) == 0
    stats = ws.stats()
    for key in ("reviews", "statements", "perspectives", "themes", "votes", "causes",
                "success_statements", "actions"):
        assert key in stats
    assert stats["actions_by_status"] == {"not started": 0, "in progress": 0, "done": 1}
    assert (stats["ideas"], stats["happening_already"], stats["indicators"],
            stats["measurements"], stats["you_said_we_did"]) == (1, 0, 0, 0, 0)
    printed = json.loads(capsys.readouterr().out)
    assert printed == stats


def test_sample_event_reaches_every_stage(tmp_path):
    from workbook.sample import build_sample

    ws = build_sample(tmp_path / "demo")
    s = ws.stats()
    assert s["success_statements"] and s["actions"] and s["ideas"] and s["happening_already"]
    assert s["indicators"] and s["measurements"] and s["you_said_we_did"]
    assert any(len(ids) > 1 for ids in ws.actions["success_ids"])
    assert ws.ideas["action_id"].notna().any()
    with ws.store.read() as conn:  # every action keeps its links in the store itself
        n = conn.execute(select(text("count(*)")).select_from(db.action_success)).scalar()
    assert n == sum(len(ids) for ids in ws.actions["success_ids"])
    ws.close()
