"""The evaluation workbook: written and read back unchanged; `wtfc tender results` on it."""

from __future__ import annotations

import json
import subprocess
import sys

import openpyxl
from tender_cases import small

from workbook.tender import as_json, build, read_evaluation, write_evaluation


def wtfc(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "workbook.cli", *args], capture_output=True,
                          text=True, timeout=120)


def test_workbook_round_trip_keeps_every_figure(tmp_path):
    ev, problems = build(small())
    path = write_evaluation(ev, tmp_path / "eval.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:6] == ["Setup", "Panels", "Questions", "Bidders", "Scores", "Agreed"]
    assert [c.value for c in book["Scores"][1]] == ["panel", "member", "bidder", "question",
                                                   "score", "reason"]
    again, problems2 = read_evaluation(path)
    assert problems2 == []
    assert as_json(again, problems2) == as_json(ev, problems)
    assert [(s.member, s.score, s.reason) for s in again.scores] == [
        (s.member, s.score, s.reason) for s in ev.scores]


def test_formula_like_reason_stays_text(tmp_path):
    sheets = small()
    n, row = sheets["Scores"][0]
    sheets["Scores"][0] = (n, {**row, "reason": "=HYPERLINK(\"http://x\")"})
    ev, _ = build(sheets)
    path = write_evaluation(ev, tmp_path / "eval.xlsx")
    again, _ = read_evaluation(path)
    assert again.scores[0].reason == "=HYPERLINK(\"http://x\")"


def test_cli_results_json_agrees_with_hand_working(tmp_path):
    ev, _ = build(small())
    path = write_evaluation(ev, tmp_path / "eval.xlsx")
    proc = wtfc("tender", "results", str(path), "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["complete"] is True and out["problems"] == []
    assert [(b["bidder"], b["total"], b["rank"], b["rank_without_young_people"])
            for b in out["bidders"]] == [("B1", 63.5, 2, 1), ("B2", 86.5, 1, 2)]


def test_cli_names_problems_and_exits_1(tmp_path):
    sheets = small()
    n, row = sheets["Scores"][0]
    sheets["Scores"][0] = (n, {**row, "score": 8})
    ev, _ = build(sheets)
    # Write the bad score back in by hand: build() dropped it.
    path = write_evaluation(ev, tmp_path / "eval.xlsx")
    book = openpyxl.load_workbook(path)
    book["Scores"].append(["A", "a1", "B1", "Q1", 8, "too keen"])
    book.save(path)
    proc = wtfc("tender", "results", str(path), "--json")
    assert proc.returncode == 1
    out = json.loads(proc.stdout)
    assert out["complete"] is False
    assert "Scores row 15: score 8 is out of range: use a whole number from 0 to 5." in (
        out["problems"])
    text = wtfc("tender", "results", str(path))
    assert "To fix: Scores row 15: score 8 is out of range" in text.stdout


def test_cli_unreadable_file_is_a_plain_message(tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a zip")
    proc = wtfc("tender", "results", str(bad), "--json")
    assert proc.returncode == 2
    assert "could not be opened as an Excel workbook" in proc.stderr
    assert "Traceback" not in proc.stderr
