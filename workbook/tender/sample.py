"""The sample tender: for tests the adult panel has scored and the young people score live;
for the demo the young people have scored too, all but one, who is still scoring."""

from __future__ import annotations

from dataclasses import replace

from workbook.model import InputError
from workbook.tender.model import Evaluation
from workbook.tender.store import TenderStore
from workbook.tender.xlsx import read_evaluation

ACTOR = "sample event"
# The demo's young people's panel, made up: who to turn to, the council's rates, what each
# young person gave (hours on the day, hours preparing, expenses in pounds).
DEMO_SETTINGS = {
    "contact_role": "Participation officer",
    "contact_details": "not on the panel; in the room all day, or 07700 900123",
    "reward_kind": "vouchers", "half_day_rate": "25", "full_day_rate": "50",
    "next_steps": "The council's cabinet agrees the decision next month. Then every group "
                  "that bid is told. The chosen group starts the service in the spring, and "
                  "we will invite you to visit it.",
}
DEMO_HOURS = {"Amani": ("5", "2", "6.40"), "Bex": ("5", "2", "0"), "Callum": ("5", "1.5", "3.20"),
              "Dara": ("4", "2", "0"), "Eli": ("5", "2", "12.80"), "Frankie": ("5", "0", "0")}


def demo_evaluation(ev: Evaluation) -> tuple[Evaluation, set[str], str]:
    """The demo's evaluation: every panel's scores but the last young member's (still to
    score), and no agreed young people's scores (they moderate once all are in); returns
    it with who has submitted and who is still scoring."""
    young = set(ev.young_panels)
    members = {p.panel: ev.members_of(p.panel) for p in ev.panels}
    late = next(m for p in ev.panels if p.young_people for m in reversed(members[p.panel]))
    out = replace(ev, members=members,
                  scores=[s for s in ev.scores if s.member != late],
                  agreed=[a for a in ev.agreed if a.panel not in young],
                  rankings=[r for r in ev.rankings if r.member != late])
    submitted = {m for names in members.values() for m in names if m != late}
    return out, submitted, late


def load_tender_sample(tender: TenderStore, path, scored: bool = False,
                       demo: bool = False) -> int:
    """Load sample_data/tender_evaluation.xlsx: every score (`scored`), the demo's (`demo`:
    see demo_evaluation, with the panel briefed, rewarded and one still scoring), or else
    only the adult panel's scores (submitted), so the young people score on their laptops."""
    ev, problems = read_evaluation(path)
    if problems:
        raise InputError(f"The sample evaluation has problems: {problems[0]}")
    if scored:
        return tender.load(ev, ACTOR, submitted=True)
    if demo:
        ev, submitted, _late = demo_evaluation(ev)
        ev_id = tender.load(ev, ACTOR, submitted=submitted)
        prepare_demo_panel(tender, ev)
        return ev_id
    young = set(ev.young_panels)
    ev.members = {p.panel: ev.members_of(p.panel) for p in ev.panels}
    ev.scores = [s for s in ev.scores if s.panel not in young]
    ev.agreed = [a for a in ev.agreed if a.panel not in young]
    ev.rankings = [r for r in ev.rankings if r.panel not in young]
    adults = {m for p in ev.panels if not p.young_people for m in ev.members_of(p.panel)}
    return tender.load(ev, ACTOR, submitted=adults)


def prepare_demo_panel(tender: TenderStore, ev: Evaluation) -> None:
    """The young people's panel as the demo shows it: the settings saved, everyone briefed,
    two practice rounds done, hours and expenses entered."""
    from workbook.tender.panel.briefing import BRIEFING, save_settings, tick
    from workbook.tender.panel.practice import PRACTICE, practise
    from workbook.tender.panel.recognition import record

    save_settings(tender, ACTOR, **DEMO_SETTINGS)
    young = [m for p in ev.panels if p.young_people for m in ev.members_of(p.panel)]
    for name in young:
        for item in BRIEFING:
            tick(tender, name, item, True, actor=name)
    for name, gap in zip(young[:2], (0, 1), strict=True):
        for q in PRACTICE:
            practise(tender, name, q.code, min(5, q.worked + gap), "Practice: " + q.why.split(
                ".")[0] + ".", actor=name)
    for name in young:
        if name in DEMO_HOURS:
            day, prep, expenses = DEMO_HOURS[name]
            record(tender, name, ACTOR, hours_day=day, hours_prep=prep, expenses=expenses)
