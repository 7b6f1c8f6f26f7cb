"""Pages 4-6 driven through their public controls; every result checked in the store."""

from __future__ import annotations

from datetime import date

import pytest

from widgets.overview import OverviewView
from widgets.stages.implement.page import ImplementView
from widgets.stages.plan.page import ActionPlanView
from widgets.stages.review.page import ReviewView
from widgets.stages.success import SuccessView

EVIL = "<img src=x onerror=alert(1)>"


# --- 4 Success -------------------------------------------------------------------------------
def test_success_add_edit_delete_undo_and_gaps(ws, room):
    view = SuccessView(ws, table="Table 1")
    assert view.theme_select.value == room["theme"]  # the priority theme comes first
    assert "Not heard yet" in view.grid.value and "person" in view.gaps.value.lower()
    view.perspective.value = "commissioner"
    assert "Start with “We”" in view.prompt.value
    view.cause_select.value = room["cause"]
    view.success_text.value = "We fund support in the evenings"
    view.add_button.click()
    df = ws.success_statements
    assert df[["theme_id", "cause_id", "perspective", "text"]].values.tolist() == [
        [room["theme"], room["cause"], "commissioner", "We fund support in the evenings"]]
    assert view.success_text.value == "" and view.messages.kind == "ok"
    assert "We fund support in the evenings" in view.grid.value

    view.perspective.value = "person"
    view.success_text.value = "Evenings out would be nice"  # not in the "I" voice: a tip
    view.add_button.click()
    assert "usually start with “I”" in view.messages.text
    sid = int(ws.success_statements["success_id"].iloc[-1])

    view.edit_toggle.value = True
    view.edit_select.value = sid
    assert view.edit_text.value == "Evenings out would be nice"
    view.edit_text.value = "I go out in the evenings when I want"
    view.save_button.click()
    assert ws.success_statements.set_index("success_id").loc[sid, "text"] == \
        "I go out in the evenings when I want"
    view.delete_button.click()
    assert sid not in set(ws.success_statements["success_id"])
    view.undo_button.click()
    assert sid in set(ws.success_statements["success_id"])


def test_success_refuses_blank_and_escapes_text(ws, room):
    view = SuccessView(ws)
    view.success_text.value = "   "
    view.add_button.click()
    assert view.messages.kind == "error" and "Type the success statement" in view.messages.text
    assert ws.success_statements.empty
    view.success_text.value = EVIL
    view.add_button.click()
    assert EVIL not in view.grid.value and "&lt;img" in view.grid.value


# --- 5 Action plan ---------------------------------------------------------------------------
def test_ideas_then_an_action_from_an_idea(ws, room):
    s = ws.add_success(room["theme"], "person", "I go out in the evenings", actor="setup")
    view = ActionPlanView(ws, table="Table 2")
    view.theme_select.value = room["theme"]
    view.idea_kind.value = "already"
    view.idea_text.value = "A Friday club runs till 9pm"
    view.add_idea_button.click()
    view.idea_kind.value = "idea"
    view.idea_text.value = "Evening bus at weekends"
    view.add_idea_button.click()
    ideas = ws.ideas
    assert ideas[["kind", "text", "author"]].values.tolist() == [
        ["already", "A Friday club runs till 9pm", "Table 2"],
        ["idea", "Evening bus at weekends", "Table 2"]]
    idea = int(ideas["idea_id"].iloc[1])

    view.from_idea.value = idea
    assert view.action_text.value == "Evening bus at weekends"
    view.owner.value = "Transport lead"
    view.add_action_button.click()
    assert "due" in view.messages.text and ws.actions.empty  # no date: nothing saved
    view.due.value = date(2027, 6, 30)
    view.cause_select.value = room["cause"]
    view.success_select.value = (s,)
    view.add_action_button.click()
    a = ws.actions.iloc[0]
    assert (a["text"], a["owner"], a["due"], a["status"], a["cause_id"], a["success_ids"]) == (
        "Evening bus at weekends", "Transport lead", "2027-06-30", "not started",
        room["cause"], (s,))
    assert int(ws.ideas.set_index("idea_id").loc[idea, "action_id"]) == int(a["action_id"])
    assert "Evening bus at weekends" in view.actions_list.value
    assert "1 action," in view.actions_list.value
    assert "1 not started" in view.status_chart.alt

    view.edit_toggle.value = True
    view.edit_select.value = int(a["action_id"])
    assert view.edit_owner.value == "Transport lead"
    view.edit_status.value = "in progress"
    view.save_button.click()
    assert ws.actions.iloc[0]["status"] == "in progress"
    assert "1 in progress" in view.status_chart.alt
    view.delete_button.click()
    assert ws.actions.empty
    view.undo_button.click()
    assert len(ws.actions) == 1


# --- Step 7 Implement and step 8 Review --------------------------------------------------------
def test_indicator_set_on_implement_then_measured_on_review(ws, room):
    s = ws.add_success(room["theme"], "person", "I go out in the evenings", actor="setup")
    implement = ImplementView(ws, table="Table 3")
    assert implement.stage == "Step 7 · Implement: baselines and indicators"
    implement.success_select.value = s
    implement.ind_name.value = "Evenings out a week"
    implement.baseline.value, implement.target.value = "2", "6"
    implement.ind_unit.value = "evenings"
    implement.baseline_on.value = date(2026, 4, 1)
    implement.add_indicator_button.click()
    assert "Choose the target date" in implement.messages.text and ws.indicators.empty
    implement.target_on.value = date(2027, 4, 1)
    implement.add_indicator_button.click()
    ind = ws.indicators.iloc[0]
    assert (ind["name"], ind["baseline"], ind["target"], ind["unit"]) == (
        "Evenings out a week", 2.0, 6.0, "evenings")
    assert "not measured yet" in implement.indicators_list.value
    view = ReviewView(ws, table="Table 3")
    assert view.stage == "Step 8 · Review: are things getting better?"
    view.measure_select.value = int(ind["indicator_id"])
    view.value.value = "lots"
    view.add_measurement_button.click()
    assert "must be a number" in view.messages.text and ws.measurements.empty
    view.value.value = "5"
    view.measured_on.value = date(2027, 1, 1)
    view.add_measurement_button.click()
    assert ws.indicators.iloc[0]["progress"] == pytest.approx(0.75)
    assert "75%" in view.indicators_list.value
    assert "75% of the way" in view.chart.alt
    # Each row: the name with its success statement under it, each figure with its date.
    row = view.indicators_list.value.split("<tbody>")[1]
    assert ("<th scope='row'>Evenings out a week<span class='wtfc-grid-note'>for “I go out in "
            "the evenings”</span></th>") in row
    assert "<td>2 evenings<span class='wtfc-grid-note'>2026-04-01</span></td>" in row
    assert "<td>6 evenings<span class='wtfc-grid-note'>by 2027-04-01</span></td>" in row
    assert "<td>5 evenings<span class='wtfc-grid-note'>2027-01-01</span></td>" in row
    ws.edit_indicator(int(ind["indicator_id"]), name=EVIL, actor="setup")
    view.live.sync()  # as another screen's change arrives
    assert EVIL not in view.indicators_list.value and "&lt;img" in view.indicators_list.value
    implement.live.sync()
    assert "75%" in implement.indicators_list.value and EVIL not in \
        implement.indicators_list.value


def test_review_without_indicators_says_where_to_set_them(ws, room):
    view = ReviewView(ws)
    assert "No indicators yet: set them on Step 7 · Implement." in view.indicators_list.value


def test_implement_tracks_the_actions_status(ws, room):
    a = ws.add_action(room["theme"], "Evening <bus>", "Transport lead", "2027-06-30",
                      actor="setup")
    view = ImplementView(ws, table="Table 2")
    view.tabs.selected_index = 1
    assert "Evening &lt;bus&gt;" in view.actions_list.value
    view.save_status_button.click()
    assert "Choose the action" in view.messages.text
    view.action_select.value = a
    assert view.action_status.value == "not started"
    view.save_status_button.click()
    assert view.messages.kind == "info" and "already not started" in view.messages.text
    view.action_status.value = "in progress"
    view.save_status_button.click()
    assert ws.actions.iloc[0]["status"] == "in progress"
    assert "is now in progress" in view.messages.text and "In progress" in view.actions_list.value
    ws.edit_action(a, status="done", actor="Table 1")  # another screen, meanwhile
    view.live.sync()
    assert view.action_status.value == "done"
    view.undo_button.click()  # undoes this screen's own change only
    assert ws.actions.iloc[0]["status"] == "done"
    view.close()


def test_you_said_we_did_and_the_report_button(ws, room):
    a = ws.add_action(room["theme"], "Evening bus", "Transport lead", "2027-06-30",
                      actor="setup")
    view = ReviewView(ws)
    view.tabs.selected_index = 1
    view.theme_select.value = room["theme"]
    assert "I can&#x27;t get home after 6pm" in view.people_said.value
    view.action_select.value = a
    view.you_said.value = "You could not get home after 6pm."
    view.we_did.value = EVIL
    view.add_feedback_button.click()
    fb = ws.feedback.iloc[0]
    assert (fb["you_said"], fb["we_did"], fb["action_id"]) == (
        "You could not get home after 6pm.", EVIL, a)
    assert EVIL not in view.feedback_list.value

    view.report.format.value = view.report.format.options[0][1]
    view.report.make_button.click()
    assert view.report.saved is not None and view.report.saved.exists()
    html = view.report.saved.read_text(encoding="utf-8")
    assert "You could not get home after 6pm." in html and EVIL not in html
    assert 'download="' in view.report.link.value
    view.report.format.value = view.report.format.options[3][1]  # easy read, Word
    view.report.make_button.click()
    assert view.report.saved.suffix == ".docx" and view.messages.kind == "ok"


def test_action_plan_with_no_themes_says_where_to_make_them(ws):
    view = ActionPlanView(ws, table="Table 2")
    assert "No themes with not-working statements yet" in view.ideas_list.value
    view.idea_text.value = "An evening bus"
    view.add_idea_button.click()
    assert "Choose a theme first" in view.messages.text and ws.ideas.empty
    theme = ws.add_theme("Getting out", actor="setup")
    ws.assign([ws.add_statement("R-1", "not_working", "person", "No bus", actor="setup")], theme)
    view.live.sync()  # another screen made the theme
    assert "Nothing written for this theme yet" in view.ideas_list.value
    view.add_idea_button.click()
    assert ws.ideas["text"].tolist() == ["An evening bus"]


def test_overview_links_every_step_in_order(ws):
    view = OverviewView(ws, table="Table 4")
    at = []
    for n, (nb, name) in enumerate([
            ("01_prepare", "Prepare"), ("02_collect", "Collect"), ("03_theme", "Theme"),
            ("04_understand", "Understand"), ("05_success", "Identify success"),
            ("06_plan", "Plan"), ("07_implement", "Implement"), ("08_review", "Review")], 1):
        link = f'href="{nb}.ipynb?table=Table%204">Step {n} · {name}</a>'
        assert link in view.links.value
        at.append(view.links.value.index(link))
    assert at == sorted(at)
    assert "Prepare</a> <span class='wtfc-card-meta'>(the facilitator's page)" in view.links.value
    assert "You said, we did" in view.counts.value
