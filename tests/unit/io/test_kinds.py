"""Kinds read by the meaning of their words, in cells and in wide-layout headings."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbook.io.headers import classify
from workbook.io.tabular import Rejection, read_statements_bytes
from workbook.io.wording import read_kind, words
from workbook.model import InputError, Kind, Perspective, StatementIn, parse_kind

W, NW, F = Kind.WORKING, Kind.NOT_WORKING, Kind.FUTURE
USE = "use Working, Not working or Future"

SPELLINGS = [
    # Working
    ("Working", W), ("working", W), ("WORKING", W), ("What's working", W),
    ("What’s working for me", W), ("What is working for me", W), ("Working well", W),
    ("What's working well for me", W), ("Works", W), ("Works well", W), ("Going well", W),
    ("What's going well", W), ("Things that are working", W), ("Good", W),
    ("What is working in my life at the moment", W), ("W", W), ("w.", W), ("W1", W),
    ("Working 1", W), ("(2) Working", W), ("1. What's working?", W), ("  working  ", W),
    ("What`s  WORKING ", W), ("Ｗｏｒｋｉｎｇ", W),
    # Not working
    ("Not working", NW), ("not-working", NW), ("Not_working", NW), ("Notworking", NW),
    ("Not working well", NW), ("What is not working for me", NW), ("What isn't working", NW),
    ("What isn’t working for me", NW), ("What isn‛t working", NW), ("Doesn't work", NW),
    ("Doesn’t work well", NW), ("Things that don't work for me", NW), ("No longer working", NW),
    ("Not going well", NW), ("What's not going well", NW), ("What is not working (2)", NW),
    ("Not good", NW), ("What's going wrong", NW), ("Stopped working", NW),
    ("Isn't working at the moment", NW), ("NW", NW), ("nw", NW), ("N/W", NW), ("NW 2", NW),
    ("NOT WORKING!!", NW), ("not_working", NW),
    # Future
    ("Future", F), ("future", F), ("For the future", F), ("Important to me for the future", F),
    ("What's important in the future", F), ("What is important for the future", F),
    ("Hopes for the future", F), ("Hopes and dreams for the future", F),
    ("What I want for the future", F), ("Wants for the future", F),
    ("Important for the future (2)", F), ("F", F), ("f", F), ("F3", F), ("FUTURE 1", F),
]  # fmt: skip


@pytest.mark.parametrize(("value", "kind"), SPELLINGS)
def test_kind_spellings_are_read_by_meaning(value, kind):
    assert parse_kind(value) is kind


@pytest.mark.parametrize(("value", "kind"), SPELLINGS)
def test_wide_headings_use_the_same_rule(value, kind):
    header = classify(["Review ref", value], 1)
    assert (header.layout, header.statement_columns) == ("wide", [(1, kind)])


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("Other", "unknown kind 'Other'"),
        ("Not sure", "unknown kind 'Not sure'"),
        ("", "unknown kind ''"),
        ("?", "unknown kind '?'"),
        ("maybe", "unknown kind 'maybe'"),
        ("Important to me", "unknown kind 'Important to me'"),
        ("Both working and not working", "kind 'Both working and not working' is unclear: "
         "it says both Working and Not working"),
        ("working?? future", "kind 'working?? future' is unclear: it says both Working and Future"),
        ("Working / Not working", "kind 'Working / Not working' is unclear: "
         "it says both Working and Not working"),
        ("Not not working", "kind 'Not not working' is unclear: cannot tell what 'not' refers to"),
        ("Not important for the future",
         "kind 'Not important for the future' is unclear: cannot tell what 'not' refers to"),
        ("Not bad", "kind 'Not bad' is unclear: cannot tell what 'not' refers to"),
        ("Working, not", "kind 'Working, not' is unclear: cannot tell what 'not' refers to"),
        ("Working hours", "kind 'Working hours' is unclear: 'hours' is not a word used for kinds"),
        ("Future review date",
         "kind 'Future review date' is unclear: 'review', 'date' are not words used for kinds"),
        ("Wellbeing", "unknown kind 'Wellbeing'"),
        ("Well-being", "unknown kind 'Well-being'"),
        ("W NW", "unknown kind 'W NW'"),
        ("x" * 121, "kind is 121 characters long, too long for a kind"),
        ("Working " + "x" * 60, "kind 'Working xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' is unclear: "
         "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' is not a word used "
         "for kinds"),
    ],
)  # fmt: skip
def test_unclear_kinds_are_rejected_with_a_reason_naming_the_kinds(value, reason):
    with pytest.raises(InputError) as caught:
        parse_kind(value)
    assert str(caught.value) == f"{reason}: {USE}"


@pytest.mark.parametrize(
    "value", ["Other", "Both working and not working", "Not sure", "working?? future", "W NW"]
)
def test_unclear_headings_are_not_statement_columns(value):
    assert classify(["Review ref", value], 1).statement_columns == []


def test_council_wording_in_a_long_file_imports_and_unclear_rows_are_named():
    rows = [
        "Review no.,Section of form,Comment",
        "R-1,What’s working for me,Friendly staff",
        "R-1,What isn't working,Late buses",
        "R-1,Important to me for the future,A job",
        "R-2,NW,No respite",
        "R-2,Other,Something else",
        "R-2,,A blank kind",
        "R-2,Both working and not working,Mixed",
    ]
    data = "\r\n".join(rows).encode("utf-8")
    result = read_statements_bytes(data, "council.csv")
    person = Perspective.PERSON
    assert result.statements == [
        (2, StatementIn("R-1", W, person, "Friendly staff")),
        (3, StatementIn("R-1", NW, person, "Late buses")),
        (4, StatementIn("R-1", F, person, "A job")),
        (5, StatementIn("R-2", NW, person, "No respite")),
    ]
    assert result.rejected == [
        Rejection("council.csv", 6, f"unknown kind 'Other': {USE}"),
        Rejection("council.csv", 7, f"kind is blank: {USE}"),
        Rejection(
            "council.csv", 8, "kind 'Both working and not working' is unclear: "
            f"it says both Working and Not working: {USE}",
        ),
    ]


def test_council_wording_in_wide_headings_imports():
    out = io.StringIO()
    out.write("Review no.,What’s working for me (1),What isn't working for me (1),"
              "Hopes for the future (1),Other comments\r\n")
    out.write("R-1,Friendly staff,Late buses,A job,not a statement\r\n")
    result = read_statements_bytes(out.getvalue().encode(), "wide.csv")
    assert result.layout == "wide"
    assert [(item.kind, item.text) for _, item in result.statements] == [
        (W, "Friendly staff"), (NW, "Late buses"), (F, "A job"),
    ]  # fmt: skip


# Any text a cell can hold: letters of every script, digits, punctuation, spaces, controls.
_CELL = st.text(st.characters(codec="utf-8"), max_size=4000)
_WORDY = st.lists(
    st.sampled_from(["not", "working", "well", "future", "0", "x", "'", " ", "n't", "9x", "(1)"]),
    max_size=1500,
).map("".join)


@pytest.mark.timeout(120)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_CELL, _WORDY))
def test_no_cell_content_hangs_or_crashes_the_matcher(text):
    reading = read_kind(text)
    assert (reading.kind is None) == bool(reading.reason)
    if reading.kind is None:
        with pytest.raises(InputError, match="use Working, Not working or Future"):
            parse_kind(text)
    else:
        assert parse_kind(text) == reading.kind
    assert all(w.isascii() and w.isalnum() for w in words(text))
    classify(["Review ref", text, text[:80]], 1)


@pytest.mark.timeout(10)
@pytest.mark.parametrize(
    "text",
    ["0" * 100_000 + "x", "not " * 25_000 + "working", "ab1" * 30_000, "'" * 100_000,
     "\u00a0" * 100_000, "ﷺ" * 20_000],
)  # fmt: skip
def test_pathological_cells_are_read_in_linear_time(text):
    words(text)
    with pytest.raises(InputError):
        parse_kind(text)
