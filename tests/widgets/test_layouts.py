"""Big screen and table layouts: a served page is built for the big screen while its kernel
waits in the pool, then only its table is applied; the layouts hold the same controls."""

from __future__ import annotations

import pytest

import widgets.common.context as context
from widgets.common.context import PageContext
from widgets.ladder.page import LadderView
from widgets.overview import OverviewView
from widgets.stages.collect.page import CollectView
from widgets.stages.review.page import ReviewView
from widgets.stages.theme.page import ThemeView
from widgets.stages.understand.page import RootCauseView
from workbook import StatementIn, Workshop
from workbook.access import grants
from workbook.access.roles import Access, Role
from workbook.tender.read import roster


@pytest.fixture
def seeded_ws(tmp_path):
    workshop = Workshop.create(tmp_path / "w", name="Layouts")
    items = [StatementIn.parse("R-1", "not working", "person", "The bus is late"),
             StatementIn.parse("R-1", "working", "person", "I like my job")]
    workshop.import_statements(items, source="test")
    tid = workshop.add_theme("Getting about", actor="setup")
    workshop.assign([int(workshop.statements["statement_id"].iloc[0])], tid, actor="setup")
    yield workshop
    workshop.close()


def served_at(monkeypatch, query: str, access=None) -> None:
    """As in a pre-heated Voila kernel: the query string comes with the request (with the
    server's signed grant for ``access``, as `wtfc serve` adds it)."""
    if access is not None:
        monkeypatch.setenv(grants.SECRET_ENV, "test-secret")
        query = grants.granted_query(query, access, "test-secret")
    waited = []
    monkeypatch.setattr(context, "query_string", lambda: waited.append(1) or query)


def all_widgets(view) -> set:
    seen, todo = set(), [view]
    while todo:
        widget = todo.pop()
        if id(widget) in {id(x) for x in seen}:
            continue
        seen.add(widget)
        todo.extend(getattr(widget, "children", ()))
    return seen


@pytest.mark.parametrize("cls", [ThemeView, CollectView, RootCauseView, OverviewView])
def test_a_served_page_is_built_first_then_given_its_table(seeded_ws, monkeypatch, cls):
    served_at(monkeypatch, "table=Table%203")
    ctx = PageContext(seeded_ws, None, served=False, waiting=True)
    view = cls.for_page(ctx)
    assert (view.table, view.actor) == ("Table 3", "Table 3")
    assert "wtfc-at-table" in view._dom_classes and "wtfc-big" not in view._dom_classes
    assert "Table: Table 3" in view.header.value
    view.close()


def test_big_screen_view_becomes_a_table_view_with_the_same_controls(seeded_ws, monkeypatch):
    served_at(monkeypatch, "table=Table%205")
    view = ThemeView.for_page(PageContext(seeded_ws, None, served=False, waiting=True))
    shown = all_widgets(view)
    assert view.board.screen == "table"
    for control in (view.board, view.controls, view.chart, view.card_select, view.move_button):
        assert control in shown
    assert view.show_view not in shown  # the big screen's switch is not on a table's page
    assert view.voter.value == "Table 5"
    # ... and acts as the table: its undo is the table's.
    tid = int(seeded_ws.themes["theme_id"].iloc[0])
    unthemed = int(seeded_ws.statements["statement_id"].iloc[1])
    view.board.receive({"type": "move", "ids": [unthemed], "theme_id": tid})
    history = seeded_ws.history
    assert history.iloc[-1]["actor"] == "Table 5"
    view.close()


def test_big_screen_theme_page_shows_one_part_at_a_time(seeded_ws):
    view = ThemeView(seeded_ws)
    assert view.board.screen == "big" and "wtfc-big" in view._dom_classes
    assert view.chart.layout.display == "none" and view.controls.layout.display == "none"
    view.show_view.value = "chart"
    assert view.board.layout.display == "none" and view.chart.layout.display is None
    assert "Bar chart of" in view.chart.alt
    view.show_view.value = "tools"
    assert view.controls.layout.display is None
    view.close()


def test_big_screen_collect_and_root_cause_keep_rare_tools_in_drawers(seeded_ws):
    collect = CollectView(seeded_ws)
    drawer = collect.edit_drawer
    assert drawer in all_widgets(collect) and drawer.body.layout.display == "none"
    drawer.toggle.value = True
    assert drawer.body.layout.display is None
    # Only "Find words" shows; the other filters are drawn when "More filters" opens.
    assert collect.search in all_widgets(collect)
    assert collect.kind_filter not in all_widgets(collect)
    collect.more_filters.toggle.value = True
    assert collect.kind_filter in all_widgets(collect)
    cause = RootCauseView(seeded_ws)
    assert [d.toggle.description for d in cause._drawers] == [
        "Change or delete a cause", "Vote: which causes matter most?"]
    assert cause.voter.value == "Big screen"
    collect.close()
    cause.close()


def test_collect_filter_behind_a_closed_drawer_still_shows_and_filters(seeded_ws):
    collect = CollectView(seeded_ws)
    total = collect.current_page.total
    collect.kind_filter.value = "future"
    assert collect.more_filters.toggle.description == "More filters (1 on)"
    assert collect.current_page.total < total
    collect.more_filters.toggle.value = False
    collect.review_filter.value = "R-001"
    assert collect.more_filters.toggle.description == "More filters (2 on)"
    collect.kind_filter.value = collect.review_filter.value = ""
    assert collect.more_filters.toggle.description == "More filters"
    assert collect.current_page.total == total
    collect.close()


def test_collect_at_a_table_shows_every_filter_and_the_edit_form(seeded_ws):
    collect = CollectView(seeded_ws, table="Table 2")
    shown = all_widgets(collect)
    for control in (collect.search, collect.kind_filter, collect.perspective_filter,
                    collect.review_filter, collect.edit_select, collect.save_button):
        assert control in shown
    assert collect.more_filters not in shown
    collect.close()


def test_a_notebook_run_is_not_waiting_for_a_request(seeded_ws, monkeypatch):
    monkeypatch.setattr(context, "query_string", lambda: pytest.fail("waited for a request"))
    view = CollectView.for_page(PageContext(seeded_ws, "Table 4", served=False))
    assert view.table == "Table 4" and view.live.task is None
    view.close()


def _types(view) -> set[str]:
    return {type(x).__name__ for x in all_widgets(view)}


def test_a_served_tender_page_at_a_table_is_the_members_screen(seeded_ws, monkeypatch):
    from widgets.tender.page import TenderView
    from workbook.paths import sample_dir
    from workbook.tender.sample import load_tender_sample

    load_tender_sample(seeded_ws.tender, sample_dir() / "tender_evaluation.xlsx")
    with seeded_ws.store.read() as conn:
        amani = next(m["id"] for m in roster(conn, seeded_ws.tender.current_id(conn))
                     if m["name"] == "Amani")
    # a member's own link: the server signs who they are; the name in the address is ignored
    served_at(monkeypatch, "table=Frankie", Access(Role.MEMBER, str(amani)))
    monkeypatch.setattr("widgets.common.live.LiveRefresh.start", lambda self: None)  # no event loop
    view = TenderView.for_page(PageContext(seeded_ws, None, served=True, waiting=True))
    direct = TenderView(seeded_ws, table="Amani")
    assert view.table == "Amani"
    assert view.scoring.box in all_widgets(view)  # the scoring screen, not the big screen's
    assert view.results.box not in all_widgets(view)
    assert view.view_choice not in all_widgets(view)  # no Results/Moderation/Set up switch
    assert _types(view) == _types(direct)
    view.live.stop()
    view.close()
    direct.close()


def test_a_served_ladder_page_at_a_table_is_the_vote_page(seeded_ws, monkeypatch):
    from widgets.ladder.page import LadderView

    served_at(monkeypatch, "table=Table%202", Access(Role.TABLE, "a1b2c3d4", "Table 2"))
    monkeypatch.setattr("widgets.common.live.LiveRefresh.start", lambda self: None)  # no event loop
    view = LadderView.for_page(PageContext(seeded_ws, None, served=True, waiting=True))
    assert view.served and view.table == "Table 2"
    assert view.actor == "Table 2 · laptop a1b2c3"
    shown = all_widgets(view)
    assert view.vote_panel in shown
    assert not any(getattr(x, "description", "") == "Export to Excel" for x in shown)
    view.live.stop()
    view.close()


def test_pages_draw_what_is_not_yet_shown_when_first_chosen(seeded_ws):
    """Tabs, accordions and modes not yet looked at go into the page when first chosen (the
    browser draws less when the page opens); their controls then work as before."""
    review = ReviewView(seeded_ws)
    assert review.feedback_list not in all_widgets(review)
    review.tabs.selected_index = 1
    assert review.feedback_list in all_widgets(review)
    review.tabs.selected_index = 0
    assert review.feedback_list in all_widgets(review)  # kept: going back is instant
    review.close()
    ladder = LadderView(seeded_ws)
    assert ladder.commissioner.left not in all_widgets(ladder)
    closed = [a for a in all_widgets(ladder) if type(a).__name__ == "LazyAccordion"]
    assert closed and all(not slot.children for a in closed for slot in a.children)
    ladder.mode.value = "commissioner"
    assert ladder.commissioner.left in all_widgets(ladder)
    assert ladder.commissioner.right in all_widgets(ladder)
    ladder.mode.value = "trainer"
    assert ladder.commissioner.left.layout.display == "none"
    ladder.close()
