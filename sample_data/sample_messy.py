"""The messy council spreadsheet: loose headings, synonyms and a few bad rows, as .xlsx and CSV."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from openpyxl.styles import Font
from sample_files import excel_csv, save_workbook

LONG_STATEMENT_SENTENCES = (
    "On Monday I go to the day centre and I like the art group but the bus was late again.",
    "On Tuesday I go to the allotment with my key worker and we grow potatoes and beans.",
    "On Wednesday a new worker came and I had to tell her all about my routine again.",
    "On Thursday I wanted to go to the pub quiz but there was no one to take me.",
    "On Friday I went bowling and I won one game and I came second in the other one.",
    "At the weekend it is quiet and I watch films in my room and ring my mum.",
)


def long_statement(length: int = 1500) -> str:
    """A review typed in full, word for word: longer than the 1,000-character limit."""
    body = " ".join(LONG_STATEMENT_SENTENCES * 10)[: length - 1].rstrip()
    text = body + "." * (length - len(body))
    assert len(text) == length
    return text


MESSY_TITLE = [
    ["Riverside Council — people’s review statements (spring)"],
    ["Exported from the case system 03/03/2026 – not yet checked"],
    [],
]
MESSY_HEADER = ["Review Ref.", "Whose view?", "Type", "What they said", "Notes"]
# (review ref, whose view, type, what they said, notes); "" is an empty cell.
MESSY_ROWS: list[tuple[object, str, str, str, str]] = [
    ("R-101", "Person", "What’s working", "I like my job at the café – I get paid on Fridays", ""),
    ("R-101", "Person", "What’s not working", "Staff don’t tell me who’s coming", ""),
    ("R-101", "Parent", "Important for the future",
     "We’d like him to try living in his own flat", "from the family questionnaire"),
    ("R-102", "Service user", "Working", "Going to the “Friday Club” at the community centre", ""),
    ("R-102", "Support worker", "Not working", "The taxi to college costs £12 each way", ""),
    ("R-102", "Person", "maybe", "I might want to move house", "ask again at next review"),
    ("R-103", "Carer", "What's not working",
     "Mum says the letters about his money are confusing", ""),
    ("R-103", "", "Important for the future", "I want to learn to cook a curry", ""),
    ("", "Person", "Working", "I like my new bedroom", "ref missing on the paper form"),
    ("R-104", "person", "working", "Swimming on Mondays", ""),
    ("R-104", "Support Worker", "Not Working",
     "Rota changes at short notice so she doesn’t know who’s on", ""),
    ("", "", "", "", ""),
    ("R-104", "Parent", "For the future", "We’d love her to have a paid job", ""),
    ("R-105", "Person", "What’s working", "My key worker – she’s kind & funny", ""),
    ("R-105", "Person", "Not working", "", "left blank on the form"),
    ("R-105", "Family", "Important for the future",
     "Her sister would like her to join a choir", ""),
    ("R-106", "Person", "Not working", long_statement(), "typed up word for word"),
    ("R-106", "Person", "Working", "I like the allotment", ""),
    ("R-106", "Advocate", "Not working", "He wasn’t invited to his own review", ""),
    ("R-107", "Person", "What’s not working",
     "I can’t go out after 6pm because there’s no bus", ""),
    ("R-107", "Carer", "Working", "Dad says the day centre staff are brilliant", ""),
    ("R-107", "Person", "Important for the future", "I want a girlfriend", ""),
    (" R-108 ", "Client", "Working", "Bowling with friends on Friday", ""),
    ("R-108", "Person", "Not working", "The doctor talks to staff, not me", ""),
    ("R-108", "Support worker", "For the future", "Ready for travel training", ""),
    (109, "Person", "Hopes for the future", "Go to a concert", "ref typed as a number"),
]
MESSY_FIRST_ROW = len(MESSY_TITLE) + 2  # rows as Excel numbers them: titles, header, data


MESSY_REASONS = {
    "unknown kind": "the kind is \"maybe\"",
    "missing review reference": "no review reference",
    "blank": "the statement is blank",
    "1,000": "a statement of 1,500 characters, over the 1,000 limit",
}


def messy_expected() -> dict:
    """What importing the messy file should give: rows as Excel shows them, 1-based."""
    rejected = []
    for number, (ref, _view, kind, text, _notes) in enumerate(MESSY_ROWS, MESSY_FIRST_ROW):
        if not any(str(v).strip() for v in (ref, _view, kind, text)):
            continue  # a wholly blank row is skipped without comment
        if kind == "maybe":
            rejected.append({"row": number, "reason_contains": "unknown kind"})
        elif not str(ref).strip():
            rejected.append({"row": number, "reason_contains": "missing review reference"})
        elif not text.strip():
            rejected.append({"row": number, "reason_contains": "blank"})
        elif len(text) > 1000:
            rejected.append({"row": number, "reason_contains": "1,000"})
    data_rows = sum(1 for row in MESSY_ROWS if any(str(v).strip() for v in row[:4]))
    return {"good": data_rows - len(rejected), "rejected": rejected}


def write_messy(path_xlsx: Path, path_csv: Path, path_expected: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Export"
    for row in MESSY_TITLE:
        sheet.append(row)
    sheet.append(MESSY_HEADER)
    for row in MESSY_ROWS:
        sheet.append([None if v == "" else v for v in row])
    sheet["A1"].font = Font(bold=True)
    for cell in sheet[MESSY_FIRST_ROW - 1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDE", (12, 16, 24, 60, 28), strict=True):
        sheet.column_dimensions[letter].width = width
    save_workbook(book, path_xlsx)

    # Excel's "Save as CSV" on a Windows PC: Windows-1252.
    rows = [*MESSY_TITLE, MESSY_HEADER, *MESSY_ROWS]
    path_csv.write_bytes(excel_csv(rows, len(MESSY_HEADER)).encode("cp1252"))
    path_expected.write_text(json.dumps(messy_expected(), indent=2) + "\n", encoding="utf-8")
