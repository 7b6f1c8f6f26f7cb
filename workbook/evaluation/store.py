"""The evaluation in the store: a person's answers from a table, counts typed in from paper."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from workbook.evaluation.measures import (
    MEASURES,
    MOMENTS,
    Measure,
    answer,
    check_pair,
    label,
    measure,
    moment,
)
from workbook.evaluation.schema import evaluation_answers as A
from workbook.evaluation.schema import evaluation_settings as SET
from workbook.evaluation.schema import evaluation_sheets as S
from workbook.model import MAX_NAME, InputError, optional_text
from workbook.text import plural

if TYPE_CHECKING:
    import pandas as pd

    from workbook.workshop import Workshop

MAX_COUNT = 10_000  # people answering one question on paper, in one count
PAPER = "Paper forms"


def count(value: object, what: str) -> int:
    """A number of people typed in (blank is none); else a plain message saying what to type."""
    text = "" if value is None else str(value).strip()
    try:
        n = int(text or 0)
    except ValueError:
        raise InputError(f"'{value}' ({what}) is not a number of people: type a whole "
                         "number, or leave it blank for none.") from None
    if not 0 <= n <= MAX_COUNT:
        raise InputError(f"{what}: a count must be from 0 to {MAX_COUNT:,}.")
    return n


def save_answers(ws: Workshop, when: object, answers: Mapping[str, object], *,
                 place: object = "", actor: str = "") -> int:
    """One person's answers, saved at a table as one sheet; a question left blank is skipped.
    Returns the sheet's id."""
    when = moment(when)
    chosen: list[tuple[Measure, int]] = []
    for key, value in answers.items():
        if value in (None, ""):
            continue
        m = measure(key)
        check_pair(when, m)
        chosen.append((m, answer(m, value)))
    if not chosen:
        raise InputError("No answer is chosen yet: choose at least one, then save.")
    where = optional_text(place, "table name", MAX_NAME)
    with ws.store.write(actor, f"Saved one person's evaluation ({MOMENTS[when].lower()})") as tx:
        sheet = tx.insert(S, moment=when, source="table", place=where)
        for m, point in chosen:
            tx.insert(A, sheet_id=sheet, measure=m.key, answer=point, n=1)
    return sheet


def add_paper_counts(ws: Workshop, when: object, key: object,
                     counts: Mapping[object, object], *, actor: str = "") -> int:
    """How many paper forms gave each answer to one question, as one sheet (added to what is
    there already). ``counts``: a point (or its words) -> a number of people."""
    when, m = moment(when), measure(key)
    check_pair(when, m)
    got: dict[int, int] = {}
    for point, value in counts.items():
        p = answer(m, point)
        got[p] = got.get(p, 0) + count(value, f"{m.number}, “{label(m, p)}”")
    total = sum(got.values())
    if not total:
        raise InputError("Every count is 0 or blank: type how many paper forms gave each "
                         "answer, then add them.")
    summary = (f"Added {plural(total, 'paper answer')} to {m.number} "
               f"({MOMENTS[when].lower()})")
    with ws.store.write(actor, summary) as tx:
        sheet = tx.insert(S, moment=when, source="paper", place=PAPER)
        for point, n in sorted(got.items(), reverse=True):
            if n:
                tx.insert(A, sheet_id=sheet, measure=m.key, answer=point, n=n)
    return sheet


def asking(ws: Workshop) -> str:
    """When the tables are asked about now: "start" until the facilitator moves them on."""
    with ws.store.read() as conn:
        found = conn.execute(select(SET.c.moment).where(SET.c.deleted.is_(False))
                             .order_by(SET.c.id).limit(1)).scalar()
    return found or "start"


def set_asking(ws: Workshop, when: object, *, actor: str = "") -> None:
    """Move every table's form to the start or the end of the event (the facilitator's)."""
    when = moment(when)
    with ws.store.write(actor, f"Tables are asked about {MOMENTS[when].lower()}") as tx:
        row = tx.conn.execute(select(SET.c.id).where(SET.c.deleted.is_(False))
                              .order_by(SET.c.id).limit(1)).scalar()
        if row is None:
            tx.insert(SET, moment=when)
        else:
            tx.update(SET, row, moment=when)


@dataclass(frozen=True)
class PaperEntry:
    """A count typed in from paper, as the page lists it to take back."""

    sheet_id: int
    moment: str
    measure: str
    people: int
    at: str

    @property
    def label(self) -> str:
        m = MEASURES[self.measure]
        typed = self.at[:16].replace("T", " ")
        return (f"{m.number} · {MOMENTS[self.moment].lower()} · "
                f"{plural(self.people, 'person', 'people')} · typed {typed} UTC")


def paper_entries(ws: Workshop) -> list[PaperEntry]:
    """The counts typed in from paper that are still counted, newest first."""
    with ws.store.read() as conn:
        rows = conn.execute(
            select(S.c.id, S.c.moment, S.c.created_at, A.c.measure, A.c.n)
            .join(A, A.c.sheet_id == S.c.id)
            .where(S.c.source == "paper", S.c.deleted.is_(False), A.c.deleted.is_(False))
            .order_by(S.c.id.desc())).all()
    entries: dict[int, PaperEntry] = {}
    for sheet, when, at, key, n in rows:
        old = entries.get(sheet)
        entries[sheet] = PaperEntry(sheet, when, key, n + (old.people if old else 0), at)
    return list(entries.values())


def remove_sheet(ws: Workshop, sheet_id: int, *, actor: str = "") -> None:
    """Take back a sheet (a paper count typed twice): its answers no longer count."""
    with ws.store.write(actor, "Took back a count of the evaluation") as tx:
        tx.existing(S, sheet_id, "count")
        tx.delete(S, sheet_id)
        for (answer_id,) in tx.conn.execute(
                select(A.c.id).where(A.c.sheet_id == sheet_id, A.c.deleted.is_(False))).all():
            tx.delete(A, answer_id)


def tallies(ws: Workshop) -> pd.DataFrame:
    """Every question at each time it is asked, by answer: people counted (zeros included).
    Columns: moment, measure, number, answer, label, people."""
    import pandas as pd

    with ws.store.read() as conn:
        rows = conn.execute(
            select(S.c.moment, A.c.measure, A.c.answer, A.c.n)
            .join(S, S.c.id == A.c.sheet_id)
            .where(S.c.deleted.is_(False), A.c.deleted.is_(False))).all()
    counted: dict[tuple[str, str, int], int] = {}
    for when, key, point, n in rows:
        counted[(when, key, point)] = counted.get((when, key, point), 0) + int(n)
    out = []
    for when in MOMENTS:
        for m in MEASURES.values():
            if m.group != "mood" and when != "end":
                continue
            for point, words in m.scale:
                out.append([when, m.key, m.number, point, words,
                            counted.get((when, m.key, point), 0)])
    return pd.DataFrame(out, columns=["moment", "measure", "number", "answer", "label",
                                      "people"])


def sheets_count(ws: Workshop) -> dict[str, int]:
    """How many people answered at tables and how many paper counts there are, by moment."""
    with ws.store.read() as conn:
        rows = conn.execute(select(S.c.moment, S.c.source).where(S.c.deleted.is_(False))).all()
    out = {f"{when}_{source}": 0 for when in MOMENTS for source in ("table", "paper")}
    for when, source in rows:
        out[f"{when}_{source}"] += 1
    return out
