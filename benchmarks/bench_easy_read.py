"""The easy read with pictures against the same easy read without them (HTML and Word), for the
sample event and for 300 feedback entries over 30,000 statements; pictures made anew (an empty
cache folder) and kept from the run before."""

from __future__ import annotations

import random
import shutil
import tempfile
import time
from pathlib import Path

from workbook import StatementIn, Workshop
from workbook.easyread import pictures
from workbook.easyread.output import easy_read_bytes, picture_cache
from workbook.sample import build_sample

from .common import best_of, row

WORDS = ("bus home money school friends food doctor evening staff phone letter park music "
         "work shop key rota wheelchair medicine club").split()
STATUSES = ("done", "in progress", "not done")


def _large(folder: Path, statements: int = 30_000, entries: int = 300) -> Workshop:
    ws = Workshop.create(folder, f"Bench easy read, {entries} entries")
    rng = random.Random(entries)
    ws.import_statements([
        StatementIn.parse(f"R-{i // 6:05d}", ("working", "not working", "future")[i % 3],
                          "person", f"Statement {i} about support {rng.random():.6f}")
        for i in range(statements)
    ], source="bench")
    themes = [ws.add_theme(f"Theme {t}", f"I want thing {t}") for t in range(20)]
    for e in range(entries):
        a, b = WORDS[e % len(WORDS)], WORDS[(e * 7) % len(WORDS)]
        status = STATUSES[e % 3]
        ws.add_feedback(themes[e % 20], f"You said the {a} was a problem for you. "
                        f"The {b} did not help either.",
                        f"We looked at the {a} with the people who run it.", status=status,
                        reason="The money for it comes next year." if status == "not done"
                        else "", impact=f"We will check the {b} again in the summer.")
    return ws


def _cold(ws: Workshop, docx: bool) -> float:
    """One easy read with no picture made yet: the cache folder emptied, the SVGs unread."""
    shutil.rmtree(picture_cache(ws), ignore_errors=True)
    pictures.svg_text.cache_clear()
    start = time.perf_counter()
    easy_read_bytes(ws, docx=docx)
    return time.perf_counter() - start


def _cases(ws: Workshop, label: str) -> list[dict]:
    rows = []
    for docx, fmt in ((False, "HTML"), (True, "Word")):
        base, _ = best_of(lambda docx=docx: easy_read_bytes(ws, docx=docx, pictures=False),
                          repeat=5)
        size = len(easy_read_bytes(ws, docx=docx, pictures=False))
        rows.append(row(f"easy read {fmt} without pictures (baseline), {label}", base, base,
                        f"{size / 1e3:.0f} kB"))
        cold = sorted(_cold(ws, docx) for _ in range(3))[1]
        rows.append(row(f"easy read {fmt} with pictures, none made yet, {label}", cold, base,
                        f"{len(list(picture_cache(ws).glob('*.png')))} pictures made"))
        warm, _ = best_of(lambda docx=docx: easy_read_bytes(ws, docx=docx), repeat=5)
        size = len(easy_read_bytes(ws, docx=docx))
        rows.append(row(f"easy read {fmt} with pictures, kept in outputs/, {label}", warm,
                        base, f"{size / 1e3:.0f} kB"))
    return rows


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        sample = build_sample(tmp / "sample")
        rows = _cases(sample, f"sample event ({len(sample.feedback)} entries)")
        sample.close()
        large = _large(tmp / "large")
        rows += _cases(large, "300 entries, 30,000 statements")
        large.close()
    return rows
