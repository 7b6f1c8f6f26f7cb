"""The overview's "Last time and next time" drawer, driven headless: the comparison per review,
the facilitator's theme matching, and the next event made from this one (checked in the store)."""

from __future__ import annotations

import pytest

from tests.widgets.helpers import html_values
from widgets.overview import OverviewView
from workbook import Workshop
from workbook.access.roles import Access, Role
from workbook.cycle.carry import start_next
from workbook.cycle.origin import last_themes, origin

EVIL = "<img src=x onerror=alert(1)>"


def _last(ws: Workshop) -> None:
    t = ws.add_theme("Getting out", "I go out")
    m = ws.add_theme(EVIL, "I understand money")
    ws.assign([ws.add_statement(f"R-{n}", "not_working", "person", f"Said {n}")
               for n in range(1, 5)], t)
    ws.assign([ws.add_statement("R-5", "working", "staff", "Cash card")], m)
    s = ws.add_success(t, "person", "I get home safely")
    ws.add_action(t, "Evening taxis", "Transport lead", "2027-03-31", success_id=s)
    ws.add_indicator(s, "Home after 9pm", 2, 20, baseline_on="2026-01-01",
                     target_on="2027-12-31")


@pytest.fixture
def nxt(ws, tmp_path):
    _last(ws)
    start_next(ws, tmp_path / "next", "Autumn event")
    n = Workshop.open(tmp_path / "next")
    t = int(n.themes.set_index("name").loc["Getting out", "theme_id"])
    n.assign([n.add_statement("N-1", "not_working", "person", "Still no bus")], t)
    yield n
    n.close()


def _open(view):
    drawer = view.children[-1]
    drawer.toggle.value = True
    return drawer.panel


def test_the_comparison_is_drawn_with_its_figures_and_saved(nxt):
    view = OverviewView(nxt)
    panel = _open(view)
    text = " ".join(html_values(panel))
    assert "started on" in text and "(5 reviews)" in text and "(1 review)" in text
    assert "Getting out: 0.80 then 1.00 (4 then 1 statements)" in panel.chart.alt
    assert EVIL not in text and "&lt;img src=x" in text
    assert panel.chart.saved and panel.chart.saved[0].name == "since_last_time.png"
    assert panel.chart.saved[1].exists()
    view.close()


def test_the_facilitator_matches_a_theme_and_it_is_stored_and_undoable(nxt):
    view = OverviewView(nxt)
    panel = _open(view)
    evil = next(t for t in last_themes(nxt) if t.name == EVIL)
    panel.last_theme.value = evil.id
    assert panel.this_theme.value == evil.theme_id  # as carried
    out = int(nxt.themes.set_index("name").loc["Getting out", "theme_id"])
    panel.this_theme.value = out
    panel.match_button.click()
    assert panel.messages.kind == "ok"
    assert next(t for t in last_themes(nxt) if t.id == evil.id).theme_id == out
    assert f"Getting out; {EVIL}" not in " ".join(html_values(panel))  # escaped...
    assert "Getting out: 0.80 then 1.00" not in panel.chart.alt  # ...and merged: 5 then 1
    assert "Getting out: 1.00 then 1.00 (5 then 1 statements)" in panel.chart.alt
    nxt.undo()
    assert next(t for t in last_themes(nxt) if t.id == evil.id).theme_id == evil.theme_id


def test_a_table_sees_the_comparison_but_cannot_match_or_start(nxt, tmp_path):
    view = OverviewView(nxt)
    table = Access(Role.TABLE, "abc", "Red")
    view.set_access(table)
    panel = _open(view)
    assert panel.matching.layout.display == "none" and panel.starting.layout.display == "none"
    assert "Only the facilitator" in panel.refused.value
    before = nxt.revision
    panel.match_button.click()
    assert panel.messages.kind == "error" and "Only the facilitator" in panel.messages.value
    panel.next_name.value = "Sneaky"
    panel.make_button.click()
    assert panel.messages.kind == "error" and nxt.revision == before
    assert not (tmp_path / "sneaky").exists()


def test_the_next_event_is_made_from_the_page_and_says_how_to_serve_it(ws, tmp_path):
    _last(ws)
    view = OverviewView(ws)
    panel = _open(view)
    assert "not started from a previous one" in panel.summary.value
    panel.next_name.value = "Spring 2028"
    assert panel.next_folder.value == str(tmp_path / "spring-2028")  # beside this one
    panel.make_button.click()
    assert panel.messages.kind == "ok", panel.messages.value
    assert f"wtfc serve {tmp_path / 'spring-2028'}" in panel.result.value
    with Workshop.open(tmp_path / "spring-2028") as made:
        assert made.name == "Spring 2028"
        assert origin(made).workshop == ws.name and origin(made).reviews == 5
        assert sorted(made.themes["name"]) == sorted(["Getting out", EVIL])
        assert made.actions["text"].tolist() == ["Evening taxis"]
    # again into the same folder: refused plainly, the made event untouched
    panel.make_button.click()
    assert panel.messages.kind == "error" and "not empty" in panel.messages.value
    panel.next_folder.value = ""
    panel.make_button.click()
    assert "Type the folder" in panel.messages.value
    view.close()


def test_a_blank_name_is_a_plain_message_and_nothing_is_made(ws, tmp_path):
    view = OverviewView(ws)
    panel = _open(view)
    panel.next_folder.value = "elsewhere"
    panel.make_button.click()
    assert panel.messages.kind == "error" and "workshop name" in panel.messages.value
    assert not (tmp_path / "elsewhere").exists()
    view.close()


def test_an_open_drawer_follows_another_screens_statements(nxt):
    view = OverviewView(nxt)
    panel = _open(view)
    assert "Getting out: 0.80 then 1.00 (4 then 1 statements)" in panel.chart.alt
    other = Workshop.open(nxt.folder)
    t = int(other.themes.set_index("name").loc["Getting out", "theme_id"])
    other.assign([other.add_statement("N-2", "not_working", "family", "No lift")], t)
    other.close()
    view.live.sync()
    assert "Getting out: 0.80 then 1.00 (4 then 2 statements)" in panel.chart.alt
    assert "(2 reviews)" in panel.chart.alt
    view.children[-1].toggle.value = False
    view.close()
