"""Step 2, collect: deal statement_bank.py out to sixty reviews; write the long and wide files."""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font
from sample_files import save_workbook
from statement_bank import FAMILY, OTHER, PERSON, PRONOUNS, STAFF, Bank

SEED = 2026
REVIEWS = [f"R-{n:03d}" for n in range(1, 61)]
SERVICE = "Riverside supported living and day opportunities"
KINDS = ("working", "not working", "future")  # as written in reviews_long.csv
KIND_KEY = {"working": "working", "not working": "not_working", "future": "future"}
PERSPECTIVES = ("person", "family carer", "staff", "other")
# How many reviews a family carer, staff member or other person added statements to, and how
# many statements they added in all (drawn from their bank): about 360 statements in total,
# most in the person's own voice, as in a real review extract.
CONTRIBUTORS = {"family carer": (16, 22), "staff": (10, 14), "other": (4, 6)}
BANKS: dict[str, Bank] = {"family carer": FAMILY, "staff": STAFF, "other": OTHER}
MAX_STATEMENT = 200


@dataclass(frozen=True)
class Statement:
    review: str
    perspective: str
    kind: str  # "working", "not working" or "future"
    text: str
    theme: str | None  # the theme the sample group puts it in (before some are left out)

    @property
    def ref(self) -> dict[str, str]:
        """How worked_example.json names a statement."""
        return {"review": self.review, "kind": KIND_KEY[self.kind], "text": self.text}


def _pool(bank: Bank, kind: str | None = None) -> list[tuple[str, str | None, str]]:
    """(kind, theme, text) for every statement in a bank, or in one kind of it."""
    return [
        (k, theme, text)
        for k, groups in bank.items()
        if kind is None or k == kind
        for theme, texts in groups.items()
        for text in texts
    ]


def _deal(rng: random.Random, pool: list, sizes: list[int]) -> list[list]:
    """Shuffle the pool into hands of the given sizes, no hand holding the same text twice."""
    assert sum(sizes) == len(pool), (sum(sizes), len(pool))
    while True:
        cards = pool[:]
        rng.shuffle(cards)
        hands, start = [], 0
        for size in sizes:
            hands.append(cards[start : start + size])
            start += size
        if all(len({c[2] for c in hand}) == len(hand) for hand in hands):
            return hands


def _one_or_two(rng: random.Random, refs: list[str], people: int, total: int) -> dict[str, int]:
    """Pick `people` reviews, some with two statements, so that they add up to `total`."""
    assert people <= total <= 2 * people, (people, total)
    chosen = sorted(rng.sample(refs, people))
    twos = set(rng.sample(chosen, total - people))
    return {ref: 2 if ref in twos else 1 for ref in chosen}


def collect(rng: random.Random) -> list[Statement]:
    """Every review's statements, in the order a review extract lists them."""
    pronouns = {ref: rng.choice(("he", "she")) for ref in REVIEWS}
    by_review: dict[str, list[Statement]] = {ref: [] for ref in REVIEWS}

    # The person: two working, two not working, one or two for the future.
    future = _one_or_two(rng, REVIEWS, len(REVIEWS), len(_pool(PERSON, "future")))
    for kind in KINDS:
        sizes = [future[ref] if kind == "future" else 2 for ref in REVIEWS]
        for ref, hand in zip(REVIEWS, _deal(rng, _pool(PERSON, kind), sizes), strict=True):
            by_review[ref] += [Statement(ref, "person", k, text, theme) for k, theme, text in hand]

    # Family carers, staff and others: one or two statements where they took part.
    for perspective, (people, statements) in CONTRIBUTORS.items():
        pool = rng.sample(_pool(BANKS[perspective]), statements)
        counts = _one_or_two(rng, REVIEWS, people, len(pool))
        refs = sorted(counts)
        for ref, hand in zip(refs, _deal(rng, pool, [counts[r] for r in refs]), strict=True):
            hand.sort(key=lambda card: KINDS.index(card[0]))
            by_review[ref] += [
                Statement(ref, perspective, k, text.format_map(PRONOUNS[pronouns[ref]]), theme)
                for k, theme, text in hand
            ]
    return [s for ref in REVIEWS for s in by_review[ref]]


def write_long_csv(statements: list[Statement], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["review", "perspective", "kind", "text"])
        writer.writerows([s.review, s.perspective, s.kind, s.text] for s in statements)


WIDE_COLUMNS = {
    "working": ("Working 1", "Working 2"),
    "not working": ("Not working 1", "Not working 2"),
    "future": ("Important for the future 1", "Important for the future 2"),
}
WIDE_HEADER = ["Review ref", "Perspective", *(c for cols in WIDE_COLUMNS.values() for c in cols)]
PERSPECTIVE_LABELS = {"person": "Person", "family carer": "Family carer", "staff": "Staff",
                      "other": "Other"}


def wide_rows(statements: list[Statement]) -> list[list[str | None]]:
    """One row per review and perspective; a blank cell where nothing was said."""
    grouped: dict[tuple[str, str], dict[str, list[str]]] = {}
    for s in statements:
        said = grouped.setdefault((s.review, s.perspective), {kind: [] for kind in KINDS})
        said[s.kind].append(s.text)
    rows = []
    for (review, perspective), said in grouped.items():
        row: list[str | None] = [review, PERSPECTIVE_LABELS[perspective]]
        for kind in KINDS:
            assert len(said[kind]) <= 2, (review, perspective, kind)
            row += said[kind] + [None] * (2 - len(said[kind]))
        rows.append(row)
    return rows


def write_wide_xlsx(statements: list[Statement], path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Reviews"
    sheet.append([f"{SERVICE} — review extract"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    sheet.append(WIDE_HEADER)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in wide_rows(statements):
        sheet.append(row)
    for letter, width in zip("ABCDEFGH", (11, 14, *[38] * 6), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "C4"
    save_workbook(book, path)
