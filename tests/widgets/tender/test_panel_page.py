"""The young people's panel on the tender page, driven through its public controls: the
briefing gates scoring, words explained, the practice round; the facilitator's settings,
hours and rewards, final results and the outcome; every result checked in the store."""

from __future__ import annotations

import pytest

from widgets.tender.page import VIEWS, TenderView
from workbook import Workshop
from workbook.access.roles import Access, Role
from workbook.paths import sample_dir
from workbook.tender.panel import briefing
from workbook.tender.panel.glossary import GLOSSARY
from workbook.tender.panel.practice import practice_scores
from workbook.tender.panel.recognition import recognition
from workbook.tender.rules import as_json
from workbook.tender.sample import load_tender_sample

EVIL = "<img src=x onerror=alert(1)>"
YP = "Young people's panel"


@pytest.fixture
def demo_ws(tmp_path):
    w = Workshop.create(tmp_path / "panel_ws", "Panel test")
    load_tender_sample(w.tender, sample_dir() / "tender_evaluation.xlsx", demo=True)
    w.tender.add_member(YP, "Gus", "facilitator")  # joined late: not briefed yet
    yield w
    w.close()


def shown(widget) -> list:
    """Every widget in the page's tree that is not hidden."""
    if getattr(widget.layout, "display", None) == "none":
        return []
    found = [widget]
    for child in getattr(widget, "children", ()):
        found += shown(child)
    return found


def member_page(ws, name):
    with ws.store.read() as conn:
        member = ws.tender.member(conn, name)
    return TenderView(ws, access=Access(Role.MEMBER, str(member["id"]), name))


def test_scoring_waits_for_the_briefing_then_opens(demo_ws):
    page = member_page(demo_ws, "Gus")
    prep, scoring = page.prep, page.scoring
    assert scoring.box.layout.display == "none" and prep.box.layout.display is None
    assert "Participation officer (not on the panel;" in list(prep.ticks.values())[-1].description
    scoring.score_buttons.value, scoring.reason.value = 3, "fine"
    scoring.save_button.click()  # even if the hidden form were reached, it is refused
    assert "tick every line" in page.messages.text
    assert not any(s.member == "Gus" for s in demo_ws.tender.evaluation(viewer="Gus")[0].scores)
    boxes = list(prep.ticks.values())
    for box in boxes[:-1]:
        box.value = True
    assert scoring.box.layout.display == "none" and "1 still to tick" in prep.status.value
    boxes[-1].value = True
    assert scoring.box.layout.display is None and prep.box.layout.display == "none"
    assert "Briefing done" in prep.done_note.value
    audit = briefing.briefing_audit(demo_ws.tender)
    assert [a["item"] for a in audit if a["member"] == "Gus"] == list(briefing.BRIEFING)
    assert all(a["who"] == "Gus" for a in audit if a["member"] == "Gus")
    scoring.bidder_select.value, scoring.question_select.value = "B1", "Q1"
    scoring.score_buttons.value, scoring.reason.value = 4, "Clear answer"
    scoring.save_button.click()
    ev, _ = demo_ws.tender.evaluation(viewer="Gus")
    assert [(s.bidder, s.question, s.score) for s in ev.scores if s.member == "Gus"] == [
        ("B1", "Q1", 4)]


def test_words_explained_and_practice_on_every_member_screen(demo_ws):
    page = member_page(demo_ws, "Amani")  # briefed and submitted in the demo
    for drawer in (page.prep.words, page.prep.practice, page.prep.help):  # on every screen
        assert drawer in shown(page) and drawer.layout.display is None
    assert page.prep.told not in shown(page)  # the outcome waits until results are final
    page.prep.words.toggle.value = True
    html = page.prep.words.body.children[0].value
    assert all(word in html for word, _ in GLOSSARY[:3]) and "Moderation" in html
    before = as_json(*demo_ws.tender.evaluation(everyone=True))
    prep = page.prep
    prep.practice_question.value = "P3"
    assert "report every year" in prep.practice_answer.value
    prep.practice_score.value, prep.practice_reason.value = 4, EVIL
    prep.practice_button.click()
    assert practice_scores(demo_ws.tender, "Amani")["P3"] == (4, EVIL)
    assert EVIL not in prep.compare_html.value and "&lt;img" in prep.compare_html.value
    assert "3 higher than the worked answer" in prep.compare_html.value
    assert prep.practice_question.value == "P1"  # on to the next practice question
    assert as_json(*demo_ws.tender.evaluation(everyone=True)) == before  # never counted
    prep.practice_score.value = None
    prep.practice_button.click()
    assert "Choose a practice score" in page.messages.text


def test_facilitator_sets_up_the_panel_on_set_up(demo_ws):
    big = TenderView(demo_ws)
    assert ("Panel", "panel") in VIEWS
    big.view_choice.value = "setup"
    care = big.care
    assert care.setup_box in big.sections["setup"].children
    care.contact_role.value, care.contact_details.value = "Youth worker", "07700 900999"
    care.half_day_rate.value, care.full_day_rate.value = "30", "lots"
    care.settings_button.click()
    assert "not an amount of money" in big.messages.text
    assert briefing.settings(demo_ws.tender).contact_role.startswith("Participation")
    care.full_day_rate.value = "60"
    care.reward_kind.value = "cash"
    care.settings_button.click()
    s = briefing.settings(demo_ws.tender)
    assert (s.contact, s.reward_kind, str(s.full_day_rate)) == (
        "Youth worker (07700 900999)", "cash", "60")
    assert "Briefing ticked by 6 of 10 members" in care.briefed.value


def test_facilitator_records_hours_marks_final_and_writes_the_outcome(demo_ws):
    big = TenderView(demo_ws)
    big.view_choice.value = "panel"
    care = big.care
    assert "Not final yet" in care.final_html.value and care.outcome_button.disabled
    care.member.value = "Gus"
    care.hours_day.value, care.hours_prep.value, care.expenses.value = "3", "1.5", "£4.50"
    care.record_button.click()
    gus = next(r for r in recognition(demo_ws.tender) if r.member == "Gus")
    assert (str(gus.hours), gus.half_days, str(gus.reward), str(gus.expenses)) == (
        "4.5", 2, "50", "4.50")
    assert "Gus" in care.table.value and "£54.50" in care.table.value
    care.hours_day.value = "-2"
    care.record_button.click()
    assert "from 0 to 100" in big.messages.text
    care.pay_button.click()
    assert "7 certificates" in big.messages.text
    assert (demo_ws.outputs / "tender_panel_payments.xlsx").exists()
    assert 'download="certificate_Gus.docx"' in care.pay_links.value
    care.final_button.click()
    assert briefing.settings(demo_ws.tender).final_at
    assert "Final: The facilitator marked" in care.final_html.value
    care.outcome_button.click()
    assert (demo_ws.outputs / "outcome_for_the_panel.html").exists()
    assert (demo_ws.outputs / "outcome_for_the_panel.docx").exists()
    assert 'download="outcome_for_the_panel.html"' in care.outcome_links.value
    amani = member_page(demo_ws, "Amani")  # the panel is told on their own pages too
    assert amani.prep.told in shown(amani)
    told = amani.prep.outcome.value
    assert "The panels chose Youth Voice Collective." in told and "What happens next" in told
    assert "would have come first" in told
    care.unfinal_button.click()
    assert briefing.settings(demo_ws.tender).final_at is None
    amani.redraw(set())
    assert amani.prep.told not in shown(amani)


def test_a_member_cannot_use_the_facilitators_panel_tools(demo_ws):
    page = member_page(demo_ws, "Amani")
    care = page.care
    care.contact_role.value = "Someone else"
    care.settings_button.click()
    assert "Only the facilitator" in page.messages.text
    care.final_button.click()
    assert "Only the facilitator" in page.messages.text
    care.hours_day.value = "40"
    care.record_button.click()
    assert "Only the facilitator" in page.messages.text
    s = briefing.settings(demo_ws.tender)
    assert s.contact_role.startswith("Participation") and s.final_at is None
    assert next(r for r in recognition(demo_ws.tender) if r.member == "Amani").hours == 7
