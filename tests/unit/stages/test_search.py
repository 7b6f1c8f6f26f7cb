"""Finding and counting statements: filters, paging, case, wildcards, and right at 30,000."""

from __future__ import annotations

import pytest

from workbook import InputError, StatementIn
from workbook.charts.stages import collect_chart
from workbook.stages.search import (
    CollectCounts,
    StatementFilter,
    collect_counts,
    find_statements,
    get_statement,
)


@pytest.fixture
def ws(workshop):
    add = workshop.add_statement
    add("R-001", "working", "person", "I like my FLAT and my cat", actor="T1")
    add("R-001", "not_working", "family", "The bus stops at six", actor="T1")
    add("R-002", "future", "staff", "A job at the café", actor="T1")
    add("R-002", "not_working", "person", "100% of my money goes on rent_and_bills", actor="T1")
    add("r-003", "working", "other", "Église visits on Sunday <b>", actor="T1")
    return workshop


def texts(page):
    return [r.text for r in page.rows]


def test_everything_newest_first(ws):
    page = find_statements(ws.store)
    assert page.total == 5
    assert texts(page)[0] == "Église visits on Sunday <b>"
    assert texts(page)[-1] == "I like my FLAT and my cat"
    assert page.describe() == "Showing 1-5 of 5"


@pytest.mark.parametrize(
    "filt, expected",
    [
        (StatementFilter(text="flat"), ["I like my FLAT and my cat"]),
        (StatementFilter(text="  my   FLAT "), ["I like my FLAT and my cat"]),
        (StatementFilter(text="CAFÉ"), ["A job at the café"]),
        (StatementFilter(text="église"), ["Église visits on Sunday <b>"]),
        (StatementFilter(text="100%"), ["100% of my money goes on rent_and_bills"]),
        (StatementFilter(text="t_a"), ["100% of my money goes on rent_and_bills"]),
        (StatementFilter(text="%"), ["100% of my money goes on rent_and_bills"]),
        (StatementFilter(text="_"), ["100% of my money goes on rent_and_bills"]),
        (StatementFilter(kind="not_working"),
         ["100% of my money goes on rent_and_bills", "The bus stops at six"]),
        (StatementFilter(kind="Not working", perspective="person"),
         ["100% of my money goes on rent_and_bills"]),
        (StatementFilter(perspective="Family carer"), ["The bus stops at six"]),
        (StatementFilter(review="r-002"),
         ["100% of my money goes on rent_and_bills", "A job at the café"]),
        (StatementFilter(review=" R-003 "), ["Église visits on Sunday <b>"]),
        (StatementFilter(text="my", kind="working", review="R-001"),
         ["I like my FLAT and my cat"]),
        (StatementFilter(text="nothing like this"), []),
    ],
)
def test_filters(ws, filt, expected):
    page = find_statements(ws.store, filt)
    assert texts(page) == expected
    assert page.total == len(expected)


def test_unknown_kind_is_a_plain_error(ws):
    with pytest.raises(InputError, match="unknown kind"):
        find_statements(ws.store, StatementFilter(kind="maybe"))


def test_deleted_statements_are_not_found_and_undo_brings_them_back(ws):
    sid = find_statements(ws.store, StatementFilter(text="bus")).rows[0].statement_id
    ws.delete_statement(sid, actor="T1")
    assert find_statements(ws.store, StatementFilter(text="bus")).total == 0
    assert get_statement(ws.store, sid) is None
    ws.undo("T1")
    assert get_statement(ws.store, sid).text == "The bus stops at six"


def test_paging_and_an_offset_past_the_end(ws):
    first = find_statements(ws.store, limit=2)
    assert (first.first, first.last, first.total) == (1, 2, 5)
    assert not first.has_previous and first.has_next
    second = find_statements(ws.store, offset=2, limit=2)
    assert second.describe() == "Showing 3-4 of 5"
    last = find_statements(ws.store, offset=40, limit=2)
    assert (last.offset, last.first, last.last) == (4, 5, 5)
    assert last.has_previous and not last.has_next
    assert set(texts(first)).isdisjoint(texts(second))


def test_nothing_matches(workshop):
    page = find_statements(workshop.store, StatementFilter(text="x"))
    assert page.rows == [] and page.total == 0 and page.first == 0
    assert page.describe() == "No statements match."


def test_counts_and_sentences(ws):
    counts = collect_counts(ws.store)
    assert counts.statements == 5 and counts.reviews == 3
    assert counts.by_kind() == {"working": 2, "not_working": 2, "future": 1}
    assert counts.by_perspective() == {"person": 2, "family": 1, "staff": 1, "other": 1}
    assert counts.sentence() == (
        "5 statements from 3 reviews: 2 working, 2 not working, 1 for the future."
    )
    assert counts.perspective_sentence() == (
        "Whose view: 2 the person, 1 family carer, 1 staff, 1 other."
    )
    assert CollectCounts().sentence() == "No statements yet."
    one = CollectCounts(1, {("person", "working"): 1})
    assert one.sentence().startswith("1 statement from 1 review:")


def test_counts_frame_gives_the_same_chart_as_the_statements(ws):
    from_counts = collect_chart(collect_counts(ws.store).frame())
    from_frame = collect_chart(ws.statements)
    assert from_counts.alt == from_frame.alt
    assert from_counts.data.equals(from_frame.data)


@pytest.mark.slow
def test_right_at_thirty_thousand_statements(workshop):
    """Paging deep into 30,000 and counting them all (how fast: benchmarks/bench_search.py)."""
    kinds, persps = ["working", "not_working", "future"], ["person", "family", "staff", "other"]
    items = [
        StatementIn.parse(f"R-{i % 3000:04d}", kinds[i % 3], persps[i % 4],
                          f"Statement number {i} about {'buses' if i % 7 else 'the café'}")
        for i in range(30_000)
    ]
    workshop.import_statements(items, source="big.csv", actor="T1")
    page = find_statements(workshop.store, StatementFilter(text="BUSES", kind="future"),
                           offset=5000, limit=50)
    counts = collect_counts(workshop.store)
    unicode = find_statements(workshop.store, StatementFilter(text="CAFÉ"))
    assert page.total == sum(1 for i in range(30_000) if i % 7 and i % 3 == 2)
    assert len(page.rows) == 50
    assert counts.statements == 30_000 and counts.reviews == 3000
    assert unicode.total == sum(1 for i in range(30_000) if i % 7 == 0)
