"""Plan page: a table and the big screen put dots on ideas; counts beside each idea; undo."""

from __future__ import annotations

from widgets.stages.plan.page import ActionPlanView

EVIL = "<img src=x onerror=alert(1)>"


def test_a_table_puts_dots_on_ideas_and_the_count_shows_beside_each(ws, room):
    ws.set_dots_per_voter(2, actor="setup")
    bus = ws.add_idea(room["theme"], "idea", "Evening bus at weekends", actor="setup")
    evil = ws.add_idea(room["theme"], "idea", EVIL, actor="setup")
    ws.add_idea(room["theme"], "already", "A Friday club runs till 9pm", actor="setup")
    view = ActionPlanView(ws, table="Table 2")
    view.theme_select.value = room["theme"]
    assert view.dot_voter.value == "Table 2"
    assert view.idea_dots_left.value == "Table 2 has 2 of 2 dots left for ideas."
    # ideas only: what is happening already takes no dots
    assert [v for _, v in view.dot_idea_select.options] == [bus, evil]
    view.dot_idea_select.value = bus
    view.dot_button.click()
    view.dot_button.click()
    assert ws.idea_dots() == {bus: 2}
    assert "Table 2 placed a dot on “Evening bus at weekends”" in view.messages.text
    assert view.idea_dots_left.value == "Table 2 has 0 of 2 dots left for ideas."
    view.dot_idea_select.value = evil
    view.dot_button.click()
    assert "Table 2 has used all 2 dots on ideas" in view.messages.text
    assert ws.idea_dots() == {bus: 2}
    # the count beside each idea, escaped; most dots first in the choosers
    html = view.ideas_list.value
    assert "Evening bus at weekends <span class='wtfc-idea-dots'>● 2 dots</span>" in html
    assert "&lt;img src=x onerror=alert(1)&gt; <span class='wtfc-idea-dots'>● 0 dots" in html
    assert EVIL not in html
    assert "A Friday club runs till 9pm <span class='wtfc-idea-dots'>" not in html
    assert view.dot_idea_select.options[0] == ("Evening bus at weekends — 2 dots", bus)
    assert view.from_idea.options[1] == ("Evening bus at weekends (2 dots)", bus)
    # take one back, then undo brings it back
    view.dot_idea_select.value = bus
    view.undot_button.click()
    assert ws.idea_dots() == {bus: 1}
    assert "● 1 dot</span>" in view.ideas_list.value
    view.undo_button.click()
    assert ws.idea_dots() == {bus: 2}
    assert "● 2 dots</span>" in view.ideas_list.value


def test_the_big_screen_places_dots_for_a_voter_it_names(ws, room):
    idea = ws.add_idea(room["theme"], "idea", "A travel buddy scheme", actor="setup")
    view = ActionPlanView(ws)
    view.theme_select.value = room["theme"]
    assert view._dots_drawer.toggle.description  # on the big screen the dots open on demand
    view.dot_voter.value = ""
    view.dot_button.click()
    assert "Type who is voting first" in view.messages.text and ws.idea_dots() == {}
    view.dot_voter.value = "Show of hands"
    view.dot_idea_select.value = idea
    view.dot_button.click()
    assert ws.idea_dots() == {idea: 1}
    # a page made before it knows its table (a pooled kernel) votes as that table
    view.dot_voter.value = ""
    view.set_table("Table 7")
    assert view.dot_voter.value == "Table 7"
    assert view.idea_dots_left.value == "Table 7 has 3 of 3 dots left for ideas."
    # another screen's dot redraws this one
    other = ActionPlanView(ws, table="Table 1")
    other.theme_select.value = room["theme"]
    other.dot_idea_select.value = idea
    other.dot_button.click()
    view.live.sync()
    assert "● 2 dots</span>" in view.ideas_list.value
