"""Synthetic evaluation answers for the sample event (no real people): how the demo room went."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbook.evaluation.store import add_paper_counts, save_answers

if TYPE_CHECKING:
    from workbook.workshop import Workshop

ACTOR = "sample"
TABLES = ("Table 1", "Table 2", "Table 3", "Table 4")
MOOD_START = (3, 2, 4, 3, 3, 2, 4, 5, 3, 2, 3, 4, 1, 3)
MOOD_END = (4, 4, 5, 3, 4, 3, 5, 5, 4, 2, 4, 5, 3)
# Each row: one person's answers at the end, I 1-4 then We 1-4 (None: left out).
END = (
    (5, 4, 5, 4, 4, 5, 4, 5), (4, 4, 5, 3, 4, 4, 3, 4), (5, 5, 5, 4, 5, 5, 4, 5),
    (3, 3, 4, 2, 3, 4, 3, 3), (4, 4, 5, 4, 4, 4, None, 4), (3, 4, 4, 3, 2, 4, 3, 3),
    (5, 5, 5, 5, 5, 4, 5, 5), (4, 5, 5, 4, 4, 5, 4, 4), (4, 3, 4, 3, 4, 4, 3, 4),
    (2, 3, 3, 2, 2, 3, 2, 2), (4, 4, 5, 4, 3, 4, 4, 4), (5, 4, 5, 4, 4, 5, 4, 5),
    (3, 3, 4, None, 3, 3, 3, 3),
)
KEYS = ("I1", "I2", "I3", "I4", "We1", "We2", "We3", "We4")


def add_demo_answers(ws: Workshop) -> None:
    """Fourteen people at the start, thirteen at the end, and three paper forms."""
    for i, mood in enumerate(MOOD_START):
        save_answers(ws, "start", {"mood": mood}, place=TABLES[i % 4], actor=ACTOR)
    for i, (mood, row) in enumerate(zip(MOOD_END, END, strict=True)):
        save_answers(ws, "end", {"mood": mood, **dict(zip(KEYS, row, strict=True))},
                     place=TABLES[i % 4], actor=ACTOR)
    add_paper_counts(ws, "end", "mood", {5: 1, 4: 2}, actor=ACTOR)
    add_paper_counts(ws, "end", "I3", {5: 2, 4: 1}, actor=ACTOR)
