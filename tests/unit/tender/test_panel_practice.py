"""The practice round: scores on the made-up bid are kept apart and never counted, then shown
beside the worked answer; on SQLite and PostgreSQL."""

from __future__ import annotations

import openpyxl
import pytest

from workbook import InputError
from workbook.paths import sample_dir
from workbook.tender.panel.practice import PRACTICE, compare, gap_words, practice_scores, practise
from workbook.tender.report import export_all
from workbook.tender.rules import as_json
from workbook.tender.sample import load_tender_sample


@pytest.fixture
def tender(workshop):
    load_tender_sample(workshop.tender, sample_dir() / "tender_evaluation.xlsx", scored=True)
    return workshop.tender


def test_practice_scores_never_reach_results_or_exports(tender, tmp_path):
    ev, problems = tender.evaluation(everyone=True)
    before = as_json(ev, problems)
    history_before = len(tender.history())
    for q in PRACTICE:
        practise(tender, "Amani", q.code, 0, "PRACTICE-ONLY reason", actor="Amani")
    ev, problems = tender.evaluation(everyone=True)
    assert as_json(ev, problems) == before
    assert len(tender.history()) == history_before
    assert not any("PRACTICE-ONLY" in s.reason for s in ev.scores)
    for path in export_all(tender, tmp_path / "out"):
        if path.suffix == ".xlsx":
            book = openpyxl.load_workbook(path, read_only=True)
            cells = [str(c) for ws in book for row in ws.iter_rows(values_only=True)
                     for c in row]
            assert not any("PRACTICE-ONLY" in c for c in cells)


def test_the_newest_practice_score_is_shown_beside_the_worked_answer(tender):
    practise(tender, "Bex", "P1", 4, "Good idea", actor="Bex")
    practise(tender, "Bex", "P1", 3, "Changed my mind", actor="Bex")
    practise(tender, "Bex", "P2", 5, "Open lots", actor="Bex")
    assert practice_scores(tender, "Bex") == {"P1": (3, "Changed my mind"),
                                              "P2": (5, "Open lots")}
    rows = compare(tender, "Bex")
    assert [(r["question"], r["score"], r["worked"]) for r in rows] == [("P1", 3, 2),
                                                                       ("P2", 5, 5)]
    assert rows[0]["gap"].startswith("1 higher") and rows[1]["gap"].startswith("the same")
    assert rows[0]["why"] == PRACTICE[0].why
    assert compare(tender, "Amani") == []  # each member sees their own practice only


def test_gap_words_say_the_difference_in_words():
    assert gap_words(2, 2) == "the same as the worked answer"
    assert gap_words(1, 2).startswith("1 lower") and "close" in gap_words(1, 2)
    assert gap_words(5, 1).startswith("4 higher") and "far apart" in gap_words(5, 1)


@pytest.mark.parametrize(("code", "score", "reason", "says"), [
    ("P9", 3, "fine", "no practice question"),
    ("P1", 6, "fine", "from 0 to 5"),
    ("P1", 3, "  ", "Write a reason"),
])
def test_bad_practice_scores_are_refused_and_nothing_saved(tender, code, score, reason, says):
    with pytest.raises(InputError, match=says):
        practise(tender, "Amani", code, score, reason, actor="Amani")
    assert practice_scores(tender, "Amani") == {}
