"""Preparing the panel: settings, the briefing ticked before scoring (kept in the audit
trail), the glossary; on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from workbook import InputError
from workbook.paths import sample_dir
from workbook.tender.panel import briefing as core
from workbook.tender.panel.glossary import GLOSSARY
from workbook.tender.sample import load_tender_sample

YP = "Young people's panel"
SETTINGS = {"contact_role": "Participation officer", "contact_details": "07700 900456",
            "reward_kind": "cash", "half_day_rate": "£25", "full_day_rate": "50.00",
            "next_steps": "The cabinet decides in June."}


@pytest.fixture
def tender(workshop):
    load_tender_sample(workshop.tender, sample_dir() / "tender_evaluation.xlsx")
    return workshop.tender


def test_settings_default_then_saved_and_read_back(tender):
    s = core.settings(tender)
    assert (s.saved, s.briefing_on, s.reward_kind, s.half_day_rate) == (False, False,
                                                                       "vouchers", 25)
    s = core.save_settings(tender, "facilitator", **SETTINGS)
    assert s.saved and s.briefing_on and s.reward_kind == "cash"
    assert (str(s.half_day_rate), str(s.full_day_rate)) == ("25", "50")
    assert s.contact == "Participation officer (07700 900456)"
    assert s.next_steps == "The cabinet decides in June."
    core.save_settings(tender, "facilitator", **{**SETTINGS, "contact_details": "",
                                                 "next_steps": " "})
    s = core.settings(tender)
    assert s.contact == "Participation officer" and s.next_steps == core.DEFAULT_NEXT


@pytest.mark.parametrize(("change", "says"), [
    ({"contact_role": "  "}, "independent person's role is blank"),
    ({"reward_kind": "crypto"}, "cash or vouchers"),
    ({"half_day_rate": "lots"}, "not an amount of money"),
    ({"half_day_rate": "-5"}, "from 0 to 10,000"),
    ({"half_day_rate": "2.555"}, "two places"),
    ({"full_day_rate": "10"}, "full-day rate should not be less"),
])
def test_bad_settings_are_refused_in_plain_words_and_nothing_saved(tender, change, says):
    with pytest.raises(InputError, match=says):
        core.save_settings(tender, "facilitator", **{**SETTINGS, **change})
    assert core.settings(tender).saved is False


def test_no_briefing_until_the_independent_person_is_named(tender):
    assert core.is_briefed(tender, "Amani")  # nobody named: scoring is not held up
    core.save_settings(tender, "facilitator", **SETTINGS)
    assert not core.is_briefed(tender, "Amani")
    with pytest.raises(InputError, match="tick every line"):
        core.require_briefed(tender, "Amani")
    items = dict(core.briefing_items(core.settings(tender)))
    assert "Participation officer (07700 900456)" in items["contact"]


def test_each_tick_and_untick_is_kept_in_the_audit_trail(tender):
    core.save_settings(tender, "facilitator", **SETTINGS)
    for item in core.BRIEFING:
        core.tick(tender, "Amani", item, True, actor="Amani")
    assert core.is_briefed(tender, "Amani")
    core.require_briefed(tender, "Amani")
    core.tick(tender, "Amani", "conflict", True, actor="Amani")  # no change: no new row
    core.tick(tender, "Amani", "conflict", False, actor="Amani")
    assert core.briefing_state(tender, "Amani")["conflict"] is False
    assert not core.is_briefed(tender, "Amani")
    audit = core.briefing_audit(tender)
    assert [(a["member"], a["item"], a["ticked"]) for a in audit] == [
        *(("Amani", item, True) for item in core.BRIEFING), ("Amani", "conflict", False)]
    assert all(a["who"] == "Amani" and a["panel"] == YP and a["at"] for a in audit)
    assert not core.is_briefed(tender, "Bex")  # one member's ticks are theirs alone


def test_a_tick_for_someone_not_on_a_panel_or_an_unknown_item_is_refused(tender):
    with pytest.raises(InputError, match="not a member"):
        core.tick(tender, "Nobody", "confidential", True, actor="x")
    with pytest.raises(InputError, match="not on the briefing checklist"):
        core.tick(tender, "Amani", "secret", True, actor="x")
    assert core.briefing_audit(tender) == []


def test_settings_need_an_evaluation(workshop):
    with pytest.raises(InputError, match="no tender evaluation"):
        core.save_settings(workshop.tender, "facilitator", **SETTINGS)


def test_the_glossary_explains_the_words_the_issue_names():
    words = {w.casefold() for w, _ in GLOSSARY}
    for needed in ("commissioning", "tender", "bid", "weighting", "criteria", "score",
                   "moderation", "conflict of interest", "confidentiality"):
        assert needed in words
    assert all(len(meaning.split()) <= 35 for _, meaning in GLOSSARY)  # plain and short


def test_undo_takes_back_a_tick_and_a_settings_change(tender, workshop):
    core.save_settings(tender, "facilitator", **SETTINGS)
    core.tick(tender, "Bex", "confidential", True, actor="Bex")
    assert core.briefing_state(tender, "Bex")["confidential"]
    workshop.undo("Bex")
    assert not core.briefing_state(tender, "Bex")["confidential"]
    core.save_settings(tender, "facilitator", **{**SETTINGS, "contact_role": "Advocate"})
    workshop.undo("facilitator")
    assert core.settings(tender).contact_role == "Participation officer"
