"""Collect page's finder: a filtered page deep in the list plus every count, 360 vs 30,000."""

from __future__ import annotations

import tempfile
from pathlib import Path

from workbook import StatementIn, Workshop
from workbook.stages.search import StatementFilter, collect_counts, find_statements

from .common import best_of, row

KINDS = ("working", "not_working", "future")
PERSPECTIVES = ("person", "family", "staff", "other")


def _workshop(folder: Path, statements: int) -> Workshop:
    ws = Workshop.create(folder, f"Bench {statements}")
    ws.import_statements([
        StatementIn.parse(f"R-{i % 3000:04d}", KINDS[i % 3], PERSPECTIVES[i % 4],
                          f"Statement number {i} about {'buses' if i % 7 else 'the café'}")
        for i in range(statements)], source="bench")
    return ws


def _search(ws: Workshop) -> None:
    """What one redraw of the finder asks: a filtered page, the counts, a Unicode search."""
    total = find_statements(ws.store, StatementFilter(text="BUSES", kind="future")).total
    find_statements(ws.store, StatementFilter(text="BUSES", kind="future"),
                    offset=max(total - 50, 0), limit=50)
    collect_counts(ws.store)
    find_statements(ws.store, StatementFilter(text="CAFÉ"))


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        small_ws, large_ws = (_workshop(Path(tmp) / str(n), n) for n in (360, 30_000))
        small, _ = best_of(lambda: _search(small_ws), repeat=5)
        large, _ = best_of(lambda: _search(large_ws), repeat=5)
        small_ws.close()
        large_ws.close()
    return [
        row("find and count statements, 360 (last page, counts, Unicode)", small, small,
            "baseline: itself"),
        row("find and count statements, 30,000", large, small,
            "the 360-statement search is the baseline; goal: under 1 s on its own"),
    ]
