"""Tender panel members and bidders: one name written two ways is one name, on both databases."""

from __future__ import annotations

from pathlib import Path

import pytest
from tender_cases import rows, small

from workbook import InputError
from workbook.tender import build, read_evaluation

SAMPLE = Path(__file__).resolve().parents[3] / "sample_data" / "tender_evaluation.xlsx"
ADULT, YOUNG = "Adult panel", "Young people's panel"
SAME = [("Zoë", "ZOË"), ("ZOË", "zoë"), ("Straße", "STRASSE"), ("STRASSE", "Straße"),
        ("ΟΔΟΣ", "οδος"), ("οδος", "ΟΔΟΣ")]


@pytest.fixture
def loaded(workshop):
    ev, problems = read_evaluation(SAMPLE)
    assert problems == []
    workshop.tender.load(ev, actor="Commissioner")
    return workshop


@pytest.mark.parametrize(("first", "second"), SAME)
def test_a_member_name_written_another_way_is_refused(loaded, first, second):
    loaded.tender.add_member(YOUNG, first, actor="Commissioner")
    with pytest.raises(InputError, match="already a member called"):
        loaded.tender.add_member(ADULT, second, actor="Commissioner")
    with loaded.store.read() as conn:
        assert loaded.tender.member(conn, second)["name"] == first


def test_accents_still_make_a_different_member(loaded):
    loaded.tender.add_member(YOUNG, "Zoë", actor="Commissioner")
    loaded.tender.add_member(YOUNG, "Zoe", actor="Commissioner")
    with loaded.store.read() as conn:
        assert loaded.tender.member(conn, "ZOE")["name"] == "Zoe"


def test_loading_members_whose_names_fold_alike_is_refused(workshop):
    sheets = small()
    sheets["Scores"] = [(n, {**row, "member": "Straße"} if row["member"] == "y1" else row)
                        for n, row in sheets["Scores"]]
    sheets["Scores"] = [(n, {**row, "member": "STRASSE"} if row["member"] == "a1" else row)
                        for n, row in sheets["Scores"]]
    ev, _ = build(sheets)
    with pytest.raises(InputError, match=r"'STRASSE' \(A\) and 'Straße' \(Y\) are one name"):
        workshop.tender.load(ev, actor="Commissioner")


def test_a_members_sheet_listing_one_name_two_ways_is_a_problem():
    sheets = small()
    sheets["Members"] = rows(("panel", "member"), ("A", "a1"), ("A", "a2"), ("Y", "y1"),
                             ("Y", "Y1"))
    _, problems = build(sheets)
    assert any(p.sheet == "Members" and p.row == 5 and "listed twice" in p.message
               for p in problems)


@pytest.mark.parametrize(("first", "second"), [("École", "ÉCOLE"), ("Straße", "STRASSE"),
                                                ("ΟΔΟΣ", "οδος"), ("b1", "B1")])
def test_bidders_listed_twice_in_another_case_are_a_problem(first, second):
    sheets = small()
    sheets["Bidders"] = rows(("bidder", "name", "price"), (first, "North Trust", 100),
                             (second, "Southside CIC", 80))
    _, problems = build(sheets)
    twice = [p for p in problems if p.sheet == "Bidders" and "listed twice" in p.message]
    assert len(twice) == 1 and twice[0].row == 3 and twice[0].blocks
