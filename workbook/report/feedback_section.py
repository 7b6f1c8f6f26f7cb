"""The report's "you said, we did": the three published columns with status, and who to tell."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from workbook.feedback.vocab import NOT_DONE, STATUS_LABELS, status_summary
from workbook.report.prepare_section import Table
from workbook.text import plural

if TYPE_CHECKING:
    import pandas as pd

    from workbook.workshop import Workshop

COLUMNS = ["You said", "What we did and how we are taking it forward", "Impact and next steps",
           "Status"]
TOLD_COLUMNS = ["Who must hear back", "Told on", "How", "Still to do"]


@dataclass
class FeedbackSection:
    """Plain sentences and tables (the renderers escape them)."""

    summary: list[str] = field(default_factory=list)
    entries: Table | None = None
    told: Table | None = None
    to_do: list[str] = field(default_factory=list)


def _and(names: list[str]) -> str:
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else "".join(names)


def middle(row: Any) -> str:
    """The middle column: what was done, or for an entry not done, what and why."""
    if row.status == NOT_DONE:
        return f"What has not been done: {row.we_did} Why: {row.reason}"
    return str(row.we_did)


def status_cell(row: Any) -> str:
    return f"{STATUS_LABELS.get(row.status, row.status)} ({row.given_on})"


def entries_table(fb: pd.DataFrame) -> Table:
    return Table("You said, we did: what we did, its impact and next steps", COLUMNS,
                 [[f"{r.you_said} (theme: {r.theme})", middle(r),
                   r.impact or "Not written yet", status_cell(r)] for r in fb.itertuples()])


def gather_feedback(ws: Workshop) -> FeedbackSection:
    """Read the log and who must hear back once, for the report."""
    section = FeedbackSection()
    fb = ws.feedback
    if len(fb):
        section.summary.append(f"{plural(len(fb), 'entry', 'entries')}: "
                               f"{status_summary(fb['status'])}.")
        section.entries = entries_table(fb)
    groups = ws.hear_back
    if len(groups):
        section.told = Table("Who we have told, and who is still to hear back", TOLD_COLUMNS,
                             [[r.group, r.told_on if r.told else "Not yet", r.how or "–",
                               "Nothing: told" if r.told else "Tell them"]
                              for r in groups.itertuples()])
    waiting = [r.group for r in groups.itertuples() if not r.told]
    if not len(groups):
        section.to_do.append("Nobody is listed to hear back.")
    elif waiting:
        section.to_do.append(f"Still to tell: {_and(waiting)}.")
    else:
        section.to_do.append("Every group on the list has been told.")
    return section


def write_feedback_docx(doc: Any, section: FeedbackSection, not_yet: Callable[[], None],
                        table: Callable[[Any, Table], None]) -> None:
    """The section's body in a Word report (under its heading), with the report's helpers."""
    for line in section.summary:
        doc.add_paragraph(line)
    if section.entries:
        table(doc, section.entries)
    else:
        not_yet()
    if section.told:
        table(doc, section.told)
    for line in section.to_do:
        doc.add_paragraph(line)
