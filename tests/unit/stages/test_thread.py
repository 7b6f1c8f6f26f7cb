"""The golden thread: any action traced to its success statements, cause, theme and words."""

from __future__ import annotations

import pytest

from workbook import Workshop
from workbook.stages.thread import golden_thread, statements_behind, success_gaps, thread_frame


@pytest.fixture
def ws(tmp_path):
    w = Workshop.create(tmp_path / "ws", "Thread")
    yield w
    w.close()


@pytest.fixture
def room(ws):
    t = ws.add_theme("Getting out", "I go out when I want")
    other = ws.add_theme("Money", "I understand my money")
    said = {
        "w": ws.add_statement("R-1", "working", "person", "I like the Friday disco"),
        "staff": ws.add_statement("R-2", "not_working", "staff", "Shifts end at six"),
        "nw": ws.add_statement("R-1", "not_working", "person", "I can't get home after 6pm"),
        "f": ws.add_statement("R-3", "future", "family", "She wants to go to the cinema"),
        "money": ws.add_statement("R-3", "not_working", "person", "I never have cash"),
    }
    ws.assign([said["w"], said["staff"], said["nw"], said["f"]], t)
    ws.assign([said["money"]], other)
    top = ws.add_cause(t, "Support ends at 6pm")
    deep = ws.add_cause(t, "Hours were planned around the day centre", parent_id=top)
    s1 = ws.add_success(t, "person", "I go out in the evenings when I want", deep)
    s2 = ws.add_success(t, "commissioner", "We fund support hours in the evening")
    a = ws.add_action(t, "Move support hours to evenings", "Day services manager",
                      "2027-04-30", cause_id=deep, success_ids=[s1, s2])
    b = ws.add_action(t, "Ask about evenings at reviews", "Team manager", "2027-02-28",
                      success_ids=[s1])  # no cause of its own: its success statement's
    c = ws.add_action(other, "Easy-read bank statements", "Money adviser", "2027-03-31")
    return dict(theme=t, other=other, said=said, s1=s1, s2=s2, a=a, b=b, c=c, deep=deep)


def test_every_action_reaches_the_peoples_words(ws, room):
    threads = {t.action_id: t for t in golden_thread(ws)}
    assert set(threads) == {room["a"], room["b"], room["c"]}
    a = threads[room["a"]]
    assert a.theme == "Getting out" and a.i_statement == "I go out when I want"
    assert a.causes == ("Support ends at 6pm", "Hours were planned around the day centre")
    assert [(s.voice, s.text) for s in a.success] == [
        ("I", "I go out in the evenings when I want"),
        ("We", "We fund support hours in the evening"),
    ]
    # The person's not-working words first, then others' not-working, then hopes.
    assert [s.statement_id for s in a.said] == [
        room["said"]["nw"], room["said"]["staff"], room["said"]["f"]]
    assert a.said_total == 4 and a.traced
    assert threads[room["b"]].causes == a.causes  # taken from its success statement
    c = threads[room["c"]]
    assert c.causes == () and c.success == () and [s.text for s in c.said] == [
        "I never have cash"]


def test_thread_follows_edits_and_deletions(ws, room):
    ws.assign([room["said"]["nw"]], None)  # the card leaves the theme
    ws.delete_success(room["s2"])
    a = next(t for t in golden_thread(ws) if t.action_id == room["a"])
    assert room["said"]["nw"] not in [s.statement_id for s in a.said]
    assert [s.success_id for s in a.success] == [room["s1"]]


def test_thread_frame_and_statements_behind(ws, room):
    df = thread_frame(golden_thread(ws))
    row = df[df["action_id"] == room["a"]].iloc[0]
    assert row["cause"] == "Support ends at 6pm → Hours were planned around the day centre"
    assert "I: I go out in the evenings when I want" in row["success"]
    assert row["statements_in_theme"] == 4
    behind = statements_behind(ws, room["theme"], n=2)
    assert list(behind["statement_id"]) == [room["said"]["nw"], room["said"]["staff"]]


def test_success_gaps_show_perspectives_not_heard(ws, room):
    ws.vote("T1", theme_id=room["theme"])
    gaps = success_gaps(ws.themes, ws.success_statements)
    assert list(gaps.index) == ["Getting out"]  # only the voted theme is a priority
    row = gaps.loc["Getting out"]
    assert (row["person"], row["commissioner"], row["family"], row["staff"]) == (1, 1, 0, 0)


def test_no_actions_no_thread(tmp_path):
    ws = Workshop.create(tmp_path / "empty", "Empty")
    assert golden_thread(ws) == [] and thread_frame([]).empty
    ws.close()
