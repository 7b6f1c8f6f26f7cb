"""The two top things: a review with more than two statements of one kind from one perspective."""

from __future__ import annotations

import pytest

from workbook.model import Kind, Perspective
from workbook.stages.collect import TopTwoFlag, headline, over_two, top_two_flags


@pytest.fixture
def ws(workshop):
    """On SQLite, and on PostgreSQL when a server is given (tests/conftest.py)."""
    return workshop


def test_over_two_keeps_only_counts_above_two_in_review_kind_perspective_order():
    flags = over_two([("R-2", "working", "person", 3), ("R-1", "future", "staff", 2),
                      ("R-1", "not_working", "family", 5), ("R-1", "working", "staff", 4)])
    assert flags == [TopTwoFlag("R-1", Kind.WORKING, Perspective.STAFF, 4),
                     TopTwoFlag("R-1", Kind.NOT_WORKING, Perspective.FAMILY, 5),
                     TopTwoFlag("R-2", Kind.WORKING, Perspective.PERSON, 3)]


def test_flag_names_review_kind_perspective_and_count_and_keeps_all():
    flag = TopTwoFlag("R-9", Kind.NOT_WORKING, Perspective.FAMILY, 4)
    assert flag.as_dict("a.csv") == {
        "file": "a.csv", "review": "R-9", "kind": "not_working", "perspective": "family",
        "count": 4, "reason": flag.reason()}
    assert "R-9" in flag.reason() and "4 'Not working'" in flag.reason()
    assert "the family carer" in flag.reason() and "kept" in flag.reason()


def test_store_flags_count_live_statements_per_review_kind_and_perspective(ws):
    for text in ("a", "b"):  # two of a kind is what the method asks for: no flag
        ws.add_statement("R-1", "working", "person", text)
    assert top_two_flags(ws.store) == []
    third = ws.add_statement("R-1", "working", "person", "c")
    for text in ("d", "e"):  # the same kind from another perspective is counted apart
        ws.add_statement("R-1", "working", "staff", text)
    for text in ("f", "g", "h"):  # the future is held to two top things as well
        ws.add_statement("R-2", "future", "family", text)
    assert top_two_flags(ws.store) == [
        TopTwoFlag("R-1", Kind.WORKING, Perspective.PERSON, 3),
        TopTwoFlag("R-2", Kind.FUTURE, Perspective.FAMILY, 3)]
    ws.delete_statement(third)  # a deleted statement no longer counts
    assert top_two_flags(ws.store) == [TopTwoFlag("R-2", Kind.FUTURE, Perspective.FAMILY, 3)]
    again = ws.add_statement("R-1", "working", "person", "c again")
    assert [f.review for f in top_two_flags(ws.store)] == ["R-1", "R-2"]
    ws.edit_statement(again, kind="not_working")  # nor does one moved to another kind
    assert [f.review for f in top_two_flags(ws.store)] == ["R-2"]


def test_headline_counts_reviews_and_each_flag_has_its_line():
    flags = [TopTwoFlag(f"R-{i}", Kind.WORKING, Perspective.PERSON, 3) for i in range(1, 8)]
    flags.append(TopTwoFlag("R-1", Kind.FUTURE, Perspective.STAFF, 6))
    assert headline(flags) == ("Two top things: 7 reviews have more than two of one kind "
                               "from one perspective.")
    assert headline(flags[:1]).startswith("Two top things: 1 review has")
    assert flags[-1].line() == "R-1: 6 'For the future' from staff"
