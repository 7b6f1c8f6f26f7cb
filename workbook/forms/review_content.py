"""What the review template says and asks, shared by its Excel and Word copies."""

from __future__ import annotations

from workbook.model import PERSPECTIVE_LABELS, Perspective

TITLE = "Review for Working Together for Change"
SHEET = "Review"  # the first sheet: the importer reads the first sheet with a header row
QUESTIONS_SHEET = "What matters to you"

# "What matters to you" (000_6ec5485665251dc2.txt): the conversation before the boxes.
WHAT_MATTERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("What is important TO you?", (
        "What are you good at?",
        "What are the personal outcomes that you want to achieve?",
        "What are your most important relationships (who, how often you see them, "
        "and what support they give)?",
        "What would you like to do in the future?",
    )),
    ("What is important FOR you?", ()),
)
# Step 2, Collect (002_291dc340d354f2da.txt): the two top things, and the future.
TWO_TOP_THINGS = ("For each person who gives their view, write the two top things that are "
                  "working and the two top things that are not working, and what they want "
                  "for the future: one thing in each box, in their own words.")

# Column headings, written exactly as the importer reads them (workbook/io/headers.py):
# a review a row ("wide" layout), one statement a cell.
REF, VIEW = "Review reference", "Whose view"
STATEMENT_COLUMNS = (
    "What is working 1", "What is working 2",
    "What is not working 1", "What is not working 2",
    "What is important for the future 1", "What is important for the future 2",
)
DETAIL_COLUMNS = ("Review date", "Review type", "Consent to use words")
HEADINGS = (REF, VIEW, *STATEMENT_COLUMNS, *DETAIL_COLUMNS)
VIEWS = tuple(PERSPECTIVE_LABELS[p] for p in Perspective)  # "The person", "Family carer", ...
REVIEW_TYPES = ("Person-centred review", "Outcome-focused review")
MOST_REVIEWS = 500  # blocks of rows a template is made with

HOW_TO_FILL = (
    TWO_TOP_THINGS,
    f"There is a row for each view: {', '.join(VIEWS)} (a friend or an advocate, say). "
    "Leave a row empty if nobody gave that view.",
    f"Type the {REF.lower()} (such as R-017, never a name) in every row you fill in. "
    "Fill in the review date, the review type and consent once, on the first row of the "
    "review. Consent to use words: yes if the person agreed to their words being used, no "
    "if not (their words still count, but are not shown to others).",
    f"Ask the questions on the sheet '{QUESTIONS_SHEET}' first. Then save this file as it "
    "is and send it back: the workshop imports it without retyping.",
)
RETURN_WORD = ("How to send this back: the workshop reads the Excel copy of this form, not "
               "this Word copy. Please type your answers into the Excel copy (ask the "
               "facilitator for it, or make it with: wtfc template reviews review.xlsx) and "
               "send that back. If you can only use this Word copy, fill it in and give it to "
               "the facilitator, who will type it into the Excel copy.")
