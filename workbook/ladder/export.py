"""The ladder work of a workshop as one Excel file: scenarios, rounds, votes, assessments."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
from openpyxl import Workbook

from workbook.charts.base import Chart
from workbook.io.files import write_atomic, xlsx_cell
from workbook.ladder.charts import SIZE, compare_chart, model_chart
from workbook.ladder.models import MODELS, STAGE_LABELS, Model, Rung
from workbook.model import InputError

if TYPE_CHECKING:
    from workbook.workshop import Workshop


def _rung(model: str, number: object) -> str:
    if number is None or pd.isna(number):
        return ""
    return MODELS[model].rung(int(number)).label


def _positions(model: Model, counts: dict[int, int]) -> list[Rung]:
    """The model's choices, and any unnamed cell an older store holds votes on."""
    return [*model.options(top_first=False),
            *(r for r in model.rungs if not r.named and counts.get(r.number))]


def ladder_sheets(workshop: Workshop) -> dict[str, pd.DataFrame]:
    """What the export holds, sheet by sheet, as DataFrames."""
    scenarios = workshop.ladder_scenarios.copy()
    for key in MODELS:
        scenarios[key] = [_rung(key, s.get(key)) for s in scenarios["suggestions"]]
    scenarios = scenarios.drop(columns=["suggestions"])
    rounds = workshop.ladder_rounds
    rows = []
    for r in rounds.itertuples():
        model = MODELS[r.model]
        row = {"round": r.round_id, "model": model.name, "scenario": r.title,
               "state": r.state, "suggested": _rung(r.model, r.suggested), "votes": r.votes,
               "started_at": r.started_at}
        # numbered models keep "rung 1" ... columns; the levels and the matrix say their
        # face or cell, since their stored positions are not the numbers the source shows
        row.update({(f"{model.unit} {p.number}" if not (p.face or p.cell) else p.label):
                    r.counts.get(p.number, 0) for p in _positions(model, r.counts)})
        rows.append(row)
    stages = workshop.assessment_stages()
    stages["stage"] = [STAGE_LABELS[s] for s in stages["stage"]]
    stages["now"] = [_rung(m, n) for m, n in zip(stages["model"], stages["now"], strict=True)]
    stages["target"] = [_rung(m, n) for m, n in zip(stages["model"], stages["target"],
                                                    strict=True)]
    stages["model"] = [MODELS[m].name for m in stages["model"]]
    return {
        "Scenarios": scenarios,
        "Rounds": pd.DataFrame(rows),
        "Votes": workshop.ladder_votes,
        "Assessments": stages,
        "Self-assessment": workshop.plan_items(),
    }


def export_ladder_xlsx(workshop: Workshop, path: str | Path) -> Path:
    wb = Workbook(write_only=True)
    for title, df in ladder_sheets(workshop).items():
        ws = wb.create_sheet(title)
        ws.append(list(df.columns))
        for row in df.itertuples(index=False):
            ws.append([xlsx_cell(ws, v) for v in row])
    return write_atomic(Path(path), wb.save)


# --- charts of a round and of assessments (saved by the page as PNG + CSV in outputs/) -------
def round_chart(workshop: Workshop, round_id: int, reveal: float = 1.0,
                size: tuple[int, int] = SIZE) -> Chart:
    """The round's model: bare while voting; once revealed, the spread and the suggestion."""
    rnd = workshop.get_round(round_id)
    model = MODELS[rnd["model"]]
    shown = rnd["state"] == "revealed"
    return model_chart(
        model,
        workshop.round_counts(round_id) if shown else None,
        suggested=rnd["suggested"] if shown else None,
        title=f"{model.name}: {rnd['title']}",
        reveal=reveal,
        name=f"ladder_round_{round_id}",
        size=size,
    )


def assessment_chart(workshop: Workshop, assessment_id: int,
                     size: tuple[int, int] = SIZE) -> Chart:
    a = _assessment(workshop, assessment_id)
    return model_chart(MODELS[a["model"]], markers=workshop.assessment_markers(assessment_id),
                       title=f"{a['title']}: where we are and where we aim to be",
                       name=f"assessment_{assessment_id}", size=size)


def compare_assessments(workshop: Workshop, first: int, second: int) -> Chart:
    a, b = _assessment(workshop, first), _assessment(workshop, second)
    if a["model"] != b["model"]:
        raise InputError(
            f"'{a['title']}' uses {MODELS[a['model']].name} and '{b['title']}' uses "
            f"{MODELS[b['model']].name}: compare two assessments on the same model.")
    return compare_chart(MODELS[a["model"]], workshop.assessment_markers(first),
                         workshop.assessment_markers(second), a["title"], b["title"],
                         name=f"assessments_{first}_and_{second}")


def _assessment(workshop: Workshop, assessment_id: int) -> dict[str, Any]:
    df = workshop.ladder_assessments
    match = df[df["assessment_id"] == assessment_id]
    if match.empty:
        raise InputError("That assessment no longer exists.")
    return match.iloc[0].to_dict()
