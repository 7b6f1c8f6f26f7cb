"""Changing and deleting on the Plan, Implement and Review pages, driven through the public
controls; every result checked in the store, with undo, blank input, and another screen
deleting the chosen item."""

from __future__ import annotations

from datetime import date

import pytest

from widgets.stages.implement.page import ImplementView
from widgets.stages.plan.page import ActionPlanView
from widgets.stages.review.page import ReviewView

EVIL = "<img src=x onerror=alert(1)>"


def texts(df, column="text"):
    return df[column].tolist()


def labels(dropdown):
    return [label for label, _ in dropdown.options]


# --- Step 6 Plan: ideas -------------------------------------------------------------------------
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


# --- Step 7 Implement and step 8 Review -----------------------------------------------------
@pytest.fixture
def measured(ws, room):
    s = ws.add_success(room["theme"], "person", "I go out in the evenings", actor="setup")
    i = ws.add_indicator(s, "Evenings out a week", 2, 6, baseline_on="2026-04-01",
                         target_on="2027-04-01", unit="evenings", actor="setup")
    m1 = ws.add_measurement(i, "2026-10-01", 3, actor="setup")
    m2 = ws.add_measurement(i, "2027-01-01", 5, note="Bus started", actor="setup")
    return {"success": s, "indicator": i, "m1": m1, "m2": m2}


def test_change_an_indicator_only_what_changed_then_delete_and_undo(ws, measured):
    i = measured["indicator"]
    view = ImplementView(ws, table="Table 3")
    assert labels(view.ind_edit_select) == [
        "Choose an indicator", "Evenings out a week — I go out in the evenings"]
    view.ind_edit_select.value = i
    assert (view.ind_edit_name.value, view.ind_edit_unit.value, view.ind_edit_baseline.value,
            view.ind_edit_target.value) == ("Evenings out a week", "evenings", "2", "6")
    assert (view.ind_edit_baseline_on.value, view.ind_edit_target_on.value) == (
        date(2026, 4, 1), date(2027, 4, 1))
    view.save_indicator_button.click()
    assert view.messages.kind == "info" and "Nothing to save" in view.messages.text
    view.ind_edit_target.value = "lots"
    view.save_indicator_button.click()
    assert view.messages.kind == "error" and "target must be a number" in view.messages.text
    view.ind_edit_target.value = "6"
    view.ind_edit_target_on.value = date(2026, 1, 1)
    view.save_indicator_button.click()
    assert "target date comes before" in view.messages.text
    assert ws.indicators.iloc[0]["target_on"] == "2027-04-01"  # nothing half-saved
    view.ind_edit_target_on.value = date(2027, 4, 1)
    ws.edit_indicator(i, unit="evenings out", actor="Table 1")  # another table, meanwhile
    view.live.sync()
    assert view.ind_edit_unit.value == "evenings out"  # untouched here: follows the store
    view.ind_edit_name.value = "Evenings out each week"
    view.ind_edit_baseline.value = "2.5"
    view.save_indicator_button.click()
    ind = ws.indicators.iloc[0]
    assert (ind["name"], ind["baseline"], ind["target"], ind["unit"]) == (
        "Evenings out each week", 2.5, 6.0, "evenings out")
    assert "changed: name, baseline" in view.messages.text
    assert "Evenings out each week" in view.indicators_list.value

    view.delete_indicator_button.click()
    assert ws.indicators.empty and ws.measurements.empty
    assert "and its 2 measurements" in view.messages.text
    view.undo_button.click()
    assert list(ws.indicators["indicator_id"]) == [i] and len(ws.measurements) == 2
    view.close()


def test_indicator_edit_refuses_nothing_chosen_blank_and_no_date(ws, measured):
    view = ImplementView(ws)
    before = len(ws.history)
    view.save_indicator_button.click()
    assert view.messages.kind == "error" and "Choose the indicator" in view.messages.text
    view.delete_indicator_button.click()
    assert view.messages.kind == "error" and "Choose the indicator" in view.messages.text
    view.ind_edit_select.value = measured["indicator"]
    view.ind_edit_name.value = "  "
    view.save_indicator_button.click()
    assert view.messages.kind == "error" and "name is blank" in view.messages.text
    view.ind_edit_name.value = "Evenings"
    view.ind_edit_baseline_on.value = None
    view.save_indicator_button.click()
    assert view.messages.kind == "error" and "Choose the baseline date" in view.messages.text
    assert len(ws.history) == before
    view.close()


def test_delete_a_measurement_chosen_by_indicator_then_undo(ws, measured):
    view = ReviewView(ws)
    assert labels(view.meas_select) == ["Choose an indicator first"]
    view.delete_measurement_button.click()
    assert view.messages.kind == "error" and "Choose the indicator, then" in view.messages.text
    view.meas_indicator.value = measured["indicator"]
    assert labels(view.meas_select) == [
        "Choose a measurement", "2026-10-01: 3 evenings",
        "2027-01-01: 5 evenings · Bus started"]
    view.meas_select.value = measured["m2"]
    view.delete_measurement_button.click()
    assert list(ws.measurements["measurement_id"]) == [measured["m1"]]
    assert "2027-01-01: 5 evenings" in view.messages.text
    assert ws.indicators.iloc[0]["latest"] == 3.0 and "25%" in view.indicators_list.value
    assert labels(view.meas_select) == ["Choose a measurement", "2026-10-01: 3 evenings"]
    view.delete_measurement_button.click()  # the tail of a double click: no error
    assert view.messages.kind == "ok"
    view.undo_button.click()
    assert len(ws.measurements) == 2
    view.close()


def test_another_screen_deleting_the_chosen_indicator_or_measurement_is_said(ws, measured):
    view = ReviewView(ws)
    view.meas_indicator.value = measured["indicator"]
    view.meas_select.value = measured["m1"]
    ws.delete_measurement(measured["m1"], actor="Table 1")
    view.live.sync()
    assert view.meas_select.value == 0
    assert view.messages.kind == "info" and "measurement you chose has been deleted" in \
        view.messages.text
    implement = ImplementView(ws)
    implement.ind_edit_select.value = measured["indicator"]
    view.messages.clear()
    ws.delete_indicator(measured["indicator"], actor="Table 1")
    view.live.sync()
    implement.live.sync()
    assert view.meas_indicator.value == 0 and labels(view.meas_indicator) == [
        "No indicators yet"]
    assert "indicator you chose has been deleted" in view.messages.text
    assert implement.ind_edit_select.value == 0
    assert implement.ind_edit_name.value == "" and implement.ind_edit_target_on.value is None
    assert "indicator you chose has been deleted" in implement.messages.text
    assert labels(implement.ind_edit_select) == ["No indicators yet"]
    view.close()
    implement.close()


def test_change_and_delete_a_you_said_we_did_entry(ws, room):
    f1 = ws.add_feedback(room["theme"], "You could not get home.", "We run a bus.",
                         actor="setup")
    f2 = ws.add_feedback(room["money"], "You never had cash.", "We set up visits.",
                         actor="setup")
    view = ReviewView(ws, table="Table 4")
    view.tabs.selected_index = 1
    assert labels(view.fb_edit_select) == [
        "Choose an entry", "Getting out — you said: You could not get home.",
        "Money — you said: You never had cash."]
    view.save_feedback_button.click()
    assert view.messages.kind == "error" and "Choose the entry" in view.messages.text
    view.fb_edit_select.value = f1
    assert (view.fb_edit_said.value, view.fb_edit_did.value) == (
        "You could not get home.", "We run a bus.")
    view.fb_edit_did.value = ""
    view.save_feedback_button.click()
    assert view.messages.kind == "error" and "“we did” is blank" in view.messages.text
    view.fb_edit_did.value = f"We run a bus until 10pm. {EVIL}"
    view.save_feedback_button.click()
    assert ws.feedback.set_index("feedback_id").loc[f1, "we_did"] == \
        f"We run a bus until 10pm. {EVIL}"
    assert "changed: “we did”" in view.messages.text
    assert EVIL not in view.feedback_list.value and "&lt;img" in view.feedback_list.value
    view.delete_feedback_button.click()
    assert list(ws.feedback["feedback_id"]) == [f2]
    assert "Deleted the entry “You could not get home.”" in view.messages.text
    view.undo_button.click()
    assert list(ws.feedback["feedback_id"]) == [f1, f2]
    view.undo_button.click()
    assert ws.feedback.set_index("feedback_id").loc[f1, "we_did"] == "We run a bus."

    view.fb_edit_select.value = f2
    view.fb_edit_said.value = "You never had cash on you."  # typed, not saved
    ws.edit_feedback(f2, we_did="We set up weekly visits.", actor="Table 1")
    view.live.sync()
    assert (view.fb_edit_said.value, view.fb_edit_did.value) == (
        "You never had cash on you.", "We set up weekly visits.")
    view.save_feedback_button.click()  # only "you said" is sent: the other table's words stay
    row = ws.feedback.set_index("feedback_id").loc[f2]
    assert (row["you_said"], row["we_did"]) == ("You never had cash on you.",
                                                "We set up weekly visits.")
    ws.delete_feedback(f2, actor="Table 1")
    view.live.sync()
    assert view.fb_edit_select.value == 0 and view.fb_edit_said.value == ""
    assert view.messages.kind == "info" and "entry you were changing has been deleted" in \
        view.messages.text
    view.close()


def test_undo_that_removes_the_chosen_item_says_both(ws, room):
    view = ActionPlanView(ws)
    view.theme_select.value = room["theme"]
    view.idea_text.value = "Evening bus"
    view.add_idea_button.click()
    view.idea_edit_select.value = int(ws.ideas["idea_id"].iloc[0])
    view.undo_button.click()
    assert ws.ideas.empty and view.messages.kind == "ok"
    assert view.messages.text.startswith("✔ Undone: Added idea")
    assert view.messages.text.endswith("The idea you were changing has been deleted (on this "
                                       "or another screen).")
    view.close()


def shown(view) -> list:
    seen, todo = [], [view]
    while todo:
        widget = todo.pop()
        if not any(widget is x for x in seen):
            seen.append(widget)
            todo.extend(getattr(widget, "children", ()))
    return seen


def is_shown(widget, view) -> bool:
    return any(widget is x for x in shown(view))


@pytest.mark.parametrize("table", [None, "Table 5"])
def test_the_tools_sit_in_closed_drawers_drawn_when_opened(ws, room, table):
    plan, review = ActionPlanView(ws, table=table), ReviewView(ws, table=table)
    implement = ImplementView(ws, table=table)
    review.tabs.selected_index = 1
    drawers = [(plan, plan._idea_drawer, plan.idea_edit_select),
               (implement, implement._ind_drawer, implement.ind_edit_select),
               (review, review._meas_drawer, review.meas_select),
               (review, review._fb_drawer, review.fb_edit_select)]
    for view, drawer, control in drawers:
        assert is_shown(drawer, view) and not drawer.toggle.value
        assert not is_shown(control, view)  # a closed drawer costs the browser nothing
        drawer.toggle.value = True
        assert is_shown(control, view)
    # At a table the tools sit in the form they belong to, as the other forms' tools do.
    assert is_shown(plan._idea_drawer, plan._ideas_box) == (table is not None)
    assert is_shown(implement._ind_drawer, implement._indicator_box)  # under its form
    assert is_shown(review._meas_drawer, review._measure_box) == (table is not None)
    plan.close()
    review.close()
    implement.close()


def test_a_big_screen_page_rearranged_for_a_table_moves_the_drawers(ws, room):
    view = ReviewView(ws)
    view.set_table("Table 6")
    assert is_shown(view._meas_drawer, view._measure_box)
    assert sum(x is view._meas_drawer for x in shown(view)) == 1
    view.set_table(None)
    assert not is_shown(view._meas_drawer, view._measure_box)
    assert is_shown(view._meas_drawer, view)
    plan = ActionPlanView(ws)
    plan.set_table("Table 6")
    assert is_shown(plan._idea_drawer, plan._ideas_box)
    view.close()
    plan.close()
