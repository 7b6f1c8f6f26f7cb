"""The demo's evaluation shows what the panel feature is for (young people's scores in, one
member still scoring), and `wtfc tender export` writes the panel's files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from workbook import InputError, Workshop
from workbook.paths import sample_dir
from workbook.tender import read_evaluation
from workbook.tender.panel import briefing
from workbook.tender.panel.outcome import mark_final
from workbook.tender.panel.practice import compare
from workbook.tender.panel.recognition import recognition
from workbook.tender.read import roster
from workbook.tender.sample import demo_evaluation, load_tender_sample
from workbook.tender.views import result_rows

SAMPLE = sample_dir() / "tender_evaluation.xlsx"


def test_demo_young_people_have_scored_but_one_and_change_the_ranking(workshop):
    load_tender_sample(workshop.tender, SAMPLE, demo=True)
    with workshop.store.read() as conn:
        people = roster(conn, workshop.tender.current_id(conn))
    waiting = [m["name"] for m in people if not m["submitted_at"]]
    assert waiting == ["Frankie"] and len(people) == 9
    ev, problems = workshop.tender.evaluation()
    assert [str(p) for p in problems] == [
        "Scores: Frankie (Young people's panel) has not submitted their scores yet."]
    assert {s.member for s in ev.scores if s.panel == "Young people's panel"} == {
        "Amani", "Bex", "Callum", "Dara", "Eli"}
    rows = result_rows(ev)
    assert all(r["rank_without_young_people"] is not None for r in rows)  # never "not yet"
    first = rows[0]
    assert first["rank_without_young_people"] != 1  # the panel changed who comes first
    # The panel is prepared and recognised as a newcomer would expect to see it.
    assert briefing.settings(workshop.tender).briefing_on
    assert all(briefing.is_briefed(workshop.tender, m) for m in ("Amani", "Frankie"))
    assert compare(workshop.tender, "Amani") and not compare(workshop.tender, "Callum")
    assert all(r.entered and r.hours > 0 for r in recognition(workshop.tender))


def test_demo_evaluation_leaves_out_the_late_members_scores_and_young_agreed_scores():
    ev, problems = read_evaluation(SAMPLE)
    assert problems == []
    demo, submitted, late = demo_evaluation(ev)
    assert late == "Frankie" and "Frankie" not in submitted and len(submitted) == 8
    assert not any(s.member == late for s in demo.scores)
    assert not any(a.panel == "Young people's panel" for a in demo.agreed)
    assert len(demo.scores) == len(ev.scores) - 40  # Frankie's 5 bids x 8 questions
    assert "Frankie" in demo.members_of("Young people's panel")


def test_marking_final_is_refused_without_any_scores(workshop):
    ev, _ = read_evaluation(SAMPLE)
    ev.members = {p.panel: ev.members_of(p.panel) for p in ev.panels}
    ev.scores, ev.agreed, ev.rankings = [], [], []
    workshop.tender.load(ev, "facilitator", submitted=False)
    with pytest.raises(InputError, match="no panel member has handed in"):
        mark_final(workshop.tender, "facilitator")
    assert briefing.settings(workshop.tender).final_at is None


def wtfc(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "workbook.cli", *args], capture_output=True,
                          text=True, timeout=300)


def test_tender_export_writes_payments_certificates_and_once_final_the_outcome(tmp_path):
    ws = Workshop.create(tmp_path / "ws", "Export")
    load_tender_sample(ws.tender, SAMPLE, demo=True)
    ws.close()
    out = tmp_path / "out"
    proc = wtfc("tender", "export", str(tmp_path / "ws"), str(out))
    assert proc.returncode == 0, proc.stderr
    assert (out / "tender_panel_payments.xlsx").exists()
    assert (out / "tender_panel_briefings.xlsx").exists()
    assert len(list((out / "certificates").glob("certificate_*.docx"))) == 6
    assert not (out / "outcome_for_the_panel.html").exists()
    assert "The outcome for the panel was not written. Not yet" in proc.stdout
    ws = Workshop.open(tmp_path / "ws")
    mark_final(ws.tender, "facilitator")
    ws.close()
    proc = wtfc("tender", "export", str(tmp_path / "ws"), str(out))
    assert proc.returncode == 0, proc.stderr
    page = Path(out / "outcome_for_the_panel.html").read_text(encoding="utf-8")
    assert "Youth Voice Collective" in page and "What happens next" in page
    assert (out / "outcome_for_the_panel.docx").exists()
    assert f"Wrote {out / 'outcome_for_the_panel.docx'}" in proc.stdout


def test_an_evaluation_without_a_young_peoples_panel_exports_no_panel_files(workshop, tmp_path):
    from workbook.tender.panel.panel_export import export_panel

    ev, _ = read_evaluation(SAMPLE)
    ev.panels = [p for p in ev.panels if not p.young_people]
    ev.members = {p.panel: ev.members_of(p.panel) for p in ev.panels}
    ev.scores = [s for s in ev.scores if s.panel == ev.panels[0].panel]
    ev.agreed = [a for a in ev.agreed if a.panel == ev.panels[0].panel]
    ev.rankings = [r for r in ev.rankings if r.panel == ev.panels[0].panel]
    workshop.tender.load(ev, "facilitator")
    paths, notes = export_panel(workshop.tender, tmp_path / "out")
    assert paths == [] and notes == [
        "No young people's panel: no payment sheet, certificates or outcome."]
    assert recognition(workshop.tender) == []
