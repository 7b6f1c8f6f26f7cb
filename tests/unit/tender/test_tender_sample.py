"""The sample tender evaluation: the shape the issue asks for, and the panel changes the ranking."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from workbook.tender import read_evaluation

SAMPLE = Path(__file__).resolve().parents[3] / "sample_data"


def test_sample_is_the_worked_example_the_issue_describes():
    ev, problems = read_evaluation(SAMPLE / "tender_evaluation.xlsx")
    assert problems == []
    assert len(ev.questions) == 8 and len(ev.bidders) == 5
    adult, young = ev.panels
    assert (adult.young_people, young.young_people) == (False, True)
    assert adult.share == young.share
    assert len(ev.members_of(adult.panel)) == 3 and len(ev.members_of(young.panel)) == 6
    assert len(ev.scores) == 5 * 8 * 9 and all(s.reason for s in ev.scores)
    assert len(ev.rankings) == 9


def test_sample_results_agree_with_the_saved_expectation_and_panel_changes_ranking():
    proc = subprocess.run([sys.executable, "-m", "workbook.cli", "tender", "results",
                           str(SAMPLE / "tender_evaluation.xlsx"), "--json"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    expected = json.loads((SAMPLE / "tender_expected.json").read_text())
    assert out == {k: expected[k] for k in ("complete", "problems", "bidders")}
    with_yp = [b["bidder"] for b in sorted(out["bidders"], key=lambda b: b["rank"])]
    without = [b["bidder"] for b in sorted(out["bidders"],
                                           key=lambda b: b["rank_without_young_people"])]
    assert with_yp[0] != without[0]
    for b in out["bidders"]:
        assert round(b["quality"] + b["price"], 2) == b["total"] or abs(
            b["quality"] + b["price"] - b["total"]) <= 0.011
