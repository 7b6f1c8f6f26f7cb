"""The tender page's bids: a member reads the bid beside the question; the facilitator sets
an evaluation up by hand in Set up. Driven through public controls, checked in the store."""

from __future__ import annotations

import pytest

from widgets.tender.page import TenderView
from workbook import Workshop
from workbook.access.roles import Access, Role
from workbook.paths import sample_dir
from workbook.tender.bids.builder import EvaluationBuilder
from workbook.tender.sample import load_tender_sample

EVIL = "<img src=x onerror=alert(1)>"


@pytest.fixture
def tender_ws(tmp_path):
    w = Workshop.create(tmp_path / "tender_ws", "Tender test")
    load_tender_sample(w.tender, sample_dir() / "tender_evaluation.xlsx")
    yield w
    w.close()


def test_a_member_reads_the_answer_weight_top_words_and_profile_escaped(tender_ws):
    b = EvaluationBuilder(tender_ws.store)
    b.set_answer("B2", "Q3", f"Open every Saturday.\n\nAnd after school {EVIL}", "facilitator")
    b.set_profile("B2", f"A youth charity {EVIL}", "facilitator")
    b.set_answer("B2", "Q1", "", "facilitator")  # blank takes the sample's answer away
    view = TenderView(tender_ws, table="Amani")
    s = view.scoring
    s.bidder_select.value, s.question_select.value = "B2", "Q3"
    card, profile = s.bid_pane.card.value, s.bid_pane.profile.value
    assert "Where and when will the service be open?" in card
    assert "<p>Open every Saturday.</p><p>And after school &lt;img src=x" in card
    assert EVIL not in card and EVIL not in profile
    assert "What a 5 looks like:</strong> Brilliant." in card
    ev, _ = tender_ws.tender.evaluation()
    q3 = next(q for q in ev.questions if q.question == "Q3")
    total = sum(q.weight for q in ev.questions_for("Young people's panel"))
    assert f"{float(q3.weight):g} of {float(total):g} (" in card
    assert "role='region'" in card and "tabindex='0'" in card  # scrolls by keyboard too
    assert "<summary>About" in profile and "A youth charity &lt;img" in profile
    # Another question of the same bid, its answer taken away: said plainly; the profile stays.
    s.question_select.value = "Q1"
    assert "No written answer from" in s.bid_pane.card.value
    assert s.bid_pane.profile.value == profile


def test_the_facilitator_sets_up_an_evaluation_by_hand_that_can_be_scored(tmp_path):
    ws = Workshop.create(tmp_path / "by_hand", "By hand")
    view = TenderView(ws)
    setup = view.setup
    build, texts = setup.build, setup.bid_texts
    build.name.value, build.quality.value, build.price.value = "Youth service", 60, 40
    build.start_button.click()
    assert view.messages.kind == "ok", view.messages.value
    build.panel_pick.value = "new"
    build.panel_code.value, build.panel_share.value = "Young people", 1
    build.panel_young.value = True
    build.panel_save.click()
    build.question_pick.value = "new"
    build.question_code.value, build.question_text.value = "Q1", "How will you listen?"
    build.question_weight.value = 2
    build.question_save.click()
    build.bidder_pick.value = "new"
    build.bidder_code.value, build.bidder_name.value = "B1", "North Trust"
    build.bidder_price.value = "£90,000"
    build.bidder_save.click()
    assert view.messages.kind == "ok", view.messages.value
    setup.member_panel.value = "Young people"
    setup.member_name.value = "Yas"
    setup.add_member_button.click()
    texts.bidder.value, texts.question.value = "B1", "Q1"
    texts.answer.value = f"We ask young people every month. {EVIL}"
    texts.answer_save.click()
    texts.profile.value = "A trust in the north."
    texts.profile_save.click()
    assert view.messages.kind == "ok", view.messages.value
    ev, _ = ws.tender.evaluation(everyone=True)
    assert (ev.name, ev.quality_weight, ev.price_weight) == ("Youth service", 60, 40)
    assert [(p.panel, p.young_people) for p in ev.panels] == [("Young people", True)]
    assert [(q.question, q.text, q.weight) for q in ev.questions] == [
        ("Q1", "How will you listen?", 2)]
    assert [(x.bidder, x.name, x.price) for x in ev.bidders] == [("B1", "North Trust", 90000)]
    assert ev.bids == {("B1", "Q1"): f"We ask young people every month. {EVIL}"}
    assert ev.profiles == {"B1": "A trust in the north."} and ev.members == {
        "Young people": ["Yas"]}
    # Choosing a row shows its values to change; a change is saved at once.
    build.bidder_pick.value = "B1"
    assert (build.bidder_name.value, build.bidder_price.value) == ("North Trust", "90000")
    assert build.bidder_code.layout.display == "none"
    build.bidder_price.value = "85000"
    build.bidder_save.click()
    assert ws.tender.evaluation()[0].bidders[0].price == 85000
    # A bad weight is refused in plain words, and nothing is written.
    build.question_pick.value = "Q1"
    build.question_weight.value = 0
    build.question_save.click()
    assert view.messages.kind == "error"
    assert "weight must be a number above 0" in view.messages.value
    assert ws.tender.evaluation()[0].questions[0].weight == 2
    # The member can score it: every cell, then submit; the result is complete.
    ws.tender.score("Yas", "B1", "Q1", 4, "They listen")
    ws.tender.submit("Yas")
    assert ws.tender.evaluation()[1] == []
    # A grant round: the budget saved at once; a bad one refused plainly.
    build.budget.value = "minus ten"
    build.grant_save.click()
    assert view.messages.kind == "error" and ws.tender.evaluation()[0].budget is None
    build.budget.value = "£50,000"
    build.grant_save.click()
    assert view.messages.kind == "ok" and ws.tender.evaluation()[0].budget == 50000
    # A question for stage 2 (interviews), added with its stage in one action.
    build.question_pick.value = "new"
    build.question_code.value, build.question_text.value = "Q2", "Tell us in person"
    build.question_stage.value = 2
    build.question_save.click()
    assert [(q.question, q.stage) for q in ws.tender.evaluation()[0].questions] == [
        ("Q1", 1), ("Q2", 2)]
    ws.close()


def test_only_the_facilitator_may_set_up(tender_ws):
    with tender_ws.store.read() as conn:
        from workbook.tender.read import roster

        amani = next(m for m in roster(conn, tender_ws.tender.current_id(conn))
                     if m["name"] == "Amani")
    before = tender_ws.tender.evaluation()[0].bids  # the sample's bids
    view = TenderView(tender_ws, access=Access(Role.MEMBER, str(amani["id"]), "Amani"))
    build = view.setup.build
    build.name.value = "Take over"
    build.replace.value = True
    build.start_button.click()
    assert view.messages.kind == "error" and "Only the facilitator" in view.messages.value
    view.setup.bid_texts.answer.value = "Changed by a member"
    view.setup.bid_texts.answer_save.click()
    assert "Only the facilitator" in view.messages.value
    ev, _ = tender_ws.tender.evaluation()
    assert ev.name != "Take over" and ev.bids == before


def test_a_page_without_an_evaluation_starts_one(tmp_path):
    ws = Workshop.create(tmp_path / "empty", "Empty")
    view = TenderView(ws)
    view.setup.build.name.value = ""
    view.setup.build.start_button.click()
    assert "Type the evaluation&#x27;s name: it is blank" in view.messages.value
    assert ws.tender.current_id() is None
    ws.close()


def test_a_later_stage_offers_only_the_shortlisted_bids(tmp_path):
    from workbook.tender.funding.control import set_grant, start_stage

    ws = Workshop.create(tmp_path / "staged", "Staged")
    b = EvaluationBuilder(ws.store)
    b.start("Two stages", 100, 0, "facilitator")
    b.add_panel("Young people", 1, True, "facilitator")
    b.add_question("Q1", "Your written plan", 1, None, "facilitator")
    b.add_question("Q2", "Tell us in person", 1, None, "facilitator", stage=2)
    for code in ("B1", "B2"):
        b.add_bidder(code, f"Bid {code}", 1000, "facilitator")
    b.set_answer("B1", "Q2", "Our interview notes", "facilitator")
    set_grant(ws.tender, "", 1, "facilitator")
    ws.tender.add_member("Young people", "Yas", "facilitator")
    ws.tender.score("Yas", "B1", "Q1", 5, "Strong")
    ws.tender.score("Yas", "B2", "Q1", 1, "Weak")
    ws.tender.submit("Yas")
    assert start_stage(ws.tender, 2, "facilitator") == ("B1",)
    view = TenderView(ws, table="Yas")
    s = view.scoring
    s.question_select.value = "Q2"
    assert [v for _, v in s.bidder_select.options] == ["B1"]
    assert s.bidder_select.value == "B1" and "Our interview notes" in s.bid_pane.card.value
    s.question_select.value = "Q1"
    assert [v for _, v in s.bidder_select.options] == ["B1", "B2"]
    ws.close()


def test_set_up_deletes_and_keeps_what_is_being_typed(tender_ws):
    sample = tender_ws.tender.evaluation()[0].bids
    view = TenderView(tender_ws)
    view.view_choice.value = "setup"
    build, texts = view.setup.build, view.setup.bid_texts
    # A redraw from another screen never clears a new question being typed.
    build.question_pick.value = "new"
    build.question_code.value, build.question_text.value = "Q9", "Half typed"
    view.redraw(set())
    assert (build.question_code.value, build.question_text.value) == ("Q9", "Half typed")
    # Scored rows stay, said plainly; an answer typed in is taken away by saving it blank.
    build.bidder_pick.value = "B1"
    build.bidder_delete.click()
    assert view.messages.kind == "error" and "scored or ranked already" in view.messages.value
    texts.bidder.value, texts.question.value = "B3", "Q2"
    texts.answer.value = "Our plan"
    texts.answer_save.click()
    assert tender_ws.tender.evaluation()[0].bids == {**sample, ("B3", "Q2"): "Our plan"}
    texts.answer.value = "   "
    texts.answer_save.click()
    assert "Answer of B3 to Q2: removed" in view.messages.value
    assert tender_ws.tender.evaluation()[0].bids == {
        k: v for k, v in sample.items() if k != ("B3", "Q2")}
    # A new panel with nobody on it can be deleted; Undo brings it back.
    build.panel_pick.value = "new"
    build.panel_code.value = "Parents"
    build.panel_save.click()
    build.panel_pick.value = "Parents"
    assert build.panel_code.layout.display == "none" and not build.panel_delete.disabled
    build.panel_delete.click()
    assert [p.panel for p in tender_ws.tender.evaluation()[0].panels] == [
        "Adult panel", "Young people's panel"]
    view.undo_button.click()
    assert "Parents" in [p.panel for p in tender_ws.tender.evaluation()[0].panels]
