"""Tender decisions on the page: a submitted sheet is read-only with no Undo, the facilitator
reopens it on Moderation with a reason, an agreed score survives Undo, and Results say how many
have submitted and write each bidder's summary. Driven through public controls; checked in
the store."""

from __future__ import annotations

from html import unescape

import pytest

from widgets.tender.page import TenderView
from workbook import Workshop
from workbook.access.roles import Access, Role
from workbook.paths import sample_dir
from workbook.tender.read import roster
from workbook.tender.sample import load_tender_sample

YP = "Young people's panel"


@pytest.fixture
def tender_ws(tmp_path):
    w = Workshop.create(tmp_path / "tender_ws", "Tender test")
    load_tender_sample(w.tender, sample_dir() / "tender_evaluation.xlsx")
    yield w
    w.close()


def member_page(ws, name):
    """The page a panel member's own link opens (the role the server signs)."""
    with ws.store.read() as conn:
        member_id = next(m["id"] for m in roster(conn, ws.tender.current_id(conn))
                         if m["name"] == name)
    try:
        return TenderView(ws, access=Access(Role.MEMBER, str(member_id), name))
    except TypeError:  # a page without roles yet: the name in the address
        return TenderView(ws, table=name)


def fill_and_submit(view, score=4):
    s = view.scoring
    while True:
        s.score_buttons.value = score
        s.reason.value = f"{s.member} gives {score}"
        before = (s.bidder_select.value, s.question_select.value)
        s.save_button.click()
        assert view.messages.kind == "ok", view.messages.text
        if (s.bidder_select.value, s.question_select.value) == before:
            break  # nothing left to score: it stays on the last cell
    s.submit_button.click()
    assert view.messages.kind == "ok", view.messages.text


def roster_of(ws):
    with ws.store.read() as conn:
        return roster(conn, ws.tender.current_id(conn))


def is_submitted(ws, name):
    return bool(next(m["submitted_at"] for m in roster_of(ws) if m["name"] == name))


def shown(widget):
    return widget.layout.display != "none"


def test_a_submitted_sheet_is_read_only_and_undo_never_unsubmits(tender_ws):
    view = member_page(tender_ws, "Amani")
    s = view.scoring
    assert shown(view.undo_button) and not view.undo_button.disabled
    fill_and_submit(view)
    assert is_submitted(tender_ws, "Amani")
    # The form is gone; the note and the submitted scores take its place, read-only.
    assert not any(shown(part) for part in s.form_parts)
    assert shown(s.sheet_note)
    note = s.sheet_note.value
    assert "your scores are final" in note and "only the facilitator can reopen" in note
    assert "The 40 scores Amani submitted" in note and "Amani gives 4" in note
    assert all(c.disabled for c in (s.score_buttons, s.reason, s.save_button, s.submit_button))
    # No Undo on the member's page once submitted; even a click reaching it changes nothing.
    assert not shown(view.undo_button) and view.undo_button.disabled
    view.undo_button.click()
    assert is_submitted(tender_ws, "Amani")
    ev, _ = tender_ws.tender.evaluation()
    assert len([sc for sc in ev.scores if sc.member == "Amani"]) == 40
    assert [h["action"] for h in tender_ws.tender.submissions() if h["member"] == "Amani"] == [
        "submitted"]


def test_the_facilitator_reopens_a_sheet_with_a_reason_on_moderation(tender_ws):
    member = member_page(tender_ws, "Bex")
    fill_and_submit(member, 3)
    big = TenderView(tender_ws)
    big.view_choice.value = "moderate"
    m = big.moderation
    m.panel_select.value = YP
    assert m.reopen_member.options == (("Bex", "Bex"),)
    m.reopen_drawer.toggle.value = True
    m.reopen_member.value = "Bex"
    m.reopen_reason.value = "   "
    m.reopen_button.click()
    assert "Say why the score sheet is reopened" in big.messages.text
    assert is_submitted(tender_ws, "Bex")
    m.reopen_reason.value = "Bex scored B2 as if it were B1"
    m.reopen_button.click()
    assert big.messages.kind == "ok", big.messages.text
    assert not is_submitted(tender_ws, "Bex")
    trail = tender_ws.tender.submissions()
    assert [(h["action"], h["who"], h["reason"]) for h in trail if h["member"] == "Bex"] == [
        ("submitted", "Bex", ""), ("reopened", "Big screen", "Bex scored B2 as if it were B1")]
    assert "Bex scored B2 as if it were B1" in m.trail_html.value
    assert m.reopen_reason.value == "" and m.reopen_member.options == ()
    # The member's page: the form again, with why, and Undo back.
    member.redraw(set())
    s = member.scoring
    assert all(shown(part) for part in s.form_parts) and not s.save_button.disabled
    assert "reopened your score sheet" in s.sheet_note.value
    assert "Bex scored B2 as if it were B1" in s.sheet_note.value
    assert shown(member.undo_button)
    # Until Bex submits again, none of her scores count.
    ev, _ = tender_ws.tender.evaluation()
    assert not [sc for sc in ev.scores if sc.member == "Bex"]


def test_only_the_facilitator_reopens_agrees_or_writes_summaries(tender_ws):
    fill_and_submit(member_page(tender_ws, "Callum"))
    page = member_page(tender_ws, "Dara")
    if getattr(page, "is_facilitator", page.table is None):
        pytest.skip("this page has no roles yet")
    page.moderation.redraw(*tender_ws.tender.evaluation()[:1], roster_of(tender_ws))
    page.moderation.panel_select.value = YP
    page.moderation.reopen_member.value = "Callum"
    page.moderation.reopen_reason.value = "let me change it"
    page.moderation.reopen_button.click()
    assert "Only the facilitator can reopen" in page.messages.text
    assert is_submitted(tender_ws, "Callum")
    page.moderation.agreed_buttons.value = 0
    page.moderation.agreed_reason.value = "sneaky"
    page.moderation.agree_button.click()
    assert "Only the facilitator can agree" in page.messages.text
    assert not [a for a in tender_ws.tender.evaluation()[0].agreed if a.reason == "sneaky"]
    page.results.summaries_button.click()
    assert "Only the facilitator can make" in page.messages.text
    assert not list(tender_ws.outputs.glob("assessment_summary_*.docx"))


def test_undo_right_after_agreeing_keeps_the_agreed_score(tender_ws):
    big = TenderView(tender_ws)
    big.view_choice.value = "moderate"
    m = big.moderation
    m.panel_select.value = "Adult panel"
    m.bidder_select.value, m.question_select.value = "B3", "Q2"
    m.agreed_buttons.value = 2
    m.agreed_reason.value = "Agreed after a long talk"
    m.agree_button.click()
    assert big.messages.kind == "ok", big.messages.text
    big.undo_button.click()
    assert "agreed scores are kept for the record" in big.messages.text
    ev, _ = tender_ws.tender.evaluation()
    got = [a for a in ev.agreed if (a.panel, a.bidder, a.question) == ("Adult panel", "B3", "Q2")]
    assert [(a.score, a.reason) for a in got] == [(2, "Agreed after a long talk")]


def test_results_say_who_has_submitted_and_write_each_bidders_summary(tender_ws):
    big = TenderView(tender_ws)
    status = unescape(big.results.status.value)
    assert "Not final: 7 things to finish; 3 of 9 panel members have submitted." in status
    assert ("Submitted so far: Adult panel 3 of 3; Young people's panel 0 of 6. Only submitted "
            "scores count") in status
    fill_and_submit(member_page(tender_ws, "Eli"))
    big.redraw(set())
    assert "4 of 9 panel members have submitted" in big.results.status.value
    big.results.summaries_button.click()
    assert big.messages.kind == "ok", big.messages.text
    names = sorted(p.name for p in tender_ws.outputs.glob("assessment_summary_*.docx"))
    assert names == [f"assessment_summary_B{i}.docx" for i in range(1, 6)]
    assert "Wrote 5 assessment summaries" in big.messages.text
