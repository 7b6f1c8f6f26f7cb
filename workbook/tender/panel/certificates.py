"""A certificate per young panel member (Word): what they did, never their scores."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.io.files import write_atomic
from workbook.model import InputError
from workbook.tender.panel.briefing import BRIEFING, ticked_items
from workbook.tender.panel.outcome_files import large_print
from workbook.tender.panel.practice import practice_scores
from workbook.tender.panel.recognition import recognition, young_members
from workbook.text import plural

if TYPE_CHECKING:
    from workbook.tender.store import TenderStore


@dataclass(frozen=True)
class Certificate:
    member: str
    title: str
    did: list[str]  # what they did, one line each, no scores


def hours_words(hours) -> str:
    return f"{hours:g} hour" + ("" if hours == 1 else "s")


def certificates(tender: TenderStore) -> list[Certificate]:
    """One per young people's panel member: what they did, from the record."""
    ev, _ = tender.evaluation(everyone=True)
    hours = {r.member: r for r in recognition(tender)}
    submitted = {h["member"] for h in tender.submissions() if h["action"] == "submitted"}
    with tender.store.read() as conn:
        people = young_members(tender, conn)
        briefed = {m["name"]: ticked_items(conn, m["id"]) >= set(BRIEFING) for m in people}
    out = []
    for m in people:
        name, panel = m["name"], m["panel"]
        bids = {s.bidder for s in ev.scores if s.member == name}
        given = sum(1 for s in ev.scores if s.member == name)
        did = [f"Was a member of the {panel} ({ev.name})."]
        if briefed[name]:
            did.append("Took part in the briefing: confidentiality, the day and who to turn "
                       "to.")
        if practice_scores(tender, name):
            did.append("Practised scoring on a sample bid.")
        if given:
            did.append(f"Read and scored {plural(len(bids), 'bid')}, giving a reason for each "
                       f"of {plural(given, 'score')}.")
        if name in submitted:
            did.append("Handed in a complete score sheet for the panel's decision.")
        if any(r.member == name for r in ev.rankings):
            did.append("Put the bids in order, favourite first.")
        r = hours.get(name)
        if r is not None and r.hours:
            did.append(f"Gave {hours_words(r.hours)} of their time" + (
                f", including {hours_words(r.hours_prep)} preparing." if r.hours_prep else "."))
        if name in submitted:
            did.append("Helped choose a service for young people, so that young people's "
                       "views shaped the decision.")
        out.append(Certificate(name, "Certificate of achievement", did))
    return out


def file_name(member: str, taken: set[str]) -> str:
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", member).strip("_")[:40] or "member"
    name, n = f"certificate_{stem}.docx", 2
    while name.lower() in taken:
        name, n = f"certificate_{stem}_{n}.docx", n + 1
    taken.add(name.lower())
    return name


def write_certificate(c: Certificate, path: Path, when: date | None = None) -> Path:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = Document()
    large_print(doc, 18)
    doc.core_properties.title = f"{c.title}: {c.member}"
    title = doc.add_heading(c.title, level=0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text, bold in (("This certificate is presented to", False), (c.member, True)):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(text).bold = bold
    doc.add_heading("What they did", level=1)
    for line in c.did:
        doc.add_paragraph(line, style="List Bullet")
    day = when or date.today()
    doc.add_paragraph(f"Date: {day.day} {day:%B %Y}")
    doc.add_paragraph("Signed: ______________________   (for the council)")
    return write_atomic(Path(path), doc.save)


def write_certificates(tender: TenderStore, folder: Path) -> list[Path]:
    found = certificates(tender)
    if not found:
        raise InputError("There is no young people's panel member to give a certificate to.")
    folder.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    return [write_certificate(c, folder / file_name(c.member, taken)) for c in found]
