"""Reading statements from messy council CSV and XLSX files: layouts, encodings, rejections."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import os
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.io.decode import FileUnreadable, decode_text
from workbook.io.tabular import ReadResult, Rejection, read_statements, read_statements_bytes
from workbook.model import MAX_TEXT, InputError, Kind, Perspective, StatementIn

W, NW, F = Kind.WORKING, Kind.NOT_WORKING, Kind.FUTURE
PERSON, FAMILY, STAFF, OTHER = (
    Perspective.PERSON,
    Perspective.FAMILY,
    Perspective.STAFF,
    Perspective.OTHER,
)
XSS = "<img src=x onerror=alert(1)> & co"
TITLE_ROWS = [["Riverside Council – Review extract"], [], ["Produced 3 March"]]


def csv_text(rows: list[list[object]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def write_csv(
    tmp_path: Path,
    rows: list[list[object]],
    name: str = "reviews.csv",
    delimiter: str = ",",
    encoding: str = "utf-8",
) -> Path:
    path = tmp_path / name
    path.write_bytes(csv_text(rows, delimiter).encode(encoding))
    return path


def write_xlsx(tmp_path: Path, sheets: dict[str, list[list[object]]], name: str = "r.xlsx") -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def s(ref: str, kind: Kind, view: Perspective, text: str) -> StatementIn:
    return StatementIn(ref, kind, view, text)


def unreadable(path: Path) -> str:
    with pytest.raises(FileUnreadable) as caught:
        read_statements(path)
    assert isinstance(caught.value, InputError)  # callers can catch either
    return str(caught.value)


LONG_ROWS: list[list[object]] = [
    ["Review ref", "Perspective", "Kind", "Statement"],
    ["R-001", "", "Working", "I like my support worker"],
    ["R-001", "Family carer", "Not working", "Nobody answers the phone"],
    ["R-002", "staff", "future", "More evening activities"],
    ["R-002", "Other", "What is working", XSS],
]
LONG_EXPECTED = [
    (2, s("R-001", W, PERSON, "I like my support worker")),
    (3, s("R-001", NW, FAMILY, "Nobody answers the phone")),
    (4, s("R-002", F, STAFF, "More evening activities")),
    (5, s("R-002", W, OTHER, XSS)),
]


# --- Layouts ----------------------------------------------------------------------------


def test_long_csv_reads_every_statement_in_file_order(tmp_path):
    result = read_statements(write_csv(tmp_path, LONG_ROWS))
    assert result == ReadResult(LONG_EXPECTED, [], "long", None)


def test_long_xlsx_reads_the_same_as_csv(tmp_path):
    result = read_statements(write_xlsx(tmp_path, {"Extract": LONG_ROWS}))
    assert result == ReadResult(LONG_EXPECTED, [], "long", "Extract")


WIDE_HEADER = [
    "Review ref",
    "Whose view",
    "Working 1",
    "Working (2)",
    "What’s not working (2)",
    "Not working 1",
    "Important for the future",
    "Notes",
]


def test_wide_xlsx_gives_one_statement_per_filled_cell(tmp_path):
    rows: list[list[object]] = [
        WIDE_HEADER,
        ["R-1", "", "Friendly staff", "My garden", "Late buses", "", "A job", "ignored"],
        [17.0, "parent", "", None, None, "No respite", "", None],
        [18, None, None, None, None, None, None, "only notes: nothing to import"],
    ]
    result = read_statements(write_xlsx(tmp_path, {"Reviews": rows}))
    assert result.layout == "wide"
    assert result.sheet == "Reviews"
    assert result.rejected == []
    assert result.statements == [
        (2, s("R-1", W, PERSON, "Friendly staff")),
        (2, s("R-1", W, PERSON, "My garden")),
        (2, s("R-1", NW, PERSON, "Late buses")),
        (2, s("R-1", F, PERSON, "A job")),
        (3, s("17", NW, FAMILY, "No respite")),
    ]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Working 1", W),
        ("Working (2)", W),
        ("What's working 2", W),
        ("WHAT’S WORKING", W),
        ("What's not working (2)", NW),
        ("Not working 1", NW),
        ("not-working_3", NW),
        ("Important for the future", F),
        ("Future 1", F),
        ("What is important for the future (2)", F),
        ("What’s important for the future?", F),
    ],
)
def test_wide_statement_headings_are_matched_loosely(tmp_path, heading, kind):
    path = write_csv(tmp_path, [["ID", heading], ["R-9", "Said it"]])
    result = read_statements(path)
    assert (result.layout, result.statements) == ("wide", [(2, s("R-9", kind, PERSON, "Said it"))])


@pytest.mark.parametrize(
    "header",
    [
        ["review", "kind", "text"],
        ["Review Reference", "TYPE", "Comment"],
        ["  Ref. ", "Category", "Comments"],
        ["Review ID", "Statement type", "Response"],
        ["Person ref", "Kind:", "What they said"],
        ["person_id", "type", "statement"],
        ["Participant", "kind", "text"],
        ["Participant ID", "kind", "text"],
        ["id", "kind", "text"],
        ["reference", "kind", "text"],
    ],
)
def test_long_header_synonyms_case_and_punctuation(tmp_path, header):
    result = read_statements(write_csv(tmp_path, [header, ["R-5", "Working", "Good"]]))
    assert result.statements == [(2, s("R-5", W, PERSON, "Good"))]


@pytest.mark.parametrize(
    "heading", ["Perspective", "Whose view?", "Who said it", "From", "View of", "Respondent"]
)
@pytest.mark.parametrize(
    ("value", "view"),
    [("Family carer", FAMILY), ("parent", FAMILY), ("Carer", FAMILY),
     ("Support worker", STAFF), ("provider", STAFF), ("", PERSON)],
)  # fmt: skip
def test_perspective_headings_and_values(tmp_path, heading, value, view):
    path = write_csv(tmp_path, [["Ref", heading, "Kind", "Text"], ["R-1", value, "Future", "x"]])
    assert read_statements(path).statements == [(2, s("R-1", F, view, "x"))]


def test_group_heading_row_above_the_real_header_is_skipped(tmp_path):
    rows: list[list[object]] = [
        ["Review", "Working", "", "Not working"],
        ["Ref", "Working 1", "Working 2", "Not working 1"],
        ["R-1", "a", "b", "c"],
    ]
    result = read_statements(write_xlsx(tmp_path, {"S": rows}))
    assert result.statements == [
        (3, s("R-1", W, PERSON, "a")),
        (3, s("R-1", W, PERSON, "b")),
        (3, s("R-1", NW, PERSON, "c")),
    ]


# --- Finding the header -----------------------------------------------------------------


def test_title_rows_above_the_header_are_skipped_and_counted_in_csv(tmp_path):
    rows = [*TITLE_ROWS, ["Ref", "Kind", "Text"], ["R-1", "Working", "a"], ["R-1", "?", "b"]]
    result = read_statements(write_csv(tmp_path, rows))
    assert result.statements == [(5, s("R-1", W, PERSON, "a"))]
    assert result.rejected == [
        Rejection("reviews.csv", 6, "unknown kind '?': use Working, Not working or Future")
    ]


def test_title_rows_above_the_header_are_skipped_and_counted_in_xlsx(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Extract"
    sheet["A1"] = "Riverside Council – Review extract"
    sheet["A3"] = "Produced 3 March"
    sheet.append(["Review", "Type", "Comment"])  # row 4
    sheet["A7"], sheet["B7"], sheet["C7"] = "R-2", "Future", "A holiday"  # rows 5, 6 missing
    sheet["A9"], sheet["B9"] = "R-3", "Working"
    path = tmp_path / "gaps.xlsx"
    book.save(path)
    result = read_statements(path)
    assert result.statements == [(7, s("R-2", F, PERSON, "A holiday"))]
    assert result.rejected == [
        Rejection("gaps.xlsx", 9, "statement text is blank: type the statement or delete the row")
    ]


def test_first_sheet_with_a_header_is_used(tmp_path):
    path = write_xlsx(
        tmp_path,
        {
            "Notes": [["How to use this file"], ["Fill in one row per statement"]],
            "Data": [["Ref", "Kind", "Text"], ["R-1", "Working", "a"]],
            "Later": [["Ref", "Kind", "Text"], ["R-2", "Working", "b"]],
        },
    )
    result = read_statements(path)
    assert (result.sheet, result.statements) == ("Data", [(2, s("R-1", W, PERSON, "a"))])


def test_no_recognisable_header_says_what_was_expected(tmp_path):
    path = write_csv(tmp_path, [["Name", "Kind", "Text"], ["Jo", "Working", "a"]], name="x.csv")
    assert unreadable(path) == (
        "Could not find the column headings in x.csv: checked the first 30 rows. "
        "Expected a review reference column (such as 'Review ref') and either 'Kind' and "
        "'Statement' columns (one statement a row) or columns such as 'Working 1', "
        "'Not working 1' and 'Future 1' (one review a row). Row 1 has 'Kind', 'Text' but "
        "no review reference column. Add or rename the headings, then import again."
    )


def test_no_header_in_any_sheet_names_the_sheet_of_the_nearest_miss(tmp_path):
    path = write_xlsx(tmp_path, {"A": [["hello"]], "B": [[], ["Working 1", "Future 1"]]})
    message = unreadable(path)
    assert "in r.xlsx (2 sheets checked)" in message
    assert "On sheet 'B', row 2 has 'Working 1', 'Future 1' but no review reference column." in (
        message
    )


def test_header_below_row_30_is_not_found(tmp_path):
    rows: list[list[object]] = [[f"note {i}"] for i in range(30)]
    path = write_csv(tmp_path, [*rows, ["Ref", "Kind", "Text"], ["R-1", "Working", "a"]])
    assert unreadable(path).startswith("Could not find the column headings in reviews.csv")


def test_header_on_row_30_is_found(tmp_path):
    rows: list[list[object]] = [[f"note {i}"] for i in range(29)]
    path = write_csv(tmp_path, [*rows, ["Ref", "Kind", "Text"], ["R-1", "Working", "a"]])
    assert read_statements(path).statements == [(31, s("R-1", W, PERSON, "a"))]


def test_sheet_with_only_blank_cells_has_no_data(tmp_path):
    path = write_xlsx(tmp_path, {"Empty": [[None, "  "]]}, name="blank.xlsx")
    assert unreadable(path) == (
        "blank.xlsx has no data in its first 30 rows. "
        "Check you chose the right file, then import again."
    )


# --- Encodings and delimiters ----------------------------------------------------------

ENCODED = [["Ref", "Kind", "Text"], ["R-1", "Working", "“Good” staff, £5 a week"]]
ENCODED_EXPECTED = [(2, s("R-1", W, PERSON, "“Good” staff, £5 a week"))]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_csv_encodings(tmp_path, encoding):
    path = write_csv(tmp_path, ENCODED, encoding=encoding)
    assert read_statements(path).statements == ENCODED_EXPECTED


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (codecs.BOM_UTF8 + "Ref £".encode(), "Ref £"),
        (codecs.BOM_UTF16_LE + "Ref £".encode("utf-16-le"), "Ref £"),
        ("“Ref” £".encode("cp1252"), "“Ref” £"),
    ],
)
def test_decoding_drops_the_byte_order_mark(data, text):
    # The header matcher ignores a stray BOM, so check the decoder itself.
    assert decode_text(data, "x.csv") == text


def test_cp1252_bytes_are_really_cp1252(tmp_path):
    data = csv_text(ENCODED).encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # so the test does exercise the fallback
    assert read_statements_bytes(data, "win.csv").statements == ENCODED_EXPECTED


def test_other_encodings_fall_back_to_detection(tmp_path):
    line = "Мне нравится мой помощник, он всегда приходит вовремя и помогает с покупками"
    rows: list[list[object]] = [
        ["Ref", "Kind", "Text"],
        *[[f"R-{i}", "Working", line] for i in range(5)],
    ]
    result = read_statements(write_csv(tmp_path, rows, encoding="cp1251"))
    assert [item.text for _, item in result.statements] == [line] * 5


@pytest.mark.parametrize(
    ("name", "delimiter"),
    [("semi.csv", ";"), ("tabs.csv", "\t"), ("tabs.tsv", "\t"), ("tabs.txt", "\t"), ("s.txt", ";")],
)
def test_delimiters_are_sniffed(tmp_path, name, delimiter):
    rows = [*TITLE_ROWS, ["Ref", "Kind", "Text"], ["R-1", "Working", "Tea, cake; and chat"]]
    path = write_csv(tmp_path, rows, name=name, delimiter=delimiter)
    assert read_statements(path).statements == [(5, s("R-1", W, PERSON, "Tea, cake; and chat"))]


# --- Cell values -------------------------------------------------------------------------


def test_markup_quotes_emoji_and_newlines_are_kept_exactly(tmp_path):
    texts = [XSS, 'She said "no" & left', "Line one\nLine two 😀", "  padded  "]
    rows: list[list[object]] = [["Ref", "Kind", "Text"], *[["R-1", "Working", t] for t in texts]]
    expected = [XSS, 'She said "no" & left', "Line one\nLine two 😀", "padded"]
    for path in (write_csv(tmp_path, rows), write_xlsx(tmp_path, {"S": rows})):
        assert [item.text for _, item in read_statements(path).statements] == expected


def test_csv_rows_are_numbered_as_excel_shows_them_even_with_newlines_in_cells(tmp_path):
    rows = [["Ref", "Kind", "Text"], ["R-1", "Working", "a\nb\nc"], ["R-1", "Nope", "d"]]
    result = read_statements(write_csv(tmp_path, rows))
    assert [r.row for r in result.rejected] == [3]


def test_numbers_and_dates_in_cells_become_text(tmp_path):
    rows: list[list[object]] = [
        ["Ref", "Kind", "Text"],
        [17, "Working", 42],
        [18.0, "Future", dt.datetime(2024, 3, 3, 9, 30)],
        [19.5, "Working", 2.5],
    ]
    result = read_statements(write_xlsx(tmp_path, {"S": rows}))
    assert result.statements == [
        (2, s("17", W, PERSON, "42")),
        (3, s("18", F, PERSON, "2024-03-03 09:30:00")),
        (4, s("19.5", W, PERSON, "2.5")),
    ]


# --- Rejections --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (["R-1", "", "maybe", "x"], "unknown kind 'maybe': use Working, Not working or Future"),
        (["R-1", "", "", "x"], "kind is blank: use Working, Not working or Future"),
        (
            ["", "", "Working", "x"],
            "missing review reference: every statement needs the review it came from",
        ),
        (
            ["R-1", "", "Working", "  "],
            "statement text is blank: type the statement or delete the row",
        ),
        (
            ["R-1", "boss", "Working", "x"],
            "unknown perspective 'boss': use Person, Family carer, Staff or Other",
        ),
        (
            ["R-1", "", "Working", "y" * (MAX_TEXT + 1)],
            "statement text is 1,001 characters long; the limit is 1,000. Shorten it.",
        ),
        (["R" * 65, "", "Working", "x"], "review reference is 65 characters; the limit is 64"),
        (
            ["", "", "often", ""],
            "missing review reference: every statement needs the review it came from; "
            "unknown kind 'often': use Working, Not working or Future; "
            "statement text is blank: type the statement or delete the row",
        ),
    ],
)
def test_each_bad_long_row_is_rejected_with_its_row_number(tmp_path, row, reason):
    rows = [
        *TITLE_ROWS,
        ["Ref", "Perspective", "Kind", "Text"],
        ["R-0", "", "Working", "good row before"],
        row,
        ["", "", "", ""],
        ["R-2", "", "Working", "good row after"],
    ]
    result = read_statements(write_csv(tmp_path, rows, name="council.csv"))
    assert result.rejected == [Rejection("council.csv", 6, reason)]
    assert result.statements == [
        (5, s("R-0", W, PERSON, "good row before")),
        (8, s("R-2", W, PERSON, "good row after")),
    ]


def test_fully_blank_rows_are_skipped_silently(tmp_path):
    rows = [
        ["Ref", "Kind", "Text", "Notes"],
        [],
        ["", " ", ""],
        ["", "", "", "a note"],
        ["R", "Working", "t"],
    ]
    result = read_statements(write_csv(tmp_path, rows))
    assert (result.statements, result.rejected) == ([(5, s("R", W, PERSON, "t"))], [])


def test_wide_row_without_review_reference_is_one_rejection(tmp_path):
    rows: list[list[object]] = [
        ["Ref", "Working 1", "Working 2", "Future 1"],
        [None, "a", "b", "c"],
        ["R-2", "d", None, None],
    ]
    result = read_statements(write_xlsx(tmp_path, {"S": rows}, name="wide.xlsx"))
    assert result.rejected == [
        Rejection(
            "wide.xlsx",
            2,
            "missing review reference: every statement needs the review it came from",
        )
    ]
    assert result.statements == [(3, s("R-2", W, PERSON, "d"))]


def test_wide_row_with_unknown_perspective_is_one_rejection(tmp_path):
    rows = [["Ref", "From", "Working 1", "Future 1"], ["R-1", "alien", "a", "b"]]
    result = read_statements(write_csv(tmp_path, rows))
    assert result.rejected == [
        Rejection(
            "reviews.csv",
            2,
            "unknown perspective 'alien': use Person, Family carer, Staff or Other",
        )
    ]
    assert result.statements == []


def test_wide_over_long_cell_is_rejected_naming_its_column(tmp_path):
    rows = [["Ref", "Working 1", "What’s working (2)"], ["R-1", "fine", "z" * 5000]]
    result = read_statements(write_csv(tmp_path, rows))
    assert result.statements == [(2, s("R-1", W, PERSON, "fine"))]
    assert result.rejected == [
        Rejection(
            "reviews.csv",
            2,
            "What’s working (2): statement text is 5,000 characters long; the limit is 1,000. "
            "Shorten it.",
        )
    ]


def test_megabytes_in_one_cell_are_rejected_not_a_crash(tmp_path):
    huge = "x" * 3_000_000
    rows = [["Ref", "Kind", "Text"], ["R-1", "Working", huge], ["R-2", "Working", "ok"]]
    result = read_statements(write_csv(tmp_path, rows))
    assert result.rejected == [
        Rejection(
            "reviews.csv",
            2,
            "statement text is 3,000,000 characters long; the limit is 1,000. Shorten it.",
        )
    ]
    assert result.statements == [(3, s("R-2", W, PERSON, "ok"))]


# --- Files that cannot be read -----------------------------------------------------------


def test_truncated_xlsx_is_unreadable(tmp_path):
    whole = write_xlsx(tmp_path, {"S": LONG_ROWS}).read_bytes()
    path = tmp_path / "download.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    assert unreadable(path) == (
        "download.xlsx could not be opened as an Excel workbook; it may be damaged, still "
        "downloading, or protected by a password. Download or save it again (without a "
        "password), then import again."
    )


def test_password_protected_xlsx_is_unreadable(tmp_path):
    path = tmp_path / "locked.xlsx"  # encrypted workbooks are OLE containers, not zips
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    assert "could not be opened as an Excel workbook" in unreadable(path)


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


@pytest.mark.parametrize(
    "data",
    [PNG, os.urandom(4096) + b"\x00", bytes(range(1, 32)) * 20],
    ids=["png", "random", "ctl"],
)
def test_binary_file_renamed_csv_is_unreadable(tmp_path, data):
    path = tmp_path / "photo.csv"
    path.write_bytes(data)
    assert unreadable(path) == (
        "photo.csv does not look like a CSV text file: it contains binary data. If it is a "
        "spreadsheet, open it in Excel and save it as .xlsx or CSV, then import again."
    )


def test_xlsx_renamed_csv_is_read_as_a_workbook(tmp_path):
    data = write_xlsx(tmp_path, {"S": LONG_ROWS}).read_bytes()
    result = read_statements_bytes(data, "renamed.csv")
    assert (result.sheet, result.statements) == ("S", LONG_EXPECTED)


@pytest.mark.parametrize("name", ["empty.csv", "empty.xlsx", "empty.txt"])
@pytest.mark.parametrize("data", [b"", b" \r\n\r\n"])
def test_empty_file_is_unreadable(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    assert unreadable(path) == (
        f"{name} is empty. Check you chose the right file, then import again."
    )


def test_csv_with_only_commas_has_no_data(tmp_path):
    path = tmp_path / "commas.csv"
    path.write_bytes(b",,,\r\n,,,\r\n")
    assert unreadable(path).startswith("commas.csv has no data in its first 30 rows.")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "old.xls",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100),
            "This is an old-style Excel file (.xls). Open it in Excel and save it as .xlsx "
            "or CSV, then import again.",
        ),
        (
            "old-renamed.csv",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100),
            "This is an old-style Excel file (.xls). Open it in Excel and save it as .xlsx "
            "or CSV, then import again.",
        ),
        (
            "calc.ods",
            b"PK\x03\x04 whatever",
            "This is an OpenDocument spreadsheet (.ods). Open it in LibreOffice or Excel "
            "and save it as .xlsx or CSV, then import again.",
        ),
        (
            "notes.pdf",
            b"%PDF-1.4",
            "notes.pdf is a .pdf file, which cannot be imported. Open the spreadsheet and "
            "save it as .xlsx or CSV, then import again.",
        ),
        (
            "README",
            b"Ref,Kind,Text",
            "README is a file without an extension, which cannot be imported. Open the "
            "spreadsheet and save it as .xlsx or CSV, then import again.",
        ),
    ],
)
def test_unsupported_formats_are_unreadable(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    assert unreadable(path) == message


def test_missing_file_is_unreadable(tmp_path):
    assert (
        unreadable(tmp_path / "gone.csv")
        == "Could not find gone.csv. Check the file is still there."
    )


# --- Names, bytes and speed --------------------------------------------------------------


def test_bytes_and_display_name_give_the_name_users_know(tmp_path):
    rows = [["Ref", "Kind", "Text"], ["R-1", "Nope", "x"]]
    path = write_csv(tmp_path, rows, name="tmp123.csv")
    by_path = read_statements(path, display_name="March reviews.csv")
    by_bytes = read_statements_bytes(path.read_bytes(), "C:\\fakepath\\March reviews.csv")
    assert by_path == by_bytes
    assert [r.file for r in by_bytes.rejected] == ["March reviews.csv"]


def test_thirty_thousand_csv_rows_all_read(tmp_path):
    kinds = ["Working", "Not working", "Future"]
    rows: list[list[object]] = [["Review ref", "Perspective", "Kind", "Statement"]]
    rows += [
        [f"R-{i % 500:03}", "Staff", kinds[i % 3], f"Statement number {i}"] for i in range(30_000)
    ]
    path = write_csv(tmp_path, rows)
    result = read_statements(path)  # its speed is measured in benchmarks/, not asserted here
    assert len(result.statements) == 30_000
    assert result.statements[-1] == (30_001, s("R-499", F, STAFF, "Statement number 29999"))


# --- Round trip --------------------------------------------------------------------------


def _clean(value: str) -> bool:
    return bool(value) and value == value.strip()


# Stored text has "\n" line breaks only (clean_text turns "\r\n" and "\r" into "\n").
_chars = st.characters(exclude_categories=("Cs", "Cc"), include_characters="\n\t")
refs = st.text(_chars, min_size=1, max_size=64).filter(_clean)
texts = st.text(_chars, min_size=1, max_size=300).filter(_clean)
statements = st.builds(
    StatementIn, refs, st.sampled_from(list(Kind)), st.sampled_from(list(Perspective)), texts
)


@settings(max_examples=150, deadline=None)
@given(items=st.lists(statements, min_size=1, max_size=20), labels=st.booleans())
def test_long_csv_round_trip(items, labels):
    """Any valid statements written to a long CSV read back exactly, in order."""

    def words(item: StatementIn) -> list[object]:
        if labels:  # as a person would type them
            return [item.review_ref, item.perspective.label, item.kind.label, item.text]
        return [item.review_ref, item.perspective.value, item.kind.value, item.text]

    rows = [["Review reference", "Perspective", "Kind", "Text"], *map(words, items)]
    data = csv_text(rows).encode("utf-8")
    result = read_statements_bytes(data, "round.csv")
    assert result.rejected == []
    assert result.statements == [(n, item) for n, item in enumerate(items, start=2)]


def test_digit_runs_in_header_cells_do_not_hang_the_reader():
    # A run of digits then a letter once backtracked exponentially in header matching.
    import threading

    from workbook.io.headers import normalise_header

    done = []
    worker = threading.Thread(
        target=lambda: done.append(normalise_header("0" * 60 + "x")), daemon=True
    )
    worker.start()
    worker.join(timeout=5)
    assert done == ["0" * 60 + " x"]  # runs of digits and of letters are separate words
    assert normalise_header("What’s Working (2)") == "whats working"
    assert normalise_header("Not working 1 2") == "not working"
