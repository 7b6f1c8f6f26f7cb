"""Step 1 (Prepare): the event, who is invited, the access checklist and the reviews used."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from workbook import InputError
from workbook.stages.prepare import progress_sentence
from workbook.stages.prepare_values import (
    CHECKLIST,
    months_before,
    parse_consent,
    parse_review_date,
)


def test_the_event_is_set_field_by_field_and_each_change_can_be_undone(workshop):
    assert workshop.event.held_on is None and workshop.event.review_age_months == 12
    workshop.set_event(held_on="2026-06-01", place="Community hall", facilitators="Two leads",
                       actor="facilitator")
    workshop.set_event(reviews_planned="40", actor="facilitator")
    event = workshop.event
    assert (event.held_on, event.place, event.facilitators, event.reviews_planned) == (
        "2026-06-01", "Community hall", "Two leads", 40)
    assert "reviews planned" in workshop.history.iloc[-1]["summary"]
    workshop.undo("facilitator")
    assert workshop.event.reviews_planned is None and workshop.event.place == "Community hall"
    workshop.undo("facilitator")
    assert workshop.event.place == ""  # the first change undone: no event at all
    workshop.set_event(place="Library", actor="facilitator")  # the same row comes back
    assert workshop.event.place == "Library"


@pytest.mark.parametrize(("change", "says"), [
    ({"held_on": "next June"}, "not a date"),
    ({"reviews_planned": "forty"}, "whole number"),
    ({"reviews_planned": -1}, "whole number"),
    ({"review_age_months": 0}, "from 1 to 120"),
    ({"colour": "red"}, "Cannot change colour"),
])
def test_bad_event_details_are_refused_in_plain_words_and_nothing_is_written(workshop, change,
                                                                              says):
    before = workshop.revision
    with pytest.raises(InputError, match=says):
        workshop.set_event(actor="facilitator", **change)
    assert workshop.revision == before and workshop.event.place == ""


def test_invitees_are_added_edited_removed_and_counted_by_role(workshop):
    a = workshop.add_invitee("Member of the self-advocacy group", "Person who uses services",
                             support_needs=True, theming=True, actor="facilitator")
    b = workshop.add_invitee("Parent carer", "family", actor="facilitator")
    c = workshop.add_invitee("Day centre manager", "Provider", theming=True, actor="facilitator")
    workshop.edit_invitee(b, theming=True, support_needs=True, actor="facilitator")
    workshop.edit_invitee(c, role="Commissioner", name="Commissioning lead", actor="facilitator")
    workshop.remove_invitee(a, actor="facilitator")
    assert [(i.name, i.role_label, i.support_needs, i.theming) for i in workshop.invitees()] == [
        ("Parent carer", "Family carer", True, True),
        ("Commissioning lead", "Commissioner", False, True),
    ]
    involved = workshop.involvement()
    assert involved.by_role == {"family": 1, "commissioner": 1} and involved.total == 2
    assert involved.theming_by_role == {"family": 1, "commissioner": 1}
    assert involved.support_needs == involved.theming_support_needs == 1
    workshop.undo("facilitator")
    assert len(workshop.invitees()) == 3
    with pytest.raises(InputError, match="not a role"):
        workshop.add_invitee("Someone", "Mayor")
    with pytest.raises(InputError, match="blank"):
        workshop.add_invitee("  ", "Staff")
    workshop.remove_invitee(b)
    with pytest.raises(InputError, match="no longer exists"):
        workshop.edit_invitee(b, theming=False)


def test_the_access_checklist_is_ticked_per_event_and_undone(workshop):
    assert len(workshop.access_checklist()) == len(CHECKLIST) == 12
    workshop.tick_access("doors", actor="facilitator")
    workshop.tick_access("travel", actor="facilitator")
    workshop.tick_access("travel", False, actor="facilitator")
    assert [k for k, _g, _l, on in workshop.access_checklist() if on] == ["doors"]
    workshop.undo("facilitator")
    assert [k for k, _g, _l, on in workshop.access_checklist() if on] == ["doors", "travel"]
    workshop.undo("facilitator")
    workshop.undo("facilitator")  # the first tick undone: a row marked deleted
    assert not any(on for *_rest, on in workshop.access_checklist())
    workshop.tick_access("doors")
    assert workshop.access_checklist()[0][3] is True
    with pytest.raises(InputError, match="not an item"):
        workshop.tick_access("moat")


def test_reviews_are_listed_with_details_and_old_ones_flagged(workshop):
    workshop.add_statement("R-2", "working", "person", "I like my job")
    workshop.add_statement("R-1", "not_working", "family", "Buses stop at six")
    rid = workshop.add_review("R-3", reviewed_on="2026-05-01", review_type="Annual review",
                              consent="yes", actor="facilitator")
    r2 = {r.ref: r.id for r in workshop.prepare_reviews()}["R-2"]
    workshop.edit_review(r2, reviewed_on="01/03/2025", consent="n", actor="facilitator")
    workshop.set_event(held_on="2026-06-01", actor="facilitator")
    rows = {r.ref: r for r in workshop.prepare_reviews()}
    assert list(rows) == ["R-1", "R-2", "R-3"] and rows["R-3"].id == rid
    assert rows["R-2"].old and rows["R-2"].flags == ["older than the set age",
                                                     "no consent to use words"]
    assert rows["R-1"].flags == ["no date recorded", "consent not recorded"]
    assert not rows["R-3"].old and rows["R-3"].flags == [] and rows["R-3"].statements == 0
    workshop.set_event(review_age_months=18, actor="facilitator")
    assert not {r.ref: r for r in workshop.prepare_reviews()}["R-2"].old
    used = workshop.reviews_used()  # R-3 has no statements: not used
    assert (used.total, used.consent, used.no_consent, used.not_recorded) == (2, 0, 1, 1)
    with pytest.raises(InputError, match="already a review"):
        workshop.add_review("r-3")
    with pytest.raises(InputError, match="not yes or no"):
        workshop.edit_review(rid, consent="maybe")
    workshop.edit_review(rid, consent="", reviewed_on=None)  # blank: not recorded
    assert {r.ref: r for r in workshop.prepare_reviews()}["R-3"].consent is None


def test_without_an_event_date_age_is_counted_from_today(workshop):
    workshop.add_review("R-9", reviewed_on="2025-01-31")
    assert workshop.prepare_reviews(today=date(2026, 1, 30))[0].old is False
    assert workshop.prepare_reviews(today=date(2026, 2, 1))[0].old is True


@pytest.mark.parametrize(("value", "iso"), [
    ("2026-03-01", "2026-03-01"), ("01/03/2026", "2026-03-01"), ("1/3/2026", "2026-03-01"),
    (46082, "2026-03-01"), (46082.0, "2026-03-01"), (datetime(2026, 3, 1), "2026-03-01"),
    (date(2026, 3, 1), "2026-03-01"), ("2026-03-01 00:00:00", "2026-03-01"), ("", None),
    (None, None),
])
def test_review_dates_are_read_in_the_forms_councils_use(value, iso):
    assert parse_review_date(value) == iso


@pytest.mark.parametrize("value", ["31/02/2026", "March", "2026-13-01", "2026-03-01x", True])
def test_a_bad_review_date_says_how_to_write_it(value):
    with pytest.raises(InputError, match="write it as 2026-03-01"):
        parse_review_date(value)


@pytest.mark.parametrize(("value", "consent"), [
    ("yes", True), ("Y", True), ("TRUE", True), (True, True), ("no", False), ("n", False),
    ("false", False), (False, False), ("", None), (None, None), ("  ", None),
])
def test_consent_is_yes_no_or_not_recorded(value, consent):
    assert parse_consent(value) is consent


def test_months_before_keeps_the_day_or_the_months_last():
    assert months_before(date(2026, 6, 1), 12) == date(2025, 6, 1)
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2026, 1, 15), 13) == date(2024, 12, 15)


def test_progress_is_said_against_the_planned_number():
    assert progress_sentence(31, 40) == "31 of 40 planned reviews in"
    assert progress_sentence(3, None) == "3 reviews in"


def test_several_reviews_details_are_set_in_one_change_or_none(workshop):
    workshop.add_statement("R-1", "working", "person", "I like my garden")
    workshop.add_statement("R-2", "working", "person", "I like my job")
    before = workshop.revision
    with pytest.raises(InputError, match="Review R-2: The review date"):
        workshop.edit_reviews({"R-1": {"consent": "yes"}, "R-2": {"reviewed_on": "soon"}})
    with pytest.raises(InputError, match="no review R-3"):
        workshop.edit_reviews({"R-1": {"consent": "yes"}, "R-3": {"consent": "no"}})
    assert workshop.revision == before
    assert workshop.edit_reviews({"R-1": {"consent": True}, "R-2": {"consent": False}}) == 2
    assert [r.consent for r in workshop.prepare_reviews()] == [True, False]
    workshop.undo()
    assert [r.consent for r in workshop.prepare_reviews()] == [None, None]


def test_the_sample_event_is_prepared_with_some_reviews_flagged(tmp_path):
    from workbook.sample import build_sample

    ws = build_sample(tmp_path / "sample", worked=False)
    assert ws.event.held_on == "2026-05-14" and ws.event.reviews_planned == 60
    involved = ws.involvement()
    assert involved.total == 11 and involved.support_needs == 4 and involved.theming == 7
    used = ws.reviews_used()
    assert (used.total, used.consent, used.no_consent, used.not_recorded, used.old) == (
        60, 56, 2, 2, 2)
    assert sum(on for *_r, on in ws.access_checklist()) == 10
    ws.close()
