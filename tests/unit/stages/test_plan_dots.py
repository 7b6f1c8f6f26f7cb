"""Plan (step 6): dots on ideas, counted per voter like theme and cause dots, undoable."""

from __future__ import annotations

import pytest

from workbook import InputError, Workshop
from workbook.io import exchange
from workbook.report.content import gather


@pytest.fixture
def ws(tmp_path, db_url):
    w = Workshop.create(tmp_path / "ws", "Plan dots", db_url=db_url)
    yield w
    w.close()


@pytest.fixture
def ideas(ws):
    tid = ws.add_theme("Getting out", "I go out when I want")
    sid = ws.add_statement("R-1", "not_working", "person", "I can't get home after 6pm")
    ws.assign([sid], tid)
    return {
        "theme": tid,
        "bus": ws.add_idea(tid, "idea", "Evening bus at weekends"),
        "buddy": ws.add_idea(tid, "idea", "A travel buddy scheme"),
        "club": ws.add_idea(tid, "already", "A Friday club runs till 9pm"),
    }


def test_dots_on_ideas_per_voter_with_the_facilitators_allowance(ws, ideas):
    ws.set_dots_per_voter(2)
    bus, buddy = ideas["bus"], ideas["buddy"]
    ws.dot_idea("Table 1", bus, actor="Table 1")
    ws.dot_idea("Table 1", bus, actor="Table 1")
    with pytest.raises(InputError, match="Table 1 has used all 2 dots on ideas"):
        ws.dot_idea("Table 1", buddy)
    ws.dot_idea("Table 2", buddy)
    assert ws.idea_dots() == {bus: 2, buddy: 1}
    assert ws.idea_dots_left("Table 1") == 0 and ws.idea_dots_left("Table 2") == 1
    # idea dots are their own allowance: theme dots and cause dots are not used up
    assert ws.dots_left("Table 1", "theme") == 2 and ws.dots_left("Table 1", "cause") == 2
    ws.vote("Table 1", theme_id=ideas["theme"])
    assert ws.idea_dots_left("Table 1") == 0 and ws.dots_left("Table 1", "theme") == 1
    # the ideas frame with dots, "happening already" at 0
    df = ws.ideas_with_dots().set_index("idea_id")
    assert df.loc[bus, "dots"] == 2 and df.loc[ideas["club"], "dots"] == 0
    with pytest.raises(InputError, match="Dots go on ideas, not on what is happening already"):
        ws.dot_idea("Table 3", ideas["club"])
    with pytest.raises(InputError, match="voter name is blank"):
        ws.dot_idea("  ", bus)


def test_taking_back_and_undo(ws, ideas):
    bus = ideas["bus"]
    ws.dot_idea("Table 1", bus, actor="Table 1")
    ws.dot_idea("Table 1", bus, actor="Table 1")
    ws.undot_idea("Table 1", bus, actor="Table 1")
    assert ws.idea_dots() == {bus: 1}
    with pytest.raises(InputError, match="Table 2 has no dot on that idea"):
        ws.undot_idea("Table 2", bus)
    ws.undo("Table 1")  # the dot taken back comes back
    assert ws.idea_dots() == {bus: 2}
    ws.undo("Table 1")  # and the last one placed goes
    assert ws.idea_dots() == {bus: 1}


def test_a_deleted_idea_takes_its_dots_and_undo_brings_both(ws, ideas):
    bus = ideas["bus"]
    ws.set_dots_per_voter(1)
    ws.dot_idea("Table 1", bus)
    ws.delete_idea(bus, actor="Facilitator")
    assert ws.idea_dots() == {} and ws.idea_dots_left("Table 1") == 1
    with pytest.raises(InputError, match="That idea no longer exists"):
        ws.dot_idea("Table 1", bus)
    ws.undo("Facilitator")
    assert ws.idea_dots() == {bus: 1} and ws.idea_dots_left("Table 1") == 0


def test_dots_on_ideas_in_the_report_and_an_export_restores_them(ws, ideas, tmp_path):
    ws.dot_idea("Table 1", ideas["buddy"])
    ws.dot_idea("Table 2", ideas["buddy"])
    report = gather(ws, charts_too=False)
    assert report.ideas.header[-1] == "Dots"
    rows = {r[2]: r for r in report.ideas.rows}
    assert rows["A travel buddy scheme"][-1] == "2"
    assert rows["Evening bus at weekends"][-1] == "0"
    assert rows["A Friday club runs till 9pm"][-1] == ""  # no dots go on those
    path = tmp_path / "export.json"
    exchange.export_json(ws, path)
    with Workshop.create(tmp_path / "copy", "Copy") as copy:
        exchange.restore(copy, exchange.load_export(path))
        assert copy.idea_dots() == {ideas["buddy"]: 2}
