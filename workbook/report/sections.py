"""The report's sections in order, each headed by the WTfC step it reports (workbook/steps.py)."""

from __future__ import annotations

from workbook.evaluation.report_section import TITLE as EVALUATION_TITLE
from workbook.report.prepare_section import TITLE as PREPARE_TITLE
from workbook.steps import step

# (id, heading): the HTML report's anchors and contents, and the Word report's headings.
SECTIONS: list[tuple[str, str]] = [
    ("prepare", PREPARE_TITLE),
    ("summary", "Event summary"),
    ("themes", step(3).heading("the themes")),
    ("priorities", step(3).heading("priorities and votes")),
    ("causes", step(4).heading("root causes")),
    ("success", step(5).heading("what success looks like")),
    ("plan", step(6).heading("the action plan")),
    # indicators are set with their baselines on Implement, measured on Review
    ("progress", step(8).heading("progress against the indicators")),
    ("thread", "The golden thread"),
    ("feedback", step(8).heading("you said, we did")),
    ("evaluation", EVALUATION_TITLE),
]
TITLES: dict[str, str] = dict(SECTIONS)
