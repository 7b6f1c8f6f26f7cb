"""The report's "How the event went" section: the mood barometer and the "I"/"We" answers, in
sentences, tables and a chart."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from workbook.evaluation.measures import (
    AGREE,
    I_INTRO,
    MOMENTS,
    MOOD,
    MOOD_MEASURE,
    STATEMENTS,
    WE_INTRO,
)
from workbook.evaluation.store import sheets_count, tallies
from workbook.evaluation.summaries import all_sentences, answered, counts, people
from workbook.text import noun, plural

if TYPE_CHECKING:
    from workbook.charts.base import Chart
    from workbook.workshop import Workshop

TITLE = "How the event went"
NOT_YET = ("Nobody has answered the evaluation yet: the mood barometer and the “I” and “We” "
           "statements are asked on the Evaluation page.")
ABOUT = ("The “I” and “We” statements are a council's measures of success for "
         "co-production: " + I_INTRO[0].lower() + I_INTRO[1:-1] + " (“I”), and "
         + WE_INTRO[0].lower() + WE_INTRO[1:-1] + " (“We”). Each was answered at the end of "
         "the event on a five-point agree scale; the mood barometer was asked at the start "
         "and at the end.")


@dataclass
class Table:
    """A table as the report's renderers draw one (the shape of report.content.Table; kept
    here so content can gather this section without a cycle of imports)."""

    caption: str
    header: list[str]
    rows: list[list[str]]


@dataclass
class EvaluationSection:
    """Plain sentences and tables (the renderers escape them), and the chart to draw."""

    answered: bool = False
    about: str = ABOUT
    not_yet: str = NOT_YET
    how: str = ""
    lines: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    chart: Chart | None = None  # made into the report's figure "evaluation" by content


def gather_evaluation(ws: Workshop, charts_too: bool = True) -> EvaluationSection:
    t = tallies(ws)
    section = EvaluationSection(answered=answered(t))
    if not section.answered:
        return section
    n = sheets_count(ws)
    paper = n["start_paper"] + n["end_paper"]
    section.how = (f"At tables, {plural(n['start_table'], 'person', 'people')} answered at the "
                   f"start and {plural(n['end_table'], 'person', 'people')} at the end, each "
                   f"person's answers saved on their own; {plural(paper, 'count')} of answers "
                   f"{noun(paper, 'was', 'were')} typed in from paper forms.")
    section.lines = all_sentences(t)
    section.tables.append(Table(
        "Mood barometer: people by how they felt",
        ["How they felt", *MOMENTS.values()],
        [[words, *(str(dict(counts(t, w, MOOD_MEASURE)).get(words, 0)) for w in MOMENTS)]
         for _, words in MOOD]
        + [["All who answered", *(str(people(t, w, MOOD_MEASURE)) for w in MOMENTS)]]))
    section.tables.append(Table(
        "The “I” and “We” statements at the end of the event: people by answer",
        ["Statement", *(words for _, words in AGREE), "People"],
        [[f"{m.number}: {m.words}", *(str(n) for _, n in counts(t, "end", m)),
          str(people(t, "end", m))] for m in STATEMENTS]))
    if charts_too:
        from workbook.evaluation.charts import evaluation_chart

        section.chart = evaluation_chart(t)
    return section


def write_evaluation_docx(doc: Any, section: EvaluationSection,
                          heading: Callable[[Any, str, int], Any],
                          table: Callable[[Any, Table], None],
                          figure: Callable[[Any], None]) -> None:
    """The section in a Word report, with the report's own heading, table and figure
    helpers (``figure(doc)`` draws the section's chart, when there is one)."""
    heading(doc, TITLE, 1)
    if not section.answered:
        p = doc.add_paragraph()
        p.add_run("Not reached yet. ").bold = True
        p.add_run(section.not_yet)
        return
    doc.add_paragraph(section.about)
    doc.add_paragraph(section.how)
    for line in section.lines:
        doc.add_paragraph(line)
    figure(doc)
    for t in section.tables:
        table(doc, t)
