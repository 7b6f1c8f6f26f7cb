"""The blank evaluation workbook (`wtfc tender template`): every sheet, a worked example row
in each, and a Notes sheet saying what each column means. It loads back as it is."""

from __future__ import annotations

from pathlib import Path

from workbook.model import InputError
from workbook.tender.bids.bid_text import MAX_ANSWER, MAX_CODE, MAX_PROFILE
from workbook.tender.model import MAX_SCORE, PLAIN_DESCRIPTORS
from workbook.tender.xlsx import COLUMNS, write_workbook

# Setup: the name in column A, the value in column B; column C says what it is (ignored when
# read). A blank budget or shortlist means an ordinary tender of one stage.
SETUP = [
    ["setting", "value", "what it means"],
    ["quality_weight", 70, "Percentage of the total for quality (the questions). With "
                           "price_weight it adds up to 100."],
    ["price_weight", 30, "Percentage for price: the lowest price gets all of it, others "
                         "lowest / their price of it. 0 for a grant round scored on quality "
                         "alone."],
    ["budget", None, "Leave blank for a tender. For a grant round, the money to share out "
                     "(e.g. 50000): bids are funded in rank order while the money lasts, and "
                     "price is the amount each bid asks for."],
    ["shortlist", None, "Leave blank for one stage. With questions in stage 2, how many bids "
                        "go on from stage 1 (the top N; bids tied at the cut all go on)."],
]

# One worked example row per sheet, by column: replace them with your own.
EXAMPLE = {
    "Panels": {"panel": "Young people", "share": 1, "young_people": "yes"},
    "Questions": {"question": "Q1", "text": "How will young people help run the service?",
                  "weight": 1, "panel": None, "stage": 1},
    "Bidders": {"bidder": "B1", "name": "Example Youth Trust", "price": 50000},
    "Bids": {"bidder": "B1", "question": "Q1",
             "answer": "Young people sit on our steering group and interview every new "
                       "member of staff. We pay them for their time and train them first."},
    "Profiles": {"bidder": "B1",
                 "profile": "A local charity running youth clubs in three towns for 12 "
                            "years. 20 staff and 40 volunteers. Young people chose our name."},
    "Members": {"panel": "Young people", "member": "Sam"},
    "Scores": {"panel": "Young people", "member": "Sam", "bidder": "B1", "question": "Q1",
               "score": 4, "reason": "Young people interview staff, and are paid and trained."},
    "Agreed": {"panel": "Young people", "bidder": "B1", "question": "Q1", "score": 4,
               "reason": "The panel agreed: a clear plan with training and pay."},
    "Rankings": {"panel": "Young people", "member": "Sam", "bidder": "B1", "position": 1},
    "Descriptors": {"score": MAX_SCORE, "words": PLAIN_DESCRIPTORS[MAX_SCORE]},
}

NOTES: list[tuple[str, str, str, str]] = [
    ("Setup", "quality_weight, price_weight", "needed",
     "Weights in percent that add up to 100 (e.g. 70 and 30)."),
    ("Setup", "budget, shortlist", "optional",
     "A grant round's money to share out; how many bids go on to the next stage."),
    ("Panels", "panel", "needed", f"The panel's short name (up to {MAX_CODE} characters)."),
    ("Panels", "share", "needed",
     "The panel's share of the quality score, against the other panels (e.g. 1 and 1 for "
     "equal weight)."),
    ("Panels", "young_people", "needed", "yes for a young people's panel, else no."),
    ("Questions", "question", "needed", "A short code for the question, e.g. Q1."),
    ("Questions", "text", "needed", "The question as the panel reads it."),
    ("Questions", "weight", "needed",
     "How much the question counts against the others (e.g. 2 counts twice as much as 1)."),
    ("Questions", "panel", "optional",
     "The one panel that scores this question; blank: every panel scores it."),
    ("Questions", "stage", "optional",
     "1 for the written bids, 2 for interviews or presentations; blank: 1."),
    ("Bidders", "bidder", "needed", "A short code for the bid, e.g. B1."),
    ("Bidders", "name", "optional", "The organisation's name."),
    ("Bidders", "price", "needed",
     "The bid's price, or in a grant round the amount asked for; may be blank only when "
     "price_weight is 0 and there is no budget."),
    ("Bids", "bidder, question", "needed", "Which bid answers which question (the codes)."),
    ("Bids", "answer", "needed",
     f"The bid's answer, shown to the panel beside the question (up to {MAX_ANSWER:,} "
     "characters)."),
    ("Profiles", "bidder", "needed", "The bid's code."),
    ("Profiles", "profile", "needed",
     f"A one-page profile of the bidder, in plain words (up to {MAX_PROFILE:,} characters)."),
    ("Members", "panel, member", "optional",
     "Who sits on each panel; a member signs in by name, so give each a different one."),
    ("Scores", "panel, member, bidder, question, score, reason", "optional",
     f"Scores given on paper: a whole number 0 to {MAX_SCORE} and why. Leave the sheet empty "
     "to score in the page."),
    ("Agreed", "panel, bidder, question, score, reason", "optional",
     "A panel's agreed (moderated) score and why."),
    ("Rankings", "panel, member, bidder, position", "optional",
     "Each member's order of the bids, 1 = favourite."),
    ("Descriptors", "score, words", "optional",
     "Plainer words for a score's button, e.g. 5 = Brilliant."),
    ("every sheet", "the example rows", "",
     "Each sheet's second row is a worked example: replace it with your own (the example "
     "loads as it is). Keep each sheet's first row (the column names) as it is."),
]


def template_sheets() -> dict[str, list[list[object]]]:
    """Every sheet of the blank workbook as rows, column names first."""
    sheets: dict[str, list[list[object]]] = {"Setup": [list(r) for r in SETUP]}
    for sheet, example in EXAMPLE.items():
        columns = list(COLUMNS[sheet])
        columns += [c for c in example if c not in columns]  # e.g. Questions' stage
        sheets[sheet] = [columns, [example.get(c) for c in columns]]
    sheets["Notes"] = [["sheet", "column", "needed?", "what it means"]] + [
        list(n) for n in NOTES]
    return sheets


def write_template(path: str | Path, force: bool = False) -> Path:
    """Write the blank evaluation workbook; an existing file is kept unless `force`."""
    out = Path(path)
    if out.suffix.lower() != ".xlsx":
        raise InputError("Name the template with .xlsx at the end, e.g. evaluation.xlsx.")
    if out.exists() and not force:
        raise InputError(f"{out} is already there: choose another name, or add --force to "
                         "write over it.")
    return write_workbook(template_sheets(), out)
