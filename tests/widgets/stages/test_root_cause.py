"""The root-cause page, driven through its public controls; results checked in the store."""

from __future__ import annotations

import pytest

from widgets.stages.understand.page import RootCauseView

EVIL = "<img src=x onerror=alert(1)>"


def theme_with(ws, name, not_working=1, i_statement="", actor="setup"):
    tid = ws.add_theme(name, i_statement or f"I want {name.lower()}", actor=actor)
    ids = [ws.add_statement(f"R-{tid}-{i}", "not_working", "person", f"{name} bad {i}",
                            actor=actor) for i in range(not_working)]
    if ids:
        ws.assign(ids, tid, actor=actor)
    return tid


@pytest.fixture
def room(ws):
    """Two themes; 'Knowing who supports me' has the most dots."""
    who = theme_with(ws, "Knowing who supports me", 3, "I know who is coming")
    money = theme_with(ws, "Money", 2)
    for voter in ("A", "B"):
        ws.vote(voter, theme_id=who, actor="setup")
    ws.vote("A", theme_id=money, actor="setup")
    return {"who": who, "money": money}


def view_for(ws, table="Table 2"):
    return RootCauseView(ws, table=table)


def causes_of(ws, theme_id):
    df = ws.causes
    return df[df["theme_id"] == theme_id]


def add(view, text, under=0):
    view.cause_text.value = text
    view.parent_select.value = under
    view.add_cause_button.click()


def test_themes_listed_by_priority_with_i_statement_and_count(ws, room):
    view = view_for(ws)
    assert view.theme_select.options[0] == ("1. Knowing who supports me (2 dots)", room["who"])
    assert view.theme_select.options[1] == ("2. Money (1 dot)", room["money"])
    assert view.theme_select.value == room["who"]
    assert "I know who is coming" in view.theme_info.value
    assert "3 not-working statements" in view.theme_info.value
    view.theme_select.value = room["money"]
    assert "2 not-working statements" in view.theme_info.value
    assert "Why is “Money” not working?" in view.outline_html.value


def test_no_votes_yet_says_so_and_still_lists_themes(ws):
    tid = theme_with(ws, "Evenings", 2)
    view = view_for(ws)
    assert view.theme_select.options == (("Evenings (no dots yet)", tid),)
    assert "No theme has been voted on yet" in view.theme_info.value


def test_no_themes_says_what_to_do_and_adding_asks_for_a_theme(ws):
    view = view_for(ws)
    assert view.theme_select.value is None
    assert "no themes with not-working statements" in view.theme_info.value
    rev = ws.revision
    add(view, "Because")
    assert "Choose a theme first" in view.messages.text
    assert ws.revision == rev and ws.causes.empty


def test_add_causes_as_a_why_chain(ws, room):
    view = view_for(ws)
    add(view, "Staff leave")
    assert view.cause_text.value == ""
    staff = int(causes_of(ws, room["who"])["cause_id"].iloc[0])
    assert ("— Staff leave", staff) in view.parent_select.options
    add(view, "Pay is low", under=staff)
    pay = int(ws.causes.set_index("text").loc["Pay is low", "cause_id"])
    add(view, "Budget fell", under=pay)
    df = causes_of(ws, room["who"]).set_index("text")
    assert df.loc["Pay is low", "parent_id"] == staff
    assert df.loc["Budget fell", "depth"] == 3
    assert ("— — — Budget fell", int(df.loc["Budget fell", "cause_id"])) in \
        view.parent_select.options
    assert "under 'Pay is low'" in view.messages.text
    html = view.outline_html.value
    assert html.index("Staff leave") < html.index("Pay is low") < html.index("Budget fell")
    assert html.count("<ul>") == 3  # nested three deep
    assert view.chart.alt.startswith("Cause tree for the theme Knowing who supports me: 3 causes")
    assert (ws.outputs / "causes_knowing_who_supports_me.png").exists()
    assert (ws.outputs / "causes_knowing_who_supports_me.csv").exists()


def test_blank_or_too_long_cause_gives_a_clear_message_and_writes_nothing(ws, room):
    view = view_for(ws)
    rev = ws.revision
    add(view, "   ")
    assert "Type the cause first" in view.messages.text
    add(view, "x" * 1001)
    assert "the limit is 1,000" in view.messages.text
    assert view.messages.kind == "error"
    assert ws.revision == rev and ws.causes.empty


def test_edit_a_cause(ws, room):
    view = view_for(ws)
    add(view, "Staff leav")
    cid = int(ws.causes["cause_id"].iloc[0])
    view.edit_select.value = cid
    assert view.edit_text.value == "Staff leav"
    view.edit_text.value = "Staff leave"
    view.save_cause_button.click()
    assert ws.causes.set_index("cause_id").loc[cid, "text"] == "Staff leave"
    assert "Saved the cause 'Staff leave'" in view.messages.text
    rev = ws.revision
    view.edit_text.value = " "
    view.save_cause_button.click()
    assert "blank" in view.messages.text and ws.revision == rev
    view.edit_select.value = 0
    view.save_cause_button.click()
    assert "Choose the cause to change first" in view.messages.text and ws.revision == rev


def test_delete_takes_the_causes_beneath_and_undo_brings_them_back(ws, room):
    view = view_for(ws)
    add(view, "Staff leave")
    top = int(ws.causes["cause_id"].iloc[0])
    add(view, "Pay is low", under=top)
    pay = int(ws.causes["cause_id"].iloc[1])
    add(view, "Budget fell", under=pay)
    add(view, "Rotas change")
    view.vote_cause.value = pay
    view.vote_button.click()
    view.edit_select.value = top
    view.delete_cause_button.click()
    assert "the 2 causes beneath it (3 in all)" in view.messages.text
    assert list(ws.causes["text"]) == ["Rotas change"]
    assert ws.votes[ws.votes["target"] == "cause"].empty
    assert view.edit_select.value == 0 and view.edit_text.value == ""
    assert "Staff leave" not in view.outline_html.value
    view.undo_button.click()
    assert "Undone" in view.messages.text
    assert sorted(ws.causes["text"]) == ["Budget fell", "Pay is low", "Rotas change",
                                         "Staff leave"]
    assert len(ws.votes[ws.votes["target"] == "cause"]) == 1
    assert "Budget fell" in view.outline_html.value


def test_vote_and_take_back_with_dots_left_and_ranking(ws, room):
    view = view_for(ws)
    assert view.voter.value == "Table 2"
    assert "Table 2 has 3 of 3 dots left for causes" in view.dots_left.value
    add(view, "Staff leave")
    add(view, "Rotas change")
    staff, rotas = (int(c) for c in ws.causes["cause_id"])
    view.vote_cause.value = rotas
    view.vote_button.click()
    assert "Table 2 has 2 of 3 dots left for causes" in view.dots_left.value
    assert "Table 2 has 2 of 3 dots left for causes" in view.messages.text
    view.vote_button.click()
    view.vote_cause.value = staff
    view.vote_button.click()
    assert ws.dots_left("Table 2", "cause") == 0
    rev = ws.revision
    view.vote_button.click()
    assert "used all 3 dots" in view.messages.text and ws.revision == rev
    ranking = view.ranking_html.value
    assert ranking.index("Rotas change") < ranking.index("Staff leave")
    assert "2 dots" in ranking and "★ top cause" in ranking
    assert "★ top cause" in view.outline_html.value
    view.vote_cause.value = rotas
    view.unvote_button.click()
    assert ws.causes.set_index("cause_id").loc[rotas, "votes"] == 1
    assert "Table 2 has 1 of 3 dots left for causes" in view.dots_left.value
    view.voter.value = "Someone else"
    assert "Someone else has 3 of 3 dots left" in view.dots_left.value
    view.unvote_button.click()
    assert "has no dot there to take back" in view.messages.text
    view.vote_cause.value = 0
    view.vote_button.click()
    assert "Choose the cause to put a dot on first" in view.messages.text


def test_participant_text_is_escaped_everywhere(ws):
    tid = theme_with(ws, f"Theme {EVIL}", 1, i_statement=f"I say {EVIL}")
    ws.vote(EVIL, theme_id=tid)
    view = view_for(ws, table=f"Table {EVIL}")
    add(view, f"Cause {EVIL}")
    cid = int(ws.causes["cause_id"].iloc[0])
    add(view, f"Undotted {EVIL}", under=cid)  # a cause that is not a top cause
    view.voter.value = f"Voter {EVIL}"
    view.vote_cause.value = cid
    view.vote_button.click()
    view.edit_select.value = cid
    view.delete_cause_button.click()
    view.undo_button.click()
    htmls = {
        "theme_info": view.theme_info.value, "outline": view.outline_html.value,
        "ranking": view.ranking_html.value, "dots_left": view.dots_left.value,
        "chart": view.chart.value, "header": view.header.value,
    }
    for name, value in htmls.items():
        assert "<img src=x" not in value, name  # the chart's own <img> is a data: PNG
    assert htmls["outline"].count("&lt;img src=x onerror=alert(1)&gt;") == 3  # theme + 2
    assert htmls["ranking"].count("&lt;img src=x onerror=alert(1)&gt;") == 2
    assert "&lt;img" in htmls["theme_info"] and "&lt;img" in htmls["dots_left"]
    view.edit_select.value = cid
    view.delete_cause_button.click()  # the message quotes the cause text
    assert "<img src=x" not in view.messages.value and "&lt;img" in view.messages.value


def test_second_laptop_sees_changes_and_keeps_its_theme_and_typing(ws, room):
    table = view_for(ws, "Table 1")
    screen = view_for(ws, table=None)
    screen.theme_select.value = room["money"]
    screen.cause_text.value = "half-typed cause"
    table.theme_select.value = room["money"]
    add(table, "Bank cards are hard to use")
    screen.live.sync()
    cid = int(ws.causes["cause_id"].iloc[0])
    screen.edit_select.value = cid
    screen.edit_text.value = "I am rewording this"
    add(table, "Letters are hard to read")
    assert "Letters" not in screen.outline_html.value
    screen.live.sync()
    assert "Letters are hard to read" in screen.outline_html.value
    assert "Money: 2 causes" in screen.chart.alt
    assert screen.theme_select.value == room["money"]
    assert screen.cause_text.value == "half-typed cause"
    assert screen.edit_select.value == cid
    assert screen.edit_text.value == "I am rewording this"
    # A vote elsewhere re-ranks the themes; the chosen theme stays chosen.
    ws.vote("C", theme_id=room["money"], actor="Table 3")
    ws.vote("D", theme_id=room["money"], actor="Table 3")
    screen.live.sync()
    assert screen.theme_select.options[0] == ("1. Money (3 dots)", room["money"])
    assert screen.theme_select.value == room["money"]


def test_chosen_theme_deleted_elsewhere_falls_back_and_chosen_cause_too(ws, room):
    view = view_for(ws)
    view.theme_select.value = room["money"]
    ws.delete_theme(room["money"], actor="Table 3")
    view.live.sync()
    assert view.theme_select.value == room["who"]
    add(view, "Staff leave")
    cid = int(ws.causes["cause_id"].iloc[0])
    view.edit_select.value = cid
    ws.delete_cause(cid, actor="Table 3")
    view.live.sync()
    assert view.edit_select.value == 0 and view.edit_text.value == ""
    view.delete_cause_button.click()
    assert "Choose the cause to delete first" in view.messages.text


def test_statement_change_elsewhere_does_not_redraw_the_chart(ws, room, monkeypatch):
    view = view_for(ws)
    calls = []
    monkeypatch.setattr(view.chart, "show", lambda chart, **_kw: calls.append(chart))
    ws.add_statement("R-9", "not_working", "person", "New card", actor="Table 3")
    view.live.sync()
    assert calls == []
    ws.add_cause(room["who"], "A new cause", actor="Table 3")
    view.live.sync()
    assert len(calls) == 1


def test_changing_dots_per_voter_updates_dots_left(ws, room):
    view = view_for(ws)
    ws.set_dots_per_voter(5)
    view.live.sync()
    assert "Table 2 has 5 of 5 dots left for causes" in view.dots_left.value


def test_chart_file_busy_still_shows_the_chart_and_says_the_cause_was_added(ws, room,
                                                                             monkeypatch):
    from workbook.charts.base import Chart

    def busy(*_a, **_k):
        raise FileNotFoundError("another page replaced the file first")

    monkeypatch.setattr(Chart, "save", busy)
    view = view_for(ws)
    add(view, "Staff leave")
    assert view.messages.kind == "ok" and "Added the cause 'Staff leave'" in view.messages.text
    assert view.chart.alt.startswith("Cause tree for the theme Knowing who supports me: 1 cause")
    assert list(ws.causes["text"]) == ["Staff leave"]
