"""Roles in a served page's kernel: only the server's signed grant says who a page is for; a
name in the address is a label. Each page is driven as Voila would serve it."""

from __future__ import annotations

import html

import pytest

import widgets.common.context as context
from widgets.common.context import PageContext
from widgets.common.page import MEMBER_ELSEWHERE, NO_LINK
from widgets.stages.collect.page import CollectView
from widgets.tender.page import GONE, TABLE_NOT_PANEL, TenderView
from workbook.access import grants
from workbook.access.roles import Access, Role
from workbook.paths import sample_dir
from workbook.tender.read import roster
from workbook.tender.sample import load_tender_sample

SECRET = "kernel-test-secret"


@pytest.fixture(autouse=True)
def quiet_live(monkeypatch):
    monkeypatch.setattr("widgets.common.live.LiveRefresh.start", lambda self: None)


def serve(ws, monkeypatch, cls, query: str = "", access: Access | None = None, secret=SECRET):
    """The page as a pre-heated Voila kernel builds it, once the request (and grant) comes."""
    monkeypatch.setenv(grants.SECRET_ENV, SECRET)
    if access is not None:
        query = grants.granted_query(query, access, secret)
    monkeypatch.setattr(context, "query_string", lambda: query)
    return cls.for_page(PageContext(ws, None, served=True, waiting=True))


def texts(view) -> str:
    return html.unescape(" ".join(getattr(c, "value", "") for c in view.children
                                  if hasattr(c, "value")))


@pytest.mark.parametrize("query", [
    "", "table=Big%20screen", "table=Red", "wtfc_role=facilitator&wtfc_who=&wtfc_label=",
    "wtfc_role=facilitator&wtfc_who=&wtfc_label=&wtfc_sig=" + "0" * 64,
])
def test_a_page_without_a_valid_grant_opens_nothing(ws, monkeypatch, query):
    view = serve(ws, monkeypatch, CollectView, query)
    assert len(view.children) == 2 and "valid link" in texts(view)
    assert not hasattr(view.children[1], "click")
    assert NO_LINK.split(".")[0] in texts(view).replace("&#x27;", "'")


def test_a_grant_signed_with_another_secret_is_refused(ws, monkeypatch):
    view = serve(ws, monkeypatch, CollectView, "", Access(Role.FACILITATOR), secret="other")
    assert len(view.children) == 2


def test_two_laptops_with_the_same_table_name_each_undo_their_own(ws, monkeypatch):
    a = serve(ws, monkeypatch, CollectView, "", Access(Role.TABLE, "aaaaaaaa11", "Red"))
    b = serve(ws, monkeypatch, CollectView, "", Access(Role.TABLE, "bbbbbbbb22", "Red"))
    assert a.table == b.table == "Red" and a.actor != b.actor
    for view, words in ((a, "I like my flat"), (b, "I miss my friends")):
        view.review_ref.value, view.kind.value, view.text.value = "R-001", "working", words
        view.add_button.click()
    assert sorted(ws.statements["text"]) == ["I like my flat", "I miss my friends"]
    a.undo_button.click()
    assert ws.statements["text"].tolist() == ["I miss my friends"]
    # A table has no "undo anyone's": hidden, and refused if called all the same.
    assert a.undo_any_button.layout.display == "none"
    a.undo(anyone=True)
    assert a.messages.kind == "error" and "facilitator" in a.messages.text
    assert ws.statements["text"].tolist() == ["I miss my friends"]


def test_the_facilitator_undoes_anyones_change(ws, monkeypatch):
    table = serve(ws, monkeypatch, CollectView, "", Access(Role.TABLE, "cccccccc33", "Blue"))
    table.review_ref.value, table.kind.value = "R-002", "not_working"
    table.text.value = "The bus is late"
    table.add_button.click()
    big = serve(ws, monkeypatch, CollectView, "", Access(Role.FACILITATOR))
    assert big.is_facilitator and big.undo_any_button.layout.display != "none"
    big.undo_any_button.click()
    assert ws.statements.empty and "Undone" in big.messages.text


def test_a_member_link_opens_the_tender_page_only(ws, monkeypatch):
    view = serve(ws, monkeypatch, CollectView, "", Access(Role.MEMBER, "1"))
    assert len(view.children) == 2
    assert MEMBER_ELSEWHERE.split(".")[0] in texts(view)


@pytest.fixture
def tender_ws(ws):
    load_tender_sample(ws.tender, sample_dir() / "tender_evaluation.xlsx")
    with ws.store.read() as conn:
        ws.people = roster(conn, ws.tender.current_id(conn))
    return ws


def test_a_member_scores_as_the_member_their_link_names(tender_ws, monkeypatch):
    me, other = tender_ws.people[0], tender_ws.people[1]
    # the address names another member: ignored, the signed id decides
    view = serve(tender_ws, monkeypatch, TenderView, f"table={other['name']}",
                 Access(Role.MEMBER, str(me["id"])))
    assert view.table == me["name"] and view.scoring.member == me["name"]
    assert view.scoring.who.layout.display == "none"  # no "Who is scoring?" to change
    assert view.view_choice not in view._undo_box.children


def test_a_table_cannot_open_the_tender_page(tender_ws, monkeypatch):
    name = tender_ws.people[0]["name"]
    view = serve(tender_ws, monkeypatch, TenderView, f"table={name}",
                 Access(Role.TABLE, "dddddddd44", name))
    assert len(view.children) == 2 and TABLE_NOT_PANEL.split(" (")[0] in texts(view)


def test_the_served_facilitator_never_scores_as_a_member(tender_ws, monkeypatch):
    name = tender_ws.people[0]["name"]
    view = serve(tender_ws, monkeypatch, TenderView, f"table={name}",
                 Access(Role.FACILITATOR, "", name))
    assert view.table is None and view.view_choice in view._undo_box.children


def test_a_member_no_longer_on_the_panel_is_refused(tender_ws, monkeypatch):
    view = serve(tender_ws, monkeypatch, TenderView, "", Access(Role.MEMBER, "99999"))
    assert len(view.children) == 2 and GONE.split(".")[0] in texts(view)


def test_only_the_facilitator_sets_the_dots_per_voter(ws, monkeypatch):
    from widgets.stages.theme.page import ThemeView

    table = serve(ws, monkeypatch, ThemeView, "", Access(Role.TABLE, "eeeeeeee55", "Green"))
    assert table.set_dots_button.disabled and table.dots_per_voter.disabled
    before = ws.dots_per_voter()
    table.dots_per_voter.value = before + 2
    table.set_dots()
    assert table.messages.kind == "error" and ws.dots_per_voter() == before
    big = serve(ws, monkeypatch, ThemeView, "", Access(Role.FACILITATOR))
    assert not big.set_dots_button.disabled
    big.dots_per_voter.value = before + 2
    big.set_dots_button.click()
    assert ws.dots_per_voter() == before + 2
