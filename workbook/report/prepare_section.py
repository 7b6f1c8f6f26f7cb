"""The report's Step 1 section: who was involved (by role, support needs, theming) and the
reviews used, with how many gave consent to use their words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from workbook.stages.prepare_values import ROLE_PLURALS, ROLES
from workbook.steps import step
from workbook.text import noun, plural

if TYPE_CHECKING:
    from workbook.workshop import Workshop

TITLE = step(1).heading("who was involved, and the reviews used")


@dataclass
class Table:
    """A table as the report's renderers draw one (the shape of report.content.Table; kept
    here so content can gather this section without a cycle of imports)."""

    caption: str
    header: list[str]
    rows: list[list[str]]
_CONSENT = {True: "Yes", False: "No", None: "Not recorded"}


@dataclass
class PrepareSection:
    """Plain sentences and tables (the renderers escape them)."""

    event: list[str] = field(default_factory=list)
    involved: list[str] = field(default_factory=list)
    people: Table | None = None
    reviews: list[str] = field(default_factory=list)
    review_table: Table | None = None


def _roles(counts: dict[str, int]) -> str:
    parts = [f"{n} {ROLE_PLURALS[k] if n != 1 else ROLES[k].lower()}" for k, n in counts.items()]
    return ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else "".join(parts)


def gather_prepare(ws: Workshop) -> PrepareSection:
    """Read the Prepare tables and the reviews once, for the report."""
    section = PrepareSection()
    event = ws.event
    if event.held_on or event.place or event.facilitators:
        where = f" at {event.place}" if event.place else ""
        when = f"on {event.held_on}" if event.held_on else "(date not set)"
        by = f", facilitated by {event.facilitators}" if event.facilitators else ""
        section.event.append(f"The event was held {when}{where}{by}.")
    involved = ws.involvement()
    if involved.total:
        section.involved.append(f"{plural(involved.total, 'person', 'people')} "
                                f"{noun(involved.total, 'was', 'were')} involved: "
                                f"{_roles(involved.by_role)}; {involved.support_needs} with "
                                "support needs.")
        if involved.theming:
            section.involved.append(
                f"Theming was done by {_roles(involved.theming_by_role)}, "
                f"{involved.theming_support_needs} of them with support needs.")
        else:
            section.involved.append("Nobody is recorded as taking part in theming.")
        theming = involved.theming_by_role
        people = {k: [p for p in ws.invitees() if p.role == k] for k in involved.by_role}
        section.people = Table(
            "Who was involved, by role",
            ["Role", "People", "With support needs", "Took part in theming"],
            [[ROLES[k], str(len(ps)), str(sum(p.support_needs for p in ps)),
              str(theming.get(k, 0))] for k, ps in people.items()])
    else:
        section.involved.append("Nobody is recorded on the Prepare page as invited.")
    used = ws.reviews_used()
    if used.total:
        planned = f" (of {used.planned} planned)" if used.planned else ""
        section.reviews.append(
            f"{plural(used.total, 'review')}{planned} {noun(used.total, 'was', 'were')} used: "
            f"{used.consent} with consent to use the person's words, {used.not_recorded} with "
            f"consent not recorded, and {used.no_consent} without consent. Statements from "
            "reviews without consent count in every figure, but their words are not shown.")
        if used.old:
            section.reviews.append(
                f"{plural(used.old, 'review')} {noun(used.old, 'was', 'were')} older than "
                f"{plural(event.review_age_months, 'month')} at the time of the event.")
        section.review_table = Table(
            "The reviews used", ["Review", "Date", "Type", "Consent to use words",
                                 "Statements"],
            [[r.ref, r.reviewed_on or "not recorded", r.review_type or "not recorded",
              _CONSENT[r.consent], str(r.statements)]
             for r in ws.prepare_reviews() if r.statements])
    else:
        section.reviews.append("No reviews have been used yet.")
    return section


def write_prepare_docx(doc: Any, section: PrepareSection,
                       heading: Callable[[Any, str, int], Any],
                       table: Callable[[Any, Table], None]) -> None:
    """The section in a Word report, with the report's own heading and table helpers."""
    heading(doc, TITLE, 1)
    for line in section.event + section.involved:
        doc.add_paragraph(line)
    if section.people:
        table(doc, section.people)
    for line in section.reviews:
        doc.add_paragraph(line)
    if section.review_table:
        table(doc, section.review_table)
