"""The sample tender for the demo: the adult panel has scored; the young people score live."""

from __future__ import annotations

from workbook.model import InputError
from workbook.tender.store import TenderStore
from workbook.tender.xlsx import read_evaluation

ACTOR = "sample event"


def load_tender_sample(tender: TenderStore, path, scored: bool = False) -> int:
    """Load sample_data/tender_evaluation.xlsx; unless `scored`, keep only the adult panel's
    scores (submitted), so the young people's panel can score on their laptops."""
    ev, problems = read_evaluation(path)
    if problems:
        raise InputError(f"The sample evaluation has problems: {problems[0]}")
    if scored:
        return tender.load(ev, ACTOR, submitted=True)
    young = set(ev.young_panels)
    ev.members = {p.panel: ev.members_of(p.panel) for p in ev.panels}
    ev.scores = [s for s in ev.scores if s.panel not in young]
    ev.agreed = [a for a in ev.agreed if a.panel not in young]
    ev.rankings = [r for r in ev.rankings if r.panel not in young]
    adults = {m for p in ev.panels if not p.young_people for m in ev.members_of(p.panel)}
    return tender.load(ev, ACTOR, submitted=adults)
