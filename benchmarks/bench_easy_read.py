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

from .common import row

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


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _cases(ws: Workshop, label: str, rounds: int = 9) -> list[dict]:
    rows = []
    for docx, fmt in ((False, "HTML"), (True, "Word")):
        easy_read_bytes(ws, docx=docx)  # the pictures made and kept
        # Rounds alternate without and with pictures, and each keeps its fastest: the machine
        # is shared, so a spike lands on both sides and is not taken for the code.
        plain, pics = [], []
        for _ in range(rounds):
            plain.append(_timed(lambda docx=docx: easy_read_bytes(ws, docx=docx,
                                                                  pictures=False)))
            pics.append(_timed(lambda docx=docx: easy_read_bytes(ws, docx=docx)))
        base, warm = min(plain), min(pics)
        cold = min(_cold(ws, docx) for _ in range(5))
        made = len(list(picture_cache(ws).glob("*.png")))
        size = len(easy_read_bytes(ws, docx=docx, pictures=False))
        rows.append(row(f"easy read {fmt} without pictures (baseline), {label}", base, base,
                        f"{size / 1e3:.0f} kB"))
        rows.append(row(f"easy read {fmt} with pictures, none made yet, {label}", cold, base,
                        f"{made} pictures made"))
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
