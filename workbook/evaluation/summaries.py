"""The evaluation's figures as sentences: the page's tallies, the chart's alt text, the report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbook.evaluation.measures import MOMENTS, MOOD_MEASURE, STATEMENTS, Measure
from workbook.text import plural

if TYPE_CHECKING:
    import pandas as pd


def counts(t: pd.DataFrame, when: str, m: Measure) -> list[tuple[str, int]]:
    """(answer's words, people) for one question at one time, in its scale's order."""
    rows = t[(t["moment"] == when) & (t["measure"] == m.key)]
    return [(r.label, int(r.people)) for r in rows.itertuples()]


def people(t: pd.DataFrame, when: str, m: Measure) -> int:
    return sum(n for _, n in counts(t, when, m))


def average(t: pd.DataFrame, when: str, m: Measure) -> float | None:
    """The mean point (1 to 5) of those who answered, or None when nobody did."""
    rows = t[(t["moment"] == when) & (t["measure"] == m.key)]
    total = int(rows["people"].sum())
    return float((rows["answer"] * rows["people"]).sum()) / total if total else None


def spread(pairs: list[tuple[str, int]]) -> str:
    """"3 strongly agree, 1 not sure" (answers nobody gave are left out)."""
    return ", ".join(f"{n} {words.lower()}" for words, n in pairs if n)


def mood_sentence(t: pd.DataFrame, when: str) -> str:
    n = people(t, when, MOOD_MEASURE)
    at = MOMENTS[when]
    if not n:
        return f"{at}: nobody has said how they feel yet."
    mean = average(t, when, MOOD_MEASURE)
    return (f"{at}, {plural(n, 'person', 'people')} said how they felt: "
            f"{spread(counts(t, when, MOOD_MEASURE))} (on average {mean:.1f} out of 5, "
            "where 5 is very happy).")


def mood_change(t: pd.DataFrame) -> str | None:
    """How the room's mood moved from the start to the end, when both were asked."""
    start, end = (average(t, w, MOOD_MEASURE) for w in MOMENTS)
    if start is None or end is None:
        return None
    if round(end, 1) == round(start, 1):
        return f"The average mood was the same at the end as at the start ({end:.1f} out of 5)."
    way = "rose" if end > start else "fell"
    return (f"The average mood {way} from {start:.1f} at the start to {end:.1f} at the end "
            "(out of 5).")


def agreeing(t: pd.DataFrame, m: Measure) -> tuple[int, int]:
    """(people who agree or strongly agree, people who answered) at the end of the event."""
    pairs = dict((p, n) for p, n in zip(
        t[(t["moment"] == "end") & (t["measure"] == m.key)]["answer"],
        t[(t["moment"] == "end") & (t["measure"] == m.key)]["people"], strict=True))
    return int(pairs.get(5, 0) + pairs.get(4, 0)), int(sum(pairs.values()))


def statement_sentence(t: pd.DataFrame, m: Measure) -> str:
    agree, n = agreeing(t, m)
    if not n:
        return f"{m.number} “{m.words}”: nobody has answered yet."
    return (f"{m.number} “{m.words}”: {agree} of {plural(n, 'person', 'people')} agreed or "
            f"strongly agreed ({spread(counts(t, 'end', m))}).")


def answered(t: pd.DataFrame) -> bool:
    return int(t["people"].sum()) > 0


def all_sentences(t: pd.DataFrame) -> list[str]:
    """Every figure of the evaluation in words: the mood at each time, then each statement."""
    lines = [mood_sentence(t, w) for w in MOMENTS]
    change = mood_change(t)
    if change:
        lines.append(change)
    return lines + [statement_sentence(t, m) for m in STATEMENTS]
