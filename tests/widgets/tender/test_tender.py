"""The tender page, driven through its public controls; every result checked in the store."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from widgets.tender.page import TenderView
from workbook import Workshop
from workbook.paths import sample_dir
from workbook.tender.sample import load_tender_sample

EVIL = "<img src=x onerror=alert(1)>"
NOW = datetime(2026, 4, 1, tzinfo=UTC)
YP = "Young people's panel"


@pytest.fixture
def tender_ws(tmp_path):
    w = Workshop.create(tmp_path / "tender_ws", "Tender test")
    load_tender_sample(w.tender, sample_dir() / "tender_evaluation.xlsx")
    yield w
    w.close()


def stored_scores(tender_ws, member):
    ev, _ = tender_ws.tender.evaluation(everyone=True)
    return {(s.bidder, s.question): (s.score, s.reason) for s in ev.scores if s.member == member}


def score_all(tender_ws, member, score=4):
    ev, _ = tender_ws.tender.evaluation(everyone=True)
    for b in ev.bidders:
        for q in ev.questions:
            tender_ws.tender.score(member, b.bidder, q.question, score, f"{member} thinks {score}")


def test_member_scores_a_bid_with_a_reason(tender_ws):
    view = TenderView(tender_ws, table="Amani")
    s = view.scoring
    assert s.member == "Amani" and s.who.layout.display == "none"
    assert s.score_buttons.options[5] == ("5 · Brilliant", 5)
    s.bidder_select.value, s.question_select.value = "B2", "Q3"
    assert "Where and when will the service be open?" in s.question_html.value
    s.score_buttons.value = 4
    s.reason.value = "Open after school and on Saturdays"
    s.save_button.click()
    assert stored_scores(tender_ws, "Amani") == {
        ("B2", "Q3"): (4, "Open after school and on Saturdays")}
    assert view.messages.kind == "ok"
    # It moves on to the first bid and question still to score, with a clean form.
    assert (s.bidder_select.value, s.question_select.value) == ("B1", "Q1")
    assert s.score_buttons.value is None and s.reason.value == ""
    assert "1 of 40 scored" in s.progress.value
    # Coming back shows the saved score and reason.
    s.bidder_select.value, s.question_select.value = "B2", "Q3"
    assert (s.score_buttons.value, s.reason.value) == (4, "Open after school and on Saturdays")


def test_reason_and_score_are_required(tender_ws):
    s = TenderView(tender_ws, table="Bex").scoring
    s.score_buttons.value = 3
    s.reason.value = "   "
    s.save_button.click()
    assert "Write a reason" in s.page.messages.text
    s.score_buttons.value = None
    s.reason.value = "fine"
    s.save_button.click()
    assert "Choose a score from 0 to 5 first" in s.page.messages.text
    assert stored_scores(tender_ws, "Bex") == {}


def test_scores_hidden_from_others_until_submitted(tender_ws):
    amani = TenderView(tender_ws, table="Amani").scoring
    amani.score_buttons.value, amani.reason.value = 1, EVIL
    amani.save_button.click()
    bex = TenderView(tender_ws, table="Bex").scoring
    assert all(sc.member != "Amani" for sc in bex.ev.scores)
    big = TenderView(tender_ws)
    big.moderation.panel_select.value = YP
    big.moderation.bidder_select.value, big.moderation.question_select.value = "B1", "Q1"
    assert "Amani" not in big.moderation.cell_html.value
    assert "Waiting for 6 to submit" in big.moderation.waiting.value
    amani.submit_button.click()  # not everything scored yet: refused
    assert "Score everything before you submit: 39 still" in amani.page.messages.text
    score_all(tender_ws, "Amani", 1)
    tender_ws.tender.score("Amani", "B1", "Q1", 1, EVIL)
    amani.page.live.sync()
    amani.submit_button.click()
    assert "Submitted" in amani.page.messages.text
    assert amani.save_button.disabled
    big.live.sync()
    assert "Amani" in big.moderation.cell_html.value
    shown = big.moderation.cell_html.value
    assert EVIL not in shown and "&lt;img" in shown


def test_moderation_flags_and_agrees_a_score(tender_ws):
    big = TenderView(tender_ws)
    m = big.moderation
    m.panel_select.value = "Adult panel"
    assert "flagged" in m.flags_html.value
    m.next_flag_button.click()
    cell = m._cell()
    assert cell.flagged and "points apart" in m.cell_html.value
    m.agreed_buttons.value = 2
    m.agreed_reason.value = "Evidence was thin on safeguarding"
    m.agree_button.click()
    ev, _ = tender_ws.tender.evaluation()
    got = [a for a in ev.agreed if (a.panel, a.bidder, a.question) ==
           ("Adult panel", cell.bidder, cell.question)]
    assert [(a.score, a.reason) for a in got] == [(2, "Evidence was thin on safeguarding")]
    assert tender_ws.tender.history()[-1]["who"] == "Big screen"
    m.agreed_reason.value = ""
    m.agree_button.click()
    assert "Write a reason" in big.messages.text


def test_results_marked_final_say_final_and_what_was_left(tender_ws):
    from workbook.tender.panel.outcome import mark_final

    load_tender_sample(tender_ws.tender, sample_dir() / "tender_evaluation.xlsx", demo=True)
    big = TenderView(tender_ws)
    r = big.results
    assert "Not final" in r.status.value  # the demo: one young person still to score
    mark_final(tender_ws.tender, "facilitator")
    big.live.sync()
    assert "✔ Final: The facilitator marked these results final." in r.status.value
    assert "left unfinished, not counted" in r.status.value and "Not final" not in r.status.value
    mark_final(tender_ws.tender, "facilitator", final=False)
    big.live.sync()
    assert "Not final" in r.status.value


def test_results_show_what_the_young_people_changed(tender_ws):
    big = TenderView(tender_ws)
    r = big.results
    assert "has not submitted any scores yet" in r.changed.value
    assert "Not final" in r.status.value
    # The whole sample, every panel scored: the young people change who comes first.
    load_tender_sample(tender_ws.tender, sample_dir() / "tender_evaluation.xlsx", scored=True)
    big.live.sync()
    assert "changed who comes first" in r.changed.value
    assert "Complete" in r.status.value and "▲ up 3" in r.table.value
    assert "Slope chart" in big.results.chart.alt
    r.chart_choice.value = "share"
    assert big.results.chart.alt.startswith("Line chart")
    r.chart_choice.value = "borda"
    r.borda_panel.value = YP
    assert "Borda points" in big.results.chart.alt
    assert (tender_ws.outputs / "tender_rank_by_young_share.png").exists()


def test_setup_weights_words_and_export(tender_ws):
    big = TenderView(tender_ws)
    st = big.setup
    st.quality.value, st.price.value = 60, 30
    st.weights_button.click()
    assert "must add up to 100" in big.messages.text
    st.price.value = 40
    st.weights_button.click()
    ev, _ = tender_ws.tender.evaluation()
    assert (ev.quality_weight, ev.price_weight) == (60, 40)
    st.words[5].value = "Amazing"
    st.words_button.click()
    assert tender_ws.tender.evaluation()[0].descriptors[5] == "Amazing"
    member = TenderView(tender_ws, table="Dara")
    assert member.scoring.score_buttons.options[5] == ("5 · Amazing", 5)
    st.export_button.click()
    names = {p.name for p in tender_ws.outputs.iterdir()}
    assert {"tender_evaluation.xlsx", "tender_assessment_summaries.xlsx",
            "tender_assessment_summaries.docx"} <= names


def test_member_not_on_a_panel_chooses_who_they_are(tender_ws):
    view = TenderView(tender_ws, table="Table 3")
    s = view.scoring
    assert s.who.layout.display is None
    s.who.value = "Eli"
    assert s.member == "Eli" and "0 of 40 scored" in s.progress.value


def test_commissioner_adds_a_member_who_then_scores(tender_ws):
    big = TenderView(tender_ws)
    st = big.setup
    st.member_panel.value = YP
    st.member_name.value = "  Gus  "
    st.add_member_button.click()
    assert any(m["name"] == "Gus" for m in _roster(tender_ws))
    st.member_name.value = "Gus"
    st.add_member_button.click()
    assert "already a member called Gus" in big.messages.text
    gus = TenderView(tender_ws, table="Gus").scoring
    assert "0 of 40 scored" in gus.progress.value


def test_upload_with_fresh_scoring_keeps_members(tender_ws, tmp_path):
    big = TenderView(tender_ws)
    st = big.setup
    data = (sample_dir() / "tender_evaluation.xlsx").read_bytes()
    st.upload.value = ({"name": "C:\\fakepath\\panel.xlsx", "type": "", "size": len(data),
                        "content": memoryview(data), "last_modified": NOW},)
    st.blank_scores.value = True
    st.load_button.click()
    assert "Loaded panel.xlsx: 5 bids, 8 questions, 2 panels" in big.messages.text
    assert len(_roster(tender_ws)) == 9 and not any(m["submitted_at"] for m in _roster(tender_ws))
    assert tender_ws.tender.evaluation(everyone=True)[0].scores == []
    st.upload.value = ({"name": "bad.xlsx", "type": "", "size": 3,
                        "content": memoryview(b"bad"), "last_modified": NOW},)
    st.load_button.click()
    assert "could not be opened as an Excel workbook" in big.messages.text


def _roster(tender_ws):
    from workbook.tender.read import roster

    with tender_ws.store.read() as conn:
        return roster(conn, tender_ws.tender.current_id(conn))


def in_page(view, box) -> bool:
    """The box is one of the page's parts (or fills one of its slots)."""
    return any(part is box or box in getattr(part, "children", ()) for part in view.children)


def test_big_screen_draws_moderation_and_set_up_when_first_shown(tender_ws):
    view = TenderView(tender_ws)
    assert in_page(view, view.results.box)
    assert not in_page(view, view.moderation.box) and not in_page(view, view.setup.box)
    view.view_choice.value = "moderate"
    assert in_page(view, view.moderation.box) and not in_page(view, view.setup.box)
    view.view_choice.value = "results"
    assert in_page(view, view.moderation.box)  # kept: going back is instant
    view.close()


def test_a_page_built_for_the_big_screen_becomes_a_members_page(tender_ws):
    # Served pages are built while pre-heated (no table), then given the request's table.
    view = TenderView(tender_ws)
    assert view.view_choice in view._undo_box.children
    view.set_table("Amani")
    assert view.scoring.box in view.children and not in_page(view, view.results.box)
    assert view.view_choice not in view._undo_box.children
    assert view.scoring.member == "Amani" and view.scoring.box.layout.display is None
    assert view.scoring.bidder_select.value == "B1"
    view.scoring.score_buttons.value = 3
    view.scoring.reason.value = "Clear about opening times"
    view.scoring.save_button.click()
    assert stored_scores(tender_ws, "Amani")[("B1", "Q1")] == (3, "Clear about opening times")
    view.set_table(None)
    assert in_page(view, view.results.box) and view.view_choice in view._undo_box.children


def test_results_show_no_young_peoples_effect_before_they_score(tender_ws):
    view = TenderView(tender_ws)  # the big screen sees submitted scores only: none from Y yet
    table = view.results.table.value
    assert "not yet: no scores" in table and "▲" not in table and "▼" not in table
    assert f"panel '{YP}' has no scores yet: it is left out of the totals" in (
        view.results.status.value.replace("&#x27;", "'"))
