"""The Prepare page (step 1), driven headless through its public controls; checked in the store."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.widgets.helpers import html_values
from widgets.stages.prepare import PrepareView
from workbook.access.roles import Access, Role

EVIL = "<img src=x onerror=alert(1)>"


@pytest.fixture
def view(ws):
    v = PrepareView(ws)
    yield v
    v.close()


def test_the_header_names_the_step_and_every_section_is_there(view):
    assert "Step 1 · Prepare" in view.header.value
    assert view.tabs.titles == ("The event", "Who is invited", "Access requirements",
                                "Reviews to be used")


def test_the_event_is_saved_from_the_page_and_shown_again(view, ws):
    view.event_date.value = dt.date(2026, 6, 1)
    view.event_place.value = "Community hall"
    view.event_facilitators.value = "Two trained facilitators"
    view.reviews_planned.value = "40"
    view.review_age.value = 18
    view.save_event_button.click()
    event = ws.event
    assert (event.held_on, event.place, event.facilitators, event.reviews_planned,
            event.review_age_months) == ("2026-06-01", "Community hall",
                                         "Two trained facilitators", 40, 18)
    assert view.messages.kind == "ok"
    fresh = PrepareView(ws)
    assert fresh.event_place.value == "Community hall" and fresh.reviews_planned.value == "40"
    fresh.close()


def test_a_bad_number_of_reviews_is_a_plain_message_and_nothing_is_saved(view, ws):
    before = ws.revision
    view.reviews_planned.value = "forty"
    view.save_event_button.click()
    assert view.messages.kind == "error" and "whole number" in view.messages.value
    assert ws.revision == before


def test_people_are_invited_changed_and_removed_from_the_page(view, ws):
    view.person_name.value = EVIL
    view.person_role.value = "person"
    view.person_support.value = True
    view.person_theming.value = True
    view.add_person_button.click()
    view.person_name.value = "Day centre manager"
    view.person_role.value = "provider"
    view.add_person_button.click()
    people = ws.invitees()
    assert [(p.name, p.role, p.support_needs, p.theming) for p in people] == [
        (EVIL, "person", True, True), ("Day centre manager", "provider", False, False)]
    assert view.person_name.value == ""
    assert all(EVIL not in html for html in html_values(view))  # escaped everywhere
    view.person_select.value = people[1].id
    assert view.edit_person_name.value == "Day centre manager"
    view.edit_person_role.value = "commissioner"
    view.edit_person_theming.value = True
    view.save_person_button.click()
    assert ws.invitees()[1].role == "commissioner" and ws.invitees()[1].theming
    view.person_select.value = people[0].id
    view.remove_person_button.click()
    assert [p.name for p in ws.invitees()] == ["Day centre manager"]
    view.undo_button.click()
    assert len(ws.invitees()) == 2


def test_a_blank_name_is_refused_in_plain_words(view, ws):
    view.person_name.value = "   "
    view.add_person_button.click()
    assert view.messages.kind == "error" and "blank" in view.messages.value
    assert ws.invitees() == []


def test_the_access_checklist_ticks_in_the_store_and_follows_other_screens(view, ws):
    view.access_boxes["doors"].value = True
    view.access_boxes["signage"].value = True
    view.access_boxes["signage"].value = False
    assert [k for k, *_r, on in ws.access_checklist() if on] == ["doors"]
    assert "1 of 12 ticked" in view.access_status.value
    ws.tick_access("travel", actor="another screen")
    view.live.sync()
    assert view.access_boxes["travel"].value is True
    assert ws.history.iloc[-1]["actor"] == "another screen"  # the redraw wrote nothing


def test_reviews_are_added_edited_and_old_ones_flagged_on_the_page(view, ws):
    ws.set_event(held_on="2026-06-01", reviews_planned=3)
    ws.add_statement("R-1", "working", "person", "I like my garden")
    view.live.sync()
    assert "1 of 3 planned reviews in" in view.reviews_summary.value
    view.review_select.value = 0  # a new review
    view.review_ref.value = "R-2"
    view.review_date.value = "01/03/2024"
    view.review_type.value = "Annual review"
    view.review_consent.value = "no"
    view.save_review_button.click()
    rows = {r.ref: r for r in ws.prepare_reviews()}
    assert (rows["R-2"].reviewed_on, rows["R-2"].review_type, rows["R-2"].consent) == (
        "2024-03-01", "Annual review", False)
    assert rows["R-2"].old
    assert "older than the set age" in view.reviews_list.value
    view.review_select.value = rows["R-1"].id
    view.review_date.value = "2026-03-01"
    view.review_consent.value = "yes"
    view.save_review_button.click()
    r1 = {r.ref: r for r in ws.prepare_reviews()}["R-1"]
    assert (r1.reviewed_on, r1.consent, r1.flags) == ("2026-03-01", True, [])
    view.review_date.value = "31/02/2026"
    view.save_review_button.click()
    assert view.messages.kind == "error" and "not a date" in view.messages.value
    assert {r.ref: r for r in ws.prepare_reviews()}["R-1"].reviewed_on == "2026-03-01"


def test_a_tables_laptop_is_refused_with_a_clear_message(ws):
    view = PrepareView(ws)
    why = view.refusal(Access(Role.TABLE, "abc123", "Red"))
    assert why and "facilitator" in why
    view.refuse(why)
    assert any("facilitator" in html for html in html_values(view))
    assert not hasattr(view, "tabs") or view.tabs not in view.children
    assert view.refusal(Access(Role.FACILITATOR)) is None
    view.close()


def test_collect_shows_progress_against_the_planned_number_of_reviews(ws):
    from widgets.stages.collect.page import CollectView

    collect = CollectView(ws)
    assert collect.progress.value == ""  # no number planned: nothing to measure against
    ws.set_event(reviews_planned=40)
    ws.add_statement("R-1", "working", "person", "I like my garden")
    ws.add_statement("R-1", "future", "person", "A job in a café")
    ws.add_statement("R-2", "working", "family", "She has friends")
    collect.live.sync()
    assert "2 of 40 planned reviews in" in collect.progress.value
    ws.set_event(reviews_planned=2)
    collect.live.sync()
    assert "2 of 2 planned reviews in" in collect.progress.value
    collect.close()


def test_the_forget_panel_is_on_the_reviews_tab_and_erasing_redraws_the_list(view, ws):
    ws.add_statement("R-7", "working", "person", "I like my garden")
    ws.add_statement("R-8", "working", "person", "I like my job")
    view.live.sync()
    assert view.forget in view.forget_slot.children
    assert "R-7" in [value for _label, value in view.forget.review.options]
    view.forget.review.value = "R-7"
    view.forget.confirm.value = "R-7"
    view.forget.erase_button.click()
    rows = {r.ref: r for r in ws.prepare_reviews()}
    assert rows["R-7"].statements == 0 and rows["R-7"].consent is False
    assert "I like my garden" not in ws.statements["text"].tolist()
    assert "R-7" in view.reviews_list.value  # the list was redrawn: no statements now
    assert ">0<" in view.reviews_list.value.split("R-7", 1)[1].split("</tr>", 1)[0]
