"""The council-template sample: kinds written as a council's review form words its sections."""

from __future__ import annotations

import codecs
import functools
import json
import textwrap
from collections import Counter
from pathlib import Path

from sample_files import excel_csv, read_csv_rows

TITLE = [
    ["Riverside Council – person-centred review form, sections typed up (synthetic)"],
    [],
]
HEADER = ["Review no.", "Whose view", "Section of form", "Comment"]
FIRST_ROW = len(TITLE) + 2  # rows as Excel numbers them: titles, header, then data
# (review, whose view, section as the form words it, comment, what the section means):
# a model.Kind value, or for a section that stays unclear a fragment of the reason given.
ROWS: list[tuple[str, str, str, str, str]] = [
    ("R-201", "Person", "What’s working for me", "I like my room, it is quiet", "working"),
    ("R-201", "Person", "What isn’t working for me", "I don’t see my brother enough",
     "not_working"),
    ("R-201", "Person", "Important to me for the future", "Going on holiday by the sea",
     "future"),
    ("R-201", "Family carer", "Working well", "She is much more settled since the move",
     "working"),
    ("R-202", "Person", "What's working (1)", "Art class on Tuesdays", "working"),
    ("R-202", "Person", "Not working well", "My bus pass keeps running out", "not_working"),
    ("R-202", "Person", "Doesn't work", "Nobody explains my letters to me", "not_working"),
    ("R-202", "Support worker", "What’s important in the future",
     "Learning to use a smartphone to plan journeys", "future"),
    ("R-203", "Person", "W", "Swimming with my key worker", "working"),
    ("R-203", "Person", "NW", "Waiting weeks to see the dentist", "not_working"),
    ("R-203", "Person", "F", "A part-time job in a shop", "future"),
    ("R-203", "Person", "No longer working", "The day centre stopped opening on Fridays",
     "not_working"),
    ("R-204", "Person", "Hopes for the future", "To live nearer my mum", "future"),
    ("R-204", "Person", "Not going well", "My money runs out before the end of the month",
     "not_working"),
    ("R-204", "Parent", "What is not working for me", "We are never told when the rota changes",
     "not_working"),
    ("R-204", "Person", "Both working and not working",
     "College is good but the journey takes too long", "it says both Working and Not working"),
    ("R-205", "Person", "Not sure", "I might want to move house", "unknown kind 'Not sure'"),
    ("R-205", "Person", "", "Staff are nice to me", "kind is blank"),
    ("R-205", "Person", "FUTURE (2)", "Going to a football match with my dad", "future"),
    ("R-205", "Person", "working?? future", "Keeping my allotment",
     "it says both Working and Future"),
    ("R-205", "Person", "Other", "The garden needs weeding", "unknown kind 'Other'"),
]  # fmt: skip
KINDS = ("working", "not_working", "future")


def expected() -> dict:
    """What importing the file should give: statements by kind, and each rejected row."""
    good = Counter(meaning for *_, meaning in ROWS if meaning in KINDS)
    rejected = [
        {"row": number, "reason_contains": meaning}
        for number, (*_, meaning) in enumerate(ROWS, FIRST_ROW)
        if meaning not in KINDS
    ]
    return {"by_kind": {k: good[k] for k in KINDS}, "rejected": rejected}


def write(path_csv: Path, path_expected: Path) -> None:
    """Excel's "CSV UTF-8" on a Windows PC: a byte-order mark, CRLF line ends."""
    text = excel_csv([*TITLE, HEADER, *(r[:4] for r in ROWS)], len(HEADER))
    path_csv.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    path_expected.write_text(json.dumps(expected(), indent=2) + "\n", encoding="utf-8")


def check(path_csv: Path) -> None:
    rows = read_csv_rows(path_csv, "utf-8-sig")
    assert rows[FIRST_ROW - 2] == HEADER
    assert [tuple(r) for r in rows[FIRST_ROW - 1 :]] == [r[:4] for r in ROWS]
    assert sum(expected()["by_kind"].values()) == 16 and len(expected()["rejected"]) == 5


def readme() -> str:
    """The README entry for the file, wrapped as the rest of the README is."""
    wordings = sorted({r[2] for r in ROWS if r[4] in KINDS}, key=str.casefold)
    good = sum(expected()["by_kind"].values())
    entry = (
        "`council_template.csv`: a council's review-form extract (UTF-8 with a byte-order "
        "mark, as Excel's \"CSV UTF-8\" saves it), one statement a row, under the headings "
        + ", ".join(f'"{h}"' for h in HEADER)
        + ". The kind is written as the form words its sections: "
        + ", ".join(f'"{w}"' for w in wordings)
        + f". {good} rows import; {len(ROWS) - good} stay unclear and are rejected with a "
        "reason naming the accepted kinds:"
    )
    unclear = [
        f"  - row {number}: " + (f'"{section}"' if section else "blank")
        for number, (_, _, section, _, meaning) in enumerate(ROWS, FIRST_ROW)
        if meaning not in KINDS
    ]
    expected_entry = (
        "`council_template_expected.json`: the statements by kind that importing it should "
        "give, and each rejected row with a fragment of the reason given."
    )
    wrap = functools.partial(textwrap.fill, width=92, subsequent_indent="  ")
    return "\n".join([wrap("- " + entry), *unclear, wrap("- " + expected_entry)])
