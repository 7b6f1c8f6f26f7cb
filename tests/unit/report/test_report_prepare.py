"""The report's Step 1 section: who was involved, who did the theming, the reviews used."""

from __future__ import annotations

import pytest

from workbook.report.content import gather
from workbook.report.docx_report import report_docx
from workbook.report.render import html_report

EVIL = "<script>alert(1)</script>"


@pytest.fixture
def prepared(workshop):
    ws = workshop
    ws.set_event(held_on="2026-06-01", place=EVIL, facilitators="Two leads", reviews_planned=4)
    ws.add_invitee("Self-advocate", "Person who uses services", support_needs=True,
                   theming=True)
    ws.add_invitee("Self-advocate 2", "person", support_needs=True)
    ws.add_invitee("Parent carer", "Family carer", theming=True)
    ws.add_invitee("Commissioner", "Commissioner")
    for ref, consent in (("R-1", "yes"), ("R-2", "no"), ("R-3", None)):
        ws.add_statement(ref, "working", "person", f"Words of {ref}")
        if consent:
            rid = {r.ref: r.id for r in ws.prepare_reviews()}[ref]
            ws.edit_review(rid, consent=consent, reviewed_on="2024-01-01", review_type="Annual")
    ws.add_review("R-9", consent="yes")  # planned, no statements yet: not used
    return ws


def test_the_section_says_who_was_involved_and_which_reviews_with_what_consent(prepared):
    section = gather(prepared, charts_too=False).prepare
    assert section.involved[0] == ("4 people were involved: 2 people who use services, "
                                   "1 family carer and 1 commissioner; 2 with support needs.")
    assert section.involved[1] == ("Theming was done by 1 person who uses services and "
                                   "1 family carer, 1 of them with support needs.")
    assert section.people.rows == [["Person who uses services", "2", "2", "1"],
                                   ["Family carer", "1", "0", "1"],
                                   ["Commissioner", "1", "0", "0"]]
    assert section.reviews[0].startswith(
        "3 reviews (of 4 planned) were used: 1 with consent to use the person's words, 1 with "
        "consent not recorded, and 1 without consent.")
    assert section.reviews[1] == "2 reviews were older than 12 months at the time of the event."
    assert [row[0] for row in section.review_table.rows] == ["R-1", "R-2", "R-3"]
    assert section.review_table.rows[1][1:4] == ["2024-01-01", "Annual", "No"]


def test_html_and_word_carry_the_section_first_and_escaped(prepared):
    report = gather(prepared, charts_too=False)
    html = html_report(report)
    assert html.index('id="prepare"') < html.index('id="summary"')
    assert "Step 1 · Prepare: who was involved, and the reviews used" in html
    assert EVIL not in html and "&lt;script&gt;" in html
    assert "Theming was done by 1 person who uses services" in html
    texts = [p.text for p in report_docx(report).paragraphs]
    assert texts[2] == "Step 1 · Prepare: who was involved, and the reviews used"
    assert any(t.startswith("3 reviews (of 4 planned) were used") for t in texts)
    tables = report_docx(report).tables
    assert [c.text for c in tables[0].rows[1].cells] == ["Person who uses services", "2", "2",
                                                        "1"]


def test_an_unprepared_workshop_says_so_plainly(workshop):
    section = gather(workshop, charts_too=False).prepare
    assert section.event == [] and section.people is None and section.review_table is None
    assert section.involved == ["Nobody is recorded on the Prepare page as invited."]
    assert section.reviews == ["No reviews have been used yet."]
