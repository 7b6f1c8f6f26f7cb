"""The WTfC report: the sample event, and 30,000 statements with 300 actions, each format,
as a ratio to exporting the same workshop to JSON (the baseline, timed in the same run)."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from workbook import StatementIn, Workshop
from workbook.io import exchange
from workbook.report import write_report
from workbook.sample import build_sample

from .common import best_of, row

KINDS = ("working", "not working", "future")
PERSPECTIVES = ("person", "family", "staff", "other")
VOICES = ("person", "family", "staff", "provider", "commissioner")


def _large(folder: Path, statements: int = 30_000, actions: int = 300) -> Workshop:
    ws = Workshop.create(folder, f"Bench {statements} statements")
    rng = random.Random(statements)
    ws.import_statements([
        StatementIn.parse(f"R-{i // 6:05d}", KINDS[i % 3], PERSPECTIVES[i % 4],
                          f"Statement {i} about support {rng.random():.6f}")
        for i in range(statements)
    ], source="bench")
    themes = [ws.add_theme(f"Theme {t}", f"I want thing {t}") for t in range(20)]
    ids = ws.statements["statement_id"].tolist()
    for t, tid in enumerate(themes):
        ws.assign(ids[: len(ids) * 3 // 4][t::20], tid)
    for t, tid in enumerate(themes[:10]):
        for voter in range(3):
            ws.vote(f"Table {voter}-{t}", theme_id=tid)
    causes = {tid: [ws.add_cause(tid, f"Cause {c} of theme {tid}") for c in range(3)]
              for tid in themes[:10]}
    success = {tid: [ws.add_success(tid, VOICES[s], f"Success {s} for {tid}", causes[tid][s % 3])
                     for s in range(5)] for tid in themes[:10]}
    for a in range(actions):
        tid = themes[a % 10]
        ws.add_action(tid, f"Action {a}", f"Owner {a % 25}", f"2027-{a % 12 + 1:02d}-28",
                      cause_id=causes[tid][a % 3], success_ids=success[tid][a % 5:a % 5 + 2],
                      status=("not started", "in progress", "done")[a % 3])
    for tid in themes[:10]:
        ind = ws.add_indicator(success[tid][0], f"Indicator {tid}", 10, 50,
                               baseline_on="2026-01-01", target_on="2027-12-31", unit="%")
        ws.add_measurement(ind, "2026-07-01", 25)
        ws.add_feedback(tid, f"You said theme {tid} was not working.", "We changed it.")
    return ws


def _cases(ws: Workshop, label: str, tmp: Path) -> list[dict]:
    base, _ = best_of(lambda: exchange.export_json(ws, tmp / "baseline.json"), repeat=3)
    rows = [row(f"export to JSON (baseline), {label}", base, base)]
    for fmt, name in (("html", "report.html"), ("docx", "report.docx"),
                      ("easy-read", "easy.html")):
        seconds, _ = best_of(lambda fmt=fmt, name=name: write_report(ws, fmt, tmp / name),
                             repeat=3)
        size = (tmp / name).stat().st_size
        rows.append(row(f"report {fmt}, {label}", seconds, base, f"{size / 1e6:.2f} MB"))
    return rows


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        sample = build_sample(tmp / "sample")
        rows = _cases(sample, "sample event (366 statements, 9 actions)", tmp)
        sample.close()
        large = _large(tmp / "large")
        rows += _cases(large, "30,000 statements, 300 actions", tmp)
        large.close()
    return rows
