"""The tallies as the facilitator reads them: tables of people by answer (escaped HTML)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from widgets.common.cards import esc
from workbook.evaluation.measures import AGREE, MOMENTS, MOOD, MOOD_MEASURE, STATEMENTS
from workbook.evaluation.summaries import agreeing, counts, mood_change, people

if TYPE_CHECKING:
    import pandas as pd


def _table(caption: str, header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th scope='col'>{esc(h)}</th>" for h in header)
    body = "".join("<tr><th scope='row'>" + esc(r[0]) + "</th>"
                   + "".join(f"<td>{esc(c)}</td>" for c in r[1:]) + "</tr>" for r in rows)
    return (f"<table class='wtfc-grid wtfc-eval-tally'><caption>{esc(caption)}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def tallies_html(t: pd.DataFrame) -> str:
    """The mood at the start and the end, and each statement's answers, as two tables."""
    mood = _table(
        "Mood barometer (people)", ["How they felt", "Start", "End"],
        [[words, *(str(dict(counts(t, w, MOOD_MEASURE)).get(words, 0)) for w in MOMENTS)]
         for _, words in MOOD]
        + [["All", *(str(people(t, w, MOOD_MEASURE)) for w in MOMENTS)]])
    change = mood_change(t)
    statements = _table(
        "At the end: “I” and “We” statements (people)",
        ["Statement", *(words for _, words in AGREE), "Agreed"],
        [[f"{m.number}: {m.short}", *(str(n) for _, n in counts(t, "end", m)),
          "{} of {}".format(*agreeing(t, m))] for m in STATEMENTS])
    return (mood + (f"<p class='wtfc-note'>{esc(change)}</p>" if change else "")
            + statements)
