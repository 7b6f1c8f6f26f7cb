"""What `wtfc tender export` writes for the young people's panel: the payment sheet, the
briefing record, a certificate each, and (once results are final) the outcome."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from workbook.model import InputError
from workbook.tender.panel.briefing import briefing_audit
from workbook.tender.panel.certificates import write_certificates
from workbook.tender.panel.outcome import panel_outcome
from workbook.tender.panel.outcome_files import write_outcome_docx, write_outcome_html
from workbook.tender.panel.recognition import recognition, write_payments
from workbook.tender.xlsx import write_workbook

if TYPE_CHECKING:
    from workbook.tender.store import TenderStore

OUTCOME_STEM = "outcome_for_the_panel"


def write_briefings(tender: TenderStore, path: Path) -> Path:
    """The briefing record: every tick and untick with who and when (the audit trail)."""
    rows = [["at", "who", "panel", "member", "item", "ticked"]] + [
        [a["at"], a["who"], a["panel"], a["member"], a["item"], "yes" if a["ticked"] else "no"]
        for a in briefing_audit(tender)]
    return write_workbook({"Briefings": rows}, path)


def write_outcome(tender: TenderStore, folder: Path) -> list[Path]:
    o = panel_outcome(tender)
    folder.mkdir(parents=True, exist_ok=True)
    return [write_outcome_html(o, folder / f"{OUTCOME_STEM}.html"),
            write_outcome_docx(o, folder / f"{OUTCOME_STEM}.docx")]


def export_panel(tender: TenderStore, folder: Path) -> tuple[list[Path], list[str]]:
    """(files written, notes on what was not written and why)."""
    folder.mkdir(parents=True, exist_ok=True)
    if not recognition(tender):
        return [], ["No young people's panel: no payment sheet, certificates or outcome."]
    paths = [write_payments(tender, folder / "tender_panel_payments.xlsx"),
             write_briefings(tender, folder / "tender_panel_briefings.xlsx"),
             *write_certificates(tender, folder / "certificates")]
    notes = []
    try:
        paths += write_outcome(tender, folder)
    except InputError as exc:
        notes.append(f"The outcome for the panel was not written. {exc}")
    return paths, notes
