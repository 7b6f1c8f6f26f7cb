"""Recognition: hours with preparation, the reward at the council's rates (worked by hand),
expenses, the payment sheet (formula-safe) and certificates without scores."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest
from docx import Document
from hypothesis import given
from hypothesis import strategies as st

from workbook import InputError
from workbook.paths import sample_dir
from workbook.tender.panel.briefing import PanelSettings, save_settings
from workbook.tender.panel.certificates import certificates, write_certificates
from workbook.tender.panel.recognition import (
    clean_hours,
    half_days,
    recognition,
    record,
    reward,
    write_payments,
)
from workbook.tender.sample import load_tender_sample

RATES = PanelSettings(half_day_rate=Decimal("25"), full_day_rate=Decimal("50"))


@pytest.fixture
def tender(workshop):
    load_tender_sample(workshop.tender, sample_dir() / "tender_evaluation.xlsx", scored=True)
    return workshop.tender


@pytest.mark.parametrize(("hours", "halves", "pay"), [
    ("0", 0, 0), ("0.25", 1, 25), ("4", 1, 25), ("4.25", 2, 50), ("8", 2, 50),
    ("9", 3, 75), ("16", 4, 100)])
def test_reward_by_hand_a_half_day_is_up_to_four_hours(hours, halves, pay):
    assert reward(Decimal(hours), RATES) == (halves, Decimal(pay))


def test_a_full_day_rate_other_than_two_halves_is_used_for_each_full_day():
    rates = PanelSettings(half_day_rate=Decimal("30"), full_day_rate=Decimal("45"))
    assert reward(Decimal("7"), rates) == (2, Decimal("45"))  # one full day
    assert reward(Decimal("11"), rates) == (3, Decimal("75"))  # a full day and a half


@given(st.integers(min_value=0, max_value=400))
def test_every_started_half_day_is_paid_and_no_more(quarters):
    hours = Decimal(quarters) / 4
    n = half_days(hours)
    assert (n - 1) * 4 < hours <= n * 4 or (n == 0 and hours == 0)
    assert reward(hours, RATES)[1] == 25 * n


def test_hours_and_expenses_recorded_for_young_members_only(tender):
    save_settings(tender, "facilitator", contact_role="Youth worker", contact_details="",
                  reward_kind="cash", half_day_rate="25", full_day_rate="50", next_steps="")
    r = record(tender, "Amani", "facilitator", hours_day="5", hours_prep="1.5",
               expenses="£6.40")
    assert (r.hours, r.half_days, r.reward, r.expenses, r.to_pay, r.reward_kind) == (
        Decimal("6.5"), 2, Decimal("50"), Decimal("6.40"), Decimal("56.40"), "cash")
    r = record(tender, "Amani", "facilitator", hours_day="3", hours_prep="0", expenses="0",
               reward_kind="vouchers")  # changed in place; history keeps the first
    assert (r.hours, r.reward, r.reward_kind) == (Decimal("3"), Decimal("25"), "vouchers")
    rows = recognition(tender)
    assert [x.member for x in rows] == ["Amani", "Bex", "Callum", "Dara", "Eli", "Frankie"]
    assert [x.entered for x in rows] == [True] + [False] * 5
    with pytest.raises(InputError, match="not on a young people's panel"):
        record(tender, "Finance officer", "facilitator", hours_day="2", hours_prep="0",
               expenses="0")


@pytest.mark.parametrize(("values", "says"), [
    ({"hours_day": "lots"}, "not a number of hours"),
    ({"hours_day": "101"}, "from 0 to 100"),
    ({"hours_prep": "1.1"}, "nearest quarter hour"),
    ({"expenses": "-1"}, "from 0 to 10,000"),
    ({"reward_kind": "sweets"}, "cash or vouchers"),
])
def test_bad_hours_or_expenses_are_refused_and_nothing_saved(tender, values, says):
    with pytest.raises(InputError, match=says):
        record(tender, "Bex", "facilitator", **{"hours_day": "2", "hours_prep": "1",
                                                "expenses": "0", **values})
    assert not recognition(tender)[1].entered


def test_clean_hours_keeps_quarters():
    assert clean_hours("2.25", "h") == Decimal("2.25") and clean_hours("", "h") == 0


def test_payment_sheet_is_formula_safe_and_adds_up(tender, tmp_path):
    tender.add_member("Young people's panel", "=HYPERLINK(\"http://x\")", "facilitator")
    record(tender, "Callum", "facilitator", hours_day="5", hours_prep="2", expenses="3.20")
    path = write_payments(tender, tmp_path / "pay.xlsx")
    ws = openpyxl.load_workbook(path)["Payments"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:3] == ("member", "panel", "hours on the day")
    callum = next(r for r in rows if r[0] == "Callum")
    assert callum[2:] == (5, 2, 7, 2, "Vouchers", 50, 3.2, 53.2)
    evil = next(c for c in ws["A"] if str(c.value).startswith("=HYPERLINK"))
    assert evil.data_type == "s"  # a text cell, never a formula


def test_certificates_say_what_they_did_and_hold_no_scores(tender, tmp_path):
    record(tender, "Dara", "facilitator", hours_day="5", hours_prep="2", expenses="0")
    found = {c.member: c for c in certificates(tender)}
    assert set(found) == {"Amani", "Bex", "Callum", "Dara", "Eli", "Frankie"}
    dara = found["Dara"].did
    assert any("scored 5 bids" in line and "40 scores" in line for line in dara)
    assert any("7 hours" in line and "2 hours preparing" in line for line in dara)
    paths = write_certificates(tender, tmp_path / "certs")
    assert [p.name for p in paths][:2] == ["certificate_Amani.docx", "certificate_Bex.docx"]
    ev, _ = tender.evaluation(everyone=True)
    reasons = {s.reason for s in ev.scores if s.member == "Dara"}
    text = "\n".join(p.text for p in Document(paths[3]).paragraphs)
    assert "Dara" in text and "Certificate of achievement" in text
    assert not any(reason in text for reason in reasons)
    assert "score 4" not in text.casefold() and "/5" not in text
