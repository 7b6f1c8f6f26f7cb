"""Changing and deleting on pages 05 and 06, driven through the public controls; every result
checked in the store, with undo, blank input, and another screen deleting the chosen item."""

from __future__ import annotations

import pytest

from widgets.action_plan import ActionPlanView
from workbook import Workshop

EVIL = "<img src=x onerror=alert(1)>"


@pytest.fixture
def ws(tmp_path):
    w = Workshop.create(tmp_path / "ws", "Stage edits")
    yield w
    w.close()


@pytest.fixture
def room(ws):
    t = ws.add_theme("Getting out", "I go out when I want", actor="setup")
    money = ws.add_theme("Money", "I understand my money", actor="setup")
    s = ws.add_statement("R-1", "not_working", "person", "I can't get home after 6pm",
                         actor="setup")
    ws.assign([s], t, actor="setup")
    m = ws.add_statement("R-3", "not_working", "person", "I never have cash", actor="setup")
    ws.assign([m], money, actor="setup")
    ws.vote("A", theme_id=t, actor="setup")
    return {"theme": t, "money": money}


def texts(df, column="text"):
    return df[column].tolist()


def labels(dropdown):
    return [label for label, _ in dropdown.options]


# --- 5 Action plan: ideas ----------------------------------------------------------------------
def test_change_an_idea_then_delete_it_and_undo(ws, room):
    keep = ws.add_idea(room["theme"], "already", "A Friday club", actor="setup")
    idea = ws.add_idea(room["theme"], "idea", "Evening bus at weeknds", actor="setup")
    ws.add_idea(room["money"], "idea", "Cash point visits", actor="setup")
    view = ActionPlanView(ws, table="Table 2")
    view.theme_select.value = room["theme"]
    # Only this theme's ideas, with readable labels.
    assert labels(view.idea_edit_select) == [
        "Choose an idea", "Happening already: A Friday club", "Idea: Evening bus at weeknds"]
    view.idea_edit_toggle.value = True
    view.idea_edit_select.value = idea
    assert view.idea_edit_text.value == "Evening bus at weeknds"
    assert view.idea_action_note.value == ""  # not an action yet: nothing to warn about
    view.idea_edit_text.value = "Evening bus at weekends"
    view.save_idea_button.click()
    assert view.messages.kind == "ok"
    assert texts(ws.ideas) == ["A Friday club", "Evening bus at weekends", "Cash point visits"]
    assert "Evening bus at weekends" in view.ideas_list.value
    assert "Idea: Evening bus at weekends" in labels(view.idea_edit_select)

    view.delete_idea_button.click()
    assert texts(ws.ideas) == ["A Friday club", "Cash point visits"]
    assert view.idea_edit_select.value == 0 and view.idea_edit_text.value == ""
    assert "Deleted the idea “Evening bus at weekends”" in view.messages.text
    view.delete_idea_button.click()  # the second half of a double click: no error
    assert view.messages.kind == "ok"
    view.undo_button.click()
    assert texts(ws.ideas) == ["A Friday club", "Evening bus at weekends", "Cash point visits"]
    view.undo_button.click()  # and the change of words before it
    assert texts(ws.ideas)[1] == "Evening bus at weeknds"
    assert keep in set(ws.ideas["idea_id"])
    view.close()


def test_idea_edit_refuses_blank_and_nothing_chosen_and_escapes(ws, room):
    idea = ws.add_idea(room["theme"], "idea", "Evening bus", actor="setup")
    view = ActionPlanView(ws)
    view.theme_select.value = room["theme"]
    view.save_idea_button.click()
    assert view.messages.kind == "error" and "Choose the idea to change" in view.messages.text
    view.delete_idea_button.click()
    assert view.messages.kind == "error" and "Choose the idea to delete" in view.messages.text
    view.idea_edit_select.value = idea
    view.idea_edit_text.value = "   "
    view.save_idea_button.click()
    assert view.messages.kind == "error" and "blank" in view.messages.text
    view.idea_edit_text.value = "Evening bus"
    view.save_idea_button.click()
    assert view.messages.kind == "info" and "Nothing to save" in view.messages.text
    assert texts(ws.ideas) == ["Evening bus"]
    assert len(ws.history) == len(ws.history[ws.history["actor"] == "setup"])  # no write
    view.idea_edit_text.value = EVIL
    view.save_idea_button.click()
    assert texts(ws.ideas) == [EVIL]
    assert EVIL not in view.ideas_list.value and "&lt;img" in view.ideas_list.value
    view.close()


def test_deleting_an_idea_that_became_an_action_keeps_the_action_and_says_so(ws, room):
    idea = ws.add_idea(room["theme"], "idea", "Evening bus", actor="setup")
    action = ws.add_action(room["theme"], f"Evening bus {EVIL}", "Transport lead",
                           "2027-06-30", idea_id=idea, actor="setup")
    view = ActionPlanView(ws)
    view.theme_select.value = room["theme"]
    assert labels(view.idea_edit_select)[1] == "Idea: Evening bus (→ an action)"
    view.idea_edit_select.value = idea
    note = view.idea_action_note.value
    assert "became the action" in note and "keeps that action" in note
    assert EVIL not in note and "&lt;img" in note
    view.delete_idea_button.click()
    assert ws.ideas.empty
    assert list(ws.actions["action_id"]) == [action]  # what the core does: the action stays
    assert "stays in the plan" in view.messages.text
    view.close()


def test_another_screen_deleting_the_chosen_idea_is_said_and_typing_is_kept(ws, room):
    idea = ws.add_idea(room["theme"], "idea", "Evening bus", actor="setup")
    other = ws.add_idea(room["theme"], "idea", "Taxi vouchers", actor="setup")
    view = ActionPlanView(ws)
    view.theme_select.value = room["theme"]
    view.idea_edit_select.value = other
    view.idea_edit_text.value = "Taxi vouchers after 9pm"  # typed, not saved yet
    ws.add_idea(room["theme"], "already", "Friday club", actor="Table 1")
    view.live.sync()  # as the page's poll would
    assert view.idea_edit_select.value == other
    assert view.idea_edit_text.value == "Taxi vouchers after 9pm"
    assert "Happening already: Friday club" in labels(view.idea_edit_select)
    ws.edit_idea(idea, "Evening bus to town", actor="Table 1")  # a choice not being changed
    view.live.sync()
    assert "Idea: Evening bus to town" in labels(view.idea_edit_select)
    ws.delete_idea(other, actor="Table 1")
    view.live.sync()
    assert view.idea_edit_select.value == 0 and view.idea_edit_text.value == ""
    assert view.messages.kind == "info" and "has been deleted" in view.messages.text
    view.idea_edit_select.value = idea
    ws.delete_idea(idea, actor="Table 1")  # deleted before this page has redrawn
    view.idea_edit_text.value = "Something"
    view.save_idea_button.click()
    assert view.messages.kind == "error" and "no longer exists" in view.messages.text
    view.close()


def test_changing_theme_changes_the_ideas_to_choose_from_quietly(ws, room):
    a = ws.add_idea(room["theme"], "idea", "Evening bus", actor="setup")
    ws.add_idea(room["money"], "idea", "Cash point visits", actor="setup")
    view = ActionPlanView(ws)
    view.theme_select.value = room["theme"]
    view.idea_edit_select.value = a
    view.theme_select.value = room["money"]
    assert labels(view.idea_edit_select) == ["Choose an idea", "Idea: Cash point visits"]
    assert view.idea_edit_select.value == 0 and view.messages.kind == ""
    view.close()
