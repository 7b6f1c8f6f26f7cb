"""Theme page: a card move from the click to the redrawn counts and chart, 360 vs 30,000."""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

from workbook import StatementIn, Workshop

from .common import row

MOVES = 15
KINDS = ("working", "not working", "future")


def _workshop(folder: Path, statements: int) -> Workshop:
    ws = Workshop.create(folder, f"Bench {statements}")
    rng = random.Random(statements)
    items = [
        StatementIn.parse(
            f"R-{i // 6:05d}", KINDS[i % 3], "person", f"Statement {i} {rng.random()}"
        )
        for i in range(statements)
    ]
    ws.import_statements(items, source="bench")
    themes = [ws.add_theme(f"Theme {t}") for t in range(10)]
    ids = ws.statements["statement_id"].tolist()
    # Three quarters themed, as after an afternoon's theming; the rest still to place.
    themed = ids[: len(ids) * 3 // 4]
    for t, tid in enumerate(themes):
        ws.assign(themed[t::10], tid)
    return ws


def _time_moves(ws: Workshop) -> float:
    from widgets.stages.theme.page import ThemeView

    view = ThemeView(ws, table="Bench table")
    from widgets.stages.theme.page import UNTHEMED

    targets = [v for _label, v in view.move_target.options if v != UNTHEMED]
    times = []
    for i in range(MOVES):
        options = [v for _label, v in view.card_select.options]
        view.card_select.value = (options[0],)
        view.move_target.value = targets[i % len(targets)]
        start = time.perf_counter()
        view.move_button.click()  # writes, then redraws board, counts and chart
        times.append(time.perf_counter() - start)
        assert "Moved 1 card" in view.messages.text, view.messages.text
    view.close()
    return statistics.median(times)


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        small = _time_moves(_workshop(Path(tmp) / "small", 360))
        large = _time_moves(_workshop(Path(tmp) / "large", 30_000))
    return [
        row(
            "move a card into a theme, 360 statements (click to redrawn chart)",
            small,
            small,
            "goal: under 0.25 s; baseline: itself",
        ),
        row(
            "move a card into a theme, 30,000 statements",
            large,
            small,
            "goal: at most 1.4x the 360-statement time",
        ),
    ]
